package org.luahost.scheduler.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.luahost.scheduler.CloseReport;

/**
 * {@link HostImpl#close(Duration)}: stops every session within a bound and
 * says which ones it could not save.
 *
 * <ol>
 * <li>Every live session gets a STOP behind the messages in its mailbox
 *     (each finishes them, is saved and stops).</li>
 * <li>At half the bound, the sessions still running are killed
 *     ({@link SessionImpl#killNow}): their running turn fails at its next work
 *     check, their mailbox is failed, and they are saved and stop. From then
 *     on the host's drainers run on platform threads ({@link Drainers#rescue}),
 *     so the STOPs of idle sessions run even when every virtual-thread
 *     carrier is held by a turn stuck in Java code.</li>
 * <li>At {@link #GIVE_UP} of the bound, whatever has not stopped is named in
 *     the report with what it was doing; sessions whose last save failed are
 *     named with the failure. Then the verticles are undeployed (waited for
 *     until the bound).</li>
 * </ol>
 * A stuck session keeps its state's turn, so it is never saved; the others
 * are saved independently of it (each save needs only its own session's turn
 * and the store's thread).
 *
 * <p>Threads: {@link #run} runs on a platform thread of its own and blocks it.
 */
final class Shutdown {
    /** The fraction of the bound after which the sessions not yet stopped are reported. */
    private static final double GIVE_UP = 0.9;

    private final HostImpl host;
    private final long start, boundNanos;

    Shutdown(HostImpl host, Duration bound) {
        this.host = host;
        this.start = System.nanoTime();
        this.boundNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(100), bound.toNanos());
    }

    CloseReport run() {
        List<SessionImpl> all = host.liveSessions();
        for (SessionImpl s : all) {
            try {
                s.deliver(new Envelope.Stop(null));
            } catch (RuntimeException x) {
                host.internalError(s, "close", x);
            }
        }
        if (!awaitStopped(all, boundNanos / 2)) {
            host.drainers.rescue();
            host.lane.open();   // the stops and saves of heavy sessions do not wait their turn in the heavy lane
            for (SessionImpl s : all) {
                if (!s.stoppedFuture.isDone()) s.killNow("the host is closing");
            }
            awaitStopped(all, (long) (boundNanos * GIVE_UP));
        }
        long now = System.nanoTime();
        Map<String, String> notSaved = new TreeMap<>();
        int stopped = 0;
        for (SessionImpl s : all) {
            if (!s.stoppedFuture.isDone()) {
                notSaved.put(s.id, s.stuckReason(now));
            } else if (s.unsavedReason != null) {
                notSaved.put(s.id, s.unsavedReason);
            } else {
                stopped++;
            }
        }
        try {
            host.undeploy().toCompletionStage().toCompletableFuture().get(remaining(boundNanos), TimeUnit.NANOSECONDS);
        } catch (Exception x) {
            host.warn("close: the host's verticles were not undeployed in time: " + x);
        }
        return new CloseReport(stopped, notSaved);
    }

    /** Waits until every session stopped or until offset nanos after the start; whether all stopped. */
    private boolean awaitStopped(List<SessionImpl> all, long offset) {
        List<CompletableFuture<Object[]>> fs = new ArrayList<>(all.size());
        for (SessionImpl s : all) fs.add(s.stoppedFuture);
        try {
            CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).get(remaining(offset), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException x) {
            return false;
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException x) {
            return fs.stream().allMatch(CompletableFuture::isDone);
        }
    }

    private long remaining(long offset) { return Math.max(1, start + offset - System.nanoTime()); }
}
