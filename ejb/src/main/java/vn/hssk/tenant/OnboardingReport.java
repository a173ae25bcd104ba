package vn.hssk.tenant;

import java.util.List;

/**
 * The outcome of one onboarding attempt, step by step. The one-time password of the new province administrator is
 * shown here once and stored nowhere.
 */
public record OnboardingReport(String code, String name, TenantStatus status, String reason, List<Step> steps,
                               String adminUsername, String temporaryPassword, long durationMs) {

    /** One step of an attempt: what ran, whether it succeeded, and how long it took. */
    public record Step(String step, String outcome, String detail, long durationMs) {
    }
}
