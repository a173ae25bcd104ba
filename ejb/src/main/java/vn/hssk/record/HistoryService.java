package vn.hssk.record;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.icd10.Icd10Code;
import vn.hssk.icd10.Icd10Repository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * Use cases on part B of a person's record (history and risk factors). Station staff of the person's commune add
 * and void lines; commune chairs and province administrators read within their scope; national administrators reach
 * nothing. Every read and change writes an audit row ({@code PersonHistory}, entity id = the person) in the same
 * transaction, so "who saw this person's record" finds it.
 */
@Stateless
public class HistoryService {

    @Resource
    private EJBContext context;

    @Inject
    private PersonAccess access;

    @Inject
    private HistoryRepository history;

    @Inject
    private Icd10Repository icd10;

    @Inject
    private AuditTrail audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<HistoryEntry> entries(long personId, boolean includeVoided) {
        CallerIdentity caller = caller();
        Person person = access.visible(caller, personId);
        audit.read(caller, AuditService.PERSON_HISTORY, person.getId(), includeVoided ? "history+voided" : "history");
        return history.entries(person.getId(), includeVoided);
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public HistoryEntry add(long personId, HistoryEntryDetails details) {
        CallerIdentity caller = caller();
        Person person = access.writable(caller, personId);
        HistoryItem item = details.itemId() == null ? null : history.item(details.itemId()).orElse(null);
        String code = Icd10Code.normalize(details.icd10Code());
        if (code != null && icd10.find(code).isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("icd10Code", "icd10.unknown",
                    "No ICD-10 code " + code + " in the province's catalog", code));
        }
        HistoryEntry entry = new HistoryEntry(person, item, details,
                code != null ? code : item == null ? null : item.getIcd10Code(), caller.username());
        if (item.isSingleEntry() && !entry.isFamily() && history.hasCurrentOwn(person.getId(), item)) {
            throw ProblemException.conflict(FieldError.coded("itemId", "history.single", "\"" + item.getName()
                    + "\" is already recorded for this person; void that line first to record it again",
                    item.getName()));
        }
        history.add(entry);
        history.flush();
        audit.changed(caller, AuditAction.CREATE, AuditService.PERSON_HISTORY, person.getId(), Map.of(),
                entry.snapshot(), "entry " + entry.getId());
        return entry;
    }

    @RolesAllowed(Roles.STATION_STAFF)
    public HistoryEntry voidEntry(long personId, long entryId, String reason) {
        CallerIdentity caller = caller();
        Person person = access.visible(caller, personId);
        HistoryEntry entry = history.entry(person.getId(), entryId)
                .orElseThrow(() -> ProblemException.notFound("No history entry " + entryId + " of this person"));
        Map<String, String> before = entry.snapshot();
        entry.voidEntry(reason, caller.username());
        history.flush();
        audit.changed(caller, AuditAction.VOID, AuditService.PERSON_HISTORY, person.getId(), before,
                entry.snapshot(), "entry " + entry.getId());
        return entry;
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
