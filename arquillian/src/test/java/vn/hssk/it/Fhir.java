package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/** The FHIR API as other systems call it: JSON in and out, with the headers the Bulk Data pattern uses. */
final class Fhir {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static FhirValidator validator;

    private Fhir() {
    }

    /** An answer with the headers the tests read. */
    record Answer(int status, String contentType, String body, String contentLocation, String location) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    static Answer get(String path, String token) {
        return send("GET", path, token, null, null, null);
    }

    static Answer post(String path, String token, JsonObject body) {
        return send("POST", path, token, "application/fhir+json", body.toString(), null);
    }

    static Answer send(String method, String path, String token, String contentType, String body, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : Http.APP + path))
                .timeout(Duration.ofSeconds(120)).header("Accept", "application/fhir+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    r.headers().firstValue("Content-Location").orElse(null),
                    r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** HAPI's R4 validator with the core profiles and the common terminologies (built once, it takes seconds). */
    static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext fhir = FhirContext.forR4();
            ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                    new InMemoryTerminologyServerValidationSupport(fhir),
                    new CommonCodeSystemsTerminologyService(fhir));
            validator = fhir.newValidator();
            validator.registerValidatorModule(new FhirInstanceValidator(support));
            ValidationResult broken = validator.validateWithResult(
                    "{\"resourceType\":\"Immunization\",\"status\":\"given\"}");
            assertTrue(broken.getMessages().stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR),
                    "the validator refuses an invalid Immunization, so its silence means something");
        }
        return validator;
    }

    /** Asserts the resource is valid R4 (no error or fatal message of the validator). */
    static void assertValid(JsonObject resource) {
        ValidationResult result = validator().validateWithResult(resource.toString());
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertTrue(errors.isEmpty(), () -> "not valid R4: " + errors.stream().map(m -> m.getLocationString() + " "
                + m.getMessage()).collect(Collectors.joining("\n")) + "\n" + resource);
    }
}
