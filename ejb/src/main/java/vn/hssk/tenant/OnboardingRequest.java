package vn.hssk.tenant;

/** What a national administrator gives to onboard a province. */
public record OnboardingRequest(String code, String name, String adminUsername, String adminEmail, String dbServer) {
}
