/** The web tier: PrimeFaces pages (ui), the REST API (api) and their shared plumbing (support). Talks only to lims-ejb services. */
package org.jiliang.lims.web;
