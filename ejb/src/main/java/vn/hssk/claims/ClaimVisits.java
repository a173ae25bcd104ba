package vn.hssk.claims;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.icd10.Icd10Code;
import vn.hssk.icd10.Icd10Repository;
import vn.hssk.record.Person;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitDetails;
import vn.hssk.record.VisitRepository;
import vn.hssk.record.VisitTestGroup;
import vn.hssk.shared.CallerIdentity;

/**
 * Turns a claim into the part D visit of its person, with the visit's own checks: the day of arrival is the visit
 * date; the main and secondary ICD-10 codes the province's catalog knows are the diagnoses (main first, at most ten);
 * paraclinical results (XML4) and then services (XML3) are the tests (at most thirty); the written diagnosis is the
 * conclusion, the claim's advice the advice, and the facility, times, referral, drugs, papers and codes the catalog
 * lacks are summed up in the findings. The claim keeps every row as received; the visit only shows them.
 */
@Dependent
public class ClaimVisits {

    static final String CLAIM = "Claim";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final int MAX_DIAGNOSES = 10;
    private static final int MAX_TESTS = 30;

    @Inject
    private Icd10Repository icd10;

    @Inject
    private VisitRepository visits;

    @Inject
    private AuditTrail audit;

    /** Makes the visit of {@code person} from {@code claim} and links them (audited); refuses as the visit would. */
    public Visit link(CallerIdentity caller, Claim claim, Person person, MatchRule rule) {
        Visit visit = new Visit(person, details(claim), code -> icd10.find(code).map(Icd10Code::getName),
                caller.username());
        visits.add(visit);
        visits.flush();
        claim.link(person.getId(), visit.getId(), rule, caller.username());
        audit.changed(caller, AuditAction.CREATE, AuditService.VISIT, person.getId(), Map.of(), visit.snapshot(),
                "visit " + visit.getId() + " from claim " + claim.getFacility() + "/" + claim.getClaimKey());
        return visit;
    }

    VisitDetails details(Claim c) {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        if (c.getMainIcd() != null) {
            codes.add(c.getMainIcd());
        }
        codes.addAll(c.secondaryIcdList());
        for (String code : codes) {
            if (known.size() < MAX_DIAGNOSES && icd10.find(Icd10Code.normalize(code)).isPresent()) {
                known.add(code);
            } else {
                unknown.add(code);
            }
        }
        List<VisitDetails.TestDetails> tests = new ArrayList<>();
        for (ClaimLineKind kind : List.of(ClaimLineKind.RESULT, ClaimLineKind.SERVICE)) {
            for (ClaimLine l : c.getLines()) {
                if (l.getKind() == kind && tests.size() < MAX_TESTS) {
                    String name = first(l.getName(), l.getCode(), kind.name());
                    String result = kind == ClaimLineKind.RESULT ? join(" ", l.getAmount(), l.getUnit(),
                            l.getDetail() == null ? null : "(" + l.getDetail() + ")") : null;
                    tests.add(new VisitDetails.TestDetails(kind == ClaimLineKind.RESULT ? VisitTestGroup.LAB
                            : VisitTestGroup.OTHER, Claim.cut(name, 200), Claim.cut(result, 1000)));
                }
            }
        }
        BigDecimal weight = c.getWeightKg();
        if (weight != null && (weight.compareTo(new BigDecimal("0.5")) < 0
                || weight.compareTo(BigDecimal.valueOf(400)) > 0 || weight.stripTrailingZeros().scale() > 2)) {
            weight = null;
        }
        String reason = c.getReason() != null ? c.getReason()
                : "Khám chữa bệnh tại cơ sở " + c.getFacility() + " (hồ sơ " + c.getClaimKey() + ")";
        return new VisitDetails(c.getAdmittedAt().toLocalDate(), null, Claim.cut(reason, 1000), null, null, null,
                null, null, null, weight, null, Claim.cut(findings(c, unknown), 4000), tests, known,
                Claim.cut(c.getDiagnosisText(), 2000), Claim.cut(c.getAdvice(), 4000));
    }

    private static String findings(Claim c, List<String> unknownCodes) {
        StringBuilder f = new StringBuilder();
        f.append("Hồ sơ KCB ").append(c.getClaimKey()).append(" của cơ sở ").append(c.getFacility()).append(" (")
                .append(c.getEncoding() == ClaimEncoding.QD4210 ? "QĐ 4210" : "QĐ 130").append(")\n");
        f.append("Vào: ").append(c.getAdmittedAt().format(DAY_TIME));
        if (c.getDischargedAt() != null) {
            f.append("; ra: ").append(c.getDischargedAt().format(DAY_TIME));
        }
        f.append('\n');
        if (c.getReferredFrom() != null || c.getReferredTo() != null || c.getReferralPaper() != null) {
            f.append(join("; ", c.getReferredFrom() == null ? null : "Chuyển từ: " + c.getReferredFrom(),
                    c.getReferredTo() == null ? null : "chuyển đến: " + c.getReferredTo(),
                    c.getReferralPaper() == null ? null : "giấy chuyển tuyến: " + c.getReferralPaper())).append('\n');
        }
        List<String> drugs = new ArrayList<>();
        List<String> papers = new ArrayList<>();
        for (ClaimLine l : c.getLines()) {
            switch (l.getKind()) {
                case DRUG -> drugs.add(join(" ", first(l.getName(), l.getCode(), "?"),
                        l.getAmount() == null ? null : "× " + l.getAmount(), l.getUnit(),
                        l.getDetail() == null ? null : "(" + l.getDetail() + ")"));
                case SUPPLY -> drugs.add(join(" ", first(l.getName(), l.getCode(), "?"),
                        l.getAmount() == null ? null : "× " + l.getAmount(), l.getUnit()));
                case DISCHARGE_PAPER, REFERRAL_PAPER, APPOINTMENT -> papers.add(join(" ", paper(l.getKind()),
                        l.getCode(), l.getAt() == null ? null : l.getAt().format(DAY_TIME),
                        l.getName() == null ? null : "→ " + l.getName(), l.getDetail()));
                default -> {
                }
            }
        }
        if (!drugs.isEmpty()) {
            f.append("Thuốc, vật tư: ").append(String.join("; ", drugs)).append('\n');
        }
        if (!papers.isEmpty()) {
            f.append("Giấy tờ: ").append(String.join("; ", papers)).append('\n');
        }
        if (!unknownCodes.isEmpty()) {
            f.append("Mã ICD-10 không có trong danh mục của tỉnh: ").append(String.join(", ", unknownCodes))
                    .append('\n');
        }
        return f.toString().strip();
    }

    private static String paper(ClaimLineKind kind) {
        return switch (kind) {
            case DISCHARGE_PAPER -> "Giấy ra viện";
            case REFERRAL_PAPER -> "Giấy chuyển tuyến";
            default -> "Giấy hẹn khám lại";
        };
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }
}
