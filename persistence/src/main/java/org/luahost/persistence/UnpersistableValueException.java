package org.luahost.persistence;

/**
 * The state holds a value that cannot be saved (a coroutine, a Java object
 * without a registered codec, a Java function the host did not provide at
 * start): {@code cannot persist a thread at _G.players[3].co}. The path is a
 * shortest way from a global (or a field of a standard library table) to the
 * value.
 */
public final class UnpersistableValueException extends PersistenceException {
    private final String what;
    private final String path;

    public UnpersistableValueException(String what, String path) {
        super("cannot persist " + what + " at " + path);
        this.what = what;
        this.path = path;
    }

    /** What the value is, e.g. {@code a thread}. */
    public String what() { return what; }

    /** Where it sits, e.g. {@code _G.players[3].co}. */
    public String path() { return path; }
}
