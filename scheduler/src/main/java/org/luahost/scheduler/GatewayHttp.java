package org.luahost.scheduler;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The gateway's HTTP plumbing: strict path decoding, bounded and timed
 * request bodies, and JSON responses that always carry a body. Every
 * helper runs on the request's event loop.
 */
final class GatewayHttp {
    private GatewayHttp() {}

    /**
     * The segments of a path, each percent-decoded as UTF-8 (split first, so
     * an encoded {@code /} stays inside its segment). A {@code %} not
     * followed by two hex digits, or bytes that are not UTF-8, are an
     * {@link IllegalArgumentException} whose message says so.
     */
    static List<String> segments(String path) {
        if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("the path must start with '/'");
        List<String> out = new ArrayList<>();
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) end = path.length();
            out.add(decode(path.substring(start, end)));
            start = end + 1;
        }
        if (!out.isEmpty() && out.getLast().isEmpty()) out.removeLast();   // a trailing slash
        return out;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                b.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad percent-encoding in the path: '%' must be followed by two hex digits");
            }
            b.write(hi << 4 | lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bad percent-encoding in the path: the bytes are not UTF-8");
        }
    }

    /**
     * Reads the body up to maxBody bytes within timeoutMs, then hands it on.
     * A larger body gets 413, a slower one 408, one past the gateway's bound
     * on bytes being received ({@link Receiving}) 503; all close the connection.
     */
    static void body(Vertx vertx, HttpServerRequest req, int maxBody, long timeoutMs, Receiving receiving, Consumer<Buffer> then) {
        String length = req.getHeader("content-length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                close(req, 400, "bad content-length: " + length);
                return;
            }
            if (n > maxBody) {
                close(req, 413, "request body too large (limit " + maxBody + " bytes)");
                return;
            }
        }
        Buffer acc = Buffer.buffer();
        boolean[] done = {false};
        long timer = vertx.setTimer(Math.max(1, timeoutMs), t -> {
                    if (done[0]) return;
                    done[0] = true;
                    receiving.release(acc.length());
                    close(req, 408, "request body not received within " + timeoutMs + " ms");
                });
        req.handler(chunk -> {
            if (done[0]) return;
            if ((long) acc.length() + chunk.length() > maxBody) {
                done[0] = true;
                vertx.cancelTimer(timer);
                receiving.release(acc.length());
                close(req, 413, "request body too large (limit " + maxBody + " bytes)");
                return;
            }
            if (!receiving.grow(acc.length(), chunk.length())) {
                done[0] = true;
                vertx.cancelTimer(timer);
                receiving.release(acc.length());
                req.response().putHeader("retry-after", "1");
                close(req, 503, "the server is receiving too many large requests at once; try again");
                return;
            }
            acc.appendBuffer(chunk);
        });
        req.exceptionHandler(e -> {
            if (done[0]) return;
            done[0] = true;
            vertx.cancelTimer(timer);
            receiving.release(acc.length());
            error(req, 400, "cannot read the request: " + e.getMessage(), null);
        });
        req.endHandler(v -> {
            if (done[0]) return;
            done[0] = true;
            vertx.cancelTimer(timer);
            receiving.release(acc.length());
            then.accept(acc);
        });
        req.resume();   // a vertx-web Router pauses the request before its handlers run
    }

    /** An error response, then the connection closes (the rest of the request is not read). */
    static void close(HttpServerRequest req, int status, String message) {
        HttpServerResponse r = req.response();
        if (r.ended() || r.closed()) return;
        boolean http1 = req.version() != io.vertx.core.http.HttpVersion.HTTP_2;
        if (http1) r.putHeader("connection", "close");
        r.setStatusCode(status).putHeader("content-type", "application/json").end(LuaJson.errorBody(message, null))
                .onComplete(x -> {
                    if (http1 && req.connection() != null) req.connection().close();
                });
    }

    /** {@code {"error": message, "traceback": ...}} with status (nothing if the response is already gone). */
    static void error(HttpServerRequest req, int status, String message, String traceback) {
        json(req, status, LuaJson.errorBody(message, traceback));
    }

    static void json(HttpServerRequest req, int status, String body) {
        HttpServerResponse r = req.response();
        if (r.ended() || r.closed()) return;
        r.setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }
}
