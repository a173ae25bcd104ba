package vn.hssk.household.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.hssk.household.HouseholdDetails;
import vn.hssk.household.HouseholdFilter;
import vn.hssk.household.HouseholdService;
import vn.hssk.household.MemberDetails;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.shared.rest.DateParams;
import vn.hssk.shared.rest.RequestParams;

/**
 * The households of the caller's province (their communes for commune chairs and station staff). {@code village} and
 * {@code commune} filter by unit id; {@code q} finds a code prefix or words of the head's name or the address, with
 * or without diacritics.
 */
@Path("/households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    @Inject
    private HouseholdService households;

    @GET
    public List<HouseholdSummary> search(@QueryParam("q") String query, @QueryParam("village") Long villageId,
                                         @QueryParam("commune") Long communeId,
                                         @QueryParam("closed") @DefaultValue("false") boolean includeClosed,
                                         @QueryParam("first") @DefaultValue("0") int first,
                                         @QueryParam("max") @DefaultValue("50") int max) {
        return households.search(new HouseholdFilter(query, villageId, communeId, includeClosed), first, max)
                .stream().map(HouseholdSummary::of).toList();
    }

    @GET
    @Path("{id}")
    public HouseholdView get(@PathParam("id") long id) {
        return HouseholdView.of(households.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(HouseholdRequest request, @Context UriInfo uri) {
        HouseholdRequest r = required(request, "code");
        HouseholdView created = HouseholdView.of(households.create(details(r)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HouseholdView correct(@PathParam("id") long id, HouseholdRequest request) {
        HouseholdRequest r = required(request, "code");
        return HouseholdView.of(households.correct(id, details(r), r.version()));
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public HouseholdView move(@PathParam("id") long id, MoveRequest request) {
        MoveRequest r = required(request, "villageId");
        return HouseholdView.of(households.move(id, r.villageId(), r.date(), r.reason(), r.version()));
    }

    @GET
    @Path("{id}/moves")
    public List<MoveView> moves(@PathParam("id") long id) {
        return households.moves(id).stream().map(MoveView::of).toList();
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public HouseholdView close(@PathParam("id") long id, EndRequest request) {
        EndRequest r = required(request, "reason");
        return HouseholdView.of(households.close(id, r.date(), r.reason(), r.version()));
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMember(@PathParam("id") long id, MemberRequest request, @Context UriInfo uri) {
        MemberRequest r = required(request, "fullName");
        MemberView added = MemberView.of(households.addMember(id, member(r)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(added.id())).build())
                .entity(added).build();
    }

    @PUT
    @Path("{id}/members/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView correctMember(@PathParam("id") long id, @PathParam("memberId") long memberId,
                                    MemberRequest request) {
        MemberRequest r = required(request, "fullName");
        return MemberView.of(households.correctMember(id, memberId, member(r), r.version()));
    }

    @POST
    @Path("{id}/members/{memberId}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView leave(@PathParam("id") long id, @PathParam("memberId") long memberId, EndRequest request) {
        EndRequest r = required(request, "reason");
        return MemberView.of(households.memberLeaves(id, memberId, r.date(), r.reason(), r.version()));
    }

    private static HouseholdDetails details(HouseholdRequest r) {
        return new HouseholdDetails(r.code(), r.villageId(), r.address(), r.headName(), r.phone(), r.notes());
    }

    private static MemberDetails member(MemberRequest r) {
        return new MemberDetails(r.fullName(), parse(Sex.class, r.sex(), "sex"),
                DateParams.parse(r.birthDate(), "birthDate"),
                parse(MemberRelation.class, r.relation(), "relation"), r.personalId());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        return RequestParams.enumValue(type, value, field);
    }

    private static <T> T required(T body, String field) {
        return RequestParams.body(body, field);
    }
}
