package org.luahost.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code luahost kill [--url URL] [--admin-token T] [--reason TEXT] ID...}:
 * kills sessions of a running {@code luahost serve} through its admin route
 * {@code POST /sessions/ID/kill}, even while a turn runs (the turn fails with
 * {@code session killed (reason)}; the session's next message starts it
 * again from its last save). One request per id, in order.
 *
 * <p>Exit status: 0 when every session was killed; 1 when one was not (no
 * such session, refused, the server unreachable: the reason is on stderr);
 * 2 for a usage error.
 */
final class KillCommand {
    private KillCommand() {}

    static final String USAGE = """
            usage: luahost kill [options] ID...
              --url URL           the serve process (default http://127.0.0.1:8080)
              --admin-token FILE|VALUE  its admin token (serve --admin-token; a file: its first line)
              --reason TEXT       shown in the killed turn's error (default "killed by the admin")
              --timeout SECONDS   how long to wait for each session to stop (default 30)
            """;

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = "http://127.0.0.1:8080";
        String token = null;
        String reason = null;
        long timeout = 30;
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--url" -> url = value(args, ++i, a);
                    case "--admin-token" -> token = GatewayFlags.secret(value(args, ++i, a), a);
                    case "--reason" -> reason = value(args, ++i, a);
                    case "--timeout" -> timeout = Long.parseLong(value(args, ++i, a));
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
                        ids.add(a);
                    }
                }
            }
            if (ids.isEmpty()) throw new IllegalArgumentException("no session id given");
            URI.create(url);
        } catch (IllegalArgumentException e) {
            err.print("luahost kill: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int status = 0;
        for (String id : ids) {
            if (!kill(http, url, token, reason, timeout, id, out, err)) status = 1;
        }
        return status;
    }

    private static boolean kill(HttpClient http, String url, String token, String reason, long timeout, String id,
            PrintStream out, PrintStream err) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String target = base + "/sessions/" + encode(id) + "/kill" + (reason == null ? "" : "?reason=" + encode(reason));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(Math.max(1, timeout)))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 204) {
                out.println("killed session '" + id + "'");
                return true;
            }
            err.println("luahost kill: session '" + id + "': " + r.statusCode() + " " + r.body());
        } catch (IOException e) {
            err.println("luahost kill: session '" + id + "': cannot reach " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("luahost kill: interrupted");
        }
        return false;
    }

    /** Percent-encodes s for a path segment or query value (UTF-8; a space as %20). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option '" + option + "' needs a value");
        return args[i];
    }
}
