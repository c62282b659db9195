/** The Camel context and its routes from bench devices into the bench services; the only package that knows Camel. */
package org.jiliang.lims.acquisition;
