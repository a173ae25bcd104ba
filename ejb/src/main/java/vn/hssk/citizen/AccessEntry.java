package vn.hssk.citizen;

import java.io.Serializable;
import java.time.Instant;

/**
 * One line of a record's access history as its citizen sees it: when, which account, in which role, whether it read
 * or changed the record, and through what (a screen, an export, an import, the citizen portal).
 */
public record AccessEntry(Instant at, String username, String roles, String action, String context)
        implements Serializable {
}
