package org.jiliang.lims.procedure;

/**
 * A test plan this system can carry out, named as {@link ProcedureVersion#testPlan()} names it ("R76",
 * "R111-ABBA"). Every measurement method is one; the procedure register accepts an edition only for a plan some
 * deployed method carries out (a new plan is code, a new edition of a plan is data).
 */
public interface TestPlan {

    /** The plan's name as procedure editions record it. */
    String testPlan();
}
