package org.jiliang.lims.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API, version 1: every resource of this package under {@value #ROOT}. A change that breaks a caller
 * (a member removed or renamed, a meaning changed) goes to {@code /api/v2} beside this one; members may be
 * added within v1. The OpenAPI document WildFly's MicroProfile OpenAPI subsystem generates from these classes
 * is served at {@code /openapi} and shown on {@code api.xhtml}.
 */
@ApplicationPath(LimsApi.ROOT)
@OpenAPIDefinition(info = @Info(title = "Jiliang LIMS API", version = "1",
        description = "Certificates, instruments, requests, messages and the work of a legal metrology institute. "
                + "Every list and document answers only with what the caller may see: a customer sees its own "
                + "organisation's data. Errors are RFC 9457 problem details (application/problem+json) in the "
                + "caller's language (Accept-Language zh or en). Lists come a page at a time (first, max) with "
                + "their total; JSON answers carry an ETag and If-None-Match gives 304 while unchanged. A JSON body "
                + "is at most 1 MiB and 16 levels deep."),
        security = {@SecurityRequirement(name = "token"), @SecurityRequirement(name = "password")},
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)),
        tags = {
            @Tag(name = LimsApi.Tags.CERTIFICATES,
                    description = "Certificates issued: lists, PDF and DCC documents, archives "
                    + "of a period with their hashes, revisions, withdrawals, re-issues."),
            @Tag(name = LimsApi.Tags.REGISTER,
                    description = "The caller; owners (customers) and their instruments; imports."),
            @Tag(name = LimsApi.Tags.REQUESTS,
                    description = "Verifications and calibrations booked by customers and decided "
                    + "at the intake desk."),
            @Tag(name = LimsApi.Tags.MESSAGES,
                    description = "News for a customer (certificates ready, requests decided) and "
                    + "its choice of e-mail."),
            @Tag(name = LimsApi.Tags.USERS_OF_A_CUSTOMER,
                    description = "The accounts of a customer organisation, run by its "
                    + "customer administrator."),
            @Tag(name = LimsApi.Tags.API_TOKENS,
                    description = "Tokens for programs, made and revoked by a customer "
                    + "administrator; each use is audited."),
            @Tag(name = LimsApi.Tags.JOBS,
                    description = "Verification and calibration jobs: readings, review, approval."),
            @Tag(name = LimsApi.Tags.PLANNING,
                    description = "Due dates, recall letters, campaigns, the calendar."),
            @Tag(name = LimsApi.Tags.CATALOGUE,
                    description = "Kinds of instruments, methods and their editions, fees."),
            @Tag(name = LimsApi.Tags.STANDARDS,
                    description = "Measurement standards: status, checks, calibrations, "
                    + "evaluations, traceability, impact of a standard found out of tolerance."),
            @Tag(name = LimsApi.Tags.BENCHES,
                    description = "Live readings of the bench devices."),
            @Tag(name = LimsApi.Tags.DEVICES,
                    description = "Bench devices, their profiles and captured frames with their raw "
                    + "bytes."),
            @Tag(name = LimsApi.Tags.BENCH_AGENTS,
                    description = "Bench agents: their registration and what they send "
                    + "(bench token)."),
            @Tag(name = LimsApi.Tags.FIGURES,
                    description = "The figures the policy reports on."),
            @Tag(name = LimsApi.Tags.AUDIT_TRAIL,
                    description = "The chained audit trail, its anchors and its verification."),
            @Tag(name = LimsApi.Tags.ACCOUNTS,
                    description = "Accounts of people, roles and authorizations."),
            @Tag(name = LimsApi.Tags.SET_UP,
                    description = "The first start of a production installation.")
        })
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "An API token (jlt_...) made on the users page by a customer administrator, within "
                    + "its scopes. For programs."),
    @SecurityScheme(securitySchemeName = "password", type = SecuritySchemeType.HTTP, scheme = "basic",
            description = "A person's account name and password, or the session of a logged-in browser."),
    @SecurityScheme(securitySchemeName = "bench", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            apiKeyName = "Authorization", description = "A bench agent's token (paths under /agent).")
})
public class LimsApi extends Application {

    /** The versioned root within the application ({@code /lims/api/v1}). */
    public static final String ROOT = "api/v1";

    /** The groups of operations (OpenAPI tags), each described above: a resource names one of these. */
    public static final class Tags {
        public static final String CERTIFICATES = "Certificates";
        public static final String REGISTER = "Register";
        public static final String REQUESTS = "Requests";
        public static final String MESSAGES = "Messages";
        public static final String USERS_OF_A_CUSTOMER = "Users of a customer";
        public static final String API_TOKENS = "API tokens";
        public static final String JOBS = "Jobs";
        public static final String PLANNING = "Planning";
        public static final String CATALOGUE = "Catalogue";
        public static final String STANDARDS = "Standards";
        public static final String BENCHES = "Benches";
        public static final String DEVICES = "Devices";
        public static final String BENCH_AGENTS = "Bench agents";
        public static final String FIGURES = "Figures";
        public static final String AUDIT_TRAIL = "Audit trail";
        public static final String ACCOUNTS = "Accounts";
        public static final String SET_UP = "Set-up";

        private Tags() {
        }
    }
}
