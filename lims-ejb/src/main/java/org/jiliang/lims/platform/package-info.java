/** Cross-cutting plumbing every feature relies on: the clock, the database migrations, runtime settings. */
package org.jiliang.lims.platform;
