package org.jiliang.lims.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The next number of a yearly series such as certificate numbers; read under a write lock. */
@Entity
@Table(name = "number_counter")
public class NumberCounter {

    @Id
    @Column(name = "counter_key")
    private String key;

    @Column(name = "next_value", nullable = false)
    private long nextValue;

    protected NumberCounter() {
    }

    NumberCounter(String key) {
        this.key = key;
        this.nextValue = 1;
    }

    long take() {
        return nextValue++;
    }
}
