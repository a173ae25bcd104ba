package vn.hssk.record.rest;

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
import java.util.List;
import vn.hssk.record.DuplicateService;
import vn.hssk.record.EntrySource;
import vn.hssk.record.MergeRequest;
import vn.hssk.shared.ProblemException;

/**
 * Possible duplicate records of the caller's scope and their review: judge a pair distinct, preview a merge side by
 * side, merge, list a record's merges and undo one.
 */
@Path("/duplicates")
@Produces(MediaType.APPLICATION_JSON)
public class DuplicateResource {

    @Inject
    private DuplicateService duplicates;

    @GET
    public List<DuplicatePairView> candidates(@QueryParam("first") @DefaultValue("0") int first,
                                              @QueryParam("max") @DefaultValue("50") int max) {
        return duplicates.candidates(first, max).stream().map(DuplicatePairView::of).toList();
    }

    @POST
    @Path("distinct")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response distinct(DistinctBody body) {
        if (body == null || body.firstId() == null) {
            throw ProblemException.invalid("firstId", "Name the first record");
        }
        if (body.secondId() == null) {
            throw ProblemException.invalid("secondId", "Name the second record");
        }
        duplicates.distinct(body.firstId(), body.secondId(), body.note());
        return Response.noContent().build();
    }

    @GET
    @Path("preview")
    public MergePreviewView preview(@QueryParam("survivor") Long survivor, @QueryParam("merged") Long merged) {
        if (survivor == null) {
            throw ProblemException.invalid("survivor", "Name the record that stays (survivor)");
        }
        if (merged == null) {
            throw ProblemException.invalid("merged", "Name the duplicate record (merged)");
        }
        return MergePreviewView.of(duplicates.preview(survivor, merged));
    }

    @POST
    @Path("merges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(MergeBody body, @Context UriInfo uri) {
        if (body == null || body.survivorId() == null) {
            throw ProblemException.invalid("survivorId", "Name the record that stays");
        }
        if (body.mergedId() == null) {
            throw ProblemException.invalid("mergedId", "Name the duplicate record");
        }
        MergeView done = MergeView.of(duplicates.merge(new MergeRequest(body.survivorId(), body.mergedId(),
                body.takeFromMerged(), body.survivorVersion(), body.mergedVersion(), body.reason()), EntrySource.API));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(done.id())).build())
                .entity(done).build();
    }

    @GET
    @Path("merges")
    public List<MergeView> merges(@QueryParam("person") Long person) {
        if (person == null) {
            throw ProblemException.invalid("person", "Name the record whose merges to list");
        }
        return duplicates.merges(person).stream().map(MergeView::of).toList();
    }

    @POST
    @Path("merges/{id}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    public MergeView undo(@PathParam("id") long id) {
        return MergeView.of(duplicates.undo(id, EntrySource.API));
    }
}
