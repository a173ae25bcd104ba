package vn.hssk.immunization;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a certificate's QR code carries: {@code <province>.<number>.<signature>}, where the number is a random
 * 20-character code (not a database id, not guessable) and the signature an HMAC-SHA256 of province and number with
 * the province's key. A token whose signature does not verify is not genuine, whatever its number.
 */
public final class CertificateToken {

    private static final Pattern SHAPE = Pattern.compile("(\\d{2})\\.([A-Z2-7]{20})\\.([A-Za-z0-9_-]{43})");
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token split into its parts, not yet verified. */
    public record Parts(String province, String number, String signature) {
    }

    private CertificateToken() {
    }

    public static String newNumber() {
        char[] c = new char[20];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    public static String sign(String province, String number, byte[] key) {
        return province + "." + number + "." + signature(province, number, key);
    }

    public static Optional<Parts> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(token.strip());
        return m.matches() ? Optional.of(new Parts(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    public static boolean verifies(Parts parts, byte[] key) {
        byte[] expected = signature(parts.province(), parts.number(), key).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts.signature().getBytes(StandardCharsets.US_ASCII));
    }

    static String signature(String province, String number, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((province + "." + number).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
