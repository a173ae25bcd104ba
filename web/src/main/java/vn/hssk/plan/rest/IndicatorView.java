package vn.hssk.plan.rest;

import java.util.List;
import vn.hssk.plan.Indicator;

/** An indicator of the catalog. */
public record IndicatorView(long id, String code, String nameVi, String nameEn, String unitKind, String computation,
                            String parameter, boolean builtIn) {

    static IndicatorView of(Indicator i) {
        return new IndicatorView(i.getId(), i.getCode(), i.getNameVi(), i.getNameEn(), i.getUnitKind().name(),
                i.getComputation(), i.getParameter(), i.isBuiltIn());
    }

    static List<IndicatorView> of(List<Indicator> all) {
        return all.stream().map(IndicatorView::of).toList();
    }
}
