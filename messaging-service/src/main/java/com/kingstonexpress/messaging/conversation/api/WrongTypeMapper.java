package com.kingstonexpress.messaging.conversation.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.kingstonexpress.platform.problem.ProblemMappers;

/**
 * Quarkus REST's own mapper for {@link MismatchedInputException} (a field of the wrong type) is more
 * specific than the platform's {@code JsonProcessingException} mapper and would answer plain JSON; this
 * one answers the platform's problem+json instead.
 */
public class WrongTypeMapper {

    private final ProblemMappers platform = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return platform.unreadableJson(e, uri);
    }
}
