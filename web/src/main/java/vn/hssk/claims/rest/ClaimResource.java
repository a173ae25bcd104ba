package vn.hssk.claims.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.hssk.claims.ClaimEnvelope;
import vn.hssk.claims.ClaimIntakeService;
import vn.hssk.claims.ClaimLimits;
import vn.hssk.claims.ClaimReviewService;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.rest.ProblemMapper;
import vn.hssk.shared.rest.RequestParams;

/**
 * Claim intake: {@code POST /api/claims} takes one GIAMDINHHS envelope ({@code application/xml}, at most
 * {@code hssk.claims.max-bytes}; 413 past it) and answers 201 with its report ({@code Location} = the report);
 * {@code GET /api/claims/envelopes[/{id}]} the reports; {@code GET /api/claims/review[/{id}]} the claims waiting
 * in the caller's lists; {@code POST /api/claims/{id}/link} and {@code /dismiss} the reviewer's decisions. Messages
 * are English unless {@code Accept-Language: vi}.
 */
@Path("/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    @Inject
    private ClaimIntakeService intake;

    @Inject
    private ClaimReviewService reviews;

    @Context
    private HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_XML)
    public Response upload(InputStream body, @QueryParam("fileName") String fileName, @Context UriInfo uri)
            throws IOException {
        long max = ClaimLimits.maxBytes();
        if (headers.getLength() > max) {
            throw ClaimLimits.tooLarge();
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw ClaimLimits.tooLarge();
        }
        ClaimEnvelope e = intake.intake(bytes, fileName);
        return Response.created(uri.getBaseUriBuilder().path("claims/envelopes/{id}").build(e.getId()))
                .entity(EnvelopeView.of(e, ProblemMapper.language(headers))).build();
    }

    @GET
    @Path("envelopes")
    public List<EnvelopeView> envelopes(@QueryParam("first") @DefaultValue("0") int first,
                                        @QueryParam("max") @DefaultValue("50") int max) {
        return reviews.envelopes(first, max).stream()
                .map(e -> EnvelopeView.of(e, ProblemMapper.language(headers))).toList();
    }

    @GET
    @Path("envelopes/{id}")
    public EnvelopeView envelope(@PathParam("id") long id) {
        return EnvelopeView.of(reviews.envelope(id), ProblemMapper.language(headers));
    }

    @GET
    @Path("review")
    public List<ReviewView> waiting(@QueryParam("first") @DefaultValue("0") int first,
                                    @QueryParam("max") @DefaultValue("50") int max) {
        return reviews.waiting(first, max).stream().map(i -> ReviewView.of(i, false)).toList();
    }

    @GET
    @Path("review/{id}")
    public ReviewView waitingClaim(@PathParam("id") long id) {
        return ReviewView.of(reviews.get(id), true);
    }

    @POST
    @Path("{id}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionView link(@PathParam("id") long id, LinkBody body) {
        LinkBody b = RequestParams.body(body, "personId");
        if (b.personId() == null) {
            throw ProblemException.invalid(FieldError.coded("personId", "required", "personId is required",
                    "personId"));
        }
        return DecisionView.of(reviews.link(id, b.personId()));
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionView dismiss(@PathParam("id") long id, DismissBody body) {
        return DecisionView.of(reviews.dismiss(id, RequestParams.body(body, "reason").reason()));
    }
}
