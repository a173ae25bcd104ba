package vn.hssk.consult.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.List;
import vn.hssk.consult.ConsultationRequest;
import vn.hssk.consult.ConsultationService;
import vn.hssk.consult.ConsultationStatus;
import vn.hssk.consult.ConsultationView;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.rest.RequestParams;

/**
 * Tele-consultation requests: {@code GET /api/consultations?status=&person=} (the station's requests of its
 * communes, or the doctor's inbox), {@code POST /api/consultations} (station staff send one, 201),
 * {@code GET /api/consultations/{id}} (with the shared parts of the record), {@code POST .../{id}/answer} (the
 * doctor), {@code POST .../{id}/cancel} (the station), {@code GET .../{id}/attachment}.
 */
@Path("/consultations")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationResource {

    @Inject
    private ConsultationService consultations;

    @GET
    public List<ConsultationView> list(@QueryParam("status") String status, @QueryParam("person") Long person,
                                       @QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("max") @DefaultValue("50") int max) {
        return consultations.list(RequestParams.enumValue(ConsultationStatus.class, status, "status"), person,
                first, max);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(ConsultationBody body, @Context UriInfo uri) {
        RequestParams.body(body, "question");
        byte[] attachment = null;
        if (body.attachment() != null && !body.attachment().isBlank()) {
            try {
                attachment = Base64.getMimeDecoder().decode(body.attachment());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(FieldError.coded("attachment", "consult.attachmentType",
                        "The attachment is a JPEG, PNG or PDF file in base64"));
            }
        }
        ConsultationView sent = consultations.send(new ConsultationRequest(body.personId(), body.hospitalId(),
                body.question(), body.parts(), attachment, body.attachmentName()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(sent.id())).build())
                .entity(sent).build();
    }

    @GET
    @Path("{id}")
    public ConsultationView get(@PathParam("id") long id) {
        return consultations.get(id);
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsultationView answer(@PathParam("id") long id, AnswerBody body) {
        AnswerBody b = RequestParams.body(body, "text");
        return consultations.answer(id, b.text(), b.version());
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsultationView cancel(@PathParam("id") long id, AnswerBody body) {
        return consultations.cancel(id, body == null ? null : body.version());
    }

    @GET
    @Path("{id}/attachment")
    @Produces({"image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON})
    public Response attachment(@PathParam("id") long id) {
        ConsultationService.Attachment a = consultations.attachment(id);
        return Response.ok(a.bytes(), a.type()).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + asciiName(a.name())
                        + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(a.name(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    /** The file name for old clients: ASCII letters, digits, dots and dashes only. */
    static String asciiName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
