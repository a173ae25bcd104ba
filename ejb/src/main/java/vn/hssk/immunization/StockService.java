package vn.hssk.immunization;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;
import vn.hssk.unit.UnitScope;

/**
 * Vaccine lots and stock. The province administrator receives lots and allocates them to stations (the allocation is
 * the station's receipt); station staff record wastage and returns; a dose given takes its dose in
 * {@link ImmunizationService}. Every change goes through {@link StockLedger}, so no balance goes below zero and each
 * balance is the sum of its movements. Stations outside the caller's communes answer 404.
 */
@Stateless
public class StockService {

    private static final int MAX_MOVEMENTS = 500;

    @Resource
    private EJBContext context;

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private StationRepository stations;

    @Inject
    private StockLedger ledger;

    @Inject
    private ScheduleLoader loader;

    /** Lots, optionally of one vaccine, optionally those expiring within {@code expiringWithinDays} days. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public List<VaccineLot> lots(String vaccineCode, Integer expiringWithinDays) {
        caller();
        Long vaccineId = vaccineCode == null || vaccineCode.isBlank() ? null : vaccine(vaccineCode).getId();
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 3650)) {
            throw ProblemException.invalid(FieldError.coded("expiringWithinDays", "stock.expiringWithinDays",
                    "expiringWithinDays is between 0 and 3650"));
        }
        LocalDate by = expiringWithinDays == null ? null : FieldCheck.today().plusDays(expiringWithinDays);
        return repository.lots(vaccineId, by);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public VaccineLot lot(long id) {
        caller();
        return repository.lot(id).orElseThrow(() -> ProblemException.notFound("No lot " + id));
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public VaccineLot receiveLot(String vaccineCode, String lotNumber, LocalDate expiry, Integer quantity,
                                 LocalDate receivedOn) {
        CallerIdentity caller = caller();
        loader.ensureLoaded();
        if (vaccineCode == null || vaccineCode.isBlank()) {
            throw ProblemException.invalid(FieldError.coded("vaccine", "required", "Vaccine is required", "vaccine"));
        }
        Vaccine vaccine = vaccine(vaccineCode);
        VaccineLot lot = new VaccineLot(vaccine, lotNumber, expiry, quantity, receivedOn, caller.username());
        if (repository.lot(vaccine, lot.getLotNumber()).isPresent()) {
            throw ProblemException.conflict(FieldError.coded("lotNumber", "lot.duplicate", "Lot "
                    + lot.getLotNumber() + " of " + vaccine.getCode() + " was already received", lot.getLotNumber(),
                    vaccine.getCode()));
        }
        repository.add(lot);
        repository.flush();
        return lot;
    }

    /** Moves doses of a lot from the province store to an open station: the station's receipt. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public StockMovement allocate(long lotId, Long stationId, Integer quantity, LocalDate on) {
        CallerIdentity caller = caller();
        VaccineLot lot = lot(lotId);
        FieldCheck check = new FieldCheck();
        check.required("stationId", stationId, "Station");
        positive(check, quantity);
        LocalDate day = on == null ? FieldCheck.today() : check.pastOrToday("on", on, "Date");
        check.throwIfAny();
        HealthStation station = station(caller, stationId, "stationId");
        if (station.isClosed()) {
            throw ProblemException.invalid(FieldError.coded("stationId", "station.closed",
                    "Station " + station.getName() + " is closed", station.getName()));
        }
        if (lot.isExpiredOn(day)) {
            throw ProblemException.invalid(FieldError.coded("lotId", "lot.expired", "Lot " + lot.getLotNumber()
                    + " expired on " + lot.getExpiry(), lot.getLotNumber(), lot.getExpiry(),
                    ScheduleCheck.day(lot.getExpiry())));
        }
        ledger.takeFromProvince(lot, quantity);
        return ledger.receive(station.getId(), lot, quantity, day, "allocation", caller.username());
    }

    /** The stock of the stations the caller reaches, or of one of them. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<StockLine> stock(Long stationId, boolean withEmpty) {
        CallerIdentity caller = caller();
        if (stationId != null) {
            station(caller, stationId, "station");
        }
        return repository.stock(stationId, caller.communeScope(), withEmpty);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<StockMovement> movements(long stationId, Long lotId) {
        CallerIdentity caller = caller();
        station(caller, stationId, "station");
        return repository.movements(stationId, lotId, MAX_MOVEMENTS);
    }

    /** Wastage (opened vial, broken cold chain) or a return to the province store, with the reason. */
    @RolesAllowed(Roles.STATION_STAFF)
    public StockMovement record(Long stationId, Long lotId, String kind, Integer quantity, LocalDate on,
                                String reason) {
        CallerIdentity caller = caller();
        FieldCheck check = new FieldCheck();
        check.required("stationId", stationId, "Station");
        check.required("lotId", lotId, "Lot");
        MovementKind k = null;
        if (kind == null || kind.isBlank()) {
            check.fail("kind", "stock.kind", "Kind is WASTAGE or RETURN");
        } else {
            try {
                k = MovementKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check.fail("kind", "stock.kind", "Kind is WASTAGE or RETURN");
            }
            if (k == MovementKind.DOSE || k == MovementKind.RECEIPT) {
                check.fail("kind", "stock.kindNotHere", "Doses are recorded on the person and receipts come from"
                        + " allocations; kind is WASTAGE or RETURN");
            }
        }
        positive(check, quantity);
        LocalDate day = on == null ? FieldCheck.today() : check.pastOrToday("on", on, "Date");
        String why = check.text("reason", reason, 500, k == MovementKind.WASTAGE, "Reason");
        check.throwIfAny();
        HealthStation station = station(caller, stationId, "stationId");
        VaccineLot lot = repository.lot(lotId).filter(l -> ledger.balance(station.getId(), l.getId()).isPresent())
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("lotId", "lot.notAtStation",
                        "Lot " + lotId + " never reached this station", lotId)));
        StockMovement m = ledger.take(station.getId(), lot, k, quantity, day, null, why, caller.username());
        if (k == MovementKind.RETURN) {
            ledger.returnToProvince(lot, quantity);
        }
        return m;
    }

    private static void positive(FieldCheck check, Integer quantity) {
        if (quantity == null || quantity < 1 || quantity > 1_000_000) {
            check.fail("quantity", "stock.quantity", "Quantity is a number of doses between 1 and 1,000,000");
        }
    }

    /** A station the caller reaches; another commune's station answers as one that does not exist. */
    private HealthStation station(CallerIdentity caller, long id, String field) {
        HealthStation station = stations.find(id).orElse(null);
        if (station == null || !UnitScope.reaches(caller, station.getCommune())) {
            throw ProblemException.notFound("No station " + id);
        }
        return station;
    }

    private Vaccine vaccine(String code) {
        return repository.vaccineByCode(code.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.invalid(FieldError.coded("vaccine", "vaccine.unknown",
                        "No vaccine with code " + code.strip(), code.strip())));
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
