package org.luahost.persistence.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Child process of {@link DataFolderLockTest}: owns a data folder's store,
 * prints {@code LOCKED}, and holds it until its stdin closes.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (SqliteSessionStore store = SqliteSessionStore.openLocked(Path.of(args[0]), 3, Duration.ZERO)) {
            System.out.println("LOCKED");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
