package vn.hssk.review.rest;

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
import java.util.Locale;
import vn.hssk.review.PersonalIdReviewService;
import vn.hssk.review.ReviewStatus;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The province's personal-ID review list, for province administrators only: {@code ?status=OPEN|RESOLVED|REJECTED}
 * (all when absent), most recent attempt first, paged by {@code first}/{@code max}, the header {@code X-Total-Count}
 * giving the number of matching cases. Each record a listed case concerns is audited as read. A case is closed by
 * {@code POST {id}/resolution} with {@code {"outcome": "RESOLVED"|"REJECTED", "note": "..."}}.
 */
@Path("/personal-id-reviews")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalIdReviewResource {

    @Inject
    private PersonalIdReviewService reviews;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("first") @DefaultValue("0") int first,
                         @QueryParam("max") @DefaultValue("50") int max) {
        ReviewStatus s = status(status, "status", "review.status");
        return Response.ok(reviews.list(s, first, max).stream().map(ReviewView::of).toList())
                .header("X-Total-Count", reviews.count(s)).build();
    }

    @POST
    @Path("{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewView resolve(@PathParam("id") long id, ResolutionRequest request) {
        if (request == null) {
            throw ProblemException.invalid(FieldError.coded("note", "required", "Note is required", "note"));
        }
        ReviewStatus outcome = status(request.outcome(), "outcome", "review.outcome");
        if (outcome == null || outcome == ReviewStatus.OPEN) {
            throw ProblemException.invalid(FieldError.coded("outcome", "review.outcome",
                    "outcome is RESOLVED or REJECTED"));
        }
        return ReviewView.of(reviews.resolve(id, outcome, request.note()));
    }

    private static ReviewStatus status(String value, String field, String code) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReviewStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(FieldError.coded(field, code, field + " is one of "
                    + java.util.List.of(ReviewStatus.values())));
        }
    }
}
