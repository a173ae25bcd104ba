package vn.hssk.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Vietnamese-looking names and personal IDs for the demo data of the embedded stack (households, residents), drawn
 * from a seeded {@link Random} so that every fresh start shows the same people. Never used outside demo data.
 */
public final class DemoNames {

    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Trịnh", "Mai", "Lương", "Cao");
    private static final List<String> MALE_MIDDLE = List.of("Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Xuân");
    private static final List<String> FEMALE_MIDDLE = List.of("Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Phương");
    private static final List<String> MALE_GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng",
            "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Hiếu", "Trung", "Lâm", "Toàn");
    private static final List<String> FEMALE_GIVEN = List.of("Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương",
            "Lan", "Linh", "Mai", "Nga", "Nhung", "Phương", "Thảo", "Trang", "Yến", "Huyền", "Loan", "Vân", "Hằng");

    private DemoNames() {
    }

    public static String family(Random random) {
        return pick(random, FAMILY);
    }

    public static String fullName(Random random, String family, boolean male) {
        return family + " " + pick(random, male ? MALE_MIDDLE : FEMALE_MIDDLE) + " "
                + pick(random, male ? MALE_GIVEN : FEMALE_GIVEN);
    }

    /** A 12-digit personal ID shaped as DOMAIN describes: province of birth, century and sex, year, six digits. */
    public static String personalId(Random random, String tenantCode, boolean male, LocalDate born) {
        int century = (born.getYear() / 100 - 19) * 2 + (male ? 0 : 1);
        return "0" + tenantCode + century + String.format("%02d", born.getYear() % 100)
                + String.format("%06d", random.nextInt(1_000_000));
    }

    public static LocalDate birth(Random random, int year) {
        return LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
