package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The only writer of stock balances. Each change is one conditional UPDATE ("take n only if at least n are there")
 * in the caller's transaction, together with the movement that explains it: InnoDB locks the balance row, so of two
 * transactions taking the last dose the second re-reads the committed balance, matches no row and is refused. The
 * CHECK constraints on the balances are the last guard. Balances therefore always equal the sum of movements.
 */
@Dependent
public class StockLedger {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    /** Takes doses out of the province store (an allocation). */
    void takeFromProvince(VaccineLot lot, int quantity) {
        int updated = em.createNativeQuery("UPDATE vaccine_lot SET unallocated = unallocated - ?1"
                        + " WHERE id = ?2 AND unallocated >= ?1")
                .setParameter(1, quantity).setParameter(2, lot.getId()).executeUpdate();
        if (updated != 1) {
            throw ProblemException.conflict(FieldError.coded("quantity", "stock.province", "Lot "
                    + lot.getLotNumber() + " has fewer than " + quantity + " unallocated doses at the province",
                    lot.getLotNumber(), quantity));
        }
    }

    void returnToProvince(VaccineLot lot, int quantity) {
        em.createNativeQuery("UPDATE vaccine_lot SET unallocated = unallocated + ?1 WHERE id = ?2")
                .setParameter(1, quantity).setParameter(2, lot.getId()).executeUpdate();
    }

    StockMovement receive(long stationId, VaccineLot lot, int quantity, LocalDate on, String reason, String actor) {
        em.createNativeQuery("INSERT INTO station_stock (station_id, lot_id, balance) VALUES (?1, ?2, ?3)"
                        + " ON DUPLICATE KEY UPDATE balance = balance + ?3")
                .setParameter(1, stationId).setParameter(2, lot.getId()).setParameter(3, quantity).executeUpdate();
        StockMovement m = new StockMovement(stationId, lot.getId(), MovementKind.RECEIPT, quantity, on, null, reason,
                actor);
        em.persist(m);
        return m;
    }

    /** A dose, wastage or return: refused with 409 when the station holds fewer than {@code quantity} of the lot. */
    StockMovement take(long stationId, VaccineLot lot, MovementKind kind, int quantity, LocalDate on,
                       Long immunizationId, String reason, String actor) {
        int updated = em.createNativeQuery("UPDATE station_stock SET balance = balance - ?1"
                        + " WHERE station_id = ?2 AND lot_id = ?3 AND balance >= ?1")
                .setParameter(1, quantity).setParameter(2, stationId).setParameter(3, lot.getId()).executeUpdate();
        if (updated != 1) {
            String field = kind == MovementKind.DOSE ? "lotId" : "quantity";
            String message = "The station has " + (quantity == 1 ? "no dose" : "fewer than " + quantity + " doses")
                    + " of lot " + lot.getLotNumber() + " left";
            throw ProblemException.conflict(quantity == 1
                    ? FieldError.coded(field, "stock.none", message, lot.getLotNumber())
                    : FieldError.coded(field, "stock.fewer", message, lot.getLotNumber(), quantity));
        }
        StockMovement m = new StockMovement(stationId, lot.getId(), kind, -quantity, on, immunizationId, reason,
                actor);
        em.persist(m);
        return m;
    }

    /** The station's balance of a lot, or empty when the lot never reached the station. */
    java.util.Optional<Integer> balance(long stationId, long lotId) {
        return em.createNativeQuery("SELECT balance FROM station_stock WHERE station_id = ?1 AND lot_id = ?2",
                        Integer.class)
                .setParameter(1, stationId).setParameter(2, lotId).getResultList()
                .stream().map(o -> ((Number) o).intValue()).findFirst();
    }
}
