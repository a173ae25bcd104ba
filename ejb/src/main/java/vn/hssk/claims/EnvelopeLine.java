package vn.hssk.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The report line of one claim of an envelope: its MA_LK (or "#n"), the outcome, and for a refusal or a hold the
 * message code with its arguments (kept joined by a unit separator) and the English sentence; the claim's id when one
 * was stored.
 */
@Embeddable
public class EnvelopeLine implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SEPARATOR = "\u001F";

    @Column(name = "claim_key", nullable = false, length = 100)
    private String claimKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ClaimOutcome outcome;

    @Column(length = 60)
    private String code;

    @Column(length = 2000)
    private String args;

    @Column(length = 2000)
    private String message;

    @Column(name = "claim_id")
    private Long claimId;

    protected EnvelopeLine() {
    }

    public EnvelopeLine(String claimKey, ClaimOutcome outcome, ClaimIssue issue, Long claimId) {
        this.claimKey = Claim.cut(claimKey, 100);
        this.outcome = outcome;
        if (issue != null) {
            this.code = issue.code();
            this.args = Claim.cut(String.join(SEPARATOR, issue.args()), 2000);
            this.message = Claim.cut(issue.message(), 2000);
        }
        this.claimId = claimId;
    }

    public String getClaimKey() {
        return claimKey;
    }

    public ClaimOutcome getOutcome() {
        return outcome;
    }

    public String getCode() {
        return code;
    }

    public List<String> getArgs() {
        return args == null || args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1));
    }

    public String getMessage() {
        return message;
    }

    public Long getClaimId() {
        return claimId;
    }
}
