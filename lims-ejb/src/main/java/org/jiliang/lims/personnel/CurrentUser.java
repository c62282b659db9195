package org.jiliang.lims.personnel;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.jiliang.lims.platform.RefusedException;

/** The authenticated caller as a LIMS account. Used inside services, never by pages. */
@Stateless
@PermitAll // internal: called by other services and startup beans, which check roles themselves
public class CurrentUser {

    @Resource
    private EJBContext context;

    @Inject
    private UserAccountRepository accounts;

    /** The caller's user name, without reading the account (a query may join it where it needs it). */
    public String username() {
        return context.getCallerPrincipal().getName();
    }

    public UserAccount account() {
        String name = context.getCallerPrincipal().getName();
        return accounts.findByUsername(name)
                .filter(UserAccount::enabled)
                .orElseThrow(() -> new RefusedException("error.notLoggedIn"));
    }

    public AccountView me() {
        UserAccount a = account();
        return new AccountView(a.username(), a.displayName(), a.roles(),
                a.customer() == null ? null : a.customer().name());
    }
}
