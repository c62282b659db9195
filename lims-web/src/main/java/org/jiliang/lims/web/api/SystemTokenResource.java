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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.personnel.ApiTokens;

/**
 * API tokens of the institute's own systems (issue 14), for the institute's administrator: each acts as a staff
 * account made for the system, within its scopes; the secret is in the answer that makes it only.
 */
@Tag(name = LimsApi.Tags.API_TOKENS)
@Path("admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class SystemTokenResource {

    @Inject
    private ApiTokens tokens;

    /** A system's token: the staff account it acts as, and what any token states. */
    public static class NewSystemToken extends ApiTokenResource.NewToken {
        @NotEmpty
        @Size(max = 64)
        public String account;
    }

    @GET
    @Operation(summary = "The tokens of the institute's systems (never their secrets)")
    public List<ApiTokens.TokenView> tokens() {
        return tokens.systemTokens();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a token for a system of the institute, acting as a staff account made for it")
    public ApiTokens.Created create(@NotNull @Valid NewSystemToken t) {
        return tokens.createForSystem(t.account, t.name, t.scopes, t.expiresOn);
    }

    @POST
    @Path("{id: [0-9]{1,18}}/revocation")
    @Operation(summary = "Revoke a token of a system of the institute")
    public ApiTokens.TokenView revoke(@PathParam("id") long id) {
        return tokens.revokeSystemToken(id);
    }
}
