package org.jiliang.lims.personnel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jiliang.lims.registry.Customer;
import org.jiliang.lims.registry.RegistryCaller;

/** The logged-in account as the registry sees its caller (see {@link RegistryCaller}). */
@ApplicationScoped
public class RegistryCallerAccount implements RegistryCaller {

    @Inject
    private CurrentUser currentUser;

    @Override
    public String username() {
        return currentUser.account().username();
    }

    @Override
    public Customer customer() {
        return currentUser.account().customer();
    }
}
