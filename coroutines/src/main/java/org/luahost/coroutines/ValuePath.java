package org.luahost.coroutines;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value is inside a value graph, for error messages: a chain of
 * keys from a named root, kept as parent links (O(1) per step; the text is
 * built only when an error needs it, in O(depth)). Short form: a root and
 * at most 8 steps; a longer path shows its first 5 and last 2 steps around
 * "..." and its depth, e.g. {@code result[1][1][1][1][1]...[1][1] (depth 1001)}.
 * String keys that are names print as {@code .name}, others as {@code ["key"]},
 * numbers as {@code [n]}.
 */
public final class ValuePath {
    private final ValuePath parent;
    private final Object key;   // the root's name (a Java String) at the root
    private final int depth;

    private ValuePath(ValuePath parent, Object key, int depth) {
        this.parent = parent;
        this.key = key;
        this.depth = depth;
    }

    /** A root, named as the error should name it ("argument 1", "result"). */
    public static ValuePath root(String name) { return new ValuePath(null, name, 0); }

    /** The step into key (a Lua or Java key; strings are taken as Java text). */
    public ValuePath child(Object key) { return new ValuePath(this, key, depth + 1); }

    /** Steps from the root. */
    public int depth() { return depth; }

    /** The short form (see the class comment). */
    public String text() {
        List<Object> keys = new ArrayList<>();
        ValuePath p = this;
        while (p.parent != null) {
            keys.add(p.key);
            p = p.parent;
        }
        java.util.Collections.reverse(keys);
        StringBuilder b = new StringBuilder(String.valueOf(p.key));
        int n = keys.size();
        for (int i = 0; i < n; i++) {
            if (n > 8 && i == 5) {
                b.append("...");
                i = n - 2;
                int at = b.length();
                step(b, keys.get(i));
                if (b.charAt(at) == '.') b.deleteCharAt(at);   // "...next", not "....next"
                continue;
            }
            step(b, keys.get(i));
        }
        if (n > 8) b.append(" (depth ").append(n).append(')');
        return b.toString();
    }

    private static void step(StringBuilder b, Object k) {
        if (k instanceof String s) {
            String t = Utf8Text.javaText(s);
            if (!t.isEmpty() && t.length() <= 40 && t.matches("[A-Za-z_][A-Za-z0-9_]*")) b.append('.').append(t);
            else b.append("[\"").append(t.length() > 40 ? t.substring(0, 37) + "..." : t).append("\"]");
        } else if (k instanceof Number || k instanceof Boolean) {
            b.append('[').append(k).append(']');
        } else {
            b.append('[').append(k == null ? "nil" : k.getClass().getSimpleName()).append(']');
        }
    }
}
