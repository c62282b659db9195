package org.jiliang.lims.metrology.weight;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jiliang.lims.metrology.Mass;

/**
 * One weighing cycle read from a comparator, with the indication difference ΔI it yields (OIML R 111-1:2004
 * C.4.3). The formulas are implemented as remembered in the project's reference [M]; all arithmetic is exact and in
 * the unit of the first reference indication.
 */
public sealed interface WeighingCycle {

    WeighingScheme scheme();

    /** Number of test weights compared in this cycle (1 except for AB1…BnA). */
    int testWeights();

    /**
     * ΔI for test weight j (1-based).
     *
     * @throws IllegalArgumentException if j is not between 1 and {@link #testWeights()}
     */
    Mass difference(int testWeight);

    /** A B B A: ΔI = (I_t1 − I_r1 − I_r2 + I_t2)/2 (C.4.3.1). */
    record Abba(Mass referenceFirst, Mass testFirst, Mass testSecond, Mass referenceSecond) implements WeighingCycle {

        public Abba {
            Objects.requireNonNull(referenceFirst, "referenceFirst");
            Objects.requireNonNull(testFirst, "testFirst");
            Objects.requireNonNull(testSecond, "testSecond");
            Objects.requireNonNull(referenceSecond, "referenceSecond");
        }

        @Override
        public WeighingScheme scheme() {
            return WeighingScheme.ABBA;
        }

        @Override
        public int testWeights() {
            return 1;
        }

        @Override
        public Mass difference(int testWeight) {
            WeighingCycle.requireTestWeight(testWeight, 1);
            Mass r1 = referenceFirst;
            return testFirst.to(r1.unit()).minus(r1).minus(referenceSecond).plus(testSecond)
                    .times(new BigDecimal("0.5"));
        }
    }

    /** A B A: ΔI = I_t − (I_r1 + I_r2)/2 (C.4.3.2). */
    record Aba(Mass referenceFirst, Mass test, Mass referenceSecond) implements WeighingCycle {

        public Aba {
            Objects.requireNonNull(referenceFirst, "referenceFirst");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(referenceSecond, "referenceSecond");
        }

        @Override
        public WeighingScheme scheme() {
            return WeighingScheme.ABA;
        }

        @Override
        public int testWeights() {
            return 1;
        }

        @Override
        public Mass difference(int testWeight) {
            WeighingCycle.requireTestWeight(testWeight, 1);
            return test.to(referenceFirst.unit())
                    .minus(referenceFirst.plus(referenceSecond).times(new BigDecimal("0.5")));
        }
    }

    /** A B1 … Bn A: ΔI_j = I_tj − (I_r1 + I_r2)/2 for each test weight j (C.4.3.3). */
    record Ab1BnA(Mass referenceFirst, List<Mass> tests, Mass referenceSecond) implements WeighingCycle {

        public Ab1BnA {
            Objects.requireNonNull(referenceFirst, "referenceFirst");
            tests = List.copyOf(Objects.requireNonNull(tests, "tests"));
            Objects.requireNonNull(referenceSecond, "referenceSecond");
            if (tests.isEmpty()) {
                throw new IllegalArgumentException("An AB1…BnA cycle needs at least one test weight");
            }
        }

        @Override
        public WeighingScheme scheme() {
            return WeighingScheme.AB1_BN_A;
        }

        @Override
        public int testWeights() {
            return tests.size();
        }

        @Override
        public Mass difference(int testWeight) {
            WeighingCycle.requireTestWeight(testWeight, tests.size());
            return tests.get(testWeight - 1).to(referenceFirst.unit())
                    .minus(referenceFirst.plus(referenceSecond).times(new BigDecimal("0.5")));
        }
    }

    private static void requireTestWeight(int testWeight, int count) {
        if (testWeight < 1 || testWeight > count) {
            throw new IllegalArgumentException("Test weight " + testWeight + " does not exist: the cycle compares "
                    + count + " test weight" + (count == 1 ? "" : "s"));
        }
    }
}
