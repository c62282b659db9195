/**
 * The bench agent: an executable that reads a bench PC's own devices per the profiles the server
 * gives it, keeps every frame in a durable local journal and forwards the journal to the server,
 * replaying it after an outage. Plain Java and Camel; speaks to the server over HTTP(S) only.
 */
package org.jiliang.instrument.agent;
