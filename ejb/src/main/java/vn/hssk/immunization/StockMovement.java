package vn.hssk.immunization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a station's stock of a lot, never changed afterwards: the station's balance is the sum of these. The
 * balance row ({@code station_stock}) moves in the same transaction through {@link StockLedger}.
 */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "station_id", nullable = false)
    private long stationId;

    @Column(name = "lot_id", nullable = false)
    private long lotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MovementKind kind;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    @Column(name = "immunization_id")
    private Long immunizationId;

    @Column(length = 500)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected StockMovement() {
    }

    /** {@code delta} is signed: positive for a receipt, negative for the rest. */
    StockMovement(long stationId, long lotId, MovementKind kind, int delta, LocalDate occurredOn, Long immunizationId,
                  String reason, String actor) {
        if (delta == 0 || (kind == MovementKind.RECEIPT) != (delta > 0)) {
            throw new IllegalArgumentException("A receipt adds, every other movement takes away");
        }
        this.stationId = stationId;
        this.lotId = lotId;
        this.kind = kind;
        this.quantity = delta;
        this.occurredOn = occurredOn;
        this.immunizationId = immunizationId;
        this.reason = reason;
        this.createdAt = Instant.now();
        this.createdBy = actor;
    }

    public Long getId() {
        return id;
    }

    public long getStationId() {
        return stationId;
    }

    public long getLotId() {
        return lotId;
    }

    public MovementKind getKind() {
        return kind;
    }

    public int getQuantity() {
        return quantity;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public Long getImmunizationId() {
        return immunizationId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
