package com.kingstonexpress.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.kingstonexpress.platform.web.RequestIds;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves a service as {@code application/problem+json}: never a stack trace, class name or
 * SQL. Bad input is 400/422; only the truly unexpected is 500, logged with the request id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .collect(Collectors.toList());
        return respond(new Problem(400, "validation", "Invalid request", "The request has " + violations.size()
                + " invalid field(s).").with("violations", violations), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String detail;
        String field = e instanceof JsonMappingException m ? path(m) : null;
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'.";
        } else if (e instanceof InvalidFormatException f) {
            detail = "Field '" + field + "' has a value that is not allowed: " + abbreviate(String.valueOf(f.getValue()))
                    + allowedValues(f.getTargetType()) + ".";
        } else if (e instanceof MismatchedInputException && field != null && !field.isEmpty()) {
            detail = "Field '" + field + "' has the wrong type.";
        } else {
            detail = "The body is not valid JSON for this request.";
        }
        Problem problem = new Problem(400, "malformed-body", "Malformed request body", detail);
        if (field != null && !field.isEmpty()) {
            problem.with("violations", List.of(Map.of("field", field, "message", detail)));
        }
        return respond(problem, uri);
    }

    /**
     * Quarkus REST ships its own mapper for this subtype (an unknown enum value, a wrong type) answering
     * plain JSON; as specific a mapper here keeps those answers problem+json too.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Response r = respond(Problems.unauthorized("A valid bearer token is required."), uri);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problems.forbidden("Your role may not do this."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This representation is not available.";
            case 415 -> "Send application/json.";
            default -> title + ".";
        };
        return respond(new Problem(status, null, title, detail), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return respond(Problems.internal(), uri);
    }

    /** Writes a problem as the response; other mappers (for example persistence ones) use it too. */
    public static Response respond(Problem problem, UriInfo uri) {
        if (problem.getInstance() == null && uri != null) {
            problem.instance(uri.getPath());
        }
        problem.with("requestId", RequestIds.current());
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String field(ConstraintViolation<?> v) {
        // Strip the method and parameter names Hibernate Validator puts in front ("create.body.lines[0].sku").
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String allowedValues(Class<?> target) {
        if (target != null && target.isEnum()) {
            Object[] constants = target.getEnumConstants();
            return " (allowed: " + java.util.Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", ")) + ")";
        }
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
