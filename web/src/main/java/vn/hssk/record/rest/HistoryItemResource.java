package vn.hssk.record.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.hssk.record.HistoryCatalogService;
import vn.hssk.record.HistoryCategory;
import vn.hssk.record.HistoryItemDetails;
import vn.hssk.shared.ProblemException;

/** The part-B catalog: {@code GET ?category=} for everyone on records, {@code POST} for province administrators. */
@Path("/history-items")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryItemResource {

    @Inject
    private HistoryCatalogService catalog;

    @GET
    public List<HistoryItemView> items(@QueryParam("category") String category) {
        return catalog.items(category(category)).stream().map(HistoryItemView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(HistoryItemRequest r) {
        if (r == null) {
            throw ProblemException.invalid("category", "A JSON body is required");
        }
        HistoryItemDetails d = new HistoryItemDetails(category(r.category()), r.code(), r.name(), r.nameEn(),
                r.icd10Code(), r.statuses(), r.numberUnit(), r.numberMin(), r.numberMax(), yes(r.numberRequired()),
                yes(r.quitApplies()), yes(r.textRequired()), yes(r.singleEntry()), yes(r.familyApplies()),
                r.sortOrder());
        return Response.status(Response.Status.CREATED).entity(HistoryItemView.of(catalog.add(d))).build();
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private static HistoryCategory category(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return HistoryCategory.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("category", "category is one of " + List.of(HistoryCategory.values()));
        }
    }
}
