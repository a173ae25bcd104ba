package vn.hssk.export.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import vn.hssk.export.RecordExportService;

/**
 * {@code GET /api/persons/{id}/fhir} (a FHIR R4 Patient, {@code application/fhir+json}) and
 * {@code GET /api/persons/{id}/pdf} (the record in Vietnamese). The class path names the format so that it never
 * competes with {@code PersonResource}'s own {@code /persons/{id}} paths. Both are audited reads.
 */
@Path("/persons/{id}/{format: fhir|pdf}")
public class RecordExportResource {

    public static final String FHIR_JSON = "application/fhir+json";

    @Inject
    private RecordExportService exports;

    @GET
    @Produces({FHIR_JSON, "application/json", "application/pdf"})
    public Response export(@PathParam("id") long id, @PathParam("format") String format) {
        if ("fhir".equals(format)) {
            return Response.ok(exports.fhirPatient(id), FHIR_JSON + "; charset=UTF-8").build();
        }
        return Response.ok(exports.pdf(id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(id) + ".pdf\"").build();
    }

    static String fileName(long id) {
        return "ho-so-suc-khoe-" + id;
    }
}
