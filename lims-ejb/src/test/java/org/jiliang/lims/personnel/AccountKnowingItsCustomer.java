package org.jiliang.lims.personnel;

import org.jiliang.lims.registry.CustomerKnowingItsAccounts;

/** Test fixture for {@code ArchitectureViolationsTest}: the other half of {@link CustomerKnowingItsAccounts}. */
public final class AccountKnowingItsCustomer {

    private CustomerKnowingItsAccounts customer;
}
