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

    /** One member of the demo household, and their record. */
    record Member(String name, Sex sex, LocalDate born, MemberRelation relation, String personalId) {

        PersonDetails details(long villageId, String address, Long householdId) {
            boolean child = relation == MemberRelation.CHILD;
            return new PersonDetails(name, sex, born, personalId, child ? null : "38" + personalId.substring(4),
                    "Kinh", null, child ? null : "Nông dân", relation == MemberRelation.HEAD ? "0912345678" : null,
                    villageId, address, householdId, relation, null, null);
        }
    }

    /**
     * The household on {@code today}: the parents, a child born in 2021 and one of 14 months. Past one year a child
     * must have a personal ID (only a newborn may have a provisional record), so the youngest's follows their birth year.
     */
    static List<Member> members(LocalDate today) {
        LocalDate youngest = today.minusMonths(14).withDayOfMonth(14);
        String youngestId = "0383" + String.format("%02d", youngest.getYear() % 100) + "012321";
        return List.of(
                new Member("Lê Văn Minh", Sex.MALE, LocalDate.of(1985, 3, 12), MemberRelation.HEAD, FATHER_ID),
                new Member("Nguyễn Thị Hoa", Sex.FEMALE, LocalDate.of(1987, 7, 20), MemberRelation.SPOUSE,
                        MOTHER_ID),
                new Member("Lê Minh Khang", Sex.MALE, LocalDate.of(2021, 5, 2), MemberRelation.CHILD,
                        "038221045678"),
                new Member("Lê Ngọc Anh", Sex.FEMALE, youngest, MemberRelation.CHILD, youngestId));
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
        List<Member> members = members(FieldCheck.today());
        String address = "Số 12, xóm 3, " + village.get().getName();
        Household household = new Household(new HouseholdDetails("16279-01-900", village.get().getId(), address,
                members.get(0).name(), "0912345678", null), village.get(), ACTOR);
        households.add(household);
        for (Member m : members) {
            HouseholdMember member = household.addMember(new MemberDetails(m.name(), m.sex(), m.born(),
                    m.relation(), m.personalId()), ACTOR);
            households.add(member);
            households.flush();
            Person person = new Person(m.details(village.get().getId(), address, household.getId()), village.get(),
                    ACTOR);
            persons.add(person);
            persons.flush();
            member.linkPerson(person.getId(), ACTOR);
        }
        LOG.infof("Demo citizens' household %s: %d members", household.getCode(), members.size());
    }
}
