package vn.hssk.claims;

import static vn.hssk.claims.ClaimXml.all;
import static vn.hssk.claims.ClaimXml.children;
import static vn.hssk.claims.ClaimXml.holderOf;
import static vn.hssk.claims.ClaimXml.name;
import static vn.hssk.claims.ClaimXml.text;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Reads a {@code GIAMDINHHS} envelope into its claims. The envelope's tables are found by {@code LOAIHOSO} (XML1 the
 * summary, XML2 drugs, XML3 services and supplies, XML4 paraclinical results, XML7/XML13/XML14 the discharge paper,
 * referral paper and follow-up appointment), never by their order; each {@code NOIDUNGFILE} may hold the table inline
 * (as elements, or as escaped XML text) or base64-encoded, with or without byte-order mark, declaration, CRLF or
 * namespaces. Field names of both QĐ 130 and QĐ 4210 are understood. A file that is not such an envelope is refused
 * whole (400); a claim whose table does not read is refused alone, naming its MA_LK and the table.
 */
public final class ClaimEnvelopeReader {

    /** The envelope: the sending facility ({@code THONGTINDONVI/MACSKCB}) and its claims in order. */
    public record Envelope(String facility, List<ParsedClaim> claims) {
    }

    private static final Pattern TABLE = Pattern.compile("XML\\d{1,2}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ICD_WITHOUT_DOT = Pattern.compile("([A-Z]\\d{2})([0-9A-Z]{1,4})");
    private static final int DETAIL_MAX = 2000;

    private ClaimEnvelopeReader() {
    }

    public static Envelope read(byte[] bytes) {
        Document doc;
        try {
            doc = ClaimXml.parse(bytes);
        } catch (SAXException e) {
            throw notEnvelope("the file is not well-formed XML (" + shorten(e.getMessage()) + ")");
        }
        Element root = doc.getDocumentElement();
        if (!"GIAMDINHHS".equalsIgnoreCase(name(root))) {
            throw notEnvelope("its root element is " + name(root) + ", not GIAMDINHHS");
        }
        String facility = null;
        for (Element unit : all(root, "THONGTINDONVI")) {
            facility = text(unit, "MACSKCB", "MA_CSKCB");
        }
        List<Element> files = all(root, "HOSO");
        if (files.isEmpty()) {
            throw notEnvelope("it holds no HOSO");
        }
        List<ParsedClaim> claims = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            claims.add(claim(i + 1, files.get(i), facility));
        }
        return new Envelope(facility, claims);
    }

    private static ProblemException notEnvelope(String why) {
        return ProblemException.invalid(FieldError.coded("envelope", "claims.notEnvelope",
                "This is not a GIAMDINHHS claim envelope (QĐ 130 or QĐ 4210): " + why, why));
    }

    private static ParsedClaim claim(int position, Element hoso, String envelopeFacility) {
        List<ClaimIssue> issues = new ArrayList<>();
        Map<String, Element> tables = new LinkedHashMap<>();
        Map<String, String> broken = new LinkedHashMap<>();
        for (Element file : all(hoso, "FILEHOSO")) {
            String type = text(file, "LOAIHOSO");
            type = type == null ? null : type.replace(" ", "").toUpperCase(Locale.ROOT);
            Element content = ClaimXml.child(file, "NOIDUNGFILE");
            if (type == null || !TABLE.matcher(type).matches()) {
                broken.put(type == null ? "?" : type, "LOAIHOSO is missing or not XMLn");
                continue;
            }
            if (content == null) {
                broken.put(type, "NOIDUNGFILE is missing");
                continue;
            }
            try {
                tables.put(type, content(content));
            } catch (SAXException | IllegalArgumentException e) {
                broken.put(type, shorten(e.getMessage()));
            }
        }
        Element summaryTable = tables.get("XML1");
        Element summaryRow = summaryTable == null ? null : holderOf(summaryTable, "MA_LK");
        String key = summaryRow == null ? keyFromDetails(tables) : text(summaryRow, "MA_LK");
        String label = key == null ? "#" + position : key;
        broken.forEach((table, why) -> issues.add(ClaimIssue.of("claims.table",
                "Claim " + label + ", table " + table + ": it does not parse (" + why + ")", label, table, why)));
        ClaimSummary summary = null;
        if (summaryRow != null) {
            summary = summary(summaryRow, label, envelopeFacility, issues);
        } else if (!broken.containsKey("XML1")) {
            issues.add(ClaimIssue.of(summaryTable == null ? "claims.noSummary" : "claims.table",
                    summaryTable == null ? "Claim " + label + " has no summary table XML1"
                            : "Claim " + label + ", table XML1: it does not parse (no element with MA_LK)",
                    label, "XML1", "MA_LK"));
        }
        List<ClaimLineData> lines = new ArrayList<>();
        rows(tables, "XML2", "CHI_TIET_THUOC", label, key, issues, lines, ClaimEnvelopeReader::drug);
        rows(tables, "XML3", "CHI_TIET_DVKT", label, key, issues, lines, ClaimEnvelopeReader::service);
        rows(tables, "XML4", "CHI_TIET_CLS", label, key, issues, lines, ClaimEnvelopeReader::result);
        paper(tables, "XML7", ClaimLineKind.DISCHARGE_PAPER, label, issues, lines);
        paper(tables, "XML13", ClaimLineKind.REFERRAL_PAPER, label, issues, lines);
        paper(tables, "XML14", ClaimLineKind.APPOINTMENT, label, issues, lines);
        String facility = summary == null ? envelopeFacility : summary.facility();
        return new ParsedClaim(position, key, facility, summary, List.copyOf(lines), List.copyOf(issues));
    }

