package org.luahost.persistence;

/**
 * A snapshot holds more Lua data than the restoring state's memory limit
 * leaves room for ({@link Persister#restore(byte[], boolean)}). The restore
 * counts what it builds as it builds it (by the collector's model: the sizes
 * a mark of the restored values would count) and stops before the value that
 * would pass the limit is made; the state is unchanged and the snapshot is
 * not corrupt: restored under a higher limit it comes back whole.
 */
public final class RestoreMemoryException extends PersistenceException {
    private final long limit;
    private final long needed;

    public RestoreMemoryException(String message, long limit, long needed) {
        super(message);
        this.limit = limit;
        this.needed = needed;
    }

    /** The state's memory limit in bytes. */
    public long limit() { return limit; }

    /** The bytes the state would have held with the restored values read so far (a lower bound of what the whole snapshot needs). */
    public long needed() { return needed; }
}
