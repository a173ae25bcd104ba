package vn.hssk.shared.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;
import vn.hssk.shared.web.Problems;
import vn.hssk.tenant.TenantConnectionProvider;

/**
 * Turns every error of the API into an RFC 9457 problem ({@code application/problem+json}) with the field at fault
 * where there is one, field messages in English or, asked with {@code Accept-Language: vi}, Vietnamese (with their
 * {@code code} for scripts). Unexpected errors are logged with an id and answered with that id only: no stack trace or
 * internal message reaches a client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof ProblemException p) {
            Locale locale = language(headers);
            JsonObjectBuilder body = problem(p.status(), p.errors().isEmpty() ? p.getMessage()
                    : ProblemTexts.message(p.errors().get(0), locale));
            if (p.field() != null) {
                body.add("field", p.field());
            }
            if (!p.errors().isEmpty()) {
                JsonArrayBuilder errors = Json.createArrayBuilder();
                p.errors().forEach(f -> {
                    JsonObjectBuilder one = Json.createObjectBuilder().add("field", f.field())
                            .add("message", ProblemTexts.message(f, locale));
                    if (f.code() != null) {
                        one.add("code", f.code());
                    }
                    errors.add(one);
                });
                body.add("errors", errors);
            }
            if (p.details() != null) {
                try (Jsonb jsonb = JsonbBuilder.create()) {
                    body.add("report", Json.createReader(new StringReader(jsonb.toJson(p.details()))).readValue());
                } catch (Exception failed) {
                    LOG.warn("Could not attach the report of a problem", failed);
                }
            }
            return respond(p.status(), body);
        }
        if (writePaused(error)) {
            Response paused = toResponse(new ProblemException(503, FieldError.coded("tenant", "tenant.moving",
                    "The province's data is being moved (to another database server, or into the province it is"
                            + " merged into): writes are paused, reads go on. Try again in a moment")));
            return Response.fromResponse(paused).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        if (e instanceof EJBAccessException) {
            return respond(403, problem(403, "Your role does not allow this operation"));
        }
        if (Problems.causedBy(error, java.sql.SQLIntegrityConstraintViolationException.class)) {
            return respond(409, problem(409, "This conflicts with an existing record (a code or key already in use);"
                    + " reload and check"));
        }
        if (e instanceof OptimisticLockException) {
            return respond(409, problem(409, "Someone else changed this record meanwhile; reload and try again"));
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            return respond(400, problem(400, "The request body is not valid JSON for this operation"));
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String detail = status == 404 ? "No such resource" : status == 405 ? "Method not allowed here"
                    : status == 415 ? "This operation does not take that content type (see /openapi for what it takes)"
                    : status == 406 ? "This resource answers application/json" : "The request cannot be served";
            return respond(status, problem(status, detail));
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(error, "Unexpected error %s on %s", id, uriInfo == null ? "?" : uriInfo.getPath());
        return respond(500, problem(500, "Unexpected error; quote " + id + " to the operators"));
    }

    /** English for scripts, Vietnamese when the request asks for it ({@code Accept-Language: vi}). */
    public static Locale language(HttpHeaders headers) {
        if (headers != null) {
            for (Locale asked : headers.getAcceptableLanguages()) {
                if ("vi".equals(asked.getLanguage())) {
                    return ProblemTexts.VIETNAMESE;
                }
                if ("en".equals(asked.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** A write refused by the database because the province is being moved (its connections are read-only). */
    private static boolean writePaused(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == TenantConnectionProvider.READ_ONLY_ERROR) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof EJBException || e instanceof jakarta.persistence.PersistenceException
                && e.getCause() instanceof OptimisticLockException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ProcessingException && e.getCause() instanceof JsonbException) {
            return e.getCause();
        }
        return e;
    }

    private JsonObjectBuilder problem(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", known == null ? "Error" : known.getReasonPhrase())
                .add("status", status)
                .add("detail", detail == null ? "" : detail);
        if (uriInfo != null) {
            body.add("instance", uriInfo.getRequestUri().getPath());
        }
        return body;
    }

    private static Response respond(int status, JsonObjectBuilder body) {
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
    }
}
