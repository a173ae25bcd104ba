package vn.hssk.claims;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds synthetic claim envelopes (made-up people only) from the field lists of QĐ 130 XML1 and the QĐ 4210 names:
 * one {@link Claim} per HOSO, its tables inline or base64, optionally with BOM, CRLF and namespace declarations.
 */
public final class ClaimEnvelopes {

    /** One synthetic claim; fields left null are not written. */
    public static final class Claim {
        public String key;
        public String name = "Nguyễn Văn Thử";
        public String personalId;
        public String birth = "19800101";
        public String sex = "1";
        public String cards;
        public String commune;
        public String facility = "79001";
        public String in = "202401150800";
        public String out = "202401151000";
        public String main = "J06.9";
        public String secondary;
        public boolean old;
        public boolean drugs = true;
        public boolean services = true;
        public boolean results = true;
        public boolean referral;
        final Map<String, String> replaced = new LinkedHashMap<>();

        public Claim(String key) {
            this.key = key;
        }

        public Claim old() {
            this.old = true;
            return this;
        }

        /** Replaces a table's content by {@code raw} (a broken table). */
        public Claim table(String type, String raw) {
            replaced.put(type, raw);
            return this;
        }

        Map<String, String> tables() {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("XML1", old ? summary4210() : summary130());
            if (drugs) {
                t.put("XML2", "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>" + key
                        + "</MA_LK><STT>1</STT><MA_THUOC>40.17</MA_THUOC><TEN_THUOC>Paracetamol</TEN_THUOC>"
                        + "<DON_VI_TINH>Viên</DON_VI_TINH><HAM_LUONG>500mg</HAM_LUONG><DUONG_DUNG>1.01</DUONG_DUNG>"
                        + "<LIEU_DUNG>1 viên x 3 lần/ngày</LIEU_DUNG><SO_LUONG>9</SO_LUONG>"
                        + "<NGAY_YL>202401150830</NGAY_YL></CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC>"
                        + "</CHITIEU_CHITIET_THUOC>");
            }
            if (services) {
                t.put("XML3", "<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT><CHI_TIET_DVKT><MA_LK>" + key
                        + "</MA_LK><STT>1</STT><MA_DICH_VU>02.1896</MA_DICH_VU><TEN_DICH_VU>Khám Nội</TEN_DICH_VU>"
                        + "<SO_LUONG>1</SO_LUONG><NGAY_YL>202401150805</NGAY_YL></CHI_TIET_DVKT><CHI_TIET_DVKT>"
                        + "<MA_LK>" + key + "</MA_LK><STT>2</STT><MA_DICH_VU>23.0166</MA_DICH_VU>"
                        + "<TEN_DICH_VU>Định lượng Glucose</TEN_DICH_VU><SO_LUONG>1</SO_LUONG>"
                        + "<NGAY_KQ>202401150900</NGAY_KQ></CHI_TIET_DVKT></DSACH_CHI_TIET_DVKT>"
                        + "</CHITIEU_CHITIET_DVKT_VTYT>");
            }
            if (results) {
                t.put("XML4", "<CHITIEU_CHITIET_DICHVUCANLAMSANG><DSACH_CHI_TIET_CLS><CHI_TIET_CLS><MA_LK>" + key
                        + "</MA_LK><STT>1</STT><MA_DICH_VU>23.0166</MA_DICH_VU><MA_CHI_SO>GLU</MA_CHI_SO>"
                        + "<TEN_CHI_SO>Glucose</TEN_CHI_SO><GIA_TRI>5.4</GIA_TRI><DON_VI_DO>mmol/L</DON_VI_DO>"
                        + "<KET_LUAN>Bình thường</KET_LUAN><NGAY_KQ>202401150900</NGAY_KQ></CHI_TIET_CLS>"
                        + "</DSACH_CHI_TIET_CLS></CHITIEU_CHITIET_DICHVUCANLAMSANG>");
            }
            if (referral) {
                t.put("XML13", "<CHI_TIEU_GIAYCHUYENTUYEN><MA_LK>" + key + "</MA_LK><SO_CHUYENTUYEN>CT-" + key
                        + "</SO_CHUYENTUYEN><MA_NOI_DEN>79002</MA_NOI_DEN><CHAN_DOAN_RV>Viêm họng</CHAN_DOAN_RV>"
                        + "<NGAY_CT>20240115</NGAY_CT></CHI_TIEU_GIAYCHUYENTUYEN>");
            }
            t.putAll(replaced);
            return t;
        }

