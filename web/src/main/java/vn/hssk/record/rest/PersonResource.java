package vn.hssk.record.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.record.AboGroup;
import vn.hssk.record.EntrySource;
import vn.hssk.record.PersonDetails;
import vn.hssk.record.PersonFilter;
import vn.hssk.record.PersonService;
import vn.hssk.record.RhFactor;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.DateParams;
import vn.hssk.shared.rest.ProblemMapper;
import vn.hssk.shared.rest.RequestParams;

/**
 * The persons of the caller's province (their communes for commune chairs and station staff). {@code q} is a personal
 * ID, a BHYT number, a phone number (all exact) or words of the name with or without diacritics (ranked: exact name,
 * then given name, then names starting with the words); {@code village}, {@code sex}, {@code bornFrom}/{@code bornTo}
 * (yyyy-MM-dd) and {@code ageFrom}/{@code ageTo} (years) narrow it; {@code first}/{@code max} page it. Every person
 * answered is audited as read.
 */
@Path("/persons")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {

    @Inject
    private PersonService persons;

    @Context
    private HttpHeaders headers;

    @GET
    public List<PersonView> search(@QueryParam("q") String query, @QueryParam("village") Long villageId,
                                   @QueryParam("sex") String sex, @QueryParam("bornFrom") String bornFrom,
                                   @QueryParam("bornTo") String bornTo, @QueryParam("ageFrom") Integer ageFrom,
                                   @QueryParam("ageTo") Integer ageTo,
                                   @QueryParam("first") @DefaultValue("0") int first,
                                   @QueryParam("max") @DefaultValue("50") int max) {
        LocalDate from = date(bornFrom, "bornFrom");
        LocalDate to = date(bornTo, "bornTo");
        LocalDate today = LocalDate.now(FieldCheck.VIETNAM);
        if (ageFrom != null) {
            if (ageFrom < 0 || ageFrom > 150) {
                throw ProblemException.invalid("ageFrom", "ageFrom is an age in years from 0 to 150");
            }
            LocalDate latest = today.minusYears(ageFrom);
            to = to == null || latest.isBefore(to) ? latest : to;
        }
        if (ageTo != null) {
            if (ageTo < 0 || ageTo > 150 || (ageFrom != null && ageTo < ageFrom)) {
                throw ProblemException.invalid("ageTo", "ageTo is an age in years from ageFrom to 150");
            }
            LocalDate earliest = today.minusYears(ageTo + 1L).plusDays(1);
            from = from == null || earliest.isAfter(from) ? earliest : from;
        }
        PersonFilter filter = new PersonFilter(query, villageId, parse(Sex.class, sex, "sex"), from, to);
        return persons.search(filter, first, max).stream().map(p -> PersonView.of(p, language())).toList();
    }

    /** Where the person's village lay, period by period, as reorganizations changed the map. */
    @GET
    @Path("{id}/residence")
    public java.util.List<vn.hssk.unit.UnitHistory.Residence> residence(@PathParam("id") long id) {
        return persons.residence(id);
    }

    @GET
    @Path("{id}")
    public PersonView get(@PathParam("id") long id) {
        return PersonView.of(persons.get(id), language());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(PersonRequest request, @Context UriInfo uri) {
        PersonView created = PersonView.of(persons.register(details(required(request, "fullName")),
                EntrySource.API), language());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView correct(@PathParam("id") long id, PersonRequest request) {
        PersonRequest r = required(request, "fullName");
        return PersonView.of(persons.correct(id, details(r), r.version(), EntrySource.API), language());
    }

    @POST
    @Path("{id}/identify")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView identify(@PathParam("id") long id, IdentifyRequest request) {
        IdentifyRequest r = required(request, "personalId");
        return PersonView.of(persons.identify(id, r.personalId(), r.version(), EntrySource.API), language());
    }

    @POST
    @Path("{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView voidRecord(@PathParam("id") long id, VoidRequest request) {
        VoidRequest r = required(request, "reason");
        return PersonView.of(persons.voidRecord(id, r.reason(), r.version()), language());
    }

    private Locale language() {
        return ProblemMapper.language(headers);
    }

    private static PersonDetails details(PersonRequest r) {
        return new PersonDetails(r.fullName(), parse(Sex.class, r.sex(), "sex"),
                DateParams.parse(r.birthDate(), "birthDate"), r.personalId(),
                r.bhytNumber(), r.ethnicity(), r.religion(), r.occupation(), r.phone(), r.villageId(), r.address(),
                r.householdId(), parse(MemberRelation.class, r.relationToHead(), "relationToHead"),
                parse(AboGroup.class, r.bloodAbo(), "bloodAbo"), parse(RhFactor.class, r.bloodRh(), "bloodRh"));
    }

    private static LocalDate date(String value, String field) {
        return DateParams.parse(value, field);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        return RequestParams.enumValue(type, value, field);
    }

    private static <T> T required(T body, String field) {
        return RequestParams.body(body, field);
    }
}
