package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

    ServeProcess start(Path script, String... options) throws Exception {
        return ServeProcess.start(dir, dir.resolve("data"), script, options);
    }

    HttpResponse<String> post(ServeProcess s, String path, String body) throws Exception {
        return s.post(http, path, body);
    }

    /** SIGTERM, then the exit; returns what the server wrote on stderr. */
    static String terminate(ServeProcess s) throws Exception {
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
                host.export{inc = inc, read = read}
                """);
        // saves put off for a minute: what survives was saved by the shutdown
        ServeProcess s = start(script, "--save-interval", "60000");
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
