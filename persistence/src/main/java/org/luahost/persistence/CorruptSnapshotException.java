package org.luahost.persistence;

/** Snapshot bytes are not a valid snapshot: wrong magic or version, a checksum mismatch, truncated or malformed. */
public final class CorruptSnapshotException extends PersistenceException {
    public CorruptSnapshotException(String message) { super(message); }

    public CorruptSnapshotException(String message, Throwable cause) { super(message, cause); }
}
