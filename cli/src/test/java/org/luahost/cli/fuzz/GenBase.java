package org.luahost.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The state shared by the generator's layers: the seeded random source, the
 * output text, the variables in scope (each with a type hint) and the set of
 * features switched off.
 *
 * <p>Type hints are what the generator intends a variable to hold; they keep
 * most generated code well typed (so programs compute things rather than
 * fail at once) without being guaranteed: a hint can be wrong after an
 * operation that may give nil, and the resulting error is caught by the
 * enclosing {@code pcall} and printed like any other value.
 */
abstract class GenBase {
    /** Type hints of variables and of generated expressions. */
    enum T { INT, FLT, NUM, STR, BOOL, TBL, OBJ, SEQI, SEQS, FUN, ANY }

    /** A variable in scope; {@code ro} for {@code <const>} and {@code <close>} locals and loop variables. */
    record V(String name, T tag, boolean ro) {}

    final SplittableRandom r;
    final Set<String> off;
    final StringBuilder out = new StringBuilder();
    final List<List<V>> scopes = new ArrayList<>();
    int indent;
    int counter;
    /** Whether the innermost function being generated is vararg. */
    boolean vararg;
    /** Loop nesting of the innermost function (break is valid when positive). */
    int loops;
    /** Metatables ("classes") defined so far, usable by setmetatable. */
    final List<Cls> classes = new ArrayList<>();

    /** A metatable defined in the program; {@code tostring} when it has a {@code __tostring} that returns a string. */
    record Cls(String name, boolean tostring) {}

    GenBase(long seed, Set<String> off) {
        this.r = new SplittableRandom(seed);
        this.off = off;
        scopes.add(new ArrayList<>());
    }

    /** Generates text for the body of a nested function that is not vararg. */
    String noVararg(java.util.function.Supplier<String> body) {
        boolean saved = vararg;
        vararg = false;
        try {
            return body.get();
        } finally {
            vararg = saved;
        }
    }

    /** Whether a feature (see {@link ProgramGenerator#FEATURES}) may be used. */
    boolean on(String feature) { return !off.contains(feature); }

    boolean chance(int percent) { return r.nextInt(100) < percent; }

    int between(int lo, int hi) { return lo + r.nextInt(hi - lo + 1); }

    @SafeVarargs
    final <X> X pick(X... xs) { return xs[r.nextInt(xs.length)]; }

    <X> X pick(List<X> xs) { return xs.get(r.nextInt(xs.size())); }

    String fresh(String prefix) { return prefix + (++counter); }

    // ---------------------------------------------------------------- output

    void line(String s) {
        out.append("  ".repeat(indent)).append(s).append('\n');
    }

    void open(String s) {
        line(s);
        indent++;
        scopes.add(new ArrayList<>());
    }

    void close(String s) {
        indent--;
        scopes.remove(scopes.size() - 1);
        line(s);
    }

    /** Ends one block and starts the next at the same level ({@code else}, {@code elseif ... then}). */
    void middle(String s) {
        indent--;
        scopes.remove(scopes.size() - 1);
        line(s);
        indent++;
        scopes.add(new ArrayList<>());
    }

    // ---------------------------------------------------------------- scope

    V declare(String name, T tag, boolean ro) {
        V v = new V(name, tag, ro);
        scopes.get(scopes.size() - 1).add(v);
        return v;
    }

    /** A random visible variable with one of the tags, or null. */
    V var(boolean writable, T... tags) {
        List<V> c = new ArrayList<>();
        for (List<V> s : scopes) {
            for (V v : s) {
                if (writable && v.ro()) continue;
                for (T t : tags) if (v.tag() == t) c.add(v);
            }
        }
        return c.isEmpty() ? null : pick(c);
    }

    int locals() {
        int n = 0;
        for (List<V> s : scopes) n += s.size();
        return n;
    }

    // ---------------------------------------------------------------- Lua literals

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 32 || c > 126) b.append(String.format("\\%03d", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
