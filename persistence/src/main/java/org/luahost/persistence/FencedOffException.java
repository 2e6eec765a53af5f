package org.luahost.persistence;

/**
 * A save refused because its fencing token is no longer the newest claim of
 * the session: another owner claimed it since (see
 * {@link SessionStore#claim(String)}). The snapshot was not stored; the owner
 * that gets this must drop its activation of the session.
 */
public final class FencedOffException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    private final String sessionId;
    private final long fence;
    private final long newest;

    public FencedOffException(String sessionId, long fence, long newest) {
        super("session '" + sessionId + "' was claimed by another owner (fencing token " + fence
                + " is older than " + newest + "); the snapshot was not stored");
        this.sessionId = sessionId;
        this.fence = fence;
        this.newest = newest;
    }

    /** The session whose save was refused. */
    public String sessionId() { return sessionId; }

    /** The token the refused save carried. */
    public long fence() { return fence; }

    /** The newest token claimed for the session when the save was refused. */
    public long newest() { return newest; }
}
