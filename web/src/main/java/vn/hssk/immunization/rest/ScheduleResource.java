package vn.hssk.immunization.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.household.Sex;
import vn.hssk.immunization.AgeSpan;
import vn.hssk.immunization.ScheduleDoseDetails;
import vn.hssk.immunization.VaccineService;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;

/**
 * The national schedule as data. {@code GET} gives the rows in force today, on {@code on=yyyy-MM-dd}, or every row
 * ever with {@code on=all}; {@code vaccine} narrows to one vaccine's series. The province administrator adds rows and
 * ends them when a circular changes the schedule.
 */
@Path("/schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    private VaccineService vaccines;

    @GET
    public List<ScheduleDoseView> list(@QueryParam("on") String on, @QueryParam("vaccine") String vaccine) {
        LocalDate day = "all".equalsIgnoreCase(on) ? null
                : on == null || on.isBlank() ? FieldCheck.today() : Params.date(on, "on");
        return vaccines.schedule(day, vaccine).stream().map(ScheduleDoseView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(ScheduleDoseRequest request) {
        ScheduleDoseRequest r = Params.body(request, "vaccine");
        ScheduleDoseDetails details = new ScheduleDoseDetails(r.doseNumber(), r.doseLabel(), r.targetGroup(),
                Params.enumValue(Sex.class, r.sex(), "sex"),
                span(r.recommendedAgeMonths(), r.recommendedAgeDays(), "recommendedAgeMonths"),
                span(r.minimumAgeMonths(), r.minimumAgeDays(), "minimumAgeMonths"),
                span(r.minIntervalMonths(), r.minIntervalDays(), "minIntervalMonths"),
                r.routine() == null || r.routine(), Params.date(r.validFrom(), "validFrom"),
                Params.date(r.validTo(), "validTo"), r.legalBasis(), r.confidence(), r.notes());
        return Response.status(201).entity(ScheduleDoseView.of(vaccines.addScheduleDose(r.vaccine(), details)))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleDoseView amend(@PathParam("id") long id, ScheduleDoseRequest request) {
        ScheduleDoseRequest r = Params.body(request, "validTo");
        return ScheduleDoseView.of(vaccines.amendScheduleDose(id, Params.date(r.validTo(), "validTo"),
                r.routine()));
    }

    private static AgeSpan span(Integer months, Integer days, String field) {
        if (months == null && days == null) {
            return null;
        }
        int m = months == null ? 0 : months;
        int d = days == null ? 0 : days;
        if (m < 0 || d < 0 || m > 1200 || d > 3650) {
            throw ProblemException.invalid(field, field + " must be a number of months (0-1200) and days (0-3650)");
        }
        return new AgeSpan(m, d);
    }
}
