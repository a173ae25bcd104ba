package vn.hssk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The changes column of an audit row is JSON any reader parses back to the same values, whatever the text holds. */
class AuditChangesTest {

    @Test
    void onlyTheFieldsThatDifferAreWrittenWithBothValues() {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("fullName", "Trần Văn A");
        before.put("sex", "MALE");
        before.put("phone", "0912345678");
        Map<String, String> after = new LinkedHashMap<>(before);
        after.put("fullName", "Trần Văn Ân");
        after.remove("phone");
        after.put("address", "Thôn 3");
        JsonObject changes = parse(AuditTrail.changes(before, after));
        assertEquals(3, changes.size(), changes.toString());
        assertEquals("Trần Văn A", changes.getJsonObject("fullName").getString("before"));
        assertEquals("Trần Văn Ân", changes.getJsonObject("fullName").getString("after"));
        assertEquals(JsonValue.NULL, changes.getJsonObject("phone").get("after"));
        assertEquals(JsonValue.NULL, changes.getJsonObject("address").get("before"));
        assertEquals("{}", AuditTrail.changes(before, before));
    }

    @Test
    void quotesBackslashesAndControlCharactersSurviveTheRoundTrip() {
        String awkward = "Nguyễn \"Tí\" \\ C:\\x\n\r\t\b\f\u0000\u001B</script> \u2028 😀";
        JsonObject changes = parse(AuditTrail.changes(Map.of(), Map.of("note \"1\"", awkward)));
        assertEquals(awkward, changes.getJsonObject("note \"1\"").getString("after"));
        assertTrue(changes.getJsonObject("note \"1\"").isNull("before"));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
