package org.luahost.scheduler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The HTTP and WebSocket front of a {@link LuaHost} (used by
 * {@code luahost serve}); sessions start from the host's default script on
 * first use. Routes:
 *
 * <ul>
 * <li>{@code POST /sessions/{id}/call/{function}} with a JSON array of
 *     arguments: {@code 200} and a JSON array of the results; a Lua error:
 *     {@code 500} and {@code {"error": message, "traceback": ...}}; a request
 *     that is not a JSON array, or a function the script did not define:
 *     {@code 400} and {@code {"error": ...}}. Only Lua functions can be
 *     called this way, not library functions such as {@code load}.</li>
 * <li>{@code POST /sessions/{id}/send} with a JSON array: delivered to
 *     {@code on_message("http", ...)}; {@code 202}.</li>
 * <li>{@code GET /sessions}: the live sessions with their counters.</li>
 * <li>{@code DELETE /sessions/{id}}: stops the session; {@code 204}.</li>
 * <li>WebSocket {@code /sessions/{id}/ws}: each text frame is a JSON value
 *     delivered to {@code on_message("ws", value)}; each {@code host.push(v)}
 *     of the session is sent to its clients as one text frame (the JSON of v,
 *     or a JSON array when several values are pushed).</li>
 * </ul>
 * The JSON mapping is {@link LuaJson}'s.
 */
public final class Gateway {
    private static final Pattern CALL = Pattern.compile("/sessions/([^/]+)/call/([^/]+)");
    private static final Pattern SEND = Pattern.compile("/sessions/([^/]+)/send");
    private static final Pattern ONE = Pattern.compile("/sessions/([^/]+)");
    private static final Pattern WS = Pattern.compile("/sessions/([^/]+)/ws");

    /** Default limit on a request body (1 MiB); a larger body gets 413 and is not read into memory. */
    public static final int DEFAULT_MAX_BODY = 1 << 20;

    private final LuaHost host;
    private final int maxBody;

    private Gateway(LuaHost host, int maxBody) { this.host = host; this.maxBody = maxBody; }

    /** Starts the gateway on port (0: any free port; the server says which), with the default body limit. */
    public static Future<HttpServer> start(LuaHost host, String bindHost, int port) {
        return start(host, bindHost, port, DEFAULT_MAX_BODY);
    }

    /**
     * Starts the gateway; request bodies larger than maxBody bytes are refused with 413
     * (WebSocket messages are limited by Vert.x's defaults: 256 KiB per message).
     */
    public static Future<HttpServer> start(LuaHost host, String bindHost, int port, int maxBody) {
        Gateway g = new Gateway(host, maxBody);
        return host.vertx().createHttpServer()
                .requestHandler(g::request)
                .webSocketHandler(g::webSocket)
                .listen(port, bindHost);
    }

    private void request(HttpServerRequest req) {
        String path = decode(req.path());
        Matcher m;
        if (req.method() == HttpMethod.POST && (m = CALL.matcher(path)).matches()) {
            String id = m.group(1), fn = m.group(2);
            body(req, body -> call(req, id, fn, body));
        } else if (req.method() == HttpMethod.POST && (m = SEND.matcher(path)).matches()) {
            String id = m.group(1);
            body(req, body -> send(req, id, body));
        } else if (req.method() == HttpMethod.GET && path.equals("/sessions")) {
            JsonArray a = new JsonArray();
            for (SessionStats s : host.stats()) {
                a.add(new JsonObject().put("id", s.id()).put("handled", s.handled()).put("errors", s.errors())
                        .put("cpuMillis", s.cpuNanos() / 1_000_000.0).put("memoryEstimate", s.memoryEstimate())
                        .put("mailbox", s.mailbox()).put("idleMillis", s.idleMillis()));
            }
            json(req, 200, a.encode());
        } else if (req.method() == HttpMethod.DELETE && (m = ONE.matcher(path)).matches()) {
            host.stop(m.group(1)).onComplete(x -> req.response().setStatusCode(204).end());
        } else {
            error(req, 404, "no route for " + req.method() + " " + req.path(), null);
        }
    }

