package vn.hssk.export;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.hssk.record.Person;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitRepository;

/** Part D in the PDF: the person's visits, newest first (voided ones left out), at most {@value #MAX_VISITS}. */
@Dependent
public class PartDSource implements RecordPartSource {

    static final int MAX_VISITS = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    private VisitRepository visits;

    @Override
    public String part() {
        return "D";
    }

    @Override
    public RecordSection section(Person person) {
        List<List<String>> rows = new ArrayList<>();
        for (Visit v : visits.forPerson(person.getId(), 0, MAX_VISITS)) {
            if (v.isVoided()) {
                continue;
            }
            rows.add(List.of(v.getVisitDate() == null ? "" : DAY.format(v.getVisitDate()), vitals(v), body(v),
                    v.getDiagnoses().stream().map(d -> d.getCode() + " " + d.getName())
                            .collect(Collectors.joining("; ")),
                    join(v.getConclusion(), v.getAdvice())));
        }
        return new RecordSection() {
            @Override
            public String title() {
                return "D. Khám lâm sàng và cận lâm sàng";
            }

            @Override
            public void write(SectionWriter out) {
                if (rows.isEmpty()) {
                    out.note("Chưa có lần khám nào.");
                } else {
                    out.table(List.of("Ngày khám", "Mạch, huyết áp", "Cao, nặng, BMI", "Chẩn đoán (ICD-10)",
                            "Kết luận, tư vấn"), rows);
                }
            }
        };
    }

    private static String vitals(Visit v) {
        List<String> parts = new ArrayList<>();
        if (v.getPulse() != null) {
            parts.add("Mạch " + v.getPulse() + " l/ph");
        }
        if (v.getBpSystolic() != null && v.getBpDiastolic() != null) {
            parts.add("HA " + v.getBpSystolic() + "/" + v.getBpDiastolic() + " mmHg");
        }
        return String.join(", ", parts);
    }

    private static String body(Visit v) {
        List<String> parts = new ArrayList<>();
        if (v.getHeightCm() != null) {
            parts.add(plain(v.getHeightCm()) + " cm");
        }
        if (v.getWeightKg() != null) {
            parts.add(plain(v.getWeightKg()) + " kg");
        }
        if (v.getBmi() != null) {
            parts.add("BMI " + plain(v.getBmi()));
        }
        return String.join(", ", parts);
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }

    private static String join(String a, String b) {
        return a == null ? (b == null ? "" : b) : b == null ? a : a + " — " + b;
    }
}
