package vn.hssk.bench;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * Claims accepted per second: a province of {@code bench.people} residents (default 100,000, loaded by JDBC, every
 * other one with a BHYT number), then {@code bench.envelopes} QĐ 130 envelopes (default 20) of
 * {@code bench.claims} claims each (default 100, base64 tables XML1-XML4) uploaded one after the other by the
 * province administrator: half match by personal ID, a quarter by BHYT card (both become visits), a quarter match
 * nobody (review list). Then the same envelopes again (every claim a duplicate: nothing written).
 */
final class ClaimBench {

    private static final int COMMUNES = 10;
    private static final int VILLAGES_PER_COMMUNE = 5;
    private static final int PEOPLE = Integer.getInteger("bench.people", 100_000);
    private static final int ENVELOPES = Integer.getInteger("bench.envelopes", 20);
    private static final int CLAIMS = Integer.getInteger("bench.claims", 100);

    private ClaimBench() {
    }

    static void run() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            BenchStack.onboard(BenchStack.token("national-admin"), "38", "Thanh Hóa", "th-admin");
            String token = BenchStack.token("th-admin");
            BenchStack.check(BenchStack.call("POST", "/api/units/import?mode=apply", token, "text/csv", BenchStack.codeList(COMMUNES, VILLAGES_PER_COMMUNE, "Giám Định")),
                    "import");
            long loadMs = load(config.dbPort());
            List<String> envelopes = new ArrayList<>();
            Random random = new Random(7);
            long bytes = 0;
            for (int e = 0; e < ENVELOPES; e++) {
                String xml = envelope(e, random);
                bytes += xml.getBytes(StandardCharsets.UTF_8).length;
                envelopes.add(xml);
            }
            int[] firstCounts = new int[4];
            List<Long> firstMs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (String xml : envelopes) {
                firstMs.add(upload(token, xml, firstCounts));
            }
            long firstTotal = BenchStack.ms(t0);
            int[] againCounts = new int[4];
            List<Long> againMs = new ArrayList<>();
            t0 = System.nanoTime();
            for (String xml : envelopes) {
                token = BenchStack.token("th-admin");
                againMs.add(upload(token, xml, againCounts));
            }
            long againTotal = BenchStack.ms(t0);
            int claims = ENVELOPES * CLAIMS;
            System.out.println();
            System.out.println("== hssk claims benchmark: " + String.format("%,d", PEOPLE) + " residents, " + ENVELOPES
                    + " envelopes of " + CLAIMS + " claims (" + Runtime.getRuntime().availableProcessors()
                    + " cores) ==");
            System.out.printf("loading the residents by JDBC batch: %d ms; envelopes %,d bytes in all%n", loadMs,
                    bytes);
            System.out.printf("first import : %d claims in %d ms = %.0f claims/s (linked %d, review %d, duplicate %d,"
                            + " refused %d); per envelope p50 %d ms, p95 %d ms%n", claims, firstTotal,
                    claims * 1000.0 / firstTotal, firstCounts[0], firstCounts[1], firstCounts[2], firstCounts[3],
                    BenchStack.pct(firstMs, 50), BenchStack.pct(firstMs, 95));
            System.out.printf("second import: %d claims in %d ms = %.0f claims/s (duplicate %d); per envelope p50 %d ms,"
                            + " p95 %d ms%n", claims, againTotal, claims * 1000.0 / againTotal, againCounts[2],
                    BenchStack.pct(againMs, 50), BenchStack.pct(againMs, 95));
        } finally {
            wildfly.stop();
            keycloak.stop();
            db.stop();
        }
    }

    private static long upload(String token, String xml, int[] counts) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = BenchStack.call("POST", "/api/claims", token, "application/xml", xml);
        long ms = BenchStack.ms(t0);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        JsonObject report = BenchStack.json(r.body());
        counts[0] += report.getInt("linked");
        counts[1] += report.getInt("waiting");
        counts[2] += report.getInt("duplicates");
        counts[3] += report.getInt("refused");
        return ms;
    }

    private static String envelope(int e, Random random) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<GIAMDINHHS>"
                + "<THONGTINDONVI><MACSKCB>38001</MACSKCB></THONGTINDONVI><THONGTINHOSO><NGAYLAP>20240116</NGAYLAP>"
                + "<SOLUONGHOSO>" + CLAIMS + "</SOLUONGHOSO><DANHSACHHOSO>");
        for (int c = 0; c < CLAIMS; c++) {
            int n = random.nextInt(PEOPLE);
            String key = "B" + e + "-" + c;
            String pid = c % 4 < 2 ? String.format("<SO_CCCD>038080%06d</SO_CCCD>", n) : "";
            String card = c % 4 == 2 && n % 2 == 0 ? String.format("<MA_THE_BHYT>HS4388%09d</MA_THE_BHYT>", n) : "";
            String xml1 = "<TONG_HOP><MA_LK>" + key + "</MA_LK><STT>" + (c + 1) + "</STT><HO_TEN>"
                    + (c % 4 == 3 ? "Người Lạ " + key : "Người Thử " + n) + "</HO_TEN>" + pid
                    + "<NGAY_SINH>198001010000</NGAY_SINH><GIOI_TINH>1</GIOI_TINH>" + card
                    + "<CHAN_DOAN_RV>Viêm họng cấp</CHAN_DOAN_RV><MA_BENH_CHINH>J02</MA_BENH_CHINH>"
                    + "<MA_BENH_KT>I10</MA_BENH_KT><NGAY_VAO>202401150800</NGAY_VAO><NGAY_RA>202401151000</NGAY_RA>"
                    + "<MA_CSKCB>38001</MA_CSKCB></TONG_HOP>";
            String xml2 = "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>" + key
                    + "</MA_LK><MA_THUOC>40.17</MA_THUOC><TEN_THUOC>Paracetamol</TEN_THUOC><SO_LUONG>9</SO_LUONG>"
                    + "<DON_VI_TINH>Viên</DON_VI_TINH></CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>";
            String xml3 = "<CHITIEU_CHITIET_DVKT_VTYT><DSACH_CHI_TIET_DVKT><CHI_TIET_DVKT><MA_LK>" + key
                    + "</MA_LK><MA_DICH_VU>02.1896</MA_DICH_VU><TEN_DICH_VU>Khám Nội</TEN_DICH_VU><SO_LUONG>1"
                    + "</SO_LUONG></CHI_TIET_DVKT></DSACH_CHI_TIET_DVKT></CHITIEU_CHITIET_DVKT_VTYT>";
            String xml4 = "<CHITIEU_CHITIET_DICHVUCANLAMSANG><DSACH_CHI_TIET_CLS><CHI_TIET_CLS><MA_LK>" + key
                    + "</MA_LK><MA_CHI_SO>GLU</MA_CHI_SO><TEN_CHI_SO>Glucose</TEN_CHI_SO><GIA_TRI>5.4</GIA_TRI>"
                    + "<DON_VI_DO>mmol/L</DON_VI_DO></CHI_TIET_CLS></DSACH_CHI_TIET_CLS>"
                    + "</CHITIEU_CHITIET_DICHVUCANLAMSANG>";
            x.append("<HOSO>");
            int t = 1;
            for (String table : List.of(xml1, xml2, xml3, xml4)) {
                x.append("<FILEHOSO><LOAIHOSO>XML").append(t++).append("</LOAIHOSO><NOIDUNGFILE>")
                        .append(Base64.getEncoder().encodeToString(table.getBytes(StandardCharsets.UTF_8)))
                        .append("</NOIDUNGFILE></FILEHOSO>");
            }
            x.append("</HOSO>");
        }
        return x.append("</DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>").toString();
    }

    /** Residents straight into the tenant's person table: ID 038080nnnnnn, every even one BHXH 388nnnnnnn. */
    private static long load(int port) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:" + port
                + "/hssk_t38?rewriteBatchedStatements=true", "root", "")) {
            List<Long> villages = BenchStack.villageIds(c);
            c.setAutoCommit(false);
            Random random = new Random(1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (full_name, full_name_folded, sex,"
                    + " birth_date, personal_id, bhyt_number, village_id, voided, created_at, created_by)"
                    + " VALUES (?, ?, 'MALE', '1980-01-01', ?, ?, ?, FALSE, NOW(3), 'bench')")) {
                for (int i = 0; i < PEOPLE; i++) {
                    ps.setString(1, "Người Thử " + i);
                    ps.setString(2, "nguoi thu " + i);
                    ps.setString(3, String.format("038080%06d", i));
                    ps.setString(4, i % 2 == 0 ? String.format("8%09d", i) : null);
                    ps.setLong(5, villages.get(random.nextInt(villages.size())));
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE TABLE person");
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
