package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.hssk.export.RecordPartSource;
import vn.hssk.export.RecordSection;
import vn.hssk.export.SectionWriter;
import vn.hssk.record.Person;

/** Part C (immunizations) of the exported record: the person's live doses, as the part C tab shows them. */
@Dependent
public class PartCSection implements RecordPartSource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    private ImmunizationRepository repository;

    @Override
    public String part() {
        return "C";
    }

    @Override
    public RecordSection section(Person person) {
        List<List<String>> rows = repository.doses(person.getId(), false).stream().map(d -> List.of(
                DAY.format(d.getGivenOn()), d.getVaccine().getCode() + " – " + d.getVaccine().getName(),
                d.getSchedule() == null ? String.valueOf(d.getDoseNumber()) : d.getSchedule().getDoseLabel(),
                d.getSource() == DoseSource.GIVEN ? "Tại trạm, lô " + d.getLot().getLotNumber()
                        : d.getPlace() == null ? "Trước đây" : d.getPlace())).toList();
        return new RecordSection() {
            @Override
            public String title() {
                return "C. Tiêm chủng";
            }

            @Override
            public void write(SectionWriter out) {
                if (rows.isEmpty()) {
                    out.note("Chưa ghi nhận mũi tiêm nào.");
                } else {
                    out.table(List.of("Ngày tiêm", "Vắc xin", "Mũi", "Nơi tiêm"), rows);
                }
            }
        };
    }
}
