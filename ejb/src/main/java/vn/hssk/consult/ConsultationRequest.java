package vn.hssk.consult;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.FileSignature;
import vn.hssk.shared.TextFolding;

/**
 * What the station sends: the person, the hospital, the question, the parts of the record to share (letters A–D, at
 * least one), and optionally one attachment: a JPEG, PNG or PDF of at most {@value #MAX_ATTACHMENT_BYTES} bytes,
 * recognised by its first bytes whatever name or type the client claims.
 */
public record ConsultationRequest(Long personId, Long hospitalId, String question, List<String> parts,
                                  byte[] attachment, String attachmentName) {

    public static final int MAX_QUESTION = 4000;
    /** The answer becomes the visit's conclusion, which holds 2,000 characters. */
    public static final int MAX_ANSWER = 2000;
    public static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ATTACHMENT_NAME = 200;

    /** The request checked: every bad field reported at once (400), texts NFC-normalised and trimmed. */
    public Checked check() {
        FieldCheck check = new FieldCheck();
        check.required("personId", personId, "The person");
        check.required("hospitalId", hospitalId, "The hospital");
        String q = check.text("question", TextFolding.normalize(question), MAX_QUESTION, true, "The question");
        Set<RecordPart> chosen = EnumSet.noneOf(RecordPart.class);
        for (String part : parts == null ? List.<String>of() : parts) {
            try {
                chosen.add(RecordPart.valueOf(part == null ? "" : part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                check.fail("parts", "consult.part", "Shared parts are letters A, B, C or D");
                break;
            }
        }
        if (chosen.isEmpty() && check.isEmpty()) {
            check.fail("parts", "consult.noPart", "Choose at least one part of the record to share");
        }
        String type = null;
        if (attachment != null && attachment.length > 0) {
            type = FileSignature.imageOrPdf(attachment);
            if (attachment.length > MAX_ATTACHMENT_BYTES) {
                check.fail("attachment", "consult.attachmentSize", "The attachment is at most 5 MB");
            } else if (type == null) {
                check.fail("attachment", "consult.attachmentType", "The attachment must be a JPEG, PNG or PDF file");
            }
        }
        check.throwIfAny();
        return new Checked(q, chosen, type == null ? null : attachment, type, type == null ? null : fileName(type));
    }

    /** The name shown for the download: the last part of what the client sent, without control characters. */
    private String fileName(String type) {
        String name = attachmentName == null ? "" : TextFolding.normalize(attachmentName);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "attachment" + switch (type) {
                case FileSignature.PDF -> ".pdf";
                case FileSignature.PNG -> ".png";
                default -> ".jpg";
            };
        }
        return name.length() > MAX_ATTACHMENT_NAME ? name.substring(name.length() - MAX_ATTACHMENT_NAME) : name;
    }

    /** A checked request. */
    public record Checked(String question, Set<RecordPart> parts, byte[] attachment, String attachmentType,
                          String attachmentName) {
    }
}
