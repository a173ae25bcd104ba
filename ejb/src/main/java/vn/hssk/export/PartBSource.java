package vn.hssk.export;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.record.HistoryCategory;
import vn.hssk.record.HistoryEntry;
import vn.hssk.record.HistoryRepository;
import vn.hssk.record.Person;

/** Part B in the PDF: the person's current history lines (voided ones left out), grouped in the form's order. */
@Dependent
public class PartBSource implements RecordPartSource {

    @Inject
    private HistoryRepository history;

    @Override
    public String part() {
        return "B";
    }

    @Override
    public RecordSection section(Person person) {
        List<List<String>> rows = new ArrayList<>();
        List<HistoryEntry> entries = new ArrayList<>(history.entries(person.getId(), false));
        entries.sort(java.util.Comparator.comparing((HistoryEntry e) -> e.getItem().getCategory())
                .thenComparing(e -> e.getItem().getSortOrder()));
        for (HistoryEntry e : entries) {
            rows.add(List.of(category(e.getItem().getCategory()), e.getItem().getName(), value(e),
                    e.getRelative() == null ? "" : e.getRelative(), notes(e)));
        }
        return new RecordSection() {
            @Override
            public String title() {
                return "B. Tiền sử và các yếu tố nguy cơ";
            }

            @Override
            public void write(SectionWriter out) {
                if (rows.isEmpty()) {
                    out.note("Chưa ghi nhận tiền sử nào.");
                } else {
                    out.table(List.of("Nhóm", "Mục", "Tình trạng, giá trị", "Người thân", "Ghi chú"), rows);
                }
            }
        };
    }

    private static String value(HistoryEntry e) {
        List<String> parts = new ArrayList<>();
        if (e.getStatus() != null) {
            parts.add(e.getStatus());
        }
        BigDecimal n = e.getNumberValue();
        if (n != null) {
            String unit = e.getItem().getNumberUnit();
            parts.add(n.stripTrailingZeros().toPlainString() + (unit == null ? "" : " " + unit));
        }
        if (e.isQuit()) {
            parts.add("đã bỏ");
        }
        return String.join(", ", parts);
    }

    private static String notes(HistoryEntry e) {
        List<String> parts = new ArrayList<>();
        if (e.getIcd10Code() != null) {
            parts.add("ICD-10 " + e.getIcd10Code());
        }
        if (e.getSinceYear() != null) {
            parts.add("từ năm " + e.getSinceYear());
        }
        if (e.getDescription() != null) {
            parts.add(e.getDescription());
        }
        return String.join("; ", parts);
    }

    static String category(HistoryCategory c) {
        return switch (c) {
            case BIRTH -> "Tình trạng lúc sinh";
            case ALLERGY -> "Dị ứng";
            case DISEASE -> "Bệnh tật";
            case DISABILITY -> "Khuyết tật";
            case HABIT -> "Thói quen, nguy cơ";
            case EXPOSURE -> "Tiếp xúc nghề nghiệp, môi trường";
            case SURGERY -> "Phẫu thuật";
            case REPRODUCTIVE -> "Sức khỏe sinh sản";
            case OTHER -> "Khác";
        };
    }
}
