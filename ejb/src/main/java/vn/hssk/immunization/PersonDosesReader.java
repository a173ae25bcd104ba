package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hssk.record.Person;
import vn.hssk.shared.FieldCheck;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;

/**
 * Reads {@link PersonDoses} of one person in the caller's transaction. The caller has checked that the person may be
 * read and audits the read. A next dose is shown only while it is due or overdue by less than
 * {@value #CATCH_UP_YEARS} years: an adult is not told that their infant BCG is forty years overdue, and a late
 * catch-up is the station's call.
 */
@Dependent
public class PersonDosesReader {

    static final int CATCH_UP_YEARS = 5;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private ScheduleLoader loader;

    @Inject
    private StationRepository stations;

    public PersonDoses of(Person person) {
        loader.ensureLoaded();
        List<Immunization> doses = repository.doses(person.getId(), false);
        Map<Long, Map<Integer, LocalDate>> given = new HashMap<>();
        doses.forEach(d -> given.computeIfAbsent(d.getVaccine().getId(), k -> new HashMap<>())
                .put(d.getDoseNumber(), d.getGivenOn()));
        LocalDate today = FieldCheck.today();
        DueList.Child child = new DueList.Child(person.getId(), person.getFullName(), person.getSex(),
                person.getBirthDate(), person.getVillage().getId(), person.getVillage().getCode(),
                person.getVillage().getName());
        List<PersonDoses.Due> due = DueList.next(child, given, repository.schedule(today, null), YearMonth.from(today))
                .stream().filter(e -> e.dueDate().isAfter(today.minusYears(CATCH_UP_YEARS)))
                .map(e -> new PersonDoses.Due(e.vaccineCode(), e.vaccineName(VIETNAMESE), e.vaccineName(),
                        e.doseNumber(), e.dueDate(), e.dueDate().isBefore(today)))
                .toList();
        Map<Long, String> stationNames = new HashMap<>();
        List<PersonDoses.Given> list = doses.stream().map(d -> new PersonDoses.Given(d.getVaccine().getCode(),
                d.getVaccine().name(VIETNAMESE), d.getVaccine().getName(), d.getDoseNumber(), d.getGivenOn(),
                d.getStationId() == null ? d.getPlace() : stationNames.computeIfAbsent(d.getStationId(),
                        id -> stations.find(id).map(HealthStation::getName).orElse(null))))
                .toList();
        return new PersonDoses(list, due);
    }
}
