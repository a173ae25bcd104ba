package vn.hssk.shared.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API for scripts and other systems, under {@code /api}; callers send a bearer token from Keycloak. */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
