package vn.hssk.unit;

import java.util.Set;
import vn.hssk.shared.CallerIdentity;

/**
 * The one rule of the commune scope: a commune-scoped caller (commune chair, station staff) reaches a unit only if it
 * is one of their communes or lies below one of them; province roles reach the whole province. Every feature whose
 * data hangs on a commune or village asks here.
 */
public final class UnitScope {

    private UnitScope() {
    }

    public static boolean reaches(CallerIdentity caller, AdministrativeUnit unit) {
        Set<String> communes = caller.communeScope();
        if (communes == null) {
            return true;
        }
        for (AdministrativeUnit u = unit; u != null; u = u.getParent()) {
            if (u.getLevel() == UnitLevel.COMMUNE) {
                return communes.contains(u.getCode());
            }
        }
        return false;
    }
}
