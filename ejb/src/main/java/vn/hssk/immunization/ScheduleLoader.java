package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Builds the province's vaccines and schedule from the published rows (epi_schedule_source, loaded at onboarding,
 * after the migrations) the first time the schedule is needed. The one row of {@code immunization_setup} is locked
 * while it happens, so two nodes never load it twice; once loaded the schedule belongs to the province administrator.
 */
@Dependent
public class ScheduleLoader {

    private static final String ACTOR = "epi-catalog";

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ImmunizationRepository repository;

    public void ensureLoaded() {
        if (loaded(false)) {
            return;
        }
        if (loaded(true)) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, antigen, vaccine, dose_number, recommended_age,"
                + " minimum_age, min_interval_from_previous, target_group, legal_basis, confidence, notes"
                + " FROM epi_schedule_source ORDER BY id").getResultList();
        List<ScheduleCatalog.SourceRow> source = rows.stream().map(r -> new ScheduleCatalog.SourceRow(
                ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10])).toList();
        for (ScheduleCatalog.Series series : ScheduleCatalog.series(source)) {
            Vaccine vaccine = repository.vaccineByCode(series.vaccine().code()).orElseGet(() -> {
                Vaccine v = new Vaccine(series.vaccine(), ACTOR);
                repository.add(v);
                return v;
            });
            for (ScheduleCatalog.Dose dose : series.doses()) {
                repository.add(new ScheduleDose(vaccine, dose.details(), dose.sourceId(), ACTOR));
            }
        }
        em.createNativeQuery("UPDATE immunization_setup SET schedule_loaded_at = CURRENT_TIMESTAMP(3) WHERE id = 1")
                .executeUpdate();
    }

    private boolean loaded(boolean lock) {
        List<?> at = em.createNativeQuery("SELECT schedule_loaded_at FROM immunization_setup WHERE id = 1"
                + (lock ? " FOR UPDATE" : "")).getResultList();
        return !at.isEmpty() && at.get(0) != null;
    }
}
