package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code luahost serve} in a child JVM: sessions keep their state across a
 * SIGTERM and a restart, and the turns under way when SIGTERM comes finish
 * and are saved.
 */
class ServeCommandTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    /** A running server: its process, its port, and its stderr lines. */
    record Server(Process process, int port, Path err) {}

    Server start(Path script, String... options) throws Exception {
        Path root = DifferentialTest.repoRoot();
        assumeTrue(root != null, "repository root not found");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(root.resolve("bin/jvm.options"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) cmd.add(l);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--port", "0", "--host", "127.0.0.1", "--data", dir.resolve("data").toString()));
        cmd.addAll(List.of(options));
        cmd.add(script.toString());
        Path log = Files.createTempFile(dir, "serve", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile()).start();
        p.getOutputStream().close();
        Pattern serving = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Matcher m = serving.matcher(Files.readString(log));
            if (m.find()) return new Server(p, Integer.parseInt(m.group(1)), log);
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not start: " + Files.readString(log));
    }

    HttpResponse<String> post(Server s, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, then the exit; returns what the server wrote on stderr. */
    static String terminate(Server s) throws Exception {
        s.process().destroy();   // SIGTERM on Linux and macOS
        assertTrue(s.process().waitFor(120, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
        return Files.readString(s.err());
    }

    @Test
    void stateSurvivesSigtermAndRestart() throws Exception {
        Path script = dir.resolve("app.lua");
        Files.writeString(script, """
                count = count or 0
                notes = notes or {}
                function inc() count = count + 1 return count end
                function on_message(from, note)
                  host.sleep(500)   -- a turn still under way when SIGTERM comes
                  notes[#notes + 1] = note
                end
                function read() return count, table.concat(notes, ',') end
                """);
        // saves put off for a minute: what survives was saved by the shutdown
        Server s = start(script, "--save-interval", "60000");
        assertEquals("[1]", post(s, "/sessions/ann/call/inc", "[]").body());
        assertEquals("[2]", post(s, "/sessions/ann/call/inc", "[]").body());
        assertEquals("[1]", post(s, "/sessions/bob/call/inc", "[]").body());
        assertEquals(202, post(s, "/sessions/bob/send", "[\"late\"]").statusCode());
        String err = terminate(s);
        assertTrue(err.contains("luahost: stopped; sessions saved"), err);

        s = start(script);
        assertEquals("[3]", post(s, "/sessions/ann/call/inc", "[]").body());
        assertEquals("[1,\"late\"]", post(s, "/sessions/bob/call/read", "[]").body());
        terminate(s);
    }
}
