package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code luahost serve --config FILE} ({@link ServeConfig}): JSON and YAML
 * files become the flags they name, a flag on the command line overrides the
 * file, unknown keys and wrong types are refused naming the key (exit status
 * 2), and the key table matches the flags of serve's usage text. Two real
 * serve processes show the settings take effect.
 */
class ServeConfigTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void jsonFileBecomesFlagsBeforeTheCommandLine() throws Exception {
        Path f = dir.resolve("serve.json");
        Files.writeString(f, """
                {"port": 9000, "cpu-budget": 500, "memory-limit": 32, "interleave": true, "trusted": false,
                 "heap-ceiling": 0.9, "session-rate": "5/10", "token": "user-secret-1", "log-level": "warn"}
                """);
        String[] words = ServeConfig.expand(new String[] {"--config", f.toString(), "--port", "0", "app.lua"});
        assertEquals(List.of("--port", "9000", "--cpu-budget", "500", "--memory-limit", "32", "--interleave",
                "--heap-ceiling", "0.9", "--session-rate", "5/10", "--token", "user-secret-1", "--log-level", "warn",
                "--port", "0", "app.lua"), List.of(words));
    }

    @Test
    void yamlFileByExtensionAndByContent() throws Exception {
        String yaml = """
                # serve options
                port: 9001
                idle: 60
                no-data: true
                max-sessions: 100
                heap-ceiling: 0.75
                session-rate: 4
                host: 127.0.0.1
                """;
        List<String> expected = List.of("--port", "9001", "--idle", "60", "--no-data", "--max-sessions", "100",
                "--heap-ceiling", "0.75", "--session-rate", "4", "--host", "127.0.0.1", "app.lua");
        for (String name : new String[] {"serve.yaml", "serve.yml", "serve.conf"}) {
            Path f = dir.resolve(name);
            Files.writeString(f, yaml);
            assertEquals(expected, List.of(ServeConfig.expand(new String[] {"app.lua", "--config", f.toString()})), name);
        }
        Path json = dir.resolve("serve.conf2");
        Files.writeString(json, "  {\"mailbox\": 10}");
        assertEquals("json", ServeConfig.format(json));
        assertEquals(List.of("--mailbox", "10"), List.of(ServeConfig.expand(new String[] {"--config", json.toString()})));
    }

    /** The README's example files are valid configurations. */
    @Test
    void theReadmeExamplesAreValid() throws Exception {
        Path root = DifferentialTest.repoRoot();
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null, "repository root not found");
        String readme = Files.readString(root.resolve("README.md"));
        int yaml = readme.indexOf("# serve.yaml: luahost");
        int json = readme.indexOf("```json\n{\"port\": 8080, \"cpu");
        assertTrue(yaml > 0 && json > 0, "the README's --config examples");
        Path y = Files.writeString(dir.resolve("readme.yaml"), readme.substring(yaml, readme.indexOf("```", yaml)));
        Path j = Files.writeString(dir.resolve("readme.json"), readme.substring(json + 8, readme.indexOf("```", json + 8)));
        assertEquals(24, ServeConfig.expand(new String[] {"--config", y.toString()}).length);
        assertEquals(List.of("--port", "8080", "--cpu-budget", "200", "--interleave", "--no-data", "--heap-ceiling", "0.8"),
                List.of(ServeConfig.expand(new String[] {"--config", j.toString()})));
    }

    @Test
    void unknownKeysAndWrongTypesAreRefusedNamingTheKey() throws Exception {
        assertRefused("{\"cpu-budgte\": 500}", "unknown key 'cpu-budgte'");
        assertRefused("{\"config\": \"other.json\"}", "unknown key 'config'");
        assertRefused("{\"cpu-budget\": \"500\"}", "key 'cpu-budget' must be a whole number, not the string \"500\"");
        assertRefused("{\"port\": 1.5}", "key 'port' must be a whole number from -2147483648 to 2147483647, not 1.5");
        assertRefused("{\"port\": 99999999999}", "key 'port' must be a whole number from -2147483648 to 2147483647, not 99999999999");
        assertRefused("{\"interleave\": \"yes\"}", "key 'interleave' must be true or false");
        assertRefused("{\"token\": 12345678}", "key 'token' must be a string, not 12345678");
        assertRefused("{\"heap-ceiling\": null}", "key 'heap-ceiling' must be a number, not null");
        assertRefused("{\"data\": {\"dir\": \"x\"}}", "key 'data' must be a string, not an object");
        assertRefused("{\"session-rate\": \"fast\"}", "key 'session-rate' must be a number or a string 'N/BURST'");
        assertRefused("{\"port\": 8080", "not valid JSON");
        Path missing = dir.resolve("none.json");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServeConfig.expand(new String[] {"--config", missing.toString()})).getMessage().contains("cannot read"));
    }

    private void assertRefused(String json, String expected) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), json);
        String m = assertThrows(IllegalArgumentException.class, () -> ServeConfig.expand(new String[] {"--config", f.toString()}),
                json).getMessage();
        assertTrue(m.contains(expected), m);
    }

    /** Every flag of serve -h is a key (of the kind SWITCH exactly when the flag takes no value), and every key a flag. */
    @Test
    void theKeysAreTheFlagsOfTheUsage() {
        Pattern flag = Pattern.compile("(?m)^\\s+--([a-z-]+)(?: ([A-Z][^ ]*))?");
        Matcher m = flag.matcher(ServeCommand.USAGE);
        Set<String> flags = new TreeSet<>();
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("config") || name.equals("help")) continue;
            flags.add(name);
            ServeConfig.Kind kind = ServeConfig.KEYS.get(name);
            assertTrue(kind != null, "no config key for --" + name);
            assertEquals(m.group(2) == null, kind == ServeConfig.Kind.SWITCH, "--" + name + " takes a value: " + m.group(2));
        }
        assertEquals(new TreeSet<>(ServeConfig.KEYS.keySet()), flags);
    }

    @Test
    void aServeProcessUsesTheJsonFileAndTheFlagsOverrideIt() throws Exception {
        Path conf = Files.writeString(dir.resolve("serve.json"), """
                {"token": "user-secret-1", "admin-token": "admin-secret-2", "max-depth": 3, "max-result": 100,
                 "save-interval": 0}
                """);
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script(), "--config", conf.toString(), "--max-result", "100000");
        try {
            checkTokensAndDepth(s);
            // max-result 100 from the file is overridden by the command line's 100000
            HttpResponse<String> r = send(s, "POST", "/sessions/u/call/big", "user-secret-1", "[20]");
            assertEquals(200, r.statusCode(), r.body());
        } finally {
            ServeCommandTest.terminate(s);
        }
    }

    @Test
    void aServeProcessUsesTheYamlFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("serve.yaml"), """
                token: user-secret-1
                admin-token: admin-secret-2
                max-depth: 3
                max-result: 100
                """);
        ServeProcess s = ServeProcess.start(dir, dir.resolve("data"), script(), "--config", conf.toString());
        try {
            checkTokensAndDepth(s);
            assertEquals(413, send(s, "POST", "/sessions/u/call/big", "user-secret-1", "[20]").statusCode());
        } finally {
            ServeCommandTest.terminate(s);
        }
    }

    @Test
    void aServeProcessRefusesABadFileWithStatus2() throws Exception {
        Path conf = Files.writeString(dir.resolve("serve.yml"), "cpu-budget: 500\nmemory-limt: 64\n");
        Process p = ServeProcess.command(script(), "--config", conf.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("unknown key 'memory-limt'"), err);
    }

    private void checkTokensAndDepth(ServeProcess s) throws Exception {
        assertEquals(401, send(s, "POST", "/sessions/u/call/ping", null, "[]").statusCode());
        assertEquals("[\"pong\"]", send(s, "POST", "/sessions/u/call/ping", "user-secret-1", "[]").body());
        assertEquals(403, send(s, "GET", "/sessions", "user-secret-1", null).statusCode());
        assertEquals(200, send(s, "GET", "/sessions", "admin-secret-2", null).statusCode());
        assertEquals(422, send(s, "POST", "/sessions/u/call/ping", "user-secret-1", "[[[[[1]]]]]").statusCode());
    }

    private Path script() throws Exception {
        return Files.writeString(dir.resolve("app.lua"), """
                function ping() return 'pong' end
                function big(n) local t = {} for i = 1, n do t[i] = ('z'):rep(100) end return t end
                host.export{ping = ping, big = big}
                """);
    }

    private HttpResponse<String> send(ServeProcess s, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
