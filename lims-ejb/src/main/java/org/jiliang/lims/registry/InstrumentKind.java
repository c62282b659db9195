package org.jiliang.lims.registry;

import java.util.List;

/**
 * A kind of instrument under test and the parameters an instrument of that kind has (a multimeter's ranges per
 * function and its resolution, a sphygmomanometer's scale range and division ...). A CDI bean, usually beside the
 * measurement method that takes the kind; the register accepts an instrument of a kind only with parameters its
 * specification accepts. Scales and weights keep their own columns and registration (R 76 / R 111 checks).
 */
public interface InstrumentKind {

    /** The kind's name as instruments record it (DMM, SPHYGMOMANOMETER ...). */
    String instrumentKind();

    /** The category shown in lists, e.g. "数字多用表 Digital multimeter". */
    String category();

    /**
     * Whether an instrument of this kind comes back for periodic work: a due date follows each certificate. False for
     * what is examined once (a lot of prepackages): its report opens no cycle and it is never recalled.
     */
    default boolean periodic() {
        return true;
    }

    /** The parameters in the order a form shows them. */
    List<ParameterSpec> parameterSpecs();

    /**
     * Checks that need several parameters at once (a resolution finer than the smallest range, say), after each
     * value passed its own specification; refuses with a reason.
     */
    default void checkTogether(InstrumentParameters parameters) {
    }
}
