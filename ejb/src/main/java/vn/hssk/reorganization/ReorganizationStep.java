package vn.hssk.reorganization;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One change of the map, as the administrator writes it or the decision file says it:
 * <ul>
 * <li>{@code MERGE_COMMUNES}: the {@code sources} become the commune {@code code} (one of them, which survives, or a
 * new code with {@code name} and {@code type}); {@code mainStation} names the station that stays the main one when
 * more than one could;</li>
 * <li>{@code SPLIT_COMMUNE}: the one commune of {@code sources} ends and its villages go to the {@code parts}
 * (each a {@code MOVE_VILLAGES} to an existing or new commune); every village goes to exactly one part;</li>
 * <li>{@code MOVE_VILLAGES}: the {@code villages} go to the commune {@code code} (existing, or new with a name and
 * type);</li>
 * <li>{@code RENAME}: the unit {@code code} takes {@code name} and/or {@code type} (xã to phường), its code kept;</li>
 * <li>{@code MERGE_VILLAGES}: the villages of {@code sources} (of one commune) become the village {@code code}: one
 * of them, or a new code of that commune with a name and type; their people, households and quotas go with them.
 * Two quotas for one year are a conflict unless {@code sumQuotas} says to add them up.</li>
 * <li>{@code SPLIT_VILLAGE}: the one village of {@code sources} keeps its code and what is not named; each of the
 * {@code parts} (a village of the same commune, existing or new with a name and type) receives the {@code households}
 * it names, with their members. The village's quotas stay with it.</li>
 * </ul>
 */
public record ReorganizationStep(Kind kind, List<String> sources, String code, String name, String type,
                                 Long mainStation, List<String> villages, List<ReorganizationStep> parts,
                                 boolean sumQuotas, List<String> households) {

    public enum Kind {
        MERGE_COMMUNES,
        SPLIT_COMMUNE,
        MOVE_VILLAGES,
        RENAME,
        MERGE_VILLAGES,
        SPLIT_VILLAGE
    }

    public ReorganizationStep {
        sources = sources == null ? List.of() : List.copyOf(sources);
        villages = villages == null ? List.of() : List.copyOf(villages);
        parts = parts == null ? List.of() : List.copyOf(parts);
        households = households == null ? List.of() : List.copyOf(households);
    }

    public static ReorganizationStep merge(List<String> sources, String code, String name, String type) {
        return new ReorganizationStep(Kind.MERGE_COMMUNES, sources, code, name, type, null, null, null, false, null);
    }

    public static ReorganizationStep move(List<String> villages, String code, String name, String type) {
        return new ReorganizationStep(Kind.MOVE_VILLAGES, null, code, name, type, null, villages, null, false, null);
    }

    public static ReorganizationStep rename(String code, String name, String type) {
        return new ReorganizationStep(Kind.RENAME, null, code, name, type, null, null, null, false, null);
    }

    public static ReorganizationStep mergeVillages(List<String> sources, String code, String name, String type,
                                                   boolean sumQuotas) {
        return new ReorganizationStep(Kind.MERGE_VILLAGES, sources, code, name, type, null, null, null, sumQuotas, null);
    }

    static String toJson(List<ReorganizationStep> steps) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        steps.forEach(s -> array.add(s.json()));
        return array.build().toString();
    }

    static List<ReorganizationStep> fromJson(String json) {
        List<ReorganizationStep> steps = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            for (JsonValue v : reader.readArray()) {
                steps.add(of(v.asJsonObject()));
            }
        }
        return steps;
    }

    private JsonObjectBuilder json() {
        JsonObjectBuilder o = Json.createObjectBuilder();
        if (kind != null) {
            o.add("kind", kind.name()); // a part of a village split has none
        }
        if (!sources.isEmpty()) {
            o.add("sources", Json.createArrayBuilder(sources));
        }
        if (code != null) {
            o.add("code", code);
        }
        if (name != null) {
            o.add("name", name);
        }
        if (type != null) {
            o.add("type", type);
        }
        if (mainStation != null) {
            o.add("mainStation", mainStation);
        }
        if (!villages.isEmpty()) {
            o.add("villages", Json.createArrayBuilder(villages));
        }
        if (sumQuotas) {
            o.add("sumQuotas", true);
        }
        if (!households.isEmpty()) {
            o.add("households", Json.createArrayBuilder(households));
        }
        if (!parts.isEmpty()) {
            JsonArrayBuilder p = Json.createArrayBuilder();
            parts.forEach(part -> p.add(part.json()));
            o.add("parts", p);
        }
        return o;
    }

    private static ReorganizationStep of(JsonObject o) {
        List<ReorganizationStep> parts = new ArrayList<>();
        if (o.containsKey("parts")) {
            o.getJsonArray("parts").forEach(p -> parts.add(of(p.asJsonObject())));
        }
        return new ReorganizationStep(o.containsKey("kind") ? Kind.valueOf(o.getString("kind")) : null,
                strings(o.getJsonArray("sources")),
                o.getString("code", null), o.getString("name", null), o.getString("type", null),
                o.containsKey("mainStation") ? o.getJsonNumber("mainStation").longValue() : null,
                strings(o.getJsonArray("villages")), parts, o.getBoolean("sumQuotas", false),
                strings(o.getJsonArray("households")));
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
