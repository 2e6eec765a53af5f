package org.luahost.scheduler;

import java.util.function.Predicate;

/**
 * Who a gateway client is, as a {@link GatewayAuth} decides: a name (the
 * sender of its messages, {@code on_message("http:NAME", ...)} and
 * {@code "ws:NAME"}), whether it may use the admin routes ({@code GET
 * /sessions}, {@code DELETE /sessions/{id}}), and which sessions and
 * exported functions it may use.
 *
 * @param name      the client's name; null for the anonymous client (whose
 *                  messages come from plain {@code "http"} or {@code "ws"})
 * @param admin     whether the admin routes are open to it
 * @param sessions  the session ids it may address (create, call, send, connect)
 * @param functions the exported function names it may call
 */
public record Principal(String name, boolean admin, Predicate<String> sessions, Predicate<String> functions) {
    /** The client of a gateway without authentication: every session and export, and the admin routes. */
    public static final Principal ANONYMOUS = new Principal(null, true, id -> true, f -> true);

    /** A named client with every session and every export; admin as given. */
    public static Principal of(String name, boolean admin) {
        return new Principal(name, admin, id -> true, f -> true);
    }

    /** The sender name the gateway gives this client's messages on a route ("http" or "ws"). */
    public String sender(String route) { return name == null ? route : route + ":" + name; }
}
