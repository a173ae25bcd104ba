package vn.hssk.plan.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.shared.web.NumberTexts;

/**
 * Builds the Chart.js configuration that PrimeFaces 15's {@code p:chart} takes as its value (PrimeFaces 15 dropped
 * the Java chart model classes): a type, labels and data sets, written with Jakarta JSON-P. The locale makes
 * Chart.js write the numbers of ticks and tooltips as the tables do ({@code 7.219} in Vietnamese, {@code 7,219} in
 * English; see {@link vn.hssk.shared.Numbers}).
 */
final class ChartJson {

    private static final String[] COLORS = {"#2563eb", "#16a34a", "#dc2626", "#d97706", "#7c3aed", "#0891b2",
        "#db2777", "#65a30d", "#475569", "#ea580c"};

    /** One series of numbers. */
    record Series(String label, List<? extends Number> values) {
    }

    private final String type;
    private final List<String> labels;
    private final String locale;
    private final List<Series> series = new ArrayList<>();
    private Double max;
    private String valueTitle;
    private boolean horizontal;
    private boolean counts;

    ChartJson(String type, List<String> labels, java.util.Locale locale) {
        this.type = type;
        this.labels = labels;
        this.locale = NumberTexts.chartLocale(locale);
    }

    ChartJson add(String label, List<? extends Number> values) {
        series.add(new Series(label, values));
        return this;
    }

    ChartJson max(double value) {
        this.max = value;
        return this;
    }

    /** The title of the value axis, e.g. "%". */
    ChartJson valueTitle(String title) {
        this.valueTitle = title;
        return this;
    }

    /** The values are counts of people or records: the axis shows whole numbers only. */
    ChartJson counts() {
        this.counts = true;
        return this;
    }

    ChartJson horizontal() {
        this.horizontal = true;
        return this;
    }

    String json() {
        JsonArrayBuilder labelArray = Json.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonArrayBuilder sets = Json.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            JsonArrayBuilder data = Json.createArrayBuilder();
            s.values().forEach(v -> data.add(v.doubleValue()));
            String color = COLORS[i % COLORS.length];
            sets.add(Json.createObjectBuilder().add("label", s.label()).add("data", data)
                    .add("borderColor", color).add("backgroundColor", color).add("fill", false)
                    .add("tension", 0.2));
        }
        JsonObjectBuilder valueAxis = Json.createObjectBuilder().add("beginAtZero", true);
        if (max != null) {
            valueAxis.add("max", max);
        }
        if (counts) {
            valueAxis.add("ticks", Json.createObjectBuilder().add("precision", 0));
        }
        if (valueTitle != null) {
            valueAxis.add("title", Json.createObjectBuilder().add("display", true).add("text", valueTitle));
        }
        JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("locale", locale)
                .add("maintainAspectRatio", false)
                .add("scales", Json.createObjectBuilder().add(horizontal ? "x" : "y", valueAxis));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labelArray).add("datasets", sets))
                .add("options", options).build().toString();
    }
}
