package vn.hssk.export;

import java.time.format.DateTimeFormatter;
import vn.hssk.household.MemberRelation;
import vn.hssk.record.Person;

/** Part A of the 831 record: the administrative identity, with Vietnamese labels and values. */
record PartASection(Person person, String householdCode) implements RecordSection {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public String title() {
        return "A. Thông tin hành chính";
    }

    @Override
    public void write(SectionWriter out) {
        Place place = Place.of(person);
        out.field("Họ và tên", person.getFullName());
        out.field("Giới tính", switch (person.getSex()) {
            case MALE -> "Nam";
            case FEMALE -> "Nữ";
        });
        out.field("Ngày sinh", DAY.format(person.getBirthDate()));
        if (person.isProvisional()) {
            out.field("Số định danh cá nhân", "Chưa có (mã tạm thời " + person.getProvisionalKey() + ")");
        } else {
            out.field("Số định danh cá nhân", person.getPersonalId());
        }
        out.field("Mã số BHXH (thẻ BHYT)", person.getBhytNumber());
        out.field("Dân tộc", person.getEthnicity());
        out.field("Tôn giáo", person.getReligion());
        out.field("Nghề nghiệp", person.getOccupation());
        out.field("Điện thoại", person.getPhone());
        out.field("Địa chỉ", person.getAddress());
        out.field("Thôn/ấp/tổ dân phố", unit(place.village()));
        out.field("Xã/phường/đặc khu", unit(place.commune()));
        out.field("Tỉnh/thành phố", unit(place.province()));
        out.field("Hộ gia đình", householdCode);
        out.field("Quan hệ với chủ hộ", relation(person.getRelationToHead()));
        out.field("Nhóm máu", blood(person));
    }

    private static String unit(vn.hssk.unit.AdministrativeUnit u) {
        return u == null ? null : u.getName() + " (" + u.getCode() + ")";
    }

    private static String blood(Person p) {
        if (p.getBloodAbo() == null && p.getBloodRh() == null) {
            return null;
        }
        String abo = p.getBloodAbo() == null ? "?" : p.getBloodAbo().name();
        String rh = p.getBloodRh() == null ? "" : switch (p.getBloodRh()) {
            case POSITIVE -> " Rh+";
            case NEGATIVE -> " Rh−";
        };
        return abo + rh;
    }

    static String relation(MemberRelation r) {
        if (r == null) {
            return null;
        }
        return switch (r) {
            case HEAD -> "Chủ hộ";
            case SPOUSE -> "Vợ/chồng";
            case CHILD -> "Con";
            case PARENT -> "Cha/mẹ";
            case GRANDPARENT -> "Ông/bà";
            case GRANDCHILD -> "Cháu";
            case SIBLING -> "Anh/chị/em";
            case CHILD_IN_LAW -> "Con dâu/con rể";
            case OTHER -> "Khác";
        };
    }
}
