package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway of a real {@code luahost serve} process, through
 * java.net.http: token authentication and admin rights, export-only calls,
 * UTF-8 through a save and a restart, a deep result, a big result while
 * 100 other sessions answer pings, and the refusal to listen on every
 * interface without a token.
 */
class GatewayServeTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    static final String SCRIPT = """
            names = names or {}
            function put(k, v) names[k] = v return #v end
            function get(k) return names[k] end
            function ping() return 'pong' end
            function deep(n) local t = {} local r = t for i = 1, n do t[1] = {} t = t[1] end return r end
            function big(n) local t = {} for i = 1, n do t[i] = ('z'):rep(100) end return t end
            function secret() return 'hidden' end
            host.export{put = put, get = get, ping = ping, deep = deep, big = big}
            """;

    HttpResponse<String> send(ServeProcess s, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    Path script() throws Exception {
        Path p = dir.resolve("app.lua");
        Files.writeString(p, SCRIPT);
        return p;
    }

    @Test
    void tokensExportsAndUnicodeAcrossARestart() throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "user-secret-1\n");
        Path script = script();
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", tokenFile.toString(),
                "--admin-token", "admin-secret-2", "--save-interval", "0");
        try {
            HttpResponse<String> r = send(s, "POST", "/sessions/u/call/ping", null, "[]");
            assertEquals(401, r.statusCode());
            assertTrue(r.body().contains("\"error\""), r.body());
            assertEquals(401, send(s, "POST", "/sessions/u/call/ping", "user-secret-X", "[]").statusCode());
            assertEquals("[\"pong\"]", send(s, "POST", "/sessions/u/call/ping", "user-secret-1", "[]").body());
            assertEquals(403, send(s, "GET", "/sessions", "user-secret-1", null).statusCode());
            assertEquals(200, send(s, "GET", "/sessions", "admin-secret-2", null).statusCode());
            for (String f : new String[] {"secret", "on_message", "load", "os"}) {
                assertEquals(404, send(s, "POST", "/sessions/u/call/" + f, "user-secret-1", "[]").statusCode(), f);
            }
            assertEquals("[4]", send(s, "POST", "/sessions/u/call/put", "user-secret-1", "[\"a\", \"Zoë\"]").body());
            assertEquals("[6]", send(s, "POST", "/sessions/u/call/put", "user-secret-1", "[\"b\", \"张伟\"]").body());
            // a byte that is not UTF-8 travels as its escape, both ways
            assertEquals("[1]", send(s, "POST", "/sessions/u/call/put", "user-secret-1", "[\"c\", \"\\udcff\"]").body());
        } finally {
            assertTrue(ServeCommandTest.terminate(s).contains("sessions saved"));
        }
        s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", "user-secret-1");
        try {
            assertEquals("[\"Zoë\"]", send(s, "POST", "/sessions/u/call/get", "user-secret-1", "[\"a\"]").body());
            assertEquals("[\"张伟\"]", send(s, "POST", "/sessions/u/call/get", "user-secret-1", "[\"b\"]").body());
            assertEquals("[\"\\udcff\"]", send(s, "POST", "/sessions/u/call/get", "user-secret-1", "[\"c\"]").body());
            // no admin token given this time: the admin routes are closed to the user token
            assertEquals(403, send(s, "DELETE", "/sessions/u", "user-secret-1", null).statusCode());
        } finally {
            ServeCommandTest.terminate(s);
        }
    }

    @Test
    void deepAndBigResultsWhileOthersAnswer() throws Exception {
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script(), "--max-result", "30000000", "--cpu-budget", "20000",
                "--session-rate", "1000/200");
        try {
            HttpResponse<String> r = send(s, "POST", "/sessions/d/call/deep", null, "[5000]");
            assertTrue(r.statusCode() == 422 || r.statusCode() == 500, r.statusCode() + " " + r.body());
            assertTrue(r.body().contains("nested deeper than"), r.body());
            r = send(s, "POST", "/sessions/d/call/deep", null, "[150]");
            assertEquals(422, r.statusCode());
            assertTrue(r.body().contains("value nested deeper than 100 levels at result[1][1][1]"), r.body());
            for (int i = 0; i < 100; i++) assertEquals("[\"pong\"]", send(s, "POST", "/sessions/p" + i + "/call/ping", null, "[]").body());
            // a 20 MB result is encoded off the event loop: the 100 sessions keep answering meanwhile
            CompletableFuture<HttpResponse<String>> bigOne = http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.port() + "/sessions/big/call/big")).timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString("[200000]")).build(), HttpResponse.BodyHandlers.ofString());
            List<CompletableFuture<HttpResponse<String>>> pings = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 100; i++) {
                    pings.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/sessions/p" + i + "/call/ping"))
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
            }
            for (CompletableFuture<HttpResponse<String>> p : pings) assertEquals("[\"pong\"]", p.get(60, TimeUnit.SECONDS).body());
            HttpResponse<String> big = bigOne.get(120, TimeUnit.SECONDS);
            assertEquals(200, big.statusCode(), big.body());
            assertTrue(big.body().length() > 20_000_000, "length " + big.body().length());
            r = send(s, "POST", "/sessions/big/call/big", null, "[400000]");   // 40 MB: over the limit
            assertEquals(413, r.statusCode());
            assertTrue(r.body().contains("result size limit"), r.body());
        } finally {
            ServeCommandTest.terminate(s);
        }
    }

    /** Runs openssl in dir; false if it is not there (the TLS test is then skipped). */
    boolean openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void tlsWithClientCertificates() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(openssl("version"), "openssl not found");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=test-ca");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.crt", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=client");
        openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "client.crt", "-days", "2");
        openssl("pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-out", "client.p12", "-passout", "pass:secret");
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script(), "--tls-cert", dir.resolve("server.crt").toString(),
                "--tls-key", dir.resolve("server.key").toString(), "--tls-client-ca", dir.resolve("ca.crt").toString(),
                "--token", "tls-token-123");
        try {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (var in = Files.newInputStream(dir.resolve("server.crt"))) {
                trust.setCertificateEntry("server", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            java.security.KeyStore mine = java.security.KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(dir.resolve("client.p12"))) {
                mine.load(in, "secret".toCharArray());
            }
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(mine, "secret".toCharArray());
            javax.net.ssl.SSLContext withCert = javax.net.ssl.SSLContext.getInstance("TLS");
            withCert.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            javax.net.ssl.SSLContext noCert = javax.net.ssl.SSLContext.getInstance("TLS");
            noCert.init(null, tmf.getTrustManagers(), null);
            HttpRequest ping = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + s.port() + "/sessions/t/call/ping"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer tls-token-123")
                    .POST(HttpRequest.BodyPublishers.ofString("[]")).build();
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(withCert).build().send(ping, HttpResponse.BodyHandlers.ofString());
            assertEquals("[\"pong\"]", r.body());
            boolean refused;
            try {
                HttpClient.newBuilder().sslContext(noCert).build().send(ping, HttpResponse.BodyHandlers.ofString());
                refused = false;
            } catch (java.io.IOException e) {
                refused = true;
            }
            assertTrue(refused, "a client without a certificate is refused");
        } finally {
            ServeCommandTest.terminate(s);
        }
    }

    @Test
    void everyInterfaceNeedsAToken() throws Exception {
        Process p = ServeProcess.command(script(), "--host", "0.0.0.0", "--port", "0", "--no-data").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("--host 0.0.0.0 is reachable from other machines: give --token (or --no-auth)"), out);
    }
}
