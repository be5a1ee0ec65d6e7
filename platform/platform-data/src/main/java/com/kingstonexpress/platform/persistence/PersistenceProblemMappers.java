package com.kingstonexpress.platform.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.kingstonexpress.platform.problem.Problems;
import com.kingstonexpress.platform.problem.ProblemMappers;

/**
 * A lost optimistic-locking race is the caller's to retry: 409, not 500. A value the database cannot take
 * (SQL state class 22: out of range, invalid date-time, bad encoding) is the caller's input: 400, not 500.
 */
public class PersistenceProblemMappers {

    @ServerExceptionMapper(DataException.class)
    public Response unstorableValue(DataException e, UriInfo uri) {
        return ProblemMappers.respond(Problems.valueNotStorable(), uri);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return ProblemMappers.respond(Problems.concurrentUpdate(), uri);
    }
}
