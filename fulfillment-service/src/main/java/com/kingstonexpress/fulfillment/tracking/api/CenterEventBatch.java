package com.kingstonexpress.fulfillment.tracking.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/v1/fulfillment-centers/{centerId}/events} body. */
public record CenterEventBatch(@NotEmpty List<@NotNull @Valid CenterEventItem> events)
        implements EventItem.Batch<CenterEventItem> {
}
