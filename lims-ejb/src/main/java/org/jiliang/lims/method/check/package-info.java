/**
 * An intermediate check of one of the institute's measurement standards made at the bench as a job of its own
 * method (JJF 1033, issue 13): the check standard is received as an instrument of kind {@code CHECK_STANDARD} naming
 * the standard it checks; the job's points are the check plan's, each taking the plan's readings from the bench
 * device; the checker and the approver see what the check will find; at approval the check is recorded with the
 * standard's checks (and may suspend it) and an intermediate check record is issued.
 */
package org.jiliang.lims.method.check;
