package vn.hssk.claims;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Why a claim of an envelope was refused or held back: a message code of the problems bundle with its arguments (the
 * claim's MA_LK and the table come first, so the sentence names them), and the English sentence.
 */
public record ClaimIssue(String code, List<String> args, String message) implements Serializable {

    public static ClaimIssue of(String code, String message, Object... args) {
        return new ClaimIssue(code, Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a)).toList(),
                message);
    }
}
