/**
 * Bulk import of owners and instruments into the register from .xlsx or CSV (issue 12): a preview with every problem
 * on its row and column, nothing written until a preview without problems is confirmed, then the whole file in one
 * transaction (with progress, cancellable) or nothing; re-importing the same file changes nothing.
 */
package org.jiliang.lims.importing;
