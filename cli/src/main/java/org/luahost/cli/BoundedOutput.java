package org.luahost.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * An output stream that never holds up its writers: what they write is queued
 * (up to {@code capacity} bytes) and written to the target by a thread of its
 * own; a write that does not fit whole is dropped, and the writer thread says
 * how many bytes were dropped once it has room again.
 *
 * <p>{@code serve} puts its stdout (where the sessions' {@code print} goes)
 * and stderr (its log, {@code host.log} included) behind one each. Before,
 * they were written on the calling thread: with stdout a pipe nobody read (a
 * full pipe, a stalled log collector), three sessions printing in a loop held
 * their carriers in {@code write} for good and every other session stopped
 * answering; a log line written on an event loop would have held that loop.
 *
 * <p>Thread-safe: any thread may write; {@code flush} does not wait (the
 * writer thread flushes after each batch); {@link #drain} waits, with a bound,
 * for what is queued to be written (at exit).
 */
final class BoundedOutput extends OutputStream {
    private final OutputStream target;
    private final int capacity;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();   // guarded by this
    private int queued;   // guarded by this: bytes in queue
    private long dropped;   // guarded by this: bytes dropped since the last notice
    private boolean writing;   // guarded by this: the writer thread holds a batch

    BoundedOutput(OutputStream target, int capacity, String name) {
        this.target = target;
        this.capacity = capacity;
        Thread.ofPlatform().daemon().name(name).start(this::writeLoop);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (len == 0) return;
        if (len > capacity - queued) {
            dropped += len;
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, off, copy, 0, len);
        queue.add(copy);
        queued += len;
        notifyAll();
    }

    /** Does not wait: the writer thread flushes the target after each batch. */
    @Override
    public void flush() {}

    /** Waits until what was written so far has reached the target, at most bound; whether it did. */
    synchronized boolean drain(Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        try {
            while (!queue.isEmpty() || writing || dropped > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) return false;
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private void writeLoop() {
        while (true) {
            byte[][] batch;
            long lost;
            synchronized (this) {
                writing = false;
                notifyAll();
                while (queue.isEmpty() && dropped == 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = queue.toArray(new byte[0][]);
                queue.clear();
                queued = 0;
                lost = dropped;
                dropped = 0;
                writing = true;
            }
            try {
                for (byte[] b : batch) target.write(b);
                if (lost > 0) {
                    target.write(("luahost: warning: " + lost + " bytes of output dropped (the output did not keep up)\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                target.flush();
            } catch (IOException e) {
                // the output is gone (a closed pipe): what is written to it is lost, as it would be anyway
            }
        }
    }
}
