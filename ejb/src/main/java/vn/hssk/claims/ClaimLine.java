package vn.hssk.claims;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.LocalDateTime;

/** A detail row of a claim as received (drug, service, supply, result, paper); see {@link ClaimLineData}. */
@Embeddable
public class ClaimLine implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ClaimLineKind kind;

    @Column(name = "source_table", nullable = false, length = 6)
    private String sourceTable;

    @Column(length = 50)
    private String code;

    @Column(length = 1024)
    private String name;

    @Column(length = 50)
    private String amount;

    @Column(length = 50)
    private String unit;

    @Column(length = 2000)
    private String detail;

    @Column(name = "line_at")
    private LocalDateTime at;

    protected ClaimLine() {
    }

    ClaimLine(ClaimLineData d) {
        this.kind = d.kind();
        this.sourceTable = d.table();
        this.code = Claim.cut(d.code(), 50);
        this.name = Claim.cut(d.name(), 1024);
        this.amount = Claim.cut(d.amount(), 50);
        this.unit = Claim.cut(d.unit(), 50);
        this.detail = Claim.cut(d.detail(), 2000);
        this.at = d.at();
    }

    public ClaimLineKind getKind() {
        return kind;
    }

    public String getSourceTable() {
        return sourceTable;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAmount() {
        return amount;
    }

    public String getUnit() {
        return unit;
    }

    public String getDetail() {
        return detail;
    }

    public LocalDateTime getAt() {
        return at;
    }
}
