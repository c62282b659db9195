package org.jiliang.lims.metrology.spc;

/**
 * The eight tests for special causes on a Shewhart chart of means or individuals (ISO 7870-2:2013, the tests after
 * Nelson; the same as the Western Electric rules extended). The chart's half-width is cut into three zones of one
 * standard deviation each: C next to the centre line, then B, then A up to the control limit. A point that completes
 * one of these patterns is an out-of-control signal.
 */
public enum RunRule {

    /** Test 1: one point beyond a control limit. */
    BEYOND_LIMITS(1),
    /** Test 2: nine points in a row on the same side of the centre line. */
    NINE_ON_ONE_SIDE(9),
    /** Test 3: six points in a row steadily increasing or steadily decreasing. */
    SIX_TRENDING(6),
    /** Test 4: fourteen points in a row alternating up and down. */
    FOURTEEN_ALTERNATING(14),
    /** Test 5: two of three points in a row in zone A or beyond, on the same side. */
    TWO_OF_THREE_IN_A(3),
    /** Test 6: four of five points in a row in zone B or beyond, on the same side. */
    FOUR_OF_FIVE_IN_B(5),
    /** Test 7: fifteen points in a row in zone C, either side (the scatter is smaller than the limits assume). */
    FIFTEEN_IN_C(15),
    /** Test 8: eight points in a row on either side with none in zone C. */
    EIGHT_OUTSIDE_C(8);

    private final int points;

    RunRule(int points) {
        this.points = points;
    }

    /** How many points in a row the pattern spans. */
    public int points() {
        return points;
    }

    /** The test's number in ISO 7870-2 (1 to 8). */
    public int number() {
        return ordinal() + 1;
    }

    /**
     * Whether the point at {@code i} completes this pattern.
     *
     * @param side   per point: +1 above the centre line, −1 below, 0 on it
     * @param band   per point: how many of 1σ, 2σ, 3σ its distance from the centre line exceeds (0: zone C)
     * @param trend  per point after the first: +1 higher than the one before, −1 lower, 0 equal
     * @param beyond per point: outside the control limits
     */
    boolean completesAt(int i, int[] side, int[] band, int[] trend, boolean[] beyond) {
        int from = i - points + 1;
        if (from < 0) {
            return false;
        }
        return switch (this) {
            case BEYOND_LIMITS -> beyond[i];
            case NINE_ON_ONE_SIDE -> side[i] != 0 && all(from, i, k -> side[k] == side[i]);
            case SIX_TRENDING -> trend[i] != 0 && all(from + 1, i, k -> trend[k] == trend[i]);
            case FOURTEEN_ALTERNATING -> all(from + 1, i, k -> trend[k] != 0)
                    && all(from + 2, i, k -> trend[k] == -trend[k - 1]);
            case TWO_OF_THREE_IN_A -> sameSideCount(from, i, side, band, 2) >= 2;
            case FOUR_OF_FIVE_IN_B -> sameSideCount(from, i, side, band, 1) >= 4;
            case FIFTEEN_IN_C -> all(from, i, k -> band[k] == 0);
            case EIGHT_OUTSIDE_C -> all(from, i, k -> band[k] >= 1);
        };
    }

    /** How many points of the window lie in the given band or beyond on the side of the last one, which must. */
    private static int sameSideCount(int from, int i, int[] side, int[] band, int atLeast) {
        if (band[i] < atLeast || side[i] == 0) {
            return 0;
        }
        int count = 0;
        for (int k = from; k <= i; k++) {
            if (side[k] == side[i] && band[k] >= atLeast) {
                count++;
            }
        }
        return count;
    }

    private static boolean all(int from, int to, java.util.function.IntPredicate test) {
        for (int k = from; k <= to; k++) {
            if (!test.test(k)) {
                return false;
            }
        }
        return true;
    }
}
