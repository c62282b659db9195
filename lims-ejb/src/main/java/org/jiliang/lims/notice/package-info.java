/**
 * What the institute tells a customer besides letters and notices of their own kind (issue 14): a certificate ready
 * to download, a request accepted or declined. Each message is in the portal; it is e-mailed to the customer's
 * address when the customer wants that kind by e-mail ({@link org.jiliang.lims.notice.NoticePreference}), which
 * also decides whether recall letters are e-mailed. Impact notices are always e-mailed: the institute owes them.
 */
package org.jiliang.lims.notice;
