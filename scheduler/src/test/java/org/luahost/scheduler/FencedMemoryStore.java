package org.luahost.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.luahost.persistence.FencedOffException;
import org.luahost.persistence.SessionStore;
import org.luahost.persistence.StoredSnapshot;

/**
 * A fencing store in memory, shared by the hosts of one JVM (the cluster
 * tests): claims give increasing tokens per session, a save with an older
 * token fails with {@link FencedOffException}, and every stored version
 * records the token that wrote it (the history the tests check).
 */
final class FencedMemoryStore implements SessionStore {
    /** One stored version: its sequence, the fence of its writer (-1: unfenced), the bytes. */
    record Version(long sequence, long fence, byte[] bytes) {}

    private final Map<String, List<Version>> versions = new HashMap<>();
    private final Map<String, Long> claims = new HashMap<>();
    private long seq;
    int fencedOff;

    @Override
    public synchronized CompletionStage<Long> claim(String id) {
        long t = claims.merge(id, 1L, Long::sum);
        return CompletableFuture.completedFuture(t);
    }

    @Override
    public synchronized CompletionStage<Long> save(String id, byte[] bytes, long fence) {
        long newest = claims.getOrDefault(id, 0L);
        if (fence != newest) {
            fencedOff++;
            return CompletableFuture.failedFuture(new FencedOffException(id, fence, newest));
        }
        return CompletableFuture.completedFuture(put(id, bytes, fence));
    }

    @Override
    public synchronized CompletionStage<Long> save(String id, byte[] bytes) {
        return CompletableFuture.completedFuture(put(id, bytes, -1));
    }

    private long put(String id, byte[] bytes, long fence) {
        versions.computeIfAbsent(id, k -> new ArrayList<>()).add(new Version(++seq, fence, bytes.clone()));
        return seq;
    }

    @Override
    public synchronized CompletionStage<Optional<StoredSnapshot>> load(String id) {
        List<Version> v = versions.get(id);
        if (v == null || v.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        Version last = v.get(v.size() - 1);
        return CompletableFuture.completedFuture(Optional.of(new StoredSnapshot(id, last.sequence(), last.bytes(), List.of())));
    }

    @Override
    public synchronized CompletionStage<Void> delete(String id) {
        versions.remove(id);
        return CompletableFuture.completedFuture(null);
    }

    /** Every version of the session, oldest first. */
    synchronized List<Version> versions(String id) { return List.copyOf(versions.getOrDefault(id, List.of())); }

    synchronized long newestClaim(String id) { return claims.getOrDefault(id, 0L); }

    @Override
    public void close() {}
}
