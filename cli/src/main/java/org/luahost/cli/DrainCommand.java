package org.luahost.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code luahost drain [--url URL | --host H --port P] [--admin-token T] [--timeout S]}
 * (also {@code luahost serve --drain ...}): drains a running
 * {@code luahost serve} through its admin route {@code POST /drain}: the node
 * saves and passivates its sessions, releases them in the cluster's
 * directory, leaves the cluster and ends, as on SIGTERM; their next messages
 * activate them on the other nodes. Waits until the node no longer answers.
 *
 * <p>Exit status: 0 once the node is gone; 1 when it refused, could not be
 * reached or was still answering after the timeout; 2 for a usage error.
 */
final class DrainCommand {
    private DrainCommand() {}

    static final String USAGE = """
            usage: luahost drain [options]      (also: luahost serve --drain [options])
              --url URL           the serve process (default http://127.0.0.1:8080)
              --host H, --port P  the same as --url http://H:P
              --admin-token FILE|VALUE  its admin token (serve --admin-token; a file: its first line)
              --timeout SECONDS   how long to wait for the node to end (default 120)
            """;

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null, host = "127.0.0.1", token = null;
        int port = 8080;
        long timeout = 120;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--drain" -> { }
                    case "--url" -> url = value(args, ++i, a);
                    case "--host" -> host = value(args, ++i, a);
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--admin-token" -> token = GatewayFlags.secret(value(args, ++i, a), a);
                    case "--timeout" -> timeout = Long.parseLong(value(args, ++i, a));
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unexpected argument '" + a + "'");
                }
            }
            if (url == null) url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
            if (url.endsWith("/")) url = url.substring(0, url.length() - 1);
            URI.create(url);
        } catch (IllegalArgumentException e) {
            err.print("luahost drain: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/drain")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                err.println("luahost drain: " + url + ": " + r.statusCode() + " " + r.body().strip());
                return 1;
            }
            out.println("draining " + url + " ...");
            long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(1, timeout)).toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(250);
                if (!answers(http, url)) {
                    out.println("drained: " + url + " saved its sessions and left");
                    return 0;
                }
            }
            err.println("luahost drain: " + url + " still answers after " + timeout + " s");
            return 1;
        } catch (IOException e) {
            err.println("luahost drain: cannot reach " + url + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("luahost drain: interrupted");
            return 1;
        }
    }

    /** Whether the node still accepts connections (its /health answers anything). */
    private static boolean answers(HttpClient http, String url) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (ConnectException gone) {
            return false;
        } catch (IOException other) {   // reset or closed while shutting down: ask again
            return true;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option '" + option + "' needs a value");
        return args[i];
    }
}
