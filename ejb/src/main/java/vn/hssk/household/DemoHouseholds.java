package vn.hssk.household;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jboss.logging.Logger;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitRepository;

/**
 * Demo households of the embedded stack, so that the households screen has something true-looking to show: about ten
 * households per village of Quảng Đại (Thanh Hóa, 38) with two to six members each, one of them with a move in its
 * history, and a few in Ninh Kiều (Cần Thơ, 92). Names come from a fixed seed, so every fresh start shows the same
 * people. The caller binds the tenant ({@code TenantContext.callAs}); nothing happens if the province has households.
 */
@Stateless
public class DemoHouseholds {

    private static final Logger LOG = Logger.getLogger(DemoHouseholds.class);
    private static final String ACTOR = "demo";
    private static final long SEED = 20250701L;

    @Inject
    private HouseholdRepository households;

    @Inject
    private UnitRepository units;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (households.any()) {
            return;
        }
        Random random = new Random(SEED + tenantCode.hashCode());
        int created = 0;
        if ("38".equals(tenantCode)) {
            Household toMove = null;
            for (int v = 1; v <= 5; v++) {
                Optional<AdministrativeUnit> village = units.findCurrentByCode("16279-0" + v);
                if (village.isEmpty()) {
                    LOG.warnf("Demo village 16279-0%d is missing: no demo households there", v);
                    continue;
                }
                for (int n = 1; n <= 10; n++) {
                    Household h = household(random, tenantCode, village.get(), n);
                    if (toMove == null) {
                        toMove = h;
                    }
                    created++;
                }
            }
            Optional<AdministrativeUnit> target = units.findCurrentByCode("16279-02");
            if (toMove != null && target.isPresent() && !target.get().getId().equals(toMove.getVillage().getId())) {
                households.add(toMove.moveTo(target.get(), LocalDate.of(2025, 9, 15),
                        "Chuyển đến nhà mới xây ở thôn bên", ACTOR));
            }
        } else if ("92".equals(tenantCode)) {
            Optional<AdministrativeUnit> village = units.findCurrentByCode("31117-01");
            if (village.isPresent()) {
                for (int n = 1; n <= 4; n++) {
                    household(random, tenantCode, village.get(), n);
                    created++;
                }
            } else {
                LOG.warn("Demo village 31117-01 is missing: no demo households in Cần Thơ");
            }
        }
        LOG.infof("Demo households of province %s: %d created", tenantCode, created);
    }

    private Household household(Random random, String tenantCode, AdministrativeUnit village, int number) {
        String family = DemoNames.family(random);
        boolean maleHead = random.nextInt(10) < 8;
        String headName = DemoNames.fullName(random, family, maleHead);
        int headBirthYear = 1950 + random.nextInt(45);
        String code = village.getCode() + "-" + String.format("%03d", number);
        String address = "Số " + (1 + random.nextInt(150)) + ", xóm " + (1 + random.nextInt(6)) + ", "
                + village.getName();
        String phone = random.nextInt(3) == 0 ? null
                : "09" + String.format("%08d", random.nextInt(100_000_000));
        Household household = new Household(new HouseholdDetails(code, village.getId(), address, headName, phone,
                null), village, ACTOR);
        households.add(household);

        int size = 2 + random.nextInt(5);
        member(random, household, tenantCode, headName, maleHead, DemoNames.birth(random, headBirthYear),
                MemberRelation.HEAD);
        if (size >= 2) {
            String spouseFamily = DemoNames.family(random);
            member(random, household, tenantCode, DemoNames.fullName(random, spouseFamily, !maleHead), !maleHead,
                    DemoNames.birth(random, headBirthYear + random.nextInt(7) - 3), MemberRelation.SPOUSE);
        }
        int childYear = headBirthYear + 22;
        for (int i = 2; i < size; i++) {
            boolean olderParent = i == size - 1 && size >= 5 && headBirthYear > 1975;
            if (olderParent) {
                boolean male = random.nextBoolean();
                String parentFamily = male ? family : DemoNames.family(random);
                member(random, household, tenantCode, DemoNames.fullName(random, parentFamily, male), male,
                        DemoNames.birth(random, headBirthYear - 24 - random.nextInt(6)), MemberRelation.PARENT);
            } else {
                boolean male = random.nextBoolean();
                childYear = Math.min(childYear + 1 + random.nextInt(3), LocalDate.now().getYear() - 1);
                member(random, household, tenantCode, DemoNames.fullName(random, family, male), male,
                        DemoNames.birth(random, childYear), MemberRelation.CHILD);
            }
        }
        return household;
    }

    private void member(Random random, Household household, String tenantCode, String name, boolean male,
                        LocalDate born, MemberRelation relation) {
        String personalId = born.getYear() < 2000 || random.nextInt(4) > 0
                ? DemoNames.personalId(random, tenantCode, male, born) : null;
        households.add(household.addMember(new MemberDetails(name, male ? Sex.MALE : Sex.FEMALE, born, relation,
                personalId), ACTOR));
    }
}
