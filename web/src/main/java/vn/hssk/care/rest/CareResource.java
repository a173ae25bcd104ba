package vn.hssk.care.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.hssk.care.CareList;
import vn.hssk.care.CareService;
import vn.hssk.care.CareRulesDetails;
import vn.hssk.care.EnrolmentView;
import vn.hssk.care.FollowUpDetails;
import vn.hssk.care.MissedFollowUp;
import vn.hssk.care.ProgrammeCounts;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.DateParams;
import vn.hssk.shared.rest.RequestParams;

/**
 * The station's care by household: {@code programmes} (the province changes their rules), a person's {@code
 * enrolments} with their {@code follow-ups}, the village care list ({@code lists/{village}}, JSON or {@code
 * ?format=pdf|xlsx}, Vietnamese unless {@code lang=en}), the overdue follow-ups of a commune or village ({@code
 * missed?unit=}) and the counts per programme ({@code counts?commune=}).
 */
@Path("/care")
@Produces(MediaType.APPLICATION_JSON)
public class CareResource {

    @Inject
    private CareService care;

    @GET
    @Path("programmes")
    public List<ProgrammeView> programmes() {
        return care.programmes().stream().map(ProgrammeView::of).toList();
    }

    @PUT
    @Path("programmes/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProgrammeView changeRules(@PathParam("code") String code, RulesRequest request) {
        RulesRequest r = RequestParams.body(request, "intervalDays");
        if (r.version() == null) {
            throw ProblemException.invalid(ProblemException.FieldError.coded("version", "required",
                    "version is required", "version"));
        }
        return ProgrammeView.of(care.changeRules(code, r.version(), new CareRulesDetails(r.intervalDays(),
                r.upcomingDays(), r.icdFrom(), r.icdTo(), r.minAgeMonths(), r.maxAgeMonths(), r.calendarYear(),
                r.active())));
    }

    @GET
    @Path("persons/{person}/enrolments")
    public List<EnrolmentView> enrolments(@PathParam("person") long person) {
        return care.enrolments(person);
    }

    @POST
    @Path("persons/{person}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrol(@PathParam("person") long person, EnrolRequest request) {
        EnrolRequest r = RequestParams.body(request, "programme");
        EnrolmentView v = care.enrol(person, r.programme(), r.enrolledOn() == null ? FieldCheck.today()
                : r.enrolledOn(), r.note());
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    @POST
    @Path("persons/{person}/enrolments/{enrolment}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public EnrolmentView end(@PathParam("person") long person, @PathParam("enrolment") long enrolment,
                             EndEnrolmentRequest request) {
        EndEnrolmentRequest r = RequestParams.body(request, "reason");
        if (r.version() == null) {
            throw ProblemException.invalid(ProblemException.FieldError.coded("version", "required",
                    "version is required", "version"));
        }
        return care.end(person, enrolment, r.version(), r.endedOn() == null ? FieldCheck.today() : r.endedOn(),
                r.reason());
    }

    @POST
    @Path("persons/{person}/enrolments/{enrolment}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response followUp(@PathParam("person") long person, @PathParam("enrolment") long enrolment,
                             FollowUpRequest request) {
        FollowUpRequest r = RequestParams.body(request, "visitDate");
        EnrolmentView v = care.followUp(person, enrolment, new FollowUpDetails(r.visitDate(), r.examiner(),
                r.bpSystolic(), r.bpDiastolic(), r.weightKg(), r.glucoseMmol(), r.note()));
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    @GET
    @Path("lists/{village}")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response careList(@PathParam("village") long village, @QueryParam("asOf") String asOf,
                             @QueryParam("format") @DefaultValue("json") String format,
                             @QueryParam("lang") String lang) {
        if ("json".equalsIgnoreCase(format.strip())) {
            CareList list = care.careList(village, DateParams.parse(asOf, "asOf"));
            return Response.ok(list, MediaType.APPLICATION_JSON).build();
        }
        Locale locale = Locale.forLanguageTag(lang == null || lang.isBlank() ? "vi" : lang.strip());
        CareService.ExportFile file = care.careListFile(village, DateParams.parse(asOf, "asOf"), format, locale);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"").build();
    }

    @GET
    @Path("missed")
    public List<MissedFollowUp> missed(@QueryParam("unit") Long unit) {
        return care.missed(unit);
    }

    @GET
    @Path("counts")
    public List<ProgrammeCounts> counts(@QueryParam("commune") Long commune) {
        return care.counts(commune);
    }
}
