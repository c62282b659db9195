/** Integration tests against the EAR deployed in the provisioned WildFly (demo data, simulated scale). */
package org.jiliang.lims.it;
