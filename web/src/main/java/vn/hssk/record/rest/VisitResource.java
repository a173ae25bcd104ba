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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.hssk.record.VisitDetails;
import vn.hssk.record.VisitService;
import vn.hssk.record.VisitTestGroup;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.DateParams;

/**
 * Part D of a person's record: {@code GET} the visits newest first, {@code POST} a visit, {@code GET {visitId}},
 * {@code POST {visitId}/void} with a reason. A visit is never edited: a wrong one is voided and recorded again.
 */
@Path("/persons/{id}/visits")
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {

    @Inject
    private VisitService visits;

    @GET
    public List<VisitView> list(@PathParam("id") long personId, @QueryParam("first") @DefaultValue("0") int first,
                                @QueryParam("max") @DefaultValue("50") int max) {
        return visits.list(personId, first, max).stream().map(VisitView::of).toList();
    }

    @GET
    @Path("{visitId}")
    public VisitView get(@PathParam("id") long personId, @PathParam("visitId") long visitId) {
        return VisitView.of(visits.get(personId, visitId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("id") long personId, VisitRequest r, @Context UriInfo uri) {
        if (r == null) {
            throw ProblemException.invalid("visitDate", "A JSON body is required");
        }
        VisitView created = VisitView.of(visits.record(personId, details(r)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("{visitId}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public VisitView voidVisit(@PathParam("id") long personId, @PathParam("visitId") long visitId, VoidRequest r) {
        return VisitView.of(visits.voidVisit(personId, visitId, r == null ? null : r.reason()));
    }

    private static VisitDetails details(VisitRequest r) {
        List<VisitDetails.TestDetails> tests = new ArrayList<>();
        if (r.tests() != null) {
            for (int i = 0; i < r.tests().size(); i++) {
                VisitRequest.TestRequest t = r.tests().get(i);
                tests.add(t == null ? null : new VisitDetails.TestDetails(group(t.group(), i), t.name(), t.result()));
            }
        }
        return new VisitDetails(date(r.visitDate()), r.examiner(), r.reason(), r.pulse(), r.temperature(),
                r.bpSystolic(), r.bpDiastolic(), r.respiratoryRate(), r.heightCm(), r.weightKg(), r.waistCm(),
                r.findings(), tests, r.diagnoses(), r.conclusion(), r.advice());
    }

    private static VisitTestGroup group(String value, int index) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return VisitTestGroup.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("tests[" + index + "].group", "group is one of "
                    + List.of(VisitTestGroup.values()));
        }
    }

    private static LocalDate date(String value) {
        return DateParams.parse(value, "visitDate");
    }
}
