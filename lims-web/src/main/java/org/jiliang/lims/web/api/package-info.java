/** The REST API under /api: the same services and rules as the pages; JSON in and out. */
package org.jiliang.lims.web.api;
