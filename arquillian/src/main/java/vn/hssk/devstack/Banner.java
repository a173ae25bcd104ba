package vn.hssk.devstack;

import java.util.List;
import java.util.Optional;

/** What a developer needs once the stack is up: where everything answers and how to log in. */
final class Banner {

    static final String DEMO_PASSWORD = "demo";

    private static final List<String[]> DEMO_LOGINS = List.of(
            new String[] {"national-admin", "national administrator"},
            new String[] {"th-admin", "province administrator, Thanh Hóa (38)"},
            new String[] {"ct-admin", "province administrator, Cần Thơ (92)"},
            new String[] {"th-quangdai-chair", "commune chair, Quảng Đại"},
            new String[] {"th-quangdai-staff", "station staff, Quảng Đại"},
            new String[] {"th-hospital-doctor", "hospital doctor, Bệnh viện Đa khoa tỉnh Thanh Hóa (38001)"});

    /** Citizens of the dev realm that plays VNeID: "VNeID" on the login page, then the personal ID as username. */
    private static final List<String[]> DEMO_CITIZENS = List.of(
            new String[] {"038085012345", "Lê Văn Minh, father of two children, Quảng Đại"},
            new String[] {"038187023456", "Nguyễn Thị Hoa, mother of the same children"},
            new String[] {"079195000001", "Trần Thị Thảo, no record in any province"});

    private Banner() {
    }

    static String text(StackConfig config, EmbeddedDatabase database, Optional<EmbeddedDatabase> second,
                       EmbeddedKeycloak keycloak, List<WildFlyServer> nodes, ClusterBalancer balancer) {
        WildFlyServer wildFly = nodes.get(0);
        String app = (balancer != null ? balancer.url() : wildFly.url()).toString();
        StringBuilder text = new StringBuilder();
        String rule = "=".repeat(78);
        line(text, "");
        line(text, rule);
        line(text, "  hssk is running");
        line(text, rule);
        line(text, "  Application   " + app);
        line(text, "  REST API      " + app + "api");
        line(text, "  OpenAPI       " + app + "openapi");
        line(text, "  FHIR R4       " + app + "fhir/metadata");
        if (balancer != null) {
            line(text, "  Cluster       " + nodes.size() + " nodes behind the balancer at " + app + ":");
            for (WildFlyServer node : nodes) {
                line(text, "    " + node.nodeName() + "         " + node.url() + "  (management port "
                        + node.managementPort() + ")");
            }
        }
        line(text, "  Keycloak      " + keycloak.url() + "  (admin console: " + EmbeddedKeycloak.ADMIN_USER + "/"
                + EmbeddedKeycloak.ADMIN_PASSWORD + ", realm " + EmbeddedKeycloak.REALM + ")");
        line(text, "  Database      " + database.jdbcUrl() + "  (user " + EmbeddedDatabase.USER + "/"
                + EmbeddedDatabase.PASSWORD + ", schema " + EmbeddedDatabase.PLATFORM_SCHEMA + ")");
        second.ifPresent(db -> line(text, "  Database 2    " + db.jdbcUrl() + "  (server '" + StackConfig.SECOND_SERVER
                + "' for provinces placed or moved there)"));
        line(text, "");
        line(text, "  Demo logins (password '" + DEMO_PASSWORD + "'):");
        for (String[] login : DEMO_LOGINS) {
            line(text, String.format("    %-20s %s", login[0], login[1]));
        }
        line(text, "  Citizens: " + app + "citizen/ , button 'VNeID', personal ID and password '" + DEMO_PASSWORD
                + "':");
        for (String[] login : DEMO_CITIZENS) {
            line(text, String.format("    %-20s %s", login[0], login[1]));
        }
        line(text, "");
        line(text, "  Data          " + config.workDir() + "  (kept across restarts and mvn clean)");
        line(text, "  Logs          " + config.logDir() + "  (WildFly's own: " + wildFly.serverLog()
                + (nodes.size() > 1 ? " and the other nodes'" : "") + ")");
        line(text, rule);
        line(text, "  Press Ctrl-C to stop.");
        line(text, rule);
        return text.toString();
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append(System.lineSeparator());
    }
}
