package org.jiliang.lims.personnel;

import java.util.Set;

/** Who is logged in, for the page header and the landing page. */
public record AccountView(String username, String displayName, Set<String> roles, String customerName) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean customer() {
        return customerName != null;
    }
}
