package org.luahost.persistence;

import java.util.List;

/**
 * A snapshot read back from a {@link SessionStore}: the newest one of the
 * session whose checksum is good.
 *
 * @param sessionId the session
 * @param sequence  its sequence number (1 for the session's first save, then increasing)
 * @param bytes     the snapshot, for {@link Persister#restore}
 * @param warnings  newer snapshots that were passed over, and why
 *                  ({@code snapshot 7 of session 'x' is corrupt (checksum mismatch); using snapshot 6})
 */
public record StoredSnapshot(String sessionId, long sequence, byte[] bytes, List<String> warnings) {}
