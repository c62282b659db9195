/** Test points of a job and the readings captured into them, with error, MPE and verdict. */
package org.jiliang.lims.measurement;
