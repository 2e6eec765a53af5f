package org.luahost.persistence;

import java.time.Instant;

/**
 * What a {@link SessionStore} says about one stored snapshot without reading
 * it: for listings ({@link SessionStore#list}, {@link SessionStore#history}).
 *
 * @param sessionId the session
 * @param sequence  the snapshot's sequence number (1 for the session's first save)
 * @param savedAt   when it was stored
 * @param size      its length in bytes
 * @param kept      how many snapshots of the session the store keeps now (this one included)
 */
public record SnapshotInfo(String sessionId, long sequence, Instant savedAt, long size, int kept) {}
