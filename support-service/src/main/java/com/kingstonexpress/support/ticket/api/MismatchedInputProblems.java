package com.kingstonexpress.support.ticket.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.kingstonexpress.platform.problem.ProblemMappers;

/**
 * Quarkus REST's built-in mapper for {@link MismatchedInputException} (e.g. an unknown enum value) is more
 * specific than the platform's {@code JsonProcessingException} mapper and would answer plain JSON; this
 * sends those errors through the platform's problem+json mapping too.
 */
public class MismatchedInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
