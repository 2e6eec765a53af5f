package org.luahost.coroutines;

/**
 * A value that cannot cross the Java/Lua boundary (or be copied), with
 * where it was: {@code what} says the problem ("value nested deeper than
 * 100 levels"), {@code path} the place in the short form of
 * {@link ValuePath} ({@code result[1].items[3]}). The message is
 * {@code what + " at " + path}.
 */
public final class ValueException extends IllegalArgumentException {
    /** Which rule the value broke: nesting depth, size (entries or bytes), or a value that cannot be converted. */
    public enum Kind { DEPTH, SIZE, TYPE }

    private final Kind kind;
    private final String what;
    private final String path;

    public ValueException(String what, String path) { this(Kind.TYPE, what, path); }

    public ValueException(Kind kind, String what, String path) {
        super(path == null || path.isEmpty() ? what : what + " at " + path);
        this.kind = kind;
        this.what = what;
        this.path = path;
    }

    public Kind kind() { return kind; }

    /** The problem, without the place. */
    public String what() { return what; }

    /** Where the value was (short form), or null. */
    public String path() { return path; }
}
