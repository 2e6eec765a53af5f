package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.luahost.persistence.TestStates.fresh;
import static org.luahost.persistence.TestStates.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.vm.LuaState;

/**
 * A full disk: the store runs on a 2 MB tmpfs (mounted here, so the test
 * needs root and a {@code mount} that works; it is skipped otherwise). While
 * the disk is full, saves fail and say so; SQLite has rolled the transaction
 * back itself, and once the disk has room again later saves succeed, and no
 * save that failed is found in the store.
 */
class DiskFullTest {
    @TempDir
    Path tmp;
    Path fs;
    boolean mounted;

    @BeforeEach
    void mount() throws Exception {
        fs = tmp.resolve("fs");
        Files.createDirectories(fs);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", fs.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root): " + out);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) new ProcessBuilder("umount", fs.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    private static byte[] snapshotOf(String code) {
        LuaState L = fresh();
        Persister p = Persister.attach(L);
        run(L, code);
        return p.capture().bytes();
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Fills the file system with a filler file; returns it. */
    private Path fill() throws IOException {
        Path filler = fs.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) o.write(block);
        } catch (IOException full) {
            // no space left on device: as intended
        }
        return filler;
    }

    @Test
    void savesFailWhileTheDiskIsFullAndSucceedOnceThereIsRoomAgain() throws Exception {
        Path data = fs.resolve("data");
        byte[] small = snapshotOf("x = 1");
        byte[] big = snapshotOf("x = 2 blob = string.rep('z', 300000)");
        byte[] after = snapshotOf("x = 3 blob = string.rep('y', 300000)");
        try (SessionStore store = SessionStore.sqliteLocked(data, Duration.ZERO)) {
            assertEquals(1L, get(store.save("s", small)));
            Path filler = fill();
            int failed = 0;
            for (int i = 0; i < 5; i++) {
                CompletableFuture<Long> f = store.save("s", big).toCompletableFuture();
                try {
                    get(f);
                } catch (ExecutionException e) {
                    failed++;
                    assertTrue(e.getCause() instanceof PersistenceException, String.valueOf(e.getCause()));
                    assertTrue(e.getCause().getMessage().startsWith("cannot save session 's' to "), e.getCause().getMessage());
                }
            }
            assertTrue(failed > 0, "no save failed on a full disk");
            Files.delete(filler);
            // room again: the store recovers by itself
            long seq = get(store.save("s", after));
            assertTrue(seq >= 2, "sequence " + seq);
            assertArrayEquals(after, get(store.load("s")).orElseThrow().bytes());
            assertEquals(seq + 1, get(store.save("s", small)));
        }
        // reopened: the last good save is there; no failed save slipped in
        try (SessionStore store = SessionStore.sqlite(data)) {
            StoredSnapshot s = get(store.load("s")).orElseThrow();
            assertArrayEquals(small, s.bytes());
        }
    }
}
