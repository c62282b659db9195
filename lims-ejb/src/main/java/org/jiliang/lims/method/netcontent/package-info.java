/**
 * The net-content inspection of a lot of prepackaged goods (定量包装商品净含量计量检验, JJF 1070) as a kind of job: the lot
 * is registered as an instrument of kind {@value org.jiliang.lims.method.netcontent.PrepackageLotKind#KIND} owned by
 * the trader inspected; the plan is looked up from its size; each package is a point read from the bench balance (or
 * typed, for a content not found by weighing); the report, and for a failed lot the notice to the trader, are issued
 * and signed like certificates. docs/net-content.md has the rules.
 */
package org.jiliang.lims.method.netcontent;
