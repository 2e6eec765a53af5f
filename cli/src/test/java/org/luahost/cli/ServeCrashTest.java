package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety through the gateway: {@code luahost serve} is killed with
 * SIGKILL while clients change sessions over HTTP, each change saved with
 * {@code host.persist()} (which returns once the save is durable) before it
 * is answered. After each kill, serve restarts on the same data directory and
 * every session must hold every change that was answered (and at most the
 * one change per session that was under way at the kill), its state whole,
 * and the store must pass SQLite's integrity check. Background saves are put
 * off for a minute, so what survives was saved by {@code host.persist()}.
 * Runs {@code -Dluahost.serveKills=N} kills (default 5).
 */
class ServeCrashTest {
    @TempDir Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    static final String SCRIPT = """
            count = count or 0
            log = log or {}
            -- add(n) appends the n-th change; the client sends n = count + 1
            function add(n)
              if n ~= count + 1 then error('change ' .. n .. ' after ' .. count) end
              count = n
              log[n] = n * 3
              host.persist()
              return count
            end
            -- count and whether log holds exactly the changes 1..count
            function check()
              local whole = #log == count
              for i = 1, #log do
                if log[i] ~= i * 3 then whole = false end
              end
              return count, whole
            end
            host.export{add = add, check = check}
            """;
    static final int SESSIONS = 6;
    static final Pattern CHECKED = Pattern.compile("\\[(\\d+),(true|false)\\]");

    @Test
    void everyAnsweredPersistSurvivesSigkill() throws Exception {
        int kills = Integer.getInteger("luahost.serveKills", 5);
        SplittableRandom rnd = new SplittableRandom(Long.getLong("luahost.crashSeed", System.nanoTime()));
        Path script = dir.resolve("app.lua");
        Files.writeString(script, SCRIPT);
        Path data = dir.resolve("data");
        long[] acked = new long[SESSIONS];
        for (int k = 0; k <= kills; k++) {
            ServeProcess s = ServeProcess.start(dir, data, script, "--save-interval", "60000");
            try {
                for (int i = 0; i < SESSIONS; i++) {
                    long count = checkSession(s, i);
                    // the change under way at the kill may have been saved before its answer was lost
                    assertTrue(count >= acked[i] && count <= acked[i] + 1, "session s" + i + " restarted with "
                            + count + " changes; " + acked[i] + " were answered before the kill");
                    acked[i] = count;
                }
                assertEquals("ok", integrityCheck(data.resolve("sessions.db")));
                if (k == kills) break;
                changeThenKill(s, acked, rnd.nextInt(200));
            } finally {
                s.process().destroyForcibly();
                s.process().waitFor(30, TimeUnit.SECONDS);
            }
        }
        long total = 0;
        for (long a : acked) total += a;
        assertTrue(total >= (long) kills * SESSIONS, "too few changes were made between the kills: " + total);
    }

    /** The session's change count, after checking that its log is whole. */
    long checkSession(ServeProcess s, int i) throws Exception {
        HttpResponse<String> r = s.post(http, "/sessions/s" + i + "/call/check", "[]");
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = CHECKED.matcher(r.body());
        assertTrue(m.matches(), r.body());
        assertEquals("true", m.group(2), "session s" + i + " restored a state that was never saved: " + r.body());
        return Long.parseLong(m.group(1));
    }

    /**
     * One client thread per session sends changes one after another; once
     * every session has had a change answered, SIGKILL after delayMs more.
     * acked[i] becomes the last change answered for session i.
     */
    void changeThenKill(ServeProcess s, long[] acked, int delayMs) throws Exception {
        AtomicLongArray last = new AtomicLongArray(acked);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            int id = i;
            clients.add(Thread.ofPlatform().start(() -> {
                for (long n = acked[id] + 1;; n++) {
                    HttpResponse<String> r;
                    try {
                        r = s.post(http, "/sessions/s" + id + "/call/add", "[" + n + "]");
                    } catch (IOException | InterruptedException killed) {
                        return;   // the server is gone: this change was not answered
                    } catch (Exception e) {
                        failures.add(e.toString());
                        return;
                    }
                    if (r.statusCode() != 200 || !r.body().equals("[" + n + "]")) {
                        failures.add("s" + id + " add(" + n + "): " + r.statusCode() + " " + r.body());
                        return;
                    }
                    last.set(id, n);
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < SESSIONS; i++) {
            while (last.get(i) == acked[i] && failures.isEmpty() && System.nanoTime() < deadline) Thread.sleep(2);
        }
        Thread.sleep(delayMs);
        s.process().destroyForcibly();   // SIGKILL on Unix
        assertTrue(s.process().waitFor(30, TimeUnit.SECONDS), "the server did not die");
        for (Thread t : clients) t.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(failures.isEmpty(), "a change failed before the kill: " + failures + "\n" + s.stderr());
        for (int i = 0; i < SESSIONS; i++) {
            assertTrue(last.get(i) > acked[i], "session s" + i + " had no change answered before the kill");
            acked[i] = last.get(i);
        }
    }

    /** SQLite's integrity check of the store, read-only while the server has it open. */
    static String integrityCheck(Path db) throws Exception {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) out.append(out.isEmpty() ? "" : "\n").append(rs.getString(1));
            return out.toString();
        }
    }
}
