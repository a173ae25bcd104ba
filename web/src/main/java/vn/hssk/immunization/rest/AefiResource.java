package vn.hssk.immunization.rest;

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
import vn.hssk.immunization.Aefi;
import vn.hssk.immunization.ImmunizationService;
import vn.hssk.shared.ProblemException;

/** Adverse events after immunization, per person ({@code person=id}) and optionally per dose ({@code dose=id}). */
@Path("/aefi")
@Produces(MediaType.APPLICATION_JSON)
public class AefiResource {

    @Inject
    private ImmunizationService immunizations;

    @GET
    public List<AefiView> list(@QueryParam("person") Long personId, @QueryParam("dose") Long doseId) {
        if (personId == null) {
            throw ProblemException.invalid("person", "Name the person");
        }
        return immunizations.adverseEvents(personId, doseId).stream().map(AefiView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(AefiRequest request) {
        AefiRequest r = Params.body(request, "personId");
        if (r.personId() == null) {
            throw ProblemException.invalid("personId", "Name the person");
        }
        Aefi event = immunizations.reportAdverseEvent(r.personId(), r.doseId(), Params.date(r.onsetOn(), "onsetOn"),
                r.symptoms(), Params.enumValue(Aefi.Severity.class, r.severity(), "severity"),
                Params.enumValue(Aefi.Outcome.class, r.outcome(), "outcome"), r.reportedTo(),
                Params.date(r.reportedOn(), "reportedOn"));
        return Response.status(201).entity(AefiView.of(event)).build();
    }
}
