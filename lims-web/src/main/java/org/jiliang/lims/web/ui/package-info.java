/** One view-scoped bean per page: page.xhtml ↔ PageView ↔ #{pageView}. */
package org.jiliang.lims.web.ui;
