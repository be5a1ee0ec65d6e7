package com.kingstonexpress.order.orders.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.kingstonexpress.platform.problem.ProblemMappers;

/**
 * Quarkus ships a built-in mapper for {@link MismatchedInputException} (wrong types, unknown enum values) that
 * answers plain JSON; it is more specific than the platform's {@code JsonProcessingException} mapper, so it
 * would win. This one restores problem+json for those bodies.
 */
public class MismatchedInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(MismatchedInputException.class)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
