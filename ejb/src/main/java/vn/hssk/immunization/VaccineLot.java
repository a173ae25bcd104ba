package vn.hssk.immunization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;

/**
 * A lot of one vaccine as the province received it: number, expiry and quantity in doses. What the province store
 * still holds ({@code unallocated}) changes only through {@link StockLedger}'s conditional updates, never through this
 * object, so that two allocations at once cannot take more than there is.
 */
@Entity
@Table(name = "vaccine_lot")
public class VaccineLot extends Audited implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "vaccine_id", nullable = false)
    private Vaccine vaccine;

    @Column(name = "lot_number", nullable = false, length = 40)
    private String lotNumber;

    @Column(nullable = false)
    private LocalDate expiry;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false, insertable = true, updatable = false)
    private int unallocated;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    protected VaccineLot() {
    }

    public VaccineLot(Vaccine vaccine, String lotNumber, LocalDate expiry, Integer quantity, LocalDate receivedOn,
                      String actor) {
        FieldCheck check = new FieldCheck();
        String number = check.text("lotNumber", lotNumber, 40, true, "Lot number");
        check.required("expiry", expiry, "Expiry");
        LocalDate received = receivedOn == null ? FieldCheck.today() : check.pastOrToday("receivedOn", receivedOn,
                "Received on");
        if (expiry != null && received != null && expiry.isBefore(received)) {
            check.fail("expiry", "lot.expiredOnReceipt", "The lot expired before it was received");
        }
        if (quantity == null || quantity < 1 || quantity > 10_000_000) {
            check.fail("quantity", "lot.quantity", "Quantity is a number of doses between 1 and 10,000,000");
        }
        if (vaccine != null && !vaccine.isActive()) {
            check.fail("vaccine", "vaccine.inactive", "Vaccine " + vaccine.getCode() + " is no longer used",
                    vaccine.getCode());
        }
        check.throwIfAny();
        this.vaccine = vaccine;
        this.lotNumber = number;
        this.expiry = expiry;
        this.quantity = quantity;
        this.unallocated = quantity;
        this.receivedOn = received;
        recordCreation(actor);
    }

    public boolean isExpiredOn(LocalDate day) {
        return expiry.isBefore(day);
    }

    public Long getId() {
        return id;
    }

    public Vaccine getVaccine() {
        return vaccine;
    }

    public String getLotNumber() {
        return lotNumber;
    }

    public LocalDate getExpiry() {
        return expiry;
    }

    public int getQuantity() {
        return quantity;
    }

    public int getUnallocated() {
        return unallocated;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }
}
