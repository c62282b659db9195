/** Verification jobs: which instrument, which procedure, who works on it, and where it is in its life cycle. */
package org.jiliang.lims.order;
