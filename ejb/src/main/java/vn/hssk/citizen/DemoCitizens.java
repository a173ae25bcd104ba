package vn.hssk.citizen;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdDetails;
import vn.hssk.household.HouseholdMember;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.household.MemberDetails;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.record.Person;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.PersonRepository;
import vn.hssk.shared.FieldCheck;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitRepository;

/**
 * The household of the demo citizens of the dev realm that plays VNeID (keycloak/vneid-realm.json): Lê Văn Minh and
 * Nguyễn Thị Hoa, head and spouse of a household of Huệ Nghiêm village in Quảng Đại (Thanh Hóa, 38), with two
 * children, one of them under two (the demo immunization gives the young children their doses). Their personal IDs are
 * fixed so that the demo logins find them. Nothing happens when the father's record exists.
 */
@Stateless
public class DemoCitizens {

    static final String FATHER_ID = "038085012345";
    static final String MOTHER_ID = "038187023456";
    private static final Logger LOG = Logger.getLogger(DemoCitizens.class);
    private static final String ACTOR = "demo";

    private record Member(String name, Sex sex, LocalDate born, MemberRelation relation, String personalId) {
    }

    @Inject
    private PersonRepository persons;

    @Inject
    private HouseholdRepository households;

    @Inject
    private UnitRepository units;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (!"38".equals(tenantCode) || persons.findByPersonalId(FATHER_ID).isPresent()) {
            return;
        }
        Optional<AdministrativeUnit> village = units.findCurrentByCode("16279-01");
        if (village.isEmpty()) {
            LOG.warn("Demo village 16279-01 is missing: no demo citizens");
            return;
        }
        LocalDate today = FieldCheck.today();
        List<Member> members = List.of(
                new Member("Lê Văn Minh", Sex.MALE, LocalDate.of(1985, 3, 12), MemberRelation.HEAD, FATHER_ID),
                new Member("Nguyễn Thị Hoa", Sex.FEMALE, LocalDate.of(1987, 7, 20), MemberRelation.SPOUSE,
                        MOTHER_ID),
                new Member("Lê Minh Khang", Sex.MALE, LocalDate.of(2021, 5, 2), MemberRelation.CHILD,
                        "038221045678"),
                new Member("Lê Ngọc Anh", Sex.FEMALE, today.minusMonths(14).withDayOfMonth(14),
                        MemberRelation.CHILD, null));
        String address = "Số 12, xóm 3, " + village.get().getName();
        Household household = new Household(new HouseholdDetails("16279-01-900", village.get().getId(), address,
                members.get(0).name(), "0912345678", null), village.get(), ACTOR);
        households.add(household);
        for (Member m : members) {
            HouseholdMember member = household.addMember(new MemberDetails(m.name(), m.sex(), m.born(),
                    m.relation(), m.personalId()), ACTOR);
            households.add(member);
            households.flush();
            Person person = new Person(new PersonDetails(m.name(), m.sex(), m.born(), m.personalId(),
                    m.relation() == MemberRelation.CHILD ? null : "38" + m.personalId().substring(4),
                    "Kinh", null, m.relation() == MemberRelation.CHILD ? null : "Nông dân",
                    m.relation() == MemberRelation.HEAD ? "0912345678" : null, village.get().getId(), address,
                    household.getId(), m.relation(), null, null), village.get(), ACTOR);
            persons.add(person);
            persons.flush();
            member.linkPerson(person.getId(), ACTOR);
        }
        LOG.infof("Demo citizens' household %s: %d members", household.getCode(), members.size());
    }
}
