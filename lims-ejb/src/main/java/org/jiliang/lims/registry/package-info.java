/** Customers and their instruments under test (the customer's side of "instrument"). */
package org.jiliang.lims.registry;
