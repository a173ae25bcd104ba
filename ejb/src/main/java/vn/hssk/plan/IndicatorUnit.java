package vn.hssk.plan;

/** Whether an indicator's values are counts (people, records) or percentages. */
public enum IndicatorUnit {
    COUNT, PERCENT
}
