package org.jiliang.lims.registry;

/**
 * Who is calling a registry service, as far as the registry needs to know: the name the audit trail records,
 * and for a customer's user the customer whose instruments alone they may see. Accounts are personnel's, and an
 * account belongs to a customer (not the other way round), so personnel provides this and the registry knows no
 * accounts.
 */
public interface RegistryCaller {

    /** The caller's user name; refused when nobody (or a disabled account) is logged in. */
    String username();

    /** The customer the caller's account belongs to; null for staff. */
    Customer customer();
}
