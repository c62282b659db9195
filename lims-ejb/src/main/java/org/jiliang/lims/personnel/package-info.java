/** Staff and customer accounts, their roles, password hashing and electronic signatures. */
package org.jiliang.lims.personnel;
