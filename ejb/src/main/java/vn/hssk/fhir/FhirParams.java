package vn.hssk.fhir;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The search parameters of one request as FHIR defines their kinds: tokens ({@code system|code}), dates with a prefix
 * ({@code eq}, {@code ge}, {@code gt}, {@code le}, {@code lt}; a year, a month or a day) and instants. A value this
 * server cannot read is refused with the parameter named, never ignored.
 */
final class FhirParams {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String type;
    private final Map<String, List<String>> params;

    FhirParams(String type, Map<String, List<String>> params) {
        this.type = type;
        this.params = params;
    }

    /** The one value of a parameter, or null; a parameter given twice where it cannot be is refused. */
    String single(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalid(FieldError.coded(name, "fhir.paramOnce", name
                    + " may be given once in a search of " + type, name, type));
        }
        String v = values.get(0).strip();
        if (v.isEmpty()) {
            throw empty(name);
        }
        return v;
    }

    /** Whether the request has no parameter but these. */
    boolean only(java.util.Set<String> names) {
        return names.containsAll(params.keySet());
    }

    /** A token {@code system|code}, {@code |code} or {@code code}. */
    record Token(String system, String value) {
    }

    static Token token(String raw) {
        int bar = raw.indexOf('|');
        if (bar < 0) {
            return new Token(null, raw);
        }
        String system = raw.substring(0, bar);
        return new Token(system.isEmpty() ? null : system, raw.substring(bar + 1));
    }

    /** Days from and to, both included; either may be open. */
    record DateRange(LocalDate from, LocalDate to) {

        boolean contains(LocalDate day) {
            return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    /** Instants from (included) and to (excluded); either may be open. */
    record InstantRange(Instant from, Instant to) {

        boolean contains(Instant t) {
            return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
        }
    }

    List<DateRange> dateRanges(String name) {
        List<DateRange> out = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            Prefixed p = prefixed(name, raw);
            LocalDate[] span = span(name, p.value());
            out.add(switch (p.prefix()) {
                case "eq" -> new DateRange(span[0], span[1]);
                case "ge" -> new DateRange(span[0], null);
                case "gt" -> new DateRange(span[1].plusDays(1), null);
                case "le" -> new DateRange(null, span[1]);
                case "lt" -> new DateRange(null, span[0].minusDays(1));
                default -> throw unsupportedPrefix(name, p.prefix());
            });
        }
        return out;
    }

    List<InstantRange> instantRanges(String name) {
        List<InstantRange> out = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            Prefixed p = prefixed(name, raw);
            Instant from;
            Instant to;
            if (p.value().length() > 10) {
                try {
                    from = OffsetDateTime.parse(p.value()).toInstant();
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid(FieldError.coded(name, "fhir.instant", name + " is a date"
                            + " (yyyy-MM-dd) or an instant with its offset (2026-12-01T08:00:00+07:00): " + p.value(),
                            name, p.value()));
                }
                to = from.plusMillis(1);
            } else {
                LocalDate[] span = span(name, p.value());
                from = span[0].atStartOfDay(VIETNAM).toInstant();
                to = span[1].plusDays(1).atStartOfDay(VIETNAM).toInstant();
            }
            out.add(switch (p.prefix()) {
                case "eq" -> new InstantRange(from, to);
                case "ge" -> new InstantRange(from, null);
                case "gt" -> new InstantRange(to, null);
                case "le" -> new InstantRange(null, to);
                case "lt" -> new InstantRange(null, from);
                default -> throw unsupportedPrefix(name, p.prefix());
            });
        }
        return out;
    }

    private record Prefixed(String prefix, String value) {
    }

    private static Prefixed prefixed(String name, String raw) {
        String v = raw.strip();
        if (v.length() > 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))) {
            return new Prefixed(v.substring(0, 2), v.substring(2));
        }
        if (v.isEmpty()) {
            throw empty(name);
        }
        return new Prefixed("eq", v);
    }

    private static ProblemException unsupportedPrefix(String name, String prefix) {
        return ProblemException.invalid(FieldError.coded(name, "fhir.prefix", "The prefix " + prefix + " of " + name
                + " is not supported here (eq, ge, gt, le, lt are)", prefix, name));
    }

    private static ProblemException empty(String name) {
        return ProblemException.invalid(FieldError.coded(name, "fhir.paramEmpty", name + " is empty", name));
    }

    /** The first and last day a year, a month or a day covers. */
    private static LocalDate[] span(String name, String value) {
        try {
            String day = value.length() > 10 ? value.substring(0, 10) : value;
            if (day.length() == 4) {
                int year = Integer.parseInt(day);
                return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            }
            if (day.length() == 7) {
                YearMonth month = YearMonth.parse(day);
                return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            }
            LocalDate d = LocalDate.parse(day);
            return new LocalDate[] {d, d};
        } catch (RuntimeException e) {
            throw ProblemException.invalid(FieldError.coded(name, "fhir.dateParam", name
                    + " is a year, a month or a day (2026, 2026-05, 2026-05-31): " + value, name, value));
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The clinical date of a resource: when the dose was given, the visit took place, the test was made. */
    static LocalDate dateOf(JsonObject r) {
        String v = null;
        if (r.containsKey("occurrenceDateTime")) {
            v = r.getString("occurrenceDateTime");
        } else if (r.containsKey("effectiveDateTime")) {
            v = r.getString("effectiveDateTime");
        } else if (r.containsKey("period")) {
            v = r.getJsonObject("period").getString("start", null);
        } else if (r.containsKey("recordedDate")) {
            v = r.getString("recordedDate");
        }
        return v == null ? null : LocalDate.parse(v.substring(0, 10));
    }

    static Instant lastUpdatedOf(JsonObject r) {
        JsonObject meta = r.getJsonObject("meta");
        return meta == null || !meta.containsKey("lastUpdated") ? null : Instant.parse(meta.getString("lastUpdated"));
    }

    /** Whether a CodeableConcept, or an array of them, holds the token. */
    static boolean hasCode(JsonValue value, String raw) {
        if (value == null) {
            return false;
        }
        Token token = token(raw);
        if (value instanceof JsonArray array) {
            return array.stream().anyMatch(v -> hasCode(v, raw));
        }
        if (!(value instanceof JsonObject concept) || !concept.containsKey("coding")) {
            return false;
        }
        for (JsonValue c : concept.getJsonArray("coding")) {
            JsonObject coding = c.asJsonObject();
            JsonValue code = coding.get("code");
            if (code instanceof JsonString s && s.getString().equals(token.value())
                    && (token.system() == null || token.system().equals(coding.getString("system", null)))) {
                return true;
            }
        }
        return false;
    }
}
