package org.jiliang.lims.web.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Two people changed the same record at once: the second gets a conflict, never an overwrite.
 * Any other container failure is a 500 without internals (the log has the details).
 */
@Provider
public class ConflictMapper implements ExceptionMapper<EJBException> {

    private static final Logger LOG = Logger.getLogger(ConflictMapper.class.getName());
    private static final Set<String> OPTIMISTIC_LOCK_FAILURES = Set.of(
            "jakarta.persistence.OptimisticLockException", "org.hibernate.StaleObjectStateException",
            "org.hibernate.StaleStateException");

    @Context
    private HttpHeaders headers;
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(EJBException e) {
        String path = uri.getRequestUri().getPath();
        for (Throwable t = e; t != null; t = t.getCause()) {
            // By name: the web tier does not depend on JPA types (architecture rule 3).
            if (OPTIMISTIC_LOCK_FAILURES.contains(t.getClass().getName())) {
                return Problems.response(409, "error.recordChanged", headers, path);
            }
        }
        LOG.log(Level.SEVERE, "Request failed: " + path, e);
        return Problems.response(500, "error.server", headers, path);
    }
}
