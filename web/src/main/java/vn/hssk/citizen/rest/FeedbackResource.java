package vn.hssk.citizen.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.hssk.citizen.FeedbackService;
import vn.hssk.citizen.FeedbackStatus;
import vn.hssk.citizen.FeedbackView;
import vn.hssk.shared.rest.RequestParams;

/**
 * Citizens' feedback for the station and the province: {@code GET /api/feedback?status=OPEN} (the caller's communes,
 * or the province), {@code POST /api/feedback/{id}/answer} and {@code .../close} (station staff, with the version
 * they saw), {@code GET /api/feedback/{id}/photo}, and {@code GET /api/feedback/summary} (counts and mean hours to
 * the first answer per commune, for commune chairs and province administrators).
 */
@Path("/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    @Inject
    private FeedbackService feedback;

    @GET
    public List<FeedbackView> list(@QueryParam("status") String status,
                                   @QueryParam("first") @DefaultValue("0") int first,
                                   @QueryParam("max") @DefaultValue("50") int max) {
        return feedback.list(RequestParams.enumValue(FeedbackStatus.class, status, "status"), first, max);
    }

    @GET
    @Path("summary")
    public List<FeedbackService.CommuneSummary> summary() {
        return feedback.summary();
    }

    @POST
    @Path("{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public FeedbackView answer(@PathParam("id") long id, AnswerBody body) {
        AnswerBody b = body == null ? new AnswerBody(null, null) : body;
        return feedback.answer(id, b.text(), b.version());
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public FeedbackView close(@PathParam("id") long id, AnswerBody body) {
        return feedback.close(id, body == null ? null : body.version());
    }

    @GET
    @Path("{id}/photo")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    public Response photo(@PathParam("id") long id) {
        FeedbackService.Photo photo = feedback.photo(id);
        return Response.ok(photo.bytes(), photo.type()).header("Cache-Control", "no-store").build();
    }
}
