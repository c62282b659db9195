package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.personnel.AccountService;
import org.jiliang.lims.personnel.CustomerAccounts;

/**
 * The users of a customer organisation (issue 14), for the customer's own administrator: list, invite, remove. Any
 * other caller is refused (403); an account of another customer, or of the staff, answers 404.
 */
@Tag(name = LimsApi.Tags.USERS_OF_A_CUSTOMER)
@Path("colleagues")
@Produces(MediaType.APPLICATION_JSON)
public class ColleagueResource {

    @Inject
    private CustomerAccounts accounts;

    /** A colleague to invite, with the temporary password the caller hands over. */
    public static class Invitation {
        @NotEmpty
        @Size(max = 64)
        public String username;
        @NotEmpty
        @Size(max = AccountService.MAX_DISPLAY_NAME)
        public String displayName;
        public boolean administrator;
        @NotEmpty
        @Size(max = AccountResource.PASSWORD)
        public String temporaryPassword;
    }

    /** Why a colleague is removed. */
    public static class Removal {
        @NotEmpty
        @Size(max = AccountService.MAX_REASON)
        public String reason;
    }

    @GET
    @Operation(summary = "The accounts of the caller's organisation")
    public List<CustomerAccounts.Colleague> colleagues() {
        return accounts.colleagues();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a colleague: an account with a temporary password")
    public CustomerAccounts.Colleague invite(@NotNull @Valid Invitation i) {
        char[] password = i.temporaryPassword.toCharArray();
        try {
            return accounts.invite(i.username, i.displayName, i.administrator, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @POST
    @Path("{username: [A-Za-z0-9._-]{1,64}}/removal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a colleague's account (disabled, never deleted)")
    public CustomerAccounts.Colleague remove(@PathParam("username") String username, @NotNull @Valid Removal r) {
        return accounts.remove(username, r.reason);
    }
}
