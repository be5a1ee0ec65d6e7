package com.kingstonexpress.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.kingstonexpress.platform.problem.Problem;
import com.kingstonexpress.platform.problem.ProblemMappers;

/**
 * Ids and query parameters never hold control characters. A NUL byte reaching PostgreSQL is an error there
 * ("invalid byte sequence"), so it is refused here as a 400 before any resource runs.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseControlCharacters(ContainerRequestContext request) {
        String where;
        try {
            where = hasControlCharacter(request.getUriInfo().getPath(true)) ? "path"
                    : firstWithControlCharacter(request.getUriInfo().getQueryParameters(true));
        } catch (IllegalArgumentException malformedEscape) {
            where = "URI";
        }
        if (where == null) {
            return Optional.empty();
        }
        Problem problem = new Problem(400, "control-characters", "Invalid request",
                "The " + where + " contains a control character, which no id or parameter may hold.");
        return Optional.of(ProblemMappers.respond(problem, null));
    }

    private static String firstWithControlCharacter(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (hasControlCharacter(p.getKey()) || p.getValue().stream().anyMatch(ControlCharacterFilter::hasControlCharacter)) {
                return "query parameter '" + p.getKey().replaceAll("\\p{Cntrl}", "?") + "'";
            }
        }
        return null;
    }

    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
