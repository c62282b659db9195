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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.personnel.ApiScope;
import org.jiliang.lims.personnel.ApiToken;
import org.jiliang.lims.personnel.ApiTokens;

/**
 * API tokens of a customer organisation (issue 14), for its administrator: make one (the secret is in this answer
 * only), list them (never a secret or a hash), revoke one. A program then sends {@code Authorization: Bearer
 * <secret>}; see {@code web.support.TokenScopes} for what each scope reaches.
 */
@Tag(name = LimsApi.Tags.API_TOKENS)
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

    @Inject
    private ApiTokens tokens;

    /** A token to make: what it is for, what it may do, its last day. */
    public static class NewToken {
        @NotEmpty
        @Size(max = ApiToken.MAX_NAME)
        public String name;
        @NotEmpty
        @Size(max = 5)
        public Set<@NotNull ApiScope> scopes;
        @NotNull
        public LocalDate expiresOn;
    }

    @GET
    @Operation(summary = "The organisation's API tokens (never their secrets)")
    public List<ApiTokens.TokenView> tokens() {
        return tokens.tokens();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a token: the secret is answered once, only its hash is kept")
    public ApiTokens.Created create(@NotNull @Valid NewToken t) {
        return tokens.create(t.name, t.scopes, t.expiresOn);
    }

    @POST
    @Path("{id: [0-9]{1,18}}/revocation")
    @Operation(summary = "Revoke a token: it stops working at once")
    public ApiTokens.TokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
