package org.luahost.coroutines;

/**
 * Bounds on one conversion or copy of a value graph: how deeply tables
 * (or Java containers) may nest below the root, and how many entries
 * (table fields, list elements) one conversion may make in all. A value
 * beyond them is a {@link ValueException} naming the limit and the path.
 *
 * @param maxDepth   containers below the root (the root table is depth 1)
 * @param maxEntries entries over the whole value
 */
public record ValueLimits(int maxDepth, long maxEntries) {
    /** The default: 1,000 levels (deeper than any JSON parser accepts), 50 million entries. */
    public static final ValueLimits DEFAULT = new ValueLimits(1000, 50_000_000L);

    public ValueLimits {
        if (maxDepth < 1 || maxEntries < 1) throw new IllegalArgumentException("limits must be positive");
    }

    /** The error for a value nested deeper than maxDepth, at. */
    public ValueException tooDeep(ValuePath at) {
        return new ValueException(ValueException.Kind.DEPTH, "value nested deeper than " + maxDepth + " levels", at.text());
    }

    /** The error for a value with more than maxEntries entries, at. */
    public ValueException tooMany(ValuePath at) {
        return new ValueException(ValueException.Kind.SIZE, "value with more than " + maxEntries + " entries", at.text());
    }
}