    /** Reads the body up to maxBody bytes, then hands it on; a larger one gets 413 and the connection closes. */
    private void body(HttpServerRequest req, java.util.function.Consumer<Buffer> then) {
        String length = req.getHeader("content-length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                error(req, 400, "bad content-length: " + length, null);
                return;
            }
            if (n > maxBody) {
                tooLarge(req);
                return;
            }
        }
        Buffer acc = Buffer.buffer();
        boolean[] over = {false};
        req.handler(chunk -> {
            if (over[0]) return;
            if ((long) acc.length() + chunk.length() > maxBody) {
                over[0] = true;
                tooLarge(req);
                return;
            }
            acc.appendBuffer(chunk);
        });
        req.exceptionHandler(e -> {
            if (!over[0] && !req.response().ended()) error(req, 400, String.valueOf(e.getMessage()), null);
        });
        req.endHandler(v -> {
            if (!over[0]) then.accept(acc);
        });
    }

    private void tooLarge(HttpServerRequest req) {
        req.response().putHeader("connection", "close");
        error(req, 413, "request body too large (limit " + maxBody + " bytes)", null);
    }

    private static String decode(String path) {
        return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonArray arguments(HttpServerRequest req, Buffer body) {
        Object v;
        try {
            v = Json.decodeValue(body);
        } catch (DecodeException e) {
            error(req, 400, "the request body is not JSON: " + e.getMessage(), null);
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            error(req, 400, "the request body must be a JSON array of arguments", null);
            return null;
        }
        return a;
    }

    private void call(HttpServerRequest req, String id, String fn, Buffer body) {
        JsonArray a = arguments(req, body);
        if (a == null) return;
        Object[] args;
        try {
            args = LuaJson.fromJsonArray(a);
        } catch (SessionException e) {
            error(req, 400, e.getMessage(), null);
            return;
        }
        host.callLuaFunction(id, LuaJson.luaString(fn), args).onComplete(ar -> {
            if (ar.failed()) {
                failure(req, ar.cause());
                return;
            }
            String out;
            try {
                out = LuaJson.toJsonArray(ar.result()).encode();
            } catch (SessionException e) {
                error(req, 500, "cannot return the results as JSON: " + e.getMessage(), null);
                return;
            }
            json(req, 200, out);
        });
    }

    private void send(HttpServerRequest req, String id, Buffer body) {
        JsonArray a = arguments(req, body);
        if (a == null) return;
        Object[] msg;
        try {
            msg = LuaJson.fromJsonArray(a);
        } catch (SessionException e) {
            error(req, 400, e.getMessage(), null);
            return;
        }
        host.sendAs(id, "http", msg).onComplete(ar -> {
            if (ar.failed()) failure(req, ar.cause());
            else req.response().setStatusCode(202).end();
        });
    }

    private static void failure(HttpServerRequest req, Throwable t) {
        if (!(t instanceof SessionException e)) {
            error(req, 500, String.valueOf(t), null);
            return;
        }
        int status = switch (e.kind()) {
            case LUA_ERROR, BAD_VALUE, INTERNAL, PERSISTENCE -> 500;
            case NO_SUCH_FUNCTION -> 400;
            case NO_SUCH_SESSION -> 404;
            case STOPPED, OVERLOADED -> 503;
            case TIMEOUT -> 504;
        };
        error(req, status, e.getMessage(), e.luaTraceback());
    }

    private static void error(HttpServerRequest req, int status, String message, String traceback) {
        JsonObject o = new JsonObject().put("error", message);
        if (traceback != null) o.put("traceback", traceback);
        json(req, status, o.encode());
    }

    private static void json(HttpServerRequest req, int status, String body) {
        req.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }

    private void webSocket(ServerWebSocket ws) {
        Matcher m = WS.matcher(decode(ws.path()));
        if (!m.matches()) {
            ws.close((short) 1008, "no route");
            return;
        }
        String id = m.group(1);
        ws.pause();
        host.session(id).onComplete(ar -> {
            if (ar.failed()) {
                ws.writeTextMessage(new JsonObject().put("error", ar.cause().getMessage()).encode());
                ws.close((short) 1011, "session failed to start");
                return;
            }
            AutoCloseable sub = host.subscribe(id, values -> {
                String frame;
                try {
                    frame = values.length == 1 ? Json.encode(LuaJson.toJson(values[0])) : LuaJson.toJsonArray(values).encode();
                } catch (SessionException e) {
                    frame = new JsonObject().put("error", e.getMessage()).encode();
                }
                ws.writeTextMessage(frame);
            });
            ws.closeHandler(v -> {
                try {
                    sub.close();
                } catch (Exception ignored) {
                    // closing a subscription does not fail
                }
            });
            ws.textMessageHandler(text -> {
                Object value;
                try {
                    value = LuaJson.fromJson(Json.decodeValue(text));
                } catch (DecodeException | SessionException e) {
                    ws.writeTextMessage(new JsonObject().put("error", "not JSON: " + e.getMessage()).encode());
                    return;
                }
                host.sendAs(id, "ws", new Object[] {value}).onFailure(e ->
                        ws.writeTextMessage(new JsonObject().put("error", e.getMessage()).encode()));
            });
            ws.resume();
        });
    }
}
