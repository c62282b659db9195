package org.jiliang.lims.registry;

import org.jiliang.lims.personnel.AccountKnowingItsCustomer;

/**
 * Test fixture for {@code ArchitectureViolationsTest}: with {@link AccountKnowingItsCustomer} a cycle between
 * the registry and personnel slices, the one the real classes once had. Never used otherwise.
 */
public final class CustomerKnowingItsAccounts {

    private AccountKnowingItsCustomer firstAccount;
}
