package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.personnel.FirstRunSetup;

/**
 * The first-run setup for scripted installations, the same as the setup page: the token printed in the server's
 * log is the credential; refused for good once an account exists.
 */
@Tag(name = LimsApi.Tags.SET_UP)
@Path("public/setup")
@Consumes(MediaType.APPLICATION_JSON)
public class SetupResource {

    public static class Setup {
        @Size(max = 64)
        public String token;
        @Size(max = 200)
        public String nameZh;
        @Size(max = 200)
        public String nameEn;
        @Size(max = 300)
        public String address;
        @Size(max = 16)
        public String certificatePrefix;
        @Size(max = 64)
        public String timeZone;
        @Size(max = 64)
        public String adminUsername;
        @Size(max = 128)
        public String adminDisplayName;
        @Size(max = AccountResource.PASSWORD)
        public String adminPassword;
    }

    @Inject
    private FirstRunSetup setup;

    @POST
    public Response complete(@NotNull @Valid Setup s) {
        Setup d = s == null ? new Setup() : s;
        setup.complete(new FirstRunSetup.Setup(d.token, d.nameZh, d.nameEn, d.address, d.certificatePrefix,
                d.timeZone, d.adminUsername, d.adminDisplayName,
                d.adminPassword == null ? new char[0] : d.adminPassword.toCharArray()));
        return Response.noContent().build();
    }
}
