package vn.hssk.tenant;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import vn.hssk.shared.BatchLauncher;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ClientAddress;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * National administrators move a province's data to another database server ({@link ProvinceMoveBatchlet} does it in
 * the background) and watch the move. A province has at most one move that is not over; a failed one is resumed by
 * asking for the same move again (or {@link #resume}), and every request is written to the platform audit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProvinceMoveService {

    static final String JOB = "hssk-province-move";
    private static final Pattern SERVER = Pattern.compile("[a-z0-9_]{1,32}");

    @Resource
    private EJBContext context;

    @Inject
    private BatchLauncher batch;

    @Inject
    private ClientAddress clientAddress;

    /** Starts moving the province to {@code toServer}, or resumes its failed move there. */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public ProvinceMove move(String code, String toServer) {
        TenantEntry tenant = TenantService.find(code);
        String to = toServer == null ? "" : toServer.trim();
        if (to.isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("toServer", "required",
                    "The database server to move to is required", "toServer"));
        }
        if (!SERVER.matcher(to).matches()) {
            throw ProblemException.invalid(FieldError.coded("toServer", "onboard.dbServer",
                    "A database server name is lower-case letters, digits or '_'"));
        }
        if (!TenantDataSources.exists(to)) {
            throw ProblemException.invalid(FieldError.coded("toServer", "server.unknown",
                    "No database server '" + to + "' is configured on this platform", to));
        }
        ProvinceMoveRepository moves = ProvinceMoveRepository.onPlatform();
        ProvinceMove open = moves.open(tenant.code()).orElse(null);
        if (open != null) {
            if (open.toServer().equals(to) && ProvinceMove.FAILED.equals(open.state())) {
                return resume(open);
            }
            throw ProblemException.conflict(FieldError.coded("toServer", "move.open",
                    "Province " + code + " has a move to " + open.toServer() + " that is " + open.state()
                            + "; resume or wait for it first", code, open.toServer()));
        }
        if (tenant.dbServer().equals(to)) {
            throw ProblemException.invalid(FieldError.coded("toServer", "move.sameServer",
                    "Province " + code + " is on server " + to + " already", code, to));
        }
        if (!tenant.isActive()) {
            throw ProblemException.conflict(FieldError.coded("code", "move.notActive",
                    "Only an active province can be moved; " + code + " is " + tenant.status(), code));
        }
        long id = moves.create(tenant.code(), tenant.dbServer(), to, actor())
                .orElseThrow(() -> ProblemException.conflict(FieldError.coded("toServer", "move.open",
                        "Province " + code + " has a move that is not over", code, to)));
        audit(code, "requested: move " + id + ", " + tenant.dbServer() + " -> " + to);
        batch.afterCommit(JOB, params(tenant.code(), id), null);
        return moves.find(id).orElseThrow();
    }

    /** Runs a failed move again, from where it stopped. */
    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public ProvinceMove resume(String code, long id) {
        ProvinceMove move = get(code, id);
        if (!ProvinceMove.FAILED.equals(move.state())) {
            throw ProblemException.conflict(FieldError.coded("id", "move.notFailed",
                    "Only a failed move can be resumed; move " + id + " is " + move.state(), String.valueOf(id),
                    move.state()));
        }
        return resume(move);
    }

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public ProvinceMove get(String code, long id) {
        TenantEntry tenant = TenantService.find(code);
        return ProvinceMoveRepository.onPlatform().find(id).filter(m -> m.tenant().equals(tenant.code().value()))
                .orElseThrow(() -> ProblemException.notFound("No move " + id + " of province " + code));
    }

    @RolesAllowed(Roles.NATIONAL_ADMIN)
    public List<ProvinceMove> list(String code) {
        return ProvinceMoveRepository.onPlatform().list(TenantService.find(code).code());
    }

    private ProvinceMove resume(ProvinceMove move) {
        ProvinceMoveRepository moves = ProvinceMoveRepository.onPlatform();
        moves.queued(move.id());
        audit(move.tenant(), "resumed: move " + move.id() + " at step " + move.step());
        batch.afterCommit(JOB, params(new TenantCode(move.tenant()), move.id()),
                moves.execution(move.id()).orElse(null));
        return moves.find(move.id()).orElseThrow();
    }

    private static Properties params(TenantCode code, long id) {
        Properties params = new Properties();
        params.setProperty("tenant", code.value());
        params.setProperty("move", String.valueOf(id));
        return params;
    }

    private String actor() {
        return CallerIdentity.of(context).username();
    }

    private void audit(String code, String detail) {
        PlatformAudit.record(actor(), "MOVE", code, detail, clientAddress.get());
    }
}
