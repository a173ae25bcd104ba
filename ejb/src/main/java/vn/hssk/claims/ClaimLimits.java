package vn.hssk.claims;

import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Settings;

/**
 * The largest envelope an upload takes, {@code hssk.claims.max-bytes} (environment {@code HSSK_CLAIMS_MAX_BYTES},
 * default 20 MB): an envelope is read whole into memory, so a larger one is refused with 413 naming the limit.
 */
public final class ClaimLimits {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private ClaimLimits() {
    }

    public static long maxBytes() {
        try {
            long bytes = Long.parseLong(Settings.get("hssk.claims.max-bytes", "HSSK_CLAIMS_MAX_BYTES",
                    String.valueOf(DEFAULT_MAX_BYTES)));
            return bytes > 0 ? bytes : DEFAULT_MAX_BYTES;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_BYTES;
        }
    }

    /** The limit in whole megabytes (MiB), as the refusal says it. */
    public static long maxMegabytes() {
        return Math.max(1, maxBytes() / (1024 * 1024));
    }

    public static ProblemException tooLarge() {
        return new ProblemException(413, FieldError.coded("file", "claims.tooLarge",
                "The envelope is larger than the limit of " + maxMegabytes() + " MB for claim envelopes; send it"
                        + " in several envelopes", maxMegabytes()));
    }
}
