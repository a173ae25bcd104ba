package vn.hssk.record;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.hssk.household.DemoNames;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdMember;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitRepository;

/**
 * Demo residents of the embedded stack: a personal record (part A) for every present member of the demo households
 * of Quảng Đại (38) and Ninh Kiều (92), linked to the member, plus residents registered without a household, a few
 * records not yet complete (no ethnicity: they do not count as created), provisional newborns and three pairs of
 * possible duplicates for the review screen. Seeded, so every fresh start shows the same people; the caller binds the
 * tenant; nothing happens if the province has persons.
 */
@Stateless
public class DemoPersons {

    private static final Logger LOG = Logger.getLogger(DemoPersons.class);
    private static final String ACTOR = "demo";
    private static final long SEED = 20251125L;
    private static final List<String> ETHNICITIES = List.of("Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh",
            "Kinh", "Mường", "Thái");
    private static final List<String> OCCUPATIONS = List.of("Nông dân", "Công nhân", "Buôn bán", "Giáo viên",
            "Học sinh", "Ngư dân", "Nội trợ", "Hưu trí", "Thợ xây", "Cán bộ xã");

    @Inject
    private PersonRepository persons;

    @Inject
    private HouseholdRepository households;

    @Inject
    private UnitRepository units;

    /** Creates the demo residents and answers their ids (empty when the province already had persons). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Long> ensure(String tenantCode) {
        if (persons.any()) {
            return List.of();
        }
        Random random = new Random(SEED + tenantCode.hashCode());
        Set<String> usedIds = new HashSet<>();
        List<Person> created = new ArrayList<>();
        List<String> villages = "38".equals(tenantCode)
                ? List.of("16279-01", "16279-02", "16279-03", "16279-04", "16279-05")
                : "92".equals(tenantCode) ? List.of("31117-01") : List.of();
        int withoutHousehold = "38".equals(tenantCode) ? 24 : 6;
        for (String villageCode : villages) {
            Optional<AdministrativeUnit> village = units.findCurrentByCode(villageCode);
            if (village.isEmpty()) {
                LOG.warnf("Demo village %s is missing: no demo residents there", villageCode);
                continue;
            }
            for (Household household : households.inVillage(village.get().getId())) {
                for (HouseholdMember member : household.getMembers()) {
                    if (member.isPresent()) {
                        Person person = member(random, tenantCode, usedIds, village.get(), household, member);
                        created.add(person);
                    }
                }
            }
            for (int i = 0; i < withoutHousehold; i++) {
                created.add(resident(random, tenantCode, usedIds, village.get()));
            }
        }
        if ("38".equals(tenantCode) && created.size() > 10) {
            duplicates(random, tenantCode, usedIds, created);
        }
        LOG.infof("Demo residents of province %s: %d created", tenantCode, created.size());
        return created.stream().map(Person::getId).toList();
    }

    private Person member(Random random, String tenantCode, Set<String> usedIds, AdministrativeUnit village,
                          Household household, HouseholdMember member) {
        String personalId = member.getPersonalId();
        if (personalId == null && member.getBirthDate().isBefore(RecordFields.today().minusYears(1))) {
            personalId = freeId(random, tenantCode, usedIds, member.getSex() == Sex.MALE, member.getBirthDate());
        }
        if (personalId != null) {
            usedIds.add(personalId);
        }
        boolean adult = member.getBirthDate().isBefore(RecordFields.today().minusYears(18));
        String phone = member.getRelation() == MemberRelation.HEAD && household.getPhone() != null
                ? household.getPhone() : adult && random.nextInt(3) == 0 ? phone(random) : null;
        Person person = save(new PersonDetails(member.getFullName(), member.getSex(), member.getBirthDate(),
                personalId, bhyt(random), ethnicity(random), null, adult ? DemoNames.pick(random, OCCUPATIONS) : null,
                phone, village.getId(), household.getAddress(), household.getId(), member.getRelation(), null, null),
                village);
        member.linkPerson(person.getId(), ACTOR);
        return person;
    }

    private Person resident(Random random, String tenantCode, Set<String> usedIds, AdministrativeUnit village) {
        boolean male = random.nextBoolean();
        int age = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(85);
        LocalDate born = age == 0 ? RecordFields.today().minusDays(10 + random.nextInt(200))
                : DemoNames.birth(random, RecordFields.today().getYear() - age - 1);
        String personalId = age == 0 ? null : freeId(random, tenantCode, usedIds, male, born);
        String name = DemoNames.fullName(random, DemoNames.family(random), male);
        String address = "Số " + (1 + random.nextInt(150)) + ", " + village.getName();
        return save(new PersonDetails(name, male ? Sex.MALE : Sex.FEMALE, born, personalId, bhyt(random),
                ethnicity(random), null, null, age >= 18 ? phone(random) : null, village.getId(), address, null, null,
                null, null), village);
    }

    /**
     * Three residents registered a second time with another ID (a typo in the number), same name and date of birth in
     * the same commune: what the duplicates review lists.
     */
    private void duplicates(Random random, String tenantCode, Set<String> usedIds, List<Person> created) {
        for (int i = 0; i < 3; i++) {
            Person original = created.get(5 + i * 37 % (created.size() - 5));
            if (original.getPersonalId() == null) {
                continue;
            }
            String personalId = freeId(random, tenantCode, usedIds, original.getSex() == Sex.MALE,
                    original.getBirthDate());
            created.add(save(new PersonDetails(original.getFullName(), original.getSex(), original.getBirthDate(),
                    personalId, null, original.getEthnicity(), null, null, phone(random),
                    original.getVillage().getId(), original.getAddress(), null, null, null, null),
                    original.getVillage()));
        }
    }

    private Person save(PersonDetails details, AdministrativeUnit village) {
        Person person = new Person(details, village, ACTOR);
        persons.add(person);
        persons.flush();
        return person;
    }

    private static String freeId(Random random, String tenantCode, Set<String> usedIds, boolean male,
                                 LocalDate born) {
        String id;
        do {
            id = DemoNames.personalId(random, tenantCode, male, born);
        } while (!usedIds.add(id));
        return id;
    }

    /** About one in twelve records lacks ethnicity, so part A is incomplete and the record not yet created. */
    private static String ethnicity(Random random) {
        return random.nextInt(12) == 0 ? null : DemoNames.pick(random, ETHNICITIES);
    }

    private static String bhyt(Random random) {
        return random.nextInt(5) == 0 ? null : String.format("38%08d", random.nextInt(100_000_000));
    }

    private static String phone(Random random) {
        return "09" + String.format("%08d", random.nextInt(100_000_000));
    }
}
