package org.jiliang.lims.registry;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiliang.lims.metrology.quantity.Quantity;
import org.jiliang.lims.metrology.quantity.Units;

/**
 * An instrument's parameters read back as typed values: a method plans its points from them (a multimeter's
 * ranges), a kind checks them together. Absent optional parameters read as empty.
 */
public final class InstrumentParameters {

    private final Map<String, InstrumentParameter.Value> values;

    public InstrumentParameters(Map<String, InstrumentParameter.Value> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public Optional<Quantity> quantity(String name) {
        return Optional.ofNullable(values.get(name)).map(v -> Quantity.of(new BigDecimal(v.text()), v.unit()));
    }

    /** A list of quantities ("100 mV; 1 V; 10 V"), in the order written; empty if the parameter is absent. */
    public List<Quantity> quantities(String name) {
        InstrumentParameter.Value v = values.get(name);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.text().split(";")).map(String::strip).map(t -> t.split(" "))
                .map(t -> new Quantity(new BigDecimal(t[0]), Units.of(t[1]))).toList();
    }

    public Optional<Integer> integer(String name) {
        return text(name).map(Integer::valueOf);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).map(InstrumentParameter.Value::text);
    }

    /** In the order of the kind's specification, as the form showed them. */
    public Map<String, InstrumentParameter.Value> asMap() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
