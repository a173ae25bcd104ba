package vn.hssk.reorganization.rest;

import java.util.List;
import vn.hssk.reorganization.ReorganizationStep;

/** A reorganization as it is prepared: the decision's title, its effective date (yyyy-MM-dd) and its steps. */
public record ReorganizationRequest(String title, String effectiveDate, List<Step> steps) {

    /** One step; see {@link ReorganizationStep} for what each kind reads. */
    public record Step(String kind, List<String> sources, String code, String name, String type, Long mainStation,
                       List<String> villages, List<Step> parts, Boolean sumQuotas, List<String> households) {

        ReorganizationStep toStep(String field) {
            ReorganizationStep.Kind k;
            try {
                k = ReorganizationStep.Kind.valueOf(kind == null ? "" : kind.trim());
            } catch (IllegalArgumentException e) {
                k = null;
            }
            List<ReorganizationStep> p = parts == null ? List.of()
                    : parts.stream().map(s -> s.toStep(field)).toList();
            return new ReorganizationStep(k, trimmed(sources), trim(code), name, type, mainStation,
                    trimmed(villages), p, Boolean.TRUE.equals(sumQuotas), trimmed(households));
        }

        private static List<String> trimmed(List<String> codes) {
            return codes == null ? List.of() : codes.stream().map(Step::trim).toList();
        }

        private static String trim(String s) {
            return s == null ? null : s.trim();
        }
    }

    List<ReorganizationStep> toSteps() {
        return steps == null ? List.of() : steps.stream().map(s -> s.toStep("steps")).toList();
    }
}
