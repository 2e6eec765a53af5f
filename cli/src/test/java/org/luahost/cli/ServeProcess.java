package org.luahost.cli;

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

/**
 * A {@code luahost serve} child JVM for tests: started with the options of
 * {@code bin/jvm.options}, then those of {@code bin/serve.options} (serve's
 * collector, as {@code ./luahost serve} adds them), and this test's class
 * path, on a free port of 127.0.0.1, with its stderr in a file.
 */
record ServeProcess(Process process, int port, Path err) {
    private static final Pattern SERVING = Pattern.compile("serving .* on https?://127\\.0\\.0\\.1:(\\d+)");

    /** Starts serve with the data directory data; returns once it serves (at most 60 s). */
    static ServeProcess start(Path work, Path data, Path script, String... options) throws Exception {
        List<String> opts = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--data", data.toString()));
        opts.addAll(List.of(options));
        ProcessBuilder pb = command(script, opts.toArray(String[]::new));
        Path log = Files.createTempFile(work, "serve", ".err");
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        p.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) return new ServeProcess(p, Integer.parseInt(m.group(1)), log);
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not start: " + Files.readString(log));
    }

    /**
     * The command line of {@code luahost serve options... script} in a child JVM (bin/jvm.options, then
     * bin/serve.options, this class path).
     */
    static ProcessBuilder command(Path script, String... options) throws Exception {
        Path root = DifferentialTest.repoRoot();
        assumeTrue(root != null, "repository root not found");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String file : List.of("bin/jvm.options", "bin/serve.options")) {
            if (!Files.isRegularFile(root.resolve(file))) continue;
            for (String line : Files.readAllLines(root.resolve(file))) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) cmd.add(l);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        cmd.addAll(List.of(options));
        cmd.add(script.toString());
        return new ProcessBuilder(cmd);
    }

    HttpResponse<String> post(HttpClient http, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the server wrote on stderr so far. */
    String stderr() throws Exception {
        return Files.readString(err);
    }
}
