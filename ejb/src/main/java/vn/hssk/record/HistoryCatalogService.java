package vn.hssk.record;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import vn.hssk.icd10.Icd10Code;
import vn.hssk.icd10.Icd10Repository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;

/**
 * The province's catalog of part-B items: everyone who works on records reads it; province administrators extend it
 * with items the 831 lists lack. Items are reference data, not personal data, and are not removed (entries point at
 * them).
 */
@Stateless
public class HistoryCatalogService {

    @Resource
    private EJBContext context;

    @Inject
    private HistoryRepository history;

    @Inject
    private Icd10Repository icd10;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<HistoryItem> items(HistoryCategory category) {
        CallerIdentity.of(context).requireTenant();
        return history.items(category);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public HistoryItem add(HistoryItemDetails details) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        String code = Icd10Code.normalize(details.icd10Code());
        if (code != null && icd10.find(code).isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("icd10Code", "icd10.unknown",
                    "No ICD-10 code " + code + " in the province's catalog", code));
        }
        HistoryItem item = new HistoryItem(withCode(details, code), caller.username());
        if (history.item(item.getCategory(), item.getCode()).isPresent()) {
            throw ProblemException.conflict(FieldError.coded("code", "historyItem.taken", "The category "
                    + item.getCategory() + " already has an item " + item.getCode(), item.getCategory(),
                    item.getCode()));
        }
        history.add(item);
        return item;
    }

    private static HistoryItemDetails withCode(HistoryItemDetails d, String icd) {
        return new HistoryItemDetails(d.category(), d.code(), d.name(), d.nameEn(), icd, d.statuses(), d.numberUnit(),
                d.numberMin(), d.numberMax(), d.numberRequired(), d.quitApplies(), d.textRequired(), d.singleEntry(),
                d.familyApplies(), d.sortOrder());
    }
}
