package org.luahost.persistence.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.luahost.persistence.PersistenceException;

/**
 * One owner per data folder: an exclusive lock on {@code DIR/lock}
 * ({@link FileChannel#tryLock}, an OS lock that ends with the process, so a
 * crash never leaves a stale lock), held for the life of the store. The file
 * holds the owner's pid, which a refused second owner names in its message.
 * The file itself is never deleted (deleting it would let two processes lock
 * two different files).
 *
 * <p>Within one JVM the OS lock cannot tell two owners apart (and closing a
 * second channel on the file would release the first's lock), so this class
 * also keeps the set of folders this JVM holds and never opens a channel on
 * one of them.
 *
 * <p>Threads: {@link #acquire} may be called from any thread; {@link #close}
 * once, by the owner.
 */
public final class DataFolderLock implements AutoCloseable {
    /** Name of the lock file in the data folder. */
    public static final String FILE = "lock";
    private static final Set<Path> HELD = new HashSet<>();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder's lock (creating the folder if needed), trying again
     * every 50 ms while another owner holds it, for at most {@code wait}
     * (zero: one try).
     *
     * @throws PersistenceException if the lock is still held when the wait is over
     *         ({@code the data folder X is in use by another luahost process (pid N)}),
     *         or the lock file cannot be written
     */
    public static DataFolderLock acquire(Path dir, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Path folder;
        try {
            Files.createDirectories(dir);
            folder = dir.toRealPath();
        } catch (IOException e) {
            throw new PersistenceException("cannot use the data folder " + dir + ": " + e.getMessage(), e);
        }
        while (true) {
            DataFolderLock l = tryAcquire(folder);
            if (l != null) return l;
            if (System.nanoTime() - deadline >= 0) {
                throw new PersistenceException("the data folder " + dir + " is in use by " + holder(folder)
                        + (wait.isZero() ? "" : " (waited " + wait.toMillis() + " ms)")
                        + "; one luahost process at a time may use a data folder");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PersistenceException("interrupted while waiting for the lock of the data folder " + dir, e);
            }
        }
    }

    private static DataFolderLock tryAcquire(Path folder) {
        synchronized (HELD) {
            if (HELD.contains(folder)) return null;
            FileChannel ch = null;
            try {
                ch = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    ch.close();
                    return null;
                }
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
                ch.force(false);
                HELD.add(folder);
                return new DataFolderLock(folder, ch, lock);
            } catch (OverlappingFileLockException e) {
                closeQuietly(ch);
                return null;
            } catch (IOException e) {
                closeQuietly(ch);
                throw new PersistenceException("cannot lock the data folder " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    /** Who holds the folder, for the message: "another luahost process (pid N)" or "this process". */
    private static String holder(Path folder) {
        synchronized (HELD) {
            if (HELD.contains(folder)) return "this process (pid " + ProcessHandle.current().pid() + ")";
        }
        try {
            String pid = Files.readString(folder.resolve(FILE), StandardCharsets.US_ASCII).strip();
            if (pid.matches("\\d{1,19}")) return "another luahost process (pid " + pid + ")";
        } catch (IOException e) {
            // the pid is not known; the lock itself is what matters
        }
        return "another luahost process";
    }

    /** The folder this lock owns (its real path). */
    public Path folder() { return folder; }

    /** Releases the lock (the file stays). */
    @Override
    public void close() {
        synchronized (HELD) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            closeQuietly(channel);
            HELD.remove(folder);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
