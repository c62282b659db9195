/** The tamper-evident audit trail: who changed which regulated record, when, from what to what, and why. */
package org.jiliang.lims.audit;
