package org.luahost.scheduler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.vertx.core.MultiMap;

/**
 * The gateway's authentication hook: from a request (method, path, headers,
 * remote address) to the {@link Principal} it acts as, or a refusal
 * ({@link Refused}: 401 when the client did not say who it is or said it
 * wrongly, 403 when it may not do this). Called on the event loop for every
 * HTTP request and WebSocket handshake before anything else happens: it
 * must not block.
 */
@FunctionalInterface
public interface GatewayAuth {
    /** The principal of the request; throws {@link Refused} to refuse it. */
    Principal authenticate(Request request);

    /** What the hook sees of a request. path is as the client sent it (not decoded). */
    record Request(String method, String path, MultiMap headers, String remoteAddress) {}

    /** A refusal: the status (401 or 403) and the message of the error body. */
    final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() { return status; }
    }

    /** No authentication: every client is {@link Principal#ANONYMOUS}. */
    static GatewayAuth none() { return r -> Principal.ANONYMOUS; }

    /**
     * Bearer tokens ({@code Authorization: Bearer TOKEN}), compared in
     * constant time: userToken gives the principal {@code "user"} (every
     * session and export, no admin routes); adminToken (may be null: no
     * admin) gives {@code "admin"} with the admin routes too. A request
     * without a token, or with another, gets 401.
     */
    static GatewayAuth bearer(String userToken, String adminToken) {
        byte[] user = userToken.getBytes(StandardCharsets.UTF_8);
        byte[] admin = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        Principal u = Principal.of("user", false);
        Principal a = Principal.of("admin", true);
        return r -> {
            String h = r.headers().get("authorization");
            if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new Refused(401, "authentication required: send 'Authorization: Bearer TOKEN'");
            }
            byte[] given = h.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            boolean isUser = MessageDigest.isEqual(given, user);
            boolean isAdmin = admin != null && MessageDigest.isEqual(given, admin);
            if (isAdmin) return a;
            if (isUser) return u;
            throw new Refused(401, "wrong token");
        };
    }
}
