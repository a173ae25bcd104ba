package vn.hssk.account.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.hssk.account.AccountService;
import vn.hssk.account.CreatedAccount;
import vn.hssk.account.NewAccount;
import vn.hssk.shared.ProblemException;

/** The accounts of the caller's province (province administrators only): list, read, create, disable, enable. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    private AccountService accounts;

    @GET
    public List<AccountView> list() {
        return accounts.accounts().stream().map(AccountView::of).toList();
    }

    @GET
    @Path("{username}")
    public AccountView get(@PathParam("username") String username) {
        return AccountView.of(accounts.account(username));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccountRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("username", "A JSON body is required");
        }
        CreatedAccount created = accounts.create(new NewAccount(request.username(), request.email(),
                request.firstName(), request.lastName(), request.role(), request.communes(), request.staffId(), request.facility()));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(uri.getAbsolutePathBuilder().path(created.account().username()).build())
                .cacheControl(noStore)
                .entity(new AccountCreatedView(AccountView.of(created.account()), created.temporaryPassword()))
                .build();
    }

    @POST
    @Path("{username}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView disable(@PathParam("username") String username) {
        return AccountView.of(accounts.disable(username));
    }

    @POST
    @Path("{username}/enable")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView enable(@PathParam("username") String username) {
        return AccountView.of(accounts.enable(username));
    }
}
