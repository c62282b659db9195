/** The lab's bench devices (balances, multimeters...), every frame they send, and their live readings. */
package org.jiliang.lims.bench;
