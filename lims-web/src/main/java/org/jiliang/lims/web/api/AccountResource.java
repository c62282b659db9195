package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.personnel.AccountService;
import org.jiliang.lims.personnel.AccountService.AccountSummary;
import org.jiliang.lims.personnel.Activity;

/** Accounts and authorizations for administrators; every change is audited (AccountService). */
@Tag(name = LimsApi.Tags.ACCOUNTS)
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** Lengths are those of the user_account, user_role and authorization_grant columns. */
    public static class NewAccount {
        @Size(max = 64)
        public String username;
        @Size(max = AccountService.MAX_DISPLAY_NAME)
        public String displayName;
        @Size(max = 8)
        public Set<@NotNull @Size(max = 32) String> roles;
        @Size(max = 32)
        public String customerCode;
        @Size(max = PASSWORD)
        public String temporaryPassword;
    }

    public static class Roles {
        @Size(max = 8)
        public Set<@NotNull @Size(max = 32) String> roles;
    }

    public static class Name {
        @Size(max = AccountService.MAX_DISPLAY_NAME)
        public String displayName;
    }

    public static class Reason {
        @Size(max = AccountService.MAX_REASON)
        public String reason;
    }

    public static class Password {
        @Size(max = PASSWORD)
        public String temporaryPassword;
    }

    public static class Grant {
        @Size(max = 32)
        public String procedureCode;
        public Activity activity;
        @Size(max = AccountService.MAX_CERTIFICATE_NUMBER)
        public String certificateNumber;
        public LocalDate validFrom;
        public LocalDate validUntil;
    }

    /** Passwords are checked against the rules (at most 128 characters) by the service; this bounds the body. */
    static final int PASSWORD = 1024;

    @Inject
    private AccountService accounts;

    @GET
    public List<AccountSummary> accounts() {
        return accounts.accounts();
    }

    @GET
    @Path("{username}")
    public AccountSummary account(@PathParam("username") String username) {
        return accounts.account(username);
    }

    @POST
    public AccountSummary create(@NotNull @Valid NewAccount n) {
        NewAccount a = n == null ? new NewAccount() : n;
        return accounts.create(new AccountService.NewAccount(a.username, a.displayName, a.roles, a.customerCode,
                chars(a.temporaryPassword)));
    }

    @POST
    @Path("{username}/roles")
    public AccountSummary roles(@PathParam("username") String username, @NotNull @Valid Roles r) {
        return accounts.changeRoles(username, r == null ? null : r.roles);
    }

    @POST
    @Path("{username}/name")
    public AccountSummary rename(@PathParam("username") String username, @NotNull @Valid Name n) {
        return accounts.rename(username, n == null ? null : n.displayName);
    }

    @POST
    @Path("{username}/disable")
    public AccountSummary disable(@PathParam("username") String username, @NotNull @Valid Reason r) {
        return accounts.disable(username, r == null ? null : r.reason);
    }

    @POST
    @Path("{username}/enable")
    public AccountSummary enable(@PathParam("username") String username) {
        return accounts.enable(username);
    }

    @POST
    @Path("{username}/password-reset")
    public AccountSummary resetPassword(@PathParam("username") String username, @NotNull @Valid Password p) {
        return accounts.resetPassword(username, chars(p == null ? null : p.temporaryPassword));
    }

    @POST
    @Path("{username}/unlock")
    public AccountSummary unlock(@PathParam("username") String username) {
        return accounts.unlock(username);
    }

    @POST
    @Path("{username}/authorizations")
    public AccountSummary grant(@PathParam("username") String username, @NotNull @Valid Grant g) {
        Grant d = g == null ? new Grant() : g;
        return accounts.grant(username, d.procedureCode, d.activity, d.certificateNumber, d.validFrom, d.validUntil);
    }

    @POST
    @Path("authorizations/{id}/withdraw")
    public AccountSummary withdraw(@PathParam("id") long id, @NotNull @Valid Reason r) {
        return accounts.withdraw(id, r == null ? null : r.reason);
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
