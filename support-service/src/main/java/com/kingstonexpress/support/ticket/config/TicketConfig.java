package com.kingstonexpress.support.ticket.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kx.tickets")
public interface TicketConfig {

    /** How long after resolution the owning seller may reopen a ticket ({@code KX_TICKETS_REOPEN_WINDOW}). */
    @WithDefault("P7D")
    Duration reopenWindow();
}
