package vn.hssk.shared;

/**
 * What kind of file a client sent, read from its first bytes (its signature), never from the name or the type the
 * client claims: a renamed executable or HTML page is none of the kinds a feature accepts. Citizens' feedback photos
 * and consultation attachments are checked here.
 */
public final class FileSignature {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};

    private FileSignature() {
    }

    /** {@value #JPEG} or {@value #PNG} from the file's signature, or null. */
    public static String image(byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        return startsWith(data, PNG_SIGNATURE) ? PNG : null;
    }

    /** An image as {@link #image} recognises it, or {@value #PDF}; null for anything else. */
    public static String imageOrPdf(byte[] data) {
        String image = image(data);
        if (image != null) {
            return image;
        }
        return data != null && startsWith(data, PDF_SIGNATURE) ? PDF : null;
    }

    private static boolean startsWith(byte[] data, byte[] signature) {
        if (data.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (data[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
