package vn.hssk.immunization.rest;

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
import java.util.Locale;
import vn.hssk.immunization.CertificateService;
import vn.hssk.immunization.DoseDetails;
import vn.hssk.immunization.IssuedCertificate;
import vn.hssk.immunization.DoseSource;
import vn.hssk.immunization.ImmunizationService;
import vn.hssk.immunization.InjectionSite;
import vn.hssk.record.rest.VoidRequest;

/** Part C of a person's record: the doses, recorded and voided by station staff. Every call is audited. */
@Path("/persons/{personId}/immunizations")
@Produces(MediaType.APPLICATION_JSON)
public class PersonImmunizationResource {

    @Inject
    private ImmunizationService immunizations;

    @Inject
    private CertificateService certificates;

    @GET
    public List<DoseView> list(@PathParam("personId") long personId, @QueryParam("voided") boolean voided) {
        return immunizations.doses(personId, voided).stream().map(DoseView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("personId") long personId, DoseRequest request) {
        DoseRequest r = Params.body(request, "vaccine");
        DoseSource source = r.source() == null || r.source().isBlank() ? DoseSource.GIVEN
                : Params.enumValue(DoseSource.class, r.source(), "source");
        DoseDetails details = new DoseDetails(r.vaccine(), r.doseNumber(), Params.date(r.givenOn(), "givenOn"),
                source, r.stationId(), r.lotId(), Params.enumValue(InjectionSite.class, r.site(), "site"),
                r.givenBy(), r.place(), r.overrideReason());
        return Response.status(201).entity(DoseView.of(immunizations.record(personId, details))).build();
    }

    /**
     * Issues a vaccination certificate of the doses recorded: the PDF, with the verification URL (QR code) also in the
     * header {@code X-Verify-Url}; in Vietnamese, or in English with {@code lang=en}.
     */
    @POST
    @Path("certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response certificate(@PathParam("personId") long personId,
                                @QueryParam("lang") @DefaultValue("vi") String lang) {
        IssuedCertificate issued = certificates.issue(personId, Locale.forLanguageTag(lang));
        return CertificateResponse.of(issued);
    }

    @POST
    @Path("{doseId}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public DoseView voidDose(@PathParam("personId") long personId, @PathParam("doseId") long doseId,
                             VoidRequest request) {
        VoidRequest r = Params.body(request, "reason");
        return DoseView.of(immunizations.voidDose(personId, doseId, r.reason()));
    }
}
