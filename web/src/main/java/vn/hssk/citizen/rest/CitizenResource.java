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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import vn.hssk.citizen.AccessEntry;
import vn.hssk.citizen.ChangeRequestView;
import vn.hssk.citizen.CitizenPlace;
import vn.hssk.citizen.CitizenPortal;
import vn.hssk.citizen.FeedbackRequest;
import vn.hssk.citizen.FeedbackView;
import vn.hssk.immunization.IssuedCertificate;
import vn.hssk.immunization.SessionBookings;
import vn.hssk.immunization.rest.CertificateResponse;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.RequestParams;

/**
 * The citizen's own data, for a token of a citizen logged in through the national identity provider:
 * {@code GET /api/citizen/places} (each province that holds their record: the record, parts A–D, doses and next due
 * doses, and the same for their household's children), {@code POST .../certificate} (a vaccination certificate PDF)
 * , {@code GET .../access} (who read or changed the record, and when), {@code POST .../feedback} (feedback to the
 * record's station), {@code POST .../change-requests} (ask the station to correct the phone number or address) and
 * {@code GET /api/citizen/feedback} and {@code /api/citizen/change-requests} (what the citizen sent, with the
 * answers). Any other person's id answers 404.
 */
@Path("/citizen")
@Produces(MediaType.APPLICATION_JSON)
public class CitizenResource {

    @Inject
    private CitizenPortal portal;

    @GET
    @Path("places")
    public List<CitizenPlace> places() {
        return portal.places();
    }

    @POST
    @Path("places/{province}/persons/{personId}/certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response certificate(@PathParam("province") String province, @PathParam("personId") long personId,
                                @QueryParam("lang") @DefaultValue("vi") String lang) {
        IssuedCertificate issued = portal.certificate(province, personId, Locale.forLanguageTag(lang));
        return CertificateResponse.of(issued);
    }

    /** Sends feedback about the citizen's or a child's record to that record's station: 201 with the item. */
    @POST
    @Path("places/{province}/persons/{personId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("province") String province, @PathParam("personId") long personId,
                             FeedbackBody body) {
        RequestParams.body(body, "text");
        byte[] photo = null;
        if (body.photo() != null && !body.photo().isBlank()) {
            try {
                photo = Base64.getMimeDecoder().decode(body.photo());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("photo", "The photo is a JPEG or PNG image in base64");
            }
        }
        FeedbackView sent = portal.sendFeedback(province, personId,
                new FeedbackRequest(body.category(), body.text(), photo));
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }

    /** The sessions of the record's commune open for booking in the next 60 days, with places left. */
    @GET
    @Path("places/{province}/persons/{personId}/sessions")
    public List<SessionBookings.OpenSession> sessions(@PathParam("province") String province,
                                                      @PathParam("personId") long personId) {
        return portal.sessions(province, personId);
    }

    /** Books a place for the person in the session; 409 when already booked or full. */
    @POST
    @Path("places/{province}/persons/{personId}/sessions/{sessionId}/booking")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionBookings.OpenSession book(@PathParam("province") String province,
                                            @PathParam("personId") long personId,
                                            @PathParam("sessionId") long sessionId) {
        return portal.book(province, personId, sessionId);
    }

    /** Gives the person's place in the session back. */
    @POST
    @Path("places/{province}/persons/{personId}/sessions/{sessionId}/booking/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionBookings.OpenSession cancelBooking(@PathParam("province") String province,
                                                     @PathParam("personId") long personId,
                                                     @PathParam("sessionId") long sessionId) {
        return portal.cancelBooking(province, personId, sessionId);
    }

    /** Asks the record's station to correct its phone number and/or address: 201 with the pending request. */
    @POST
    @Path("places/{province}/persons/{personId}/change-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestChange(@PathParam("province") String province, @PathParam("personId") long personId,
                                  ChangeBody body) {
        ChangeBody b = body == null ? new ChangeBody(null, null) : body;
        return Response.status(Response.Status.CREATED)
                .entity(portal.requestChange(province, personId, b.phone(), b.address())).build();
    }

    /** The citizen's change requests, everywhere, newest first, with the stations' decisions. */
    @GET
    @Path("change-requests")
    public List<ChangeRequestView> changeRequests() {
        return portal.changeRequests();
    }

    /** The feedback the citizen sent, everywhere, newest first, with the stations' answers. */
    @GET
    @Path("feedback")
    public List<FeedbackView> myFeedback() {
        return portal.feedback();
    }

    @GET
    @Path("places/{province}/persons/{personId}/access")
    public List<AccessEntry> access(@PathParam("province") String province, @PathParam("personId") long personId) {
        return portal.accessHistory(province, personId);
    }
}
