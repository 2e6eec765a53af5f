package org.luahost.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.luahost.scheduler.GatewayAuth;
import org.luahost.scheduler.GatewayOptions;

/**
 * The gateway options of {@code luahost serve} ({@link #USAGE}), read into
 * {@link GatewayOptions}. Rights: without tokens every client is the
 * anonymous admin, which is allowed only on a loopback address unless
 * {@code --no-auth} says otherwise; with {@code --token} a client must send
 * {@code Authorization: Bearer TOKEN} and may then use every session and
 * exported function, and with {@code --admin-token} the admin routes
 * ({@code GET /sessions}, {@code DELETE /sessions/ID}, {@code POST /sessions/ID/kill})
 * need that token.
 * A token is given as a file holding it (first line) or as the value itself.
 */
final class GatewayFlags {
    static final String USAGE = """
              --host ADDR         address to listen on (default 127.0.0.1)
              --token FILE|VALUE  clients must send 'Authorization: Bearer TOKEN' (a file: its first line)
              --admin-token FILE|VALUE  the token of the admin routes (GET /sessions, DELETE /sessions/ID,
                                  POST /sessions/ID/kill: luahost kill)
              --no-auth           allow a non-loopback --host without --token
              --tls-cert PEM      serve HTTPS/WSS with this certificate chain (with --tls-key)
              --tls-key PEM       the private key of --tls-cert
              --tls-client-ca PEM require client certificates signed by this CA (mutual TLS)
              --max-body BYTES    largest request body (default 1048576)
              --body-timeout MS   how long a request body may take (default 10000)
              --call-deadline MS  how long a call or send may wait for its session's answer before 504 (default 10000;
                                  0 none); the call goes on in its session and its late result is dropped
              --header-timeout MS how long a new connection may take to send its first request's headers (default 10000)
              --keep-alive-timeout MS  how long a kept-alive connection may stay idle before its next request (default 60000)
              --max-depth N       deepest JSON nesting in requests and results (default 100)
              --max-result BYTES  largest JSON result or pushed message (default 16777216)
              --max-frame BYTES   largest WebSocket frame from a client (default 65536)
              --ws-pending BYTES  pushed bytes waiting for a slow WebSocket client before it is dropped (default 4194304)
              --ws-pending-total BYTES  pushed bytes waiting for all WebSocket clients together; a push past it
                      drops the client it was going to (default: an eighth of the heap; 0 no bound)
              --session-rate N[/BURST]  new sessions per second per client (default 10/20; 0 no limit)
              --max-connections N open connections at most; more are closed when accepted (default 10000; 0 no limit)
              --max-connections-per-client N  open connections from one address at most (default 1000; 0 no limit)
            """;

    final GatewayOptions options = new GatewayOptions();
    private String token;
    private String adminToken;
    private boolean noAuth;
    private Path cert;
    private Path key;

    /** Takes the option at args[i] if it is one of these; returns the index of its last word, or -1. */
    int parse(String[] args, int i) {
        String a = args[i];
        switch (a) {
            case "--host" -> options.host(value(args, ++i, a));
            case "--token" -> token = secret(value(args, ++i, a), a);
            case "--admin-token" -> adminToken = secret(value(args, ++i, a), a);
            case "--no-auth" -> noAuth = true;
            case "--tls-cert" -> cert = Path.of(value(args, ++i, a));
            case "--tls-key" -> key = Path.of(value(args, ++i, a));
            case "--tls-client-ca" -> options.tlsClientCa(Path.of(value(args, ++i, a)));
            case "--max-body" -> options.maxBody(positive(value(args, ++i, a), a));
            case "--body-timeout" -> options.bodyTimeout(Duration.ofMillis(positive(value(args, ++i, a), a)));
            case "--call-deadline" -> options.callDeadline(Duration.ofMillis(atLeastZero(value(args, ++i, a), a)));
            case "--header-timeout" -> options.headerTimeout(Duration.ofMillis(positive(value(args, ++i, a), a)));
            case "--keep-alive-timeout" -> options.keepAliveTimeout(Duration.ofMillis(positive(value(args, ++i, a), a)));
            case "--max-depth" -> options.maxDepth(positive(value(args, ++i, a), a));
            case "--max-result" -> options.maxResultBytes(positive(value(args, ++i, a), a));
            case "--max-frame" -> options.maxFrame(positive(value(args, ++i, a), a));
            case "--ws-pending" -> options.maxPending(positive(value(args, ++i, a), a));
            case "--ws-pending-total" -> options.maxPendingTotal(Long.parseLong(value(args, ++i, a)));
            case "--max-connections" -> options.maxConnections(atLeastZero(value(args, ++i, a), a));
            case "--max-connections-per-client" -> options.maxConnectionsPerClient(atLeastZero(value(args, ++i, a), a));
            case "--session-rate" -> {
                String[] v = value(args, ++i, a).split("/", 2);
                double rate = Double.parseDouble(v[0]);
                options.sessionRate(rate, v.length > 1 ? positive(v[1], a) : (int) Math.max(1, Math.ceil(rate * 2)));
            }
            default -> { return -1; }
        }
        return i;
    }

    /** Checks the combination and sets the auth hook and TLS; throws IllegalArgumentException with the reason. */
    void finish() {
        if ((cert == null) != (key == null)) throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        if (cert != null) options.tls(cert, key);
        if (token == null && adminToken != null) throw new IllegalArgumentException("--admin-token needs --token");
        if (token != null) options.auth(GatewayAuth.bearer(token, adminToken));
        if (token == null && !noAuth && !loopback(options.host())) {
            throw new IllegalArgumentException("--host " + options.host() + " is reachable from other machines: give --token (or --no-auth)");
        }
    }

    String describe() {
        return (options.tls() ? "https://" : "http://") + options.host();
    }

    String auth() {
        return token == null ? "no authentication" : "bearer token" + (adminToken == null ? "" : ", admin token");
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A token: the first line of the file value names, or value itself. */
    static String secret(String value, String option) {
        Path p = Path.of(value);
        String t = value;
        if (Files.isRegularFile(p)) {
            try {
                t = Files.readAllLines(p).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + option + " file " + value + ": " + e.getMessage());
            }
        }
        if (t.length() < 8) throw new IllegalArgumentException(option + ": a token needs at least 8 characters");
        return t;
    }

    private static int atLeastZero(String v, String option) {
        int n = Integer.parseInt(v.strip());
        if (n < 0) throw new IllegalArgumentException("option '" + option + "' needs a number of 0 or more");
        return n;
    }

    private static int positive(String v, String option) {
        int n = Integer.parseInt(v.strip());
        if (n <= 0) throw new IllegalArgumentException("option '" + option + "' needs a positive number");
        return n;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException("option '" + option + "' needs a value");
        return args[i];
    }
}
