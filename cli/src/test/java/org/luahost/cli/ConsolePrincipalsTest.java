package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.cli.console.Console;
import org.luahost.persistence.SessionStore;
import org.luahost.scheduler.GatewayAuth;
import org.luahost.scheduler.GatewayOptions;
import org.luahost.scheduler.HostOptions;
import org.luahost.scheduler.LuaHost;
import org.luahost.scheduler.Principal;
import org.luahost.scheduler.Script;

/**
 * The console of an embedder whose {@link GatewayAuth} gives a user token
 * only some sessions (issue 13), in-process (a few seconds):
 * <ul>
 * <li>the session table ({@code GET sessions}), the store's list, and the
 *     event stream show a user only its own sessions (before: every session
 *     of every user, live and stored); a stored session's history and its
 *     export are refused (403; before: anyone could download another user's
 *     snapshot); the admin sees everything;</li>
 * <li>the admin's backup route writes only a new file directly in the
 *     backup folder: absolute paths, {@code ..}, folders, hidden names,
 *     control characters, existing files and symlinks planted in the
 *     folder are refused (400; before: any path the process could write).</li>
 * </ul>
 */
class ConsolePrincipalsTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final GatewayAuth AUTH = r -> {
        String h = r.headers().get("authorization");
        if (h == null) throw new GatewayAuth.Refused(401, "authentication required");
        return switch (h) {
            case "Bearer u" -> new Principal("alice", false, id -> id.startsWith("alice"), f -> true);
            case "Bearer a" -> Principal.of("root", true);
            default -> throw new GatewayAuth.Refused(401, "wrong token");
        };
    };

    HttpResponse<String> send(int port, String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, path.contains("/call/") ? HttpRequest.BodyPublishers.ofString("[]") : HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String ids(JsonArray rows) {
        return rows.stream().map(o -> ((JsonObject) o).getString("id")).sorted().toList().toString();
    }

    @Test
    void aUserSeesOnlyItsSessionsAndBackupsStayInTheirFolder() throws Exception {
        Vertx vertx = Vertx.vertx();
        SessionStore store = SessionStore.sqlite(dir.resolve("data"));
        Path backups = dir.resolve("backups");
        try {
            LuaHost host = LuaHost.create(vertx, new HostOptions().store(store).saveInterval(Duration.ZERO)
                    .defaultScript(Script.of("app.lua", "n = 0 function ping() n = n + 1 return n end host.export{ping = ping}"))
                    .output(new PrintStream(new ByteArrayOutputStream())));
            host.ready().await();
            HttpServer server = Console.start(host, new GatewayOptions().port(0).auth(AUTH), store, backups, null).await();
            int port = server.actualPort();
            assertEquals(200, send(port, "POST", "/sessions/alice1/call/ping", "a").statusCode());
            assertEquals(200, send(port, "POST", "/sessions/bob1/call/ping", "a").statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (new JsonArray(send(port, "GET", "/console/api/store", "a").body()).size() < 2) {
                assertTrue(System.nanoTime() < deadline, "both sessions are saved");
                Thread.sleep(50);
            }

            assertEquals("[alice1, bob1]", ids(new JsonArray(send(port, "GET", "/console/api/sessions", "a").body())));
            assertEquals("[alice1]", ids(new JsonArray(send(port, "GET", "/console/api/sessions", "u").body())));
            assertEquals("[alice1]", ids(new JsonArray(send(port, "GET", "/console/api/store", "u").body())));
            assertEquals(403, send(port, "GET", "/console/api/store/bob1", "u").statusCode());
            assertEquals(403, send(port, "GET", "/console/api/store/bob1/export", "u").statusCode());
            assertEquals(403, send(port, "GET", "/console/api/sessions/bob1", "u").statusCode());
            assertEquals(200, send(port, "GET", "/console/api/store/alice1/export", "u").statusCode());
            assertEquals(200, send(port, "GET", "/console/api/store/bob1/export", "a").statusCode());
            assertEquals("[alice1]", ids(firstEvent(port, "u")));
            assertEquals("[alice1, bob1]", ids(firstEvent(port, "a")));

            // backups: a new plain file name in the backup folder, nothing else
            Path outside = dir.resolve("outside");
            Files.createDirectories(outside);
            Files.createDirectories(backups);
            Files.createSymbolicLink(backups.resolve("planted.db"), outside.resolve("x.db"));   // dangling: SQLite would follow it
            Files.writeString(backups.resolve("old.db"), "keep me");
            for (String bad : new String[] {"", "..", ".", ".hidden", "../escape.db", "%2e%2e%2fescape.db", "sub/x.db",
                    java.net.URLEncoder.encode(outside.resolve("abs.db").toString(), "UTF-8"), "a%0Ab.db", "planted.db", "old.db",
                    "x".repeat(201)}) {
                HttpResponse<String> r = send(port, "POST", "/console/api/store/backup?path=" + bad, "a");
                assertEquals(400, r.statusCode(), bad + ": " + r.body());
            }
            assertEquals(400, send(port, "POST", "/console/api/store/backup", "a").statusCode(), "no name");
            assertEquals(403, send(port, "POST", "/console/api/store/backup?path=u.db", "u").statusCode());
            try (var l = Files.list(outside)) {
                assertEquals(0, l.count(), "nothing was written outside the backup folder");
            }
            assertEquals("keep me", Files.readString(backups.resolve("old.db")));
            HttpResponse<String> ok = send(port, "POST", "/console/api/store/backup?path=good.db", "a");
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(Files.size(backups.resolve("good.db")) > 0);
            assertEquals(400, send(port, "POST", "/console/api/store/backup?path=good.db", "a").statusCode(), "not twice");
            assertFalse(Files.exists(dir.resolve("escape.db")));
        } finally {
            vertx.close().await();
            store.close();
        }
    }

    /** The session rows of the first event of the console's event stream, as token sees it. */
    JsonArray firstEvent(int port, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/api/stream"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<InputStream> s = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data: ")) return new JsonObject(line.substring(6)).getJsonArray("sessions");
            }
        }
        throw new AssertionError("the stream ended without an event");
    }
}
