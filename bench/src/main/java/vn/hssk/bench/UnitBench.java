package vn.hssk.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * A province of 1,000 communes and 10,000 villages: how long its code-list import takes through the API (preview and
 * apply), against a baseline of the same rows batch-inserted straight into a bare table of the same database; and
 * how fast the tree's first levels load, against an authenticated no-op call ({@code GET /api/me}) as baseline.
 */
final class UnitBench {

    private static final int COMMUNES = 1_000;
    private static final int VILLAGES_PER_COMMUNE = 10;
    private static final int CALLS = 50;

    private UnitBench() {
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
            String csv = codeList();

            long t0 = System.nanoTime();
            HttpResponse<String> preview = BenchStack.call("POST", "/api/units/import?mode=preview", token,
                    "text/csv", csv);
            long previewMs = (System.nanoTime() - t0) / 1_000_000;
            BenchStack.check(preview, "preview");
            t0 = System.nanoTime();
            HttpResponse<String> apply = BenchStack.call("POST", "/api/units/import?mode=apply", token, "text/csv", csv);
            long applyMs = (System.nanoTime() - t0) / 1_000_000;
            BenchStack.check(apply, "apply");
            long baselineMs = rawInsert(config.dbPort());

            List<Long> roots = BenchStack.time("th-admin", 1, CALLS, i -> "/api/units/tree");
            List<Long> communes = BenchStack.time("th-admin", 1, CALLS, i -> "/api/units/tree?parent=1");
            List<Long> me = BenchStack.time("th-admin", 1, CALLS, i -> "/api/me");
            int rows = COMMUNES * (1 + VILLAGES_PER_COMMUNE);

            System.out.println();
            System.out.println("== hssk units benchmark: " + COMMUNES + " communes, " + COMMUNES * VILLAGES_PER_COMMUNE
                    + " villages (" + Runtime.getRuntime().availableProcessors() + " cores) ==");
            System.out.printf("import preview via REST : %6d ms (%,.0f rows/s)%n", previewMs, rows * 1000.0 / previewMs);
            System.out.printf("import apply via REST   : %6d ms (%,.0f rows/s)%n", applyMs, rows * 1000.0 / applyMs);
            System.out.printf("baseline: raw JDBC batch insert of the same rows into a bare table: %d ms;"
                    + " apply/baseline = %.1f%n", baselineMs, (double) applyMs / baselineMs);
            System.out.printf("tree roots (province with all counts): p50 %d ms, p95 %d ms%n",
                    BenchStack.pct(roots, 50), BenchStack.pct(roots, 95));
            System.out.printf("tree first level (1,000 communes with counts): p50 %d ms, p95 %d ms%n",
                    BenchStack.pct(communes, 50), BenchStack.pct(communes, 95));
            System.out.printf("baseline GET /api/me: p50 %d ms, p95 %d ms; first level p95 / baseline p95 = %.1f%n",
                    BenchStack.pct(me, 50), BenchStack.pct(me, 95),
                    (double) BenchStack.pct(communes, 95) / Math.max(1, BenchStack.pct(me, 95)));
        } finally {
            wildfly.stop();
            keycloak.stop();
            db.stop();
        }
    }

    private static String codeList() {
        StringBuilder csv = new StringBuilder("code,name,type,parent_code\n");
        for (int c = 0; c < COMMUNES; c++) {
            String commune = String.valueOf(20_000 + c);
            csv.append(commune).append(",Xã Thử Nghiệm ").append(c).append(",xã,38\n");
            for (int v = 1; v <= VILLAGES_PER_COMMUNE; v++) {
                csv.append(commune).append('-').append(v).append(",Thôn ").append(v).append(" xã ").append(c)
                        .append(",thôn,").append(commune).append('\n');
            }
        }
        return csv.toString();
    }

    private static long rawInsert(int port) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/", "root", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE IF NOT EXISTS hssk_bench");
                st.execute("DROP TABLE IF EXISTS hssk_bench.unit_raw");
                st.execute("CREATE TABLE hssk_bench.unit_raw (id BIGINT AUTO_INCREMENT PRIMARY KEY, code VARCHAR(12),"
                        + " name VARCHAR(200), type VARCHAR(20), parent_code VARCHAR(12))");
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO hssk_bench.unit_raw (code, name, type, parent_code) VALUES (?, ?, ?, ?)")) {
                int n = 0;
                for (String line : codeList().split("\n")) {
                    if (n++ == 0) {
                        continue;
                    }
                    String[] f = line.split(",");
                    ps.setString(1, f[0]);
                    ps.setString(2, f[1]);
                    ps.setString(3, f[2]);
                    ps.setString(4, f[3]);
                    ps.addBatch();
                    if (n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }


}
