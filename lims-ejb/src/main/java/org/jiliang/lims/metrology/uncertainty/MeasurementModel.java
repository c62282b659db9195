package org.jiliang.lims.metrology.uncertainty;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A measurement model Y_k = f_k(X_1, …, X_N) over named input quantities (GUM 4.1.1), written by a procedure as
 * Java functions of the input values, one per output quantity. The engine ({@link ModelEvaluation}) evaluates it at
 * the estimates and around them; the caller never computes a sensitivity coefficient.
 *
 * <p>A function receives the values by name as an unmodifiable map; asking for a name that is not an input of the
 * evaluation is an error (not a silent null). Write the function in {@link BigDecimal} with
 * {@link java.math.MathContext#DECIMAL128} where you can: the numerical derivatives are then limited by their step,
 * not by the arithmetic (see {@link ModelEvaluation}). A function that goes through {@code double} (cos, exp) works
 * too, with about 7 significant digits left in the coefficients at the default step.
 */
public final class MeasurementModel {

    /** One output quantity of the model: its name, unit and function. */
    public record Output(String name, String unit, Function<Map<String, BigDecimal>, BigDecimal> function) {

        public Output {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("An output quantity of a model needs a name");
            }
            name = name.strip();
            unit = Objects.requireNonNull(unit, "unit").strip();
            Objects.requireNonNull(function, "function");
        }
    }

    private final List<Output> outputs;

    private MeasurementModel(List<Output> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("A measurement model needs at least one output quantity");
        }
        this.outputs = List.copyOf(outputs);
    }

    /** A model with one output quantity Y = f(X_1, …, X_N). */
    public static MeasurementModel of(String output, String unit, Function<Map<String, BigDecimal>, BigDecimal> f) {
        return builder().output(output, unit, f).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Output> outputs() {
        return outputs;
    }

    /** Evaluates every output at the given input values, in the order of {@link #outputs()}. */
    Map<String, BigDecimal> evaluate(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> x = new Values(values);
        Map<String, BigDecimal> y = new LinkedHashMap<>();
        for (Output o : outputs) {
            BigDecimal v = o.function().apply(x);
            if (v == null) {
                throw new IllegalArgumentException("The model function of " + o.name() + " returned no value");
            }
            y.put(o.name(), v);
        }
        return y;
    }

    /** Collects the output quantities of a model with several outputs (GUM H.2: R, X and Z from V, I and φ). */
    public static final class Builder {

        private final List<Output> outputs = new ArrayList<>();

        private Builder() {
        }

        public Builder output(String name, String unit, Function<Map<String, BigDecimal>, BigDecimal> f) {
            Output o = new Output(name, unit, f);
            if (outputs.stream().anyMatch(p -> p.name().equals(o.name()))) {
                throw new IllegalArgumentException("The model already has an output " + o.name());
            }
            outputs.add(o);
            return this;
        }

        public MeasurementModel build() {
            return new MeasurementModel(outputs);
        }
    }

    /** The input values as a model function sees them: read-only, and an unknown name is an error. */
    private static final class Values extends AbstractMap<String, BigDecimal> {

        private final Map<String, BigDecimal> values;

        Values(Map<String, BigDecimal> values) {
            this.values = Map.copyOf(values);
        }

        @Override
        public BigDecimal get(Object key) {
            BigDecimal v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException("The model asks for " + key + ", which is not an input quantity"
                        + " of this evaluation; inputs are " + values.keySet());
            }
            return v;
        }

        @Override
        public Set<Entry<String, BigDecimal>> entrySet() {
            return values.entrySet();
        }
    }
}
