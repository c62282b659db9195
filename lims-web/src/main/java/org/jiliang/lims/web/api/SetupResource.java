package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jiliang.lims.platform.FirstRunSetup;

/**
 * The first-run setup for scripted installations, the same as the setup page: the token printed in the server's
 * log is the credential; refused for good once an account exists.
 */
@Path("public/setup")
@Consumes(MediaType.APPLICATION_JSON)
public class SetupResource {

    public static class Setup {
        public String token;
        public String nameZh;
        public String nameEn;
        public String address;
        public String certificatePrefix;
        public String timeZone;
        public String adminUsername;
        public String adminDisplayName;
        public String adminPassword;
    }

    @Inject
    private FirstRunSetup setup;

    @POST
    public Response complete(Setup s) {
        Setup d = s == null ? new Setup() : s;
        setup.complete(new FirstRunSetup.Setup(d.token, d.nameZh, d.nameEn, d.address, d.certificatePrefix,
                d.timeZone, d.adminUsername, d.adminDisplayName,
                d.adminPassword == null ? new char[0] : d.adminPassword.toCharArray()));
        return Response.noContent().build();
    }
}
