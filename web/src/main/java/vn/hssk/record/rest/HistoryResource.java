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
import vn.hssk.record.HistoryEntryDetails;
import vn.hssk.record.HistoryService;
import vn.hssk.shared.ProblemException;

/**
 * Part B of a person's record: {@code GET} the history grouped by category ({@code ?includeVoided=true} also shows
 * voided lines), {@code POST} a line, {@code POST {entryId}/void} with a reason. Lines are never edited.
 */
@Path("/persons/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    private HistoryService history;

    @GET
    public HistoryView get(@PathParam("id") long personId,
                           @QueryParam("includeVoided") @DefaultValue("false") boolean includeVoided) {
        return HistoryView.of(personId, history.entries(personId, includeVoided));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") long personId, HistoryEntryRequest r, @Context UriInfo uri) {
        if (r == null) {
            throw ProblemException.invalid("itemId", "A JSON body is required");
        }
        HistoryEntryView created = HistoryEntryView.of(history.add(personId, new HistoryEntryDetails(r.itemId(),
                r.status(), r.numberValue(), Boolean.TRUE.equals(r.quit()), r.relative(), r.icd10Code(),
                r.description(), r.sinceYear())));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("{entryId}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public HistoryEntryView voidEntry(@PathParam("id") long personId, @PathParam("entryId") long entryId,
                                      VoidRequest r) {
        return HistoryEntryView.of(history.voidEntry(personId, entryId, r == null ? null : r.reason()));
    }
}
