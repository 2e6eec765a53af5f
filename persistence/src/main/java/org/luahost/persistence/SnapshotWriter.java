package org.luahost.persistence;

import java.time.Instant;

/**
 * Which claim wrote one kept snapshot ({@link SessionStore#writers}): for
 * history checkers that verify that no session version was written by an
 * owner that had been fenced off.
 *
 * @param sessionId the session
 * @param sequence  the snapshot's sequence number
 * @param fence     the fencing token its save carried ({@link SessionStore#save(String, byte[], long)}),
 *                  0 for a save without one ({@link SessionStore#save(String, byte[])})
 * @param savedAt   when it was stored
 */
public record SnapshotWriter(String sessionId, long sequence, long fence, Instant savedAt) {}
