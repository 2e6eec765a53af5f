package org.luahost.scheduler;

/**
 * Why a call or a session start failed. {@link #kind()} says what happened;
 * for a Lua error the message is the Lua error message and
 * {@link #luaTraceback()} the Lua traceback where it was raised.
 */
public final class SessionException extends RuntimeException {
    public enum Kind {
        /** The Lua code raised an error (including CPU-budget and memory errors). */
        LUA_ERROR,
        /** The called global is not a function. */
        NO_SUCH_FUNCTION,
        /** A value cannot cross between sessions or to JSON. */
        BAD_VALUE,
        /** No session has this id (and the host has no default script). */
        NO_SUCH_SESSION,
        /** The session stopped (or failed to start) before handling the message. */
        STOPPED,
        /** A wait or call took longer than allowed. */
        TIMEOUT,
        /**
         * A limit refused the message or the session: a full mailbox, the
         * host's maximum of live sessions or its heap ceiling, a session's
         * per-turn maximum of new sessions (the gateway answers 503).
         */
        OVERLOADED,
        /** The session's saved state could not be restored (or a save it waited for failed). */
        PERSISTENCE,
        /** A bug or a Java exception in host code. */
        INTERNAL
    }

    private final Kind kind;
    private final transient Object luaValue;
    private final String traceback;

    public SessionException(Kind kind, String message, Object luaValue, String traceback) {
        super(message, null, false, false);
        this.kind = kind;
        this.luaValue = luaValue;
        this.traceback = traceback;
    }

    public SessionException(Kind kind, String message) { this(kind, message, message, null); }

    public Kind kind() { return kind; }

    /** The Lua error value (a copy), or the message when the error did not come from Lua. */
    public Object luaValue() { return luaValue; }

    /** The Lua traceback ("stack traceback:\n\t..."), or null. */
    public String luaTraceback() { return traceback; }
}
