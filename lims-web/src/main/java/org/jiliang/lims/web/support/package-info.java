/** Locale, messages and request plumbing shared by pages and the API. */
package org.jiliang.lims.web.support;
