package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the province's vaccines and schedule from the published rows (epi_schedule_source, loaded at onboarding,
 * after the migrations) the first time the schedule is needed. The one row of {@code immunization_setup} is locked
 * while it happens, so two nodes never load it twice; once loaded the schedule belongs to the province administrator.
 * The vaccines get their Vietnamese names from {@code vaccine_name_source}, the catalog's names by product code.
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
        Map<String, String> vietnamese = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT code, name_vi FROM vaccine_name_source").getResultList()) {
            Object[] r = (Object[]) row;
            vietnamese.put((String) r[0], (String) r[1]);
        }
        for (ScheduleCatalog.Series series : ScheduleCatalog.series(source)) {
            VaccineDetails d = series.vaccine();
            Vaccine vaccine = repository.vaccineByCode(d.code()).orElseGet(() -> {
                Vaccine v = new Vaccine(new VaccineDetails(d.code(), d.name(), d.antigen(), d.manufacturer(),
                        d.dosesPerVial(), vietnamese.get(d.code())), ACTOR);
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
