package vn.hssk.icd10;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;

/**
 * Searching the province's ICD-10 catalog (everyone who works on records) and adding a code it lacks (province
 * administrators). The codes are not personal data, so searches are not audited.
 */
@Stateless
public class Icd10Service {

    public static final int MAX_RESULTS = 50;

    @Resource
    private EJBContext context;

    @Inject
    private Icd10Repository codes;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<Icd10Code> search(String query, int max) {
        CallerIdentity.of(context).requireTenant();
        if (query == null || query.isBlank()) {
            throw ProblemException.invalid("q", "Type a code or words of the name");
        }
        if (max < 1 || max > MAX_RESULTS) {
            throw ProblemException.invalid("max", "max must be between 1 and " + MAX_RESULTS);
        }
        return codes.search(query, max);
    }

    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public Icd10Code add(String code, String name) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        Icd10Code added = new Icd10Code(code, name, caller.username());
        if (codes.find(added.getCode()).isPresent()) {
            throw ProblemException.conflict("code", "The code " + added.getCode() + " is already in the catalog");
        }
        codes.add(added);
        return added;
    }
}
