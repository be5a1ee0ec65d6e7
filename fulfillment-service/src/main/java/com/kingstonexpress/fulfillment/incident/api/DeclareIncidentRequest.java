package com.kingstonexpress.fulfillment.incident.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/v1/platform/incidents} body. {@code startsAt} defaults to now; {@code endsAt} may be left
 * open (the incident lasts until resolved). {@code customerNote} is shown to customers as it is.
 */
@Schema(name = "DeclareIncident")
public record DeclareIncidentRequest(
        @NotNull @Valid Scope scope,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @NotBlank @Size(max = 1000) String customerNote) {

    public record Scope(
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> regions,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> carriers) {
    }
}
