package org.jiliang.reports.certificate;

import java.util.Objects;

/** The customer (委托单位) who submitted the instrument. */
public record Customer(String name, String address) {

    public Customer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
