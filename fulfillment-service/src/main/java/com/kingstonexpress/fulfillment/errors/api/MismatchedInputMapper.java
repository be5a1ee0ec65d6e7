package com.kingstonexpress.fulfillment.errors.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.kingstonexpress.platform.problem.ProblemMappers;

/**
 * Quarkus ships its own mapper for Jackson's {@link MismatchedInputException} (a field of the wrong shape, e.g. a
 * text where a list is expected), which answers plain JSON and wins over the platform's mapper of the more
 * general {@code JsonProcessingException}. This hands that case to the platform's problem+json answer.
 */
public class MismatchedInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
