/**
 * Service requests: a customer books the verification or calibration of their instruments from the portal (which
 * instruments, the preferred day, at the laboratory or on site); the intake desk accepts a request — each
 * instrument is received into a job planned for the day — or declines it with a reason; the customer follows the
 * request through its jobs to the certificates. A customer's user sees their own customer's requests only.
 */
package org.jiliang.lims.request;
