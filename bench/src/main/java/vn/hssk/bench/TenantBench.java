package vn.hssk.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * Onboarding time per tenant, and how much 20 tenants add to the server's start (every active tenant's schema is
 * migrated at start). Baseline, in the same run and on the same machine: a warm start of the same server with no
 * tenant. Runs on a fresh embedded stack in bench/target/stack.
 */
final class TenantBench {

    private static final String[][] PROVINCES = {
            {"01", "Hà Nội"}, {"04", "Cao Bằng"}, {"08", "Tuyên Quang"}, {"11", "Điện Biên"}, {"12", "Lai Châu"},
            {"14", "Sơn La"}, {"15", "Lào Cai"}, {"19", "Thái Nguyên"}, {"20", "Lạng Sơn"}, {"22", "Quảng Ninh"},
            {"24", "Bắc Ninh"}, {"25", "Phú Thọ"}, {"31", "Hải Phòng"}, {"33", "Hưng Yên"}, {"37", "Ninh Bình"},
            {"40", "Nghệ An"}, {"42", "Hà Tĩnh"}, {"44", "Quảng Trị"}, {"46", "Huế"}, {"48", "Đà Nẵng"}};

    private static final Pattern STARTUP_LINE = Pattern.compile("Platform schema ready .* in (\\d+) ms");

    private TenantBench() {
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
            long coldStart = timed(wildfly::start);
            wildfly.stop();
            long emptyStart = timed(wildfly::start);
            long emptyMigrations = lastStartupMigration(wildfly.serverLog());

            String token = BenchStack.token("national-admin");
            List<Long> client = new ArrayList<>();
            List<Long> server = new ArrayList<>();
            for (String[] p : PROVINCES) {
                long t0 = System.nanoTime();
                JsonObject report = BenchStack.onboard(token, p[0], p[1], "bench-admin-" + p[0]);
                client.add((System.nanoTime() - t0) / 1_000_000);
                server.add(report.getJsonNumber("durationMs").longValue());
            }
            wildfly.stop();
            long twentyStart = timed(wildfly::start);
            long twentyMigrations = lastStartupMigration(wildfly.serverLog());

            System.out.println();
            System.out.println("== hssk tenant benchmark (" + Runtime.getRuntime().availableProcessors() + " cores) ==");
            System.out.printf("server start, cold deploy, 0 tenants   : %6d ms%n", coldStart);
            System.out.printf("server start, warm, 0 tenants (baseline): %6d ms%n", emptyStart);
            System.out.printf("server start, warm, %d tenants          : %6d ms  (ratio to baseline %.2f, +%.0f ms per tenant)%n",
                    PROVINCES.length, twentyStart, (double) twentyStart / emptyStart,
                    (double) (twentyStart - emptyStart) / PROVINCES.length);
            System.out.printf("startup migrations in the server: %d ms with 0 tenants, %d ms with %d (+%.0f ms per tenant)%n",
                    emptyMigrations, twentyMigrations, PROVINCES.length,
                    (double) (twentyMigrations - emptyMigrations) / PROVINCES.length);
            System.out.printf("onboarding via REST, %d tenants: p50 %d ms, p95 %d ms, max %d ms, first %d ms%n",
                    client.size(), BenchStack.pct(client, 50), BenchStack.pct(client, 95), max(client), client.get(0));
            System.out.printf("onboarding server-side (steps only): p50 %d ms, p95 %d ms%n", BenchStack.pct(server, 50), BenchStack.pct(server, 95));
        } finally {
            wildfly.stop();
            keycloak.stop();
            db.stop();
        }
    }

    private static long timed(Runnable start) {
        long t0 = System.nanoTime();
        start.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The duration that PlatformStartup logs for its migrations at the last start. */
    static long lastStartupMigration(Path serverLog) throws IOException {
        Matcher last = null;
        for (String line : Files.readAllLines(serverLog)) {
            Matcher m = STARTUP_LINE.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return last == null ? -1 : Long.parseLong(last.group(1));
    }





    private static long max(List<Long> values) {
        return values.stream().max(Long::compare).orElse(0L);
    }

}