    /** The table of a {@code NOIDUNGFILE}: inline elements, escaped XML text, or base64 of a document. */
    private static Element content(Element content) throws SAXException {
        List<Element> inline = children(content);
        if (!inline.isEmpty()) {
            return content;
        }
        String text = content.getTextContent() == null ? "" : content.getTextContent().strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw new SAXException("NOIDUNGFILE is empty");
        }
        byte[] bytes;
        if (text.startsWith("<")) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (text.startsWith("<?xml")) {
                int end = text.indexOf("?>");
                bytes = (end < 0 ? text : text.substring(end + 2)).getBytes(StandardCharsets.UTF_8);
            }
        } else {
            try {
                bytes = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new SAXException("neither inline XML nor base64");
            }
        }
        return ClaimXml.parse(bytes).getDocumentElement();
    }

    private static String keyFromDetails(Map<String, Element> tables) {
        for (Element table : tables.values()) {
            Element row = holderOf(table, "MA_LK");
            if (row != null && text(row, "MA_LK") != null) {
                return text(row, "MA_LK");
            }
        }
        return null;
    }

    private static ClaimSummary summary(Element row, String label, String envelopeFacility, List<ClaimIssue> issues) {
        boolean old = ClaimXml.child(row, "SO_CCCD") == null && ClaimXml.child(row, "MA_THE_BHYT") == null
                && ClaimXml.child(row, "MA_BENH_CHINH") == null
                && (ClaimXml.child(row, "MA_THE") != null || ClaimXml.child(row, "MA_BENH") != null);
        String key = required(row, "MA_LK", label, issues);
        String name = required(row, "HO_TEN", label, issues);
        String facility = text(row, "MA_CSKCB");
        if (facility == null) {
            facility = envelopeFacility;
        }
        if (facility == null) {
            issues.add(missing(label, "MA_CSKCB"));
        }
        LocalDate birth = birthDate(row, label, issues);
        LocalDateTime in = moment(row, "NGAY_VAO", true, label, issues);
        LocalDateTime out = moment(row, "NGAY_RA", false, label, issues);
        Integer sex = null;
        String sexText = text(row, "GIOI_TINH");
        if (sexText != null && sexText.matches("[123]")) {
            sex = Integer.valueOf(sexText);
        }
        String pid = text(row, "SO_CCCD");
        String cards = text(row, "MA_THE_BHYT", "MA_THE");
        List<String> cardList = cards == null ? List.of()
                : Arrays.stream(cards.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String main = firstCode(text(row, "MA_BENH_CHINH", "MA_BENH"));
        List<String> secondary = new ArrayList<>();
        String others = text(row, "MA_BENH_KT", "MA_BENHKHAC", "MA_BENH_KHAC");
        if (others != null) {
            for (String c : others.split("[;,]")) {
                String code = icd(c);
                if (code != null && !code.equals(main) && !secondary.contains(code)) {
                    secondary.add(code);
                }
            }
        }
        if (main == null && !secondary.isEmpty()) {
            main = secondary.remove(0);
        }
        BigDecimal weight = null;
        String w = text(row, "CAN_NANG");
        if (w != null) {
            try {
                weight = new BigDecimal(w.replace(',', '.'));
            } catch (NumberFormatException ignored) {
                weight = null;
            }
        }
        String commune = text(row, "MAXA_CU_TRU");
        if (commune != null && !commune.matches("\\d{5}")) {
            commune = null;
        }
        return new ClaimSummary(old ? ClaimEncoding.QD4210 : ClaimEncoding.QD130, key, text(row, "MA_BN"), name,
                pid, birth, sex, cardList, text(row, "DIA_CHI"), commune, facility, in, out, main,
                List.copyOf(secondary), text(row, "CHAN_DOAN_RV", "TEN_BENH"), text(row, "LY_DO_VV"),
                text(row, "MA_NOI_DI", "MA_NOI_CHUYEN"), text(row, "MA_NOI_DEN"), text(row, "GIAY_CHUYEN_TUYEN"),
                text(row, "KET_QUA_DTRI"), text(row, "MA_LOAI_RV", "TINH_TRANG_RV"), text(row, "GHI_CHU"), weight,
                text(row, "NGAY_TAI_KHAM"));
    }

    private static String firstCode(String codes) {
        if (codes == null) {
            return null;
        }
        for (String c : codes.split("[;,]")) {
            String code = icd(c);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** An ICD-10 code as the catalog writes it: upper case, no spaces, a dot after three characters (J069 → J06.9). */
    static String icd(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        var m = ICD_WITHOUT_DOT.matcher(code);
        return m.matches() ? m.group(1) + "." + m.group(2) : code;
    }

    private static String required(Element row, String field, String label, List<ClaimIssue> issues) {
        String value = text(row, field);
        if (value == null) {
            issues.add(missing(label, field));
        }
        return value;
    }

    private static ClaimIssue missing(String label, String field) {
        return ClaimIssue.of("claims.field", "Claim " + label + ", table XML1: field " + field
                + " is missing or wrong", label, "XML1", field);
    }

    private static LocalDate birthDate(Element row, String label, List<ClaimIssue> issues) {
        String raw = text(row, "NGAY_SINH");
        if (raw == null) {
            return null;
        }
        if (!DIGITS.matcher(raw).matches() || raw.length() != 8 && raw.length() != 12) {
            issues.add(missing(label, "NGAY_SINH"));
            return null;
        }
        if (raw.startsWith("00", 4) || raw.startsWith("00", 6)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(raw.substring(0, 4)), Integer.parseInt(raw.substring(4, 6)),
                    Integer.parseInt(raw.substring(6, 8)));
        } catch (java.time.DateTimeException e) {
            issues.add(missing(label, "NGAY_SINH"));
            return null;
        }
    }

    private static LocalDateTime moment(Element row, String field, boolean required, String label,
                                        List<ClaimIssue> issues) {
        String raw = text(row, field);
        if (raw == null) {
            if (required) {
                issues.add(missing(label, field));
            }
            return null;
        }
        LocalDateTime t = dateTime(raw);
        if (t == null) {
            issues.add(missing(label, field));
        }
        return t;
    }

    /** yyyyMMdd, yyyyMMddHHmm (QĐ 130 and 4210 both) or yyyyMMddHHmmss; null for anything else. */
    static LocalDateTime dateTime(String raw) {
        if (raw == null || !DIGITS.matcher(raw).matches()) {
            return null;
        }
        try {
            int y = Integer.parseInt(raw.substring(0, 4));
            int mo = Integer.parseInt(raw.substring(4, 6));
            int d = Integer.parseInt(raw.substring(6, 8));
            return switch (raw.length()) {
                case 8 -> LocalDateTime.of(y, mo, d, 0, 0);
                case 12 -> LocalDateTime.of(y, mo, d, Integer.parseInt(raw.substring(8, 10)),
                        Integer.parseInt(raw.substring(10, 12)));
                case 14 -> LocalDateTime.of(y, mo, d, Integer.parseInt(raw.substring(8, 10)),
                        Integer.parseInt(raw.substring(10, 12)), Integer.parseInt(raw.substring(12, 14)));
                default -> null;
            };
        } catch (java.time.DateTimeException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    private interface RowReader {
        ClaimLineData read(Element row);
    }

    private static void rows(Map<String, Element> tables, String table, String rowName, String label, String key,
                             List<ClaimIssue> issues, List<ClaimLineData> lines, RowReader reader) {
        Element root = tables.get(table);
        if (root == null) {
            return;
        }
        List<Element> rows = all(root, rowName);
        if (rows.isEmpty()) {
            issues.add(ClaimIssue.of("claims.table", "Claim " + label + ", table " + table
                    + ": it does not parse (no " + rowName + " rows)", label, table, "no " + rowName));
            return;
        }
        for (Element row : rows) {
            String rowKey = text(row, "MA_LK");
            if (key != null && rowKey != null && !rowKey.equals(key)) {
                issues.add(ClaimIssue.of("claims.keyMismatch", "Claim " + label + ", table " + table
                        + ": a row belongs to claim " + rowKey, label, table, rowKey));
                return;
            }
            lines.add(reader.read(row));
        }
    }

    private static ClaimLineData drug(Element r) {
        return new ClaimLineData(ClaimLineKind.DRUG, "XML2", text(r, "MA_THUOC"), text(r, "TEN_THUOC"),
                text(r, "SO_LUONG"), text(r, "DON_VI_TINH"),
                join(text(r, "HAM_LUONG"), text(r, "DUONG_DUNG"), text(r, "LIEU_DUNG"), text(r, "CACH_DUNG")),
                dateTime(text(r, "NGAY_YL")));
    }

    private static ClaimLineData service(Element r) {
        boolean supply = text(r, "MA_DICH_VU") == null && text(r, "MA_VAT_TU") != null;
        return new ClaimLineData(supply ? ClaimLineKind.SUPPLY : ClaimLineKind.SERVICE, "XML3",
                supply ? text(r, "MA_VAT_TU") : text(r, "MA_DICH_VU"),
                supply ? text(r, "TEN_VAT_TU") : text(r, "TEN_DICH_VU", "TEN_VAT_TU"), text(r, "SO_LUONG"),
                text(r, "DON_VI_TINH"), null, dateTime(text(r, "NGAY_KQ", "NGAY_YL")));
    }

    private static ClaimLineData result(Element r) {
        String code = text(r, "MA_CHI_SO", "MA_DICH_VU");
        return new ClaimLineData(ClaimLineKind.RESULT, "XML4", code, text(r, "TEN_CHI_SO", "MA_CHI_SO", "MA_DICH_VU"),
                text(r, "GIA_TRI"), text(r, "DON_VI_DO"), join(text(r, "MO_TA"), text(r, "KET_LUAN")),
                dateTime(text(r, "NGAY_KQ")));
    }

    private static void paper(Map<String, Element> tables, String table, ClaimLineKind kind, String label,
                              List<ClaimIssue> issues, List<ClaimLineData> lines) {
        Element root = tables.get(table);
        if (root == null) {
            return;
        }
        Element row = holderOf(root, "MA_LK");
        if (row == null) {
            issues.add(ClaimIssue.of("claims.table", "Claim " + label + ", table " + table
                    + ": it does not parse (no element with MA_LK)", label, table, "MA_LK"));
            return;
        }
        String number = text(row, "SO_CHUYENTUYEN", "SO_HOSO", "GIAY_CHUYEN_TUYEN", "SO_LUU_TRU",
                "SO_GIAYHEN_KL", "MA_YTE");
        String where = text(row, "MA_NOI_DEN");
        lines.add(new ClaimLineData(kind, table, number, where, null, null,
                join(text(row, "CHAN_DOAN_RV", "CHAN_DOAN"), text(row, "LY_DO_CT", "PP_DIEUTRI", "PP_DIEU_TRI"),
                        text(row, "GHI_CHU")),
                dateTime(text(row, "NGAY_HEN_KL", "NGAY_CT", "NGAY_CHUYEN", "NGAY_RA"))));
    }

    private static String join(String... parts) {
        String joined = String.join("; ", Arrays.stream(parts).filter(p -> p != null && !p.isEmpty()).toList());
        if (joined.isEmpty()) {
            return null;
        }
        return joined.length() > DETAIL_MAX ? joined.substring(0, DETAIL_MAX) : joined;
    }

    private static String shorten(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
