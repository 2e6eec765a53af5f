package org.luahost.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.persistence.PersistenceException;

/** One owner per data folder: a second owner is refused with a message naming the folder and the holder. */
class DataFolderLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondOwnerInThisProcessIsRefused() {
        try (SqliteSessionStore a = SqliteSessionStore.openLocked(dir, 3, Duration.ZERO)) {
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> SqliteSessionStore.openLocked(dir, 3, Duration.ofMillis(200)));
            assertEquals("the data folder " + dir + " is in use by this process (pid " + ProcessHandle.current().pid()
                    + ") (waited 200 ms); one luahost process at a time may use a data folder", e.getMessage());
            // a store opened without the lock (a reader beside the owner) is still allowed
            SqliteSessionStore.open(dir, 3).close();
        }
        // released at close: the next owner gets it at once
        SqliteSessionStore.openLocked(dir, 3, Duration.ZERO).close();
    }

    @Test
    void aWaitingOwnerGetsTheFolderWhenItIsReleased() throws Exception {
        SqliteSessionStore a = SqliteSessionStore.openLocked(dir, 3, Duration.ZERO);
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                // close now
            }
            a.close();
        });
        long t0 = System.nanoTime();
        SqliteSessionStore.openLocked(dir, 3, Duration.ofSeconds(60)).close();
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60));
    }

    @Test
    void anotherProcessIsNamedByItsPid() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", LockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("LOCKED", r.readLine());
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> SqliteSessionStore.openLocked(dir, 3, Duration.ZERO));
            assertEquals("the data folder " + dir + " is in use by another luahost process (pid " + child.pid()
                    + "); one luahost process at a time may use a data folder", e.getMessage());
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        // the child ended: its OS lock went with it
        SqliteSessionStore.openLocked(dir, 3, Duration.ZERO).close();
    }
}
