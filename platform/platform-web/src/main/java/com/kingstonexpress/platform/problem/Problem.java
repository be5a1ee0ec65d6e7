package com.kingstonexpress.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. Extension members ({@code ruleId}, {@code hint}, {@code violations}, ...)
 * are written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://errors.kingstonexpress.com/";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(int status, String typeSlug, String title, String detail) {
        this.type = typeSlug == null ? "about:blank" : TYPE_BASE + typeSlug;
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    public Problem with(String member, Object value) {
        if (value != null) {
            extensions.put(member, value);
        }
        return this;
    }

    public Problem instance(String instance) {
        this.instance = instance;
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
