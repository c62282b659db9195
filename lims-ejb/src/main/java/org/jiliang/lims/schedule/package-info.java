/**
 * Planning the institute's work on top of the register (issue 12): the due list of the institute and of each owner.
 * The catalogue of categories under legal control and the due date itself belong to the register
 * ({@link org.jiliang.lims.registry.DuePlan}).
 */
package org.jiliang.lims.schedule;
