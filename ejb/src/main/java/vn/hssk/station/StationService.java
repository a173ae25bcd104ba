package vn.hssk.station;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.TenantContext;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitScope;

/**
 * Use cases on the commune health stations of the caller's province and their staff. Province administrators manage
 * them; commune chairs and station staff read those of their communes only (others answer 404, so ids cannot be
 * probed). One open main station per commune and one open station per facility code, checked here for a clear answer
 * and by unique keys against concurrent writers.
 */
@Stateless
public class StationService {

    @Resource
    private EJBContext context;

    @Inject
    private StationRepository stations;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<HealthStation> stations(String communeCode, boolean includeClosed) {
        CallerIdentity caller = caller();
        String code = communeCode == null || communeCode.isBlank() ? null : communeCode.trim();
        return stations.stations(code, caller.communeScope(), includeClosed);
    }

    /** The communes a station may belong to (current ones) or serve as a sub-site (also former ones). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<AdministrativeUnit> communes(boolean includeFormer) {
        return stations.communes(caller().communeScope(), includeFormer);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public HealthStation station(long id) {
        return visible(caller(), id);
    }

    /**
     * Opens a main station for a current commune, or (with {@code parentId}) a sub-site of a main station, optionally
     * serving a former commune.
     */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public HealthStation create(String communeCode, Long parentId, String formerCommuneCode, StationDetails details) {
        CallerIdentity caller = caller();
        HealthStation station;
        if (parentId == null) {
            AdministrativeUnit commune = currentCommune(communeCode);
            station = HealthStation.main(details, commune, province(), caller.username());
            stations.openMainStation(commune).ifPresent(existing -> {
                throw ProblemException.conflict("commune", "Commune " + commune.getCode()
                        + " already has its station: " + existing.getName());
            });
        } else {
            HealthStation main = stations.find(parentId)
                    .orElseThrow(() -> ProblemException.invalid("parentId", "No station " + parentId));
            if (communeCode != null && !communeCode.isBlank()
                    && !communeCode.trim().equals(main.getCommune().getCode())) {
                throw ProblemException.invalid("commune",
                        "A sub-site belongs to the commune of its main station, " + main.getCommune().getCode());
            }
            station = HealthStation.subSite(details, main, formerCommune(formerCommuneCode), province(),
                    caller.username());
        }
        requireFreeFacilityCode(station.getFacilityCode(), null);
        stations.add(station);
        flush();
        return station;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public HealthStation amend(long id, StationDetails details, String formerCommuneCode, Integer expectedVersion) {
        CallerIdentity caller = caller();
        HealthStation station = visible(caller, id);
        requireVersion(expectedVersion, station.getVersion());
        station.amend(details, formerCommune(formerCommuneCode), province(), caller.username());
        requireFreeFacilityCode(station.getFacilityCode(), station.getId());
        flush();
        return station;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public HealthStation close(long id, LocalDate closedOn, String reason) {
        CallerIdentity caller = caller();
        HealthStation station = visible(caller, id);
        if (station.isMain() && !station.isClosed() && stations.openSubSites(station) > 0) {
            throw ProblemException.conflict("closedOn", "Close the sub-sites of " + station.getName() + " first");
        }
        station.close(closedOn == null ? LocalDate.now() : closedOn, reason, caller.username());
        return station;
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<StationStaff> staff(Long stationId, boolean includeEnded) {
        CallerIdentity caller = caller();
        if (stationId != null) {
            visible(caller, stationId);
        }
        return stations.staff(stationId, caller.communeScope(), includeEnded);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public StationStaff staffMember(long id) {
        return visibleStaff(caller(), id);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public StationStaff addStaff(Long stationId, StaffDetails details) {
        CallerIdentity caller = caller();
        if (stationId == null) {
            throw ProblemException.invalid("stationId", "The station is required");
        }
        HealthStation station = stations.find(stationId)
                .orElseThrow(() -> ProblemException.invalid("stationId", "No station " + stationId));
        StationStaff member = new StationStaff(station, details, caller.username());
        stations.add(member);
        return member;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public StationStaff amendStaff(long id, StaffDetails details, Integer expectedVersion) {
        CallerIdentity caller = caller();
        StationStaff member = visibleStaff(caller, id);
        requireVersion(expectedVersion, member.getVersion());
        member.amend(details, caller.username());
        return member;
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public StationStaff endStaff(long id, LocalDate endedOn, String reason) {
        CallerIdentity caller = caller();
        StationStaff member = visibleStaff(caller, id);
        member.end(endedOn == null ? LocalDate.now() : endedOn, reason, caller.username());
        return member;
    }

    /** Links a present staff member of the province to the account they sign in with. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public StationStaff linkAccount(long staffId, String username) {
        CallerIdentity caller = caller();
        StationStaff member = stations.findStaff(staffId)
                .orElseThrow(() -> ProblemException.invalid("staffId", "No staff member " + staffId));
        member.linkAccount(username, caller.username());
        return member;
    }

    private AdministrativeUnit currentCommune(String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("commune", "The commune is required");
        }
        return stations.currentCommune(code.trim()).orElseThrow(() -> ProblemException.invalid("commune",
                "No current commune " + code.trim() + " in this province"));
    }

    private AdministrativeUnit formerCommune(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return stations.latestCommune(code.trim()).orElseThrow(() -> ProblemException.invalid("formerCommune",
                "No commune " + code.trim() + " in this province, current or former"));
    }

    private void requireFreeFacilityCode(String code, Long self) {
        if (code == null) {
            return;
        }
        stations.openWithFacilityCode(code).filter(s -> !s.getId().equals(self)).ifPresent(s -> {
            throw ProblemException.conflict("facilityCode", "Facility code " + code + " belongs to " + s.getName());
        });
    }

    private void flush() {
        try {
            stations.flush();
        } catch (PersistenceException e) {
            String text = String.valueOf(e.getCause() == null ? e : e.getCause().getCause());
            if (text.contains("uk_health_station_open_main")) {
                throw ProblemException.conflict("commune", "This commune already has its station");
            }
            if (text.contains("uk_health_station_open_code")) {
                throw ProblemException.conflict("facilityCode", "This facility code belongs to another station");
            }
            throw e;
        }
    }

    private static void requireVersion(Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw ProblemException.conflict("version", "The record was changed by someone else; reload it");
        }
    }

    private HealthStation visible(CallerIdentity caller, long id) {
        HealthStation station = stations.find(id).orElseThrow(() -> ProblemException.notFound("No station " + id));
        if (!UnitScope.reaches(caller, station.getCommune())) {
            throw ProblemException.notFound("No station " + id);
        }
        return station;
    }

    private StationStaff visibleStaff(CallerIdentity caller, long id) {
        StationStaff member = stations.findStaff(id)
                .orElseThrow(() -> ProblemException.notFound("No staff member " + id));
        if (!UnitScope.reaches(caller, member.getStation().getCommune())) {
            throw ProblemException.notFound("No staff member " + id);
        }
        return member;
    }

    private static String province() {
        return TenantContext.current().orElseThrow(() -> ProblemException.forbidden("No province bound"))
                .code().value();
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
