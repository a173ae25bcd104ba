package vn.hssk.claims;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.shared.Audited;

/**
 * The receipt of one uploaded envelope and its report: who sent it and when (the audited creation), the file, the
 * facility, and one line per claim with its outcome. Every upload gets its receipt, also one that changed nothing.
 */
@Entity
@Table(name = "claim_envelope")
public class ClaimEnvelope extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Column(name = "facility_code", length = 10)
    private String facility;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "claims_total", nullable = false)
    private int claimsTotal;

    @Column(nullable = false)
    private int linked;

    @Column(nullable = false)
    private int waiting;

    @Column(nullable = false)
    private int duplicates;

    @Column(nullable = false)
    private int refused;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "claim_envelope_line", joinColumns = @JoinColumn(name = "envelope_id"))
    @OrderColumn(name = "position")
    private List<EnvelopeLine> lines = new ArrayList<>();

    protected ClaimEnvelope() {
    }

    public ClaimEnvelope(String fileName, String facility, long sizeBytes, String actor) {
        this.fileName = Claim.cut(fileName, 255);
        this.facility = Claim.cut(facility, 10);
        this.sizeBytes = sizeBytes;
        recordCreation(actor);
    }

    /** The report of the intake, with its counts. */
    public void report(List<EnvelopeLine> outcome) {
        lines.clear();
        lines.addAll(outcome);
        claimsTotal = outcome.size();
        linked = count(outcome, ClaimOutcome.LINKED);
        waiting = count(outcome, ClaimOutcome.REVIEW);
        duplicates = count(outcome, ClaimOutcome.DUPLICATE);
        refused = count(outcome, ClaimOutcome.REFUSED);
    }

    private static int count(List<EnvelopeLine> lines, ClaimOutcome o) {
        return (int) lines.stream().filter(l -> l.getOutcome() == o).count();
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFacility() {
        return facility;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public int getClaimsTotal() {
        return claimsTotal;
    }

    public int getLinked() {
        return linked;
    }

    public int getWaiting() {
        return waiting;
    }

    public int getDuplicates() {
        return duplicates;
    }

    public int getRefused() {
        return refused;
    }

    public List<EnvelopeLine> getLines() {
        return List.copyOf(lines);
    }
}
