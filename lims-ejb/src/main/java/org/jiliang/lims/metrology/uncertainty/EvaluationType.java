package org.jiliang.lims.metrology.uncertainty;

/** How a standard uncertainty was evaluated (GUM 2.3.2 and 2.3.3). */
public enum EvaluationType {
    /** By statistical analysis of a series of observations (GUM 4.2). */
    A,
    /** By other means: certificates, specifications, limits (GUM 4.3). */
    B,
    /** The combined standard uncertainty of a sub-budget that enters another budget as one input (GUM 5.1). */
    COMBINED
}
