/**
 * The record of a standard as JJF 1033 asks it to be kept (issue 13): the responsible person and the qualified staff
 * (at least two), change control for what the assessment covers, and the history record (履历书) generated from the
 * records — registration, calibrations, checks, cases, suspensions, staff and approved changes — never typed.
 */
package org.jiliang.lims.standard.record;
