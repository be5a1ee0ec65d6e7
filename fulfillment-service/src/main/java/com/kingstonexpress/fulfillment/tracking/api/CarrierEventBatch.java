package com.kingstonexpress.fulfillment.tracking.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/v1/carriers/{carrierCode}/tracking-events} body. */
public record CarrierEventBatch(@NotEmpty List<@NotNull @Valid CarrierEventItem> events)
        implements EventItem.Batch<CarrierEventItem> {
}
