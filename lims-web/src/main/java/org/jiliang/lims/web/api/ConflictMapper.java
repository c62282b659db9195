package org.jiliang.lims.web.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Two people changed the same record at once: the second gets a conflict, never an overwrite.
 * Any other container failure is a 500 without internals (the log has the details).
 */
@Provider
public class ConflictMapper implements ExceptionMapper<EJBException> {

    private static final Logger LOG = Logger.getLogger(ConflictMapper.class.getName());
    private static final java.util.Set<String> OPTIMISTIC_LOCK_FAILURES = java.util.Set.of(
            "jakarta.persistence.OptimisticLockException", "org.hibernate.StaleObjectStateException",
            "org.hibernate.StaleStateException");

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // By name: the web tier does not depend on JPA types (architecture rule 3).
            if (OPTIMISTIC_LOCK_FAILURES.contains(t.getClass().getName())) {
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ApiError("error.conflict",
                                "The record was changed by someone else at the same time; nothing was saved. "
                                        + "Reload and try again.")).build();
            }
        }
        LOG.log(Level.SEVERE, "Request failed", e);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("error.server", "The request failed; no data was changed.")).build();
    }
}