        private String summary130() {
            return "<TONG_HOP>" + f("MA_LK", key) + f("STT", "1") + f("MA_BN", "BN" + key) + f("HO_TEN", name)
                    + f("SO_CCCD", personalId) + f("NGAY_SINH", birth == null ? null : birth + "0000")
                    + f("GIOI_TINH", sex) + f("MA_THE_BHYT", cards) + f("MAXA_CU_TRU", commune)
                    + f("CHAN_DOAN_RV", "Viêm họng cấp") + f("MA_BENH_CHINH", main) + f("MA_BENH_KT", secondary)
                    + f("NGAY_VAO", in) + f("NGAY_RA", out) + f("GIAY_CHUYEN_TUYEN", referral ? "CT-" + key : null)
                    + f("MA_NOI_DEN", referral ? "79002" : null) + f("KET_QUA_DTRI", "1") + f("MA_LOAI_RV", "1")
                    + f("GHI_CHU", "Uống nhiều nước") + f("MA_LOAI_KCB", "01") + f("MA_CSKCB", facility)
                    + f("CAN_NANG", "60.5") + "</TONG_HOP>";
        }

        private String summary4210() {
            return "<TONG_HOP>" + f("MA_LK", key) + f("STT", "1") + f("MA_BN", "BN" + key) + f("HO_TEN", name)
                    + f("NGAY_SINH", birth) + f("GIOI_TINH", sex) + f("MA_THE", cards) + f("TEN_BENH", "Viêm họng")
                    + f("MA_BENH", main) + f("MA_BENHKHAC", secondary) + f("NGAY_VAO", in) + f("NGAY_RA", out)
                    + f("KET_QUA_DTRI", "1") + f("TINH_TRANG_RV", "1") + f("MA_LOAI_KCB", "1")
                    + f("MA_CSKCB", facility) + "</TONG_HOP>";
        }

        private static String f(String field, String value) {
            return value == null ? "" : "<" + field + ">" + value + "</" + field + ">";
        }
    }

    private ClaimEnvelopes() {
    }

    public static String envelope(String facility, boolean base64, Claim... claims) {
        return envelope(facility, base64, false, claims);
    }

    /** With {@code decorated}: BOM, CRLF line ends and namespace declarations (default and prefixed). */
    public static String envelope(String facility, boolean base64, boolean decorated, Claim... claims) {
        String nl = decorated ? "\r\n" : "\n";
        StringBuilder x = new StringBuilder();
        if (decorated) {
            x.append('\uFEFF');
        }
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>").append(nl);
        x.append(decorated ? "<GIAMDINHHS xmlns=\"urn:example:bhyt\" xmlns:xsi="
                + "\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                : "<GIAMDINHHS>").append(nl);
        x.append("<THONGTINDONVI><MACSKCB>").append(facility).append("</MACSKCB></THONGTINDONVI>").append(nl);
        x.append("<THONGTINHOSO><NGAYLAP>20240116</NGAYLAP><SOLUONGHOSO>").append(claims.length)
                .append("</SOLUONGHOSO><DANHSACHHOSO>").append(nl);
        for (Claim c : claims) {
            x.append("<HOSO>").append(nl);
            List<Map.Entry<String, String>> tables = new ArrayList<>(c.tables().entrySet());
            java.util.Collections.reverse(tables);
            for (Map.Entry<String, String> t : tables) {
                x.append("<FILEHOSO>").append(nl);
                String content = t.getValue();
                String loai = "<LOAIHOSO>" + t.getKey() + "</LOAIHOSO>";
                String body;
                if (c.replaced.containsKey(t.getKey())) {
                    body = content;
                } else if (base64) {
                    String doc = (decorated ? "\uFEFF" : "") + "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + nl
                            + content.replace("><", ">" + nl + "<");
                    body = Base64.getMimeEncoder().encodeToString(doc.getBytes(StandardCharsets.UTF_8));
                } else {
                    body = content;
                }
                // content before the type: routing must not rest on element order
                x.append("<NOIDUNGFILE>").append(body).append("</NOIDUNGFILE>").append(nl).append(loai).append(nl);
                x.append("</FILEHOSO>").append(nl);
            }
            x.append("</HOSO>").append(nl);
        }
        x.append("</DANHSACHHOSO></THONGTINHOSO><CHUKYDONVI/></GIAMDINHHS>").append(nl);
        return x.toString();
    }

    public static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
