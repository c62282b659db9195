/**
 * Pure metrology computation for legal verification of weighing instruments (masses with units, OIML R 76
 * accuracy classes, MPE tables, error evaluation and decision rules), with no JPA and no container.
 */
package org.jiliang.lims.metrology;
