package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console of a real {@code luahost serve} in Debian's headless
 * Chromium (issue 15): the sessions a script made in the live table, sorted
 * and filtered, a session's globals tree expanded (a cycle shown as a
 * reference), eval as the admin, a failed turn's traceback, a stored
 * session's snapshot, the host charts drawn; screenshots taken on the way
 * into cli/target/console-screenshots, or, with
 * {@code -Dconsole.screenshots=docs/console}, the README's.
 *
 * <p>The browser is driven by {@code src/test/console/drive.mjs} with
 * playwright-core from npm (installed by {@code npm ci} from the committed
 * lock file into {@code target/console-node}; Playwright's own browser
 * download is not used: the system's {@code /usr/bin/chromium} is). Skipped,
 * saying so, when Chromium is not installed ({@code .ci/run} installs it).
 */
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final String SCRIPT = """
            counter = counter or 0
            players = players or {}
            function hit(name)
              counter = counter + 1
              local p = players[name] or {name = name, score = 0}
              p.score = p.score + 1
              p.self = p
              players[name] = p
              return counter
            end
            function on_message(from, cmd)
              error('no such command: ' .. tostring(cmd))
            end
            host.export{hit = hit}
            """;

    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    int request(ServeProcess s, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void clickThroughTheConsole() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium): console browser test skipped");
        Path root = DifferentialTest.repoRoot();
        assumeTrue(root != null, "repository root not found");
        Path node = installPlaywright(root);
        Path script = dir.resolve("game.lua");
        Files.writeString(script, SCRIPT);
        String user = "user-token-123", admin = "admin-token-456";
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script, "--token", user, "--admin-token", admin,
                "--save-interval", "0");
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = null;
        try {
            for (int i = 0; i < 5; i++) assertEquals(200, request(s, "POST", "/sessions/alpha/call/hit", i % 2 == 0 ? "[\"ann\"]" : "[\"bob\"]", user));
            assertEquals(200, request(s, "POST", "/sessions/beta/call/hit", "[\"cy\"]", user));
            assertEquals(202, request(s, "POST", "/sessions/beta/send", "[\"explode\"]", user));
            for (int i = 0; i < 2; i++) assertEquals(200, request(s, "POST", "/sessions/gamma/call/hit", "[\"dee\"]", user));
            assertEquals(204, request(s, "DELETE", "/sessions/gamma", null, admin));   // stopped and saved: a stored session
            load = Thread.ofPlatform().daemon().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        request(s, "POST", "/sessions/delta/call/hit", "[\"p" + (i % 7) + "\"]", user);
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            // the README's screenshots are retaken only on request (-Dconsole.screenshots=docs/console):
            // a test run must not change committed files
            String wanted = System.getProperty("console.screenshots", "");
            Path shots = wanted.isBlank() ? root.resolve("cli/target/console-screenshots") : root.resolve(wanted);
            Files.createDirectories(shots);
            ProcessBuilder pb = new ProcessBuilder("node", node.resolve("drive.mjs").toString())
                    .directory(node.toFile()).redirectErrorStream(true);
            pb.environment().putAll(java.util.Map.of("CONSOLE_URL", "http://127.0.0.1:" + s.port(), "ADMIN_TOKEN", admin,
                    "USER_TOKEN", user, "SHOTS", shots.toString(), "CHROMIUM", CHROMIUM.toString(),
                    "PROFILE", Files.createTempDirectory(dir, "chromium-profile").toString(),
                    "EXPECT_EVAL", "6"));
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            boolean ended = p.waitFor(90, TimeUnit.SECONDS);
            System.out.println(out);
            if (!ended) p.destroyForcibly();
            assertEquals(0, ended ? p.exitValue() : -1, "the console test in Chromium failed:\n" + out + "\nserve's log:\n" + s.stderr());
        } finally {
            stop.set(true);
            if (load != null) load.join(5_000);
            s.process().destroy();
            s.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** playwright-core from the committed lock file, in target/console-node (npm ci once per lock file). */
    static Path installPlaywright(Path root) throws Exception {
        Path src = root.resolve("cli/src/test/console");
        Path to = root.resolve("cli/target/console-node");
        Files.createDirectories(to);
        Files.copy(src.resolve("drive.mjs"), to.resolve("drive.mjs"), StandardCopyOption.REPLACE_EXISTING);
        String lock = Files.readString(src.resolve("package-lock.json"));
        Path stamp = to.resolve("node_modules/.lock-copy");
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(lock)) return to;
        for (String f : List.of("package.json", "package-lock.json")) {
            Files.copy(src.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts").directory(to.toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "npm ci of playwright-core failed:\n" + out);
        Files.writeString(stamp, lock);
        return to;
    }
}
