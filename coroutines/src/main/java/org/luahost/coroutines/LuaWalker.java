package org.luahost.coroutines;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;

import org.luahost.vm.LuaTable;

/**
 * The one walk of Lua values going out to Java: {@link Values#toJavaDeep},
 * {@link Values#toMap}, {@link Values#toList} and the host's JSON encoder
 * all drive a {@link Sink} with it. Iterative (an explicit stack), bounded
 * by {@link ValueLimits}; errors are {@link ValueException}s naming the path.
 *
 * <p>Shapes: a table whose keys are exactly 1..n (n ≥ 0: an empty table
 * too) is an array, any other an object ({@link Shape#AUTO}); or every table
 * an object ({@link Shape#MAPS}), or every table its sequence
 * {@code t[1..#t]} ({@link Shape#LISTS}). A table met again while it is
 * still open (a cycle) or already done (shared) is handed to
 * {@link Sink#again}, which may refer to what it made (Java) or refuse
 * (JSON).
 *
 * <p>One instance per walk, on the thread that owns the tables.
 */
public final class LuaWalker {
    /** How tables are read; see the class comment. */
    public enum Shape { AUTO, MAPS, LISTS }

    /** What a walk produces. Keys come before the value they name; every begin has its end. */
    public interface Sink {
        /** A value that is not a table (nil, boolean, integer, float, string, function, userdata, thread). */
        void scalar(Object v, ValuePath at);

        /** The key of the next value in the current object (a Lua value: string, number, boolean...). */
        void key(Object k, ValuePath at);

        void beginArray(LuaTable t, long n, ValuePath at);

        void beginObject(LuaTable t, ValuePath at);

        void end();

        /** A table seen before in this walk; open: it is on the current path (a cycle). */
        void again(LuaTable t, boolean open, ValuePath at);
    }

    private final ValueLimits limits;
    private final Shape shape;
    private final IdentityHashMap<LuaTable, Boolean> state = new IdentityHashMap<>();   // TRUE open, FALSE done
    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private final Object[] kv = new Object[2];
    private long entries;

    private static final class Frame {
        final LuaTable t;
        final boolean array;
        final long n;
        final ValuePath path;
        long i;        // arrays: the last index done
        Object key;    // objects: the last key done

        Frame(LuaTable t, boolean array, long n, ValuePath path) {
            this.t = t;
            this.array = array;
            this.n = n;
            this.path = path;
        }
    }

    private boolean expandShared;

    public LuaWalker(ValueLimits limits, Shape shape) {
        this.limits = limits;
        this.shape = shape;
    }

    /**
     * Walks a table met again after it was done (shared, not a cycle) once
     * more instead of calling {@link Sink#again} (for text output such as
     * JSON; the entries limit bounds the work).
     */
    public LuaWalker expandShared() {
        this.expandShared = true;
        return this;
    }

    /** Walks v into sink. */
    public void walk(Object v, ValuePath path, Sink sink) {
        value(v, path, sink);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.array) {
                if (f.i >= f.n) {
                    finish(f, sink);
                    continue;
                }
                f.i++;
                count(f.path);
                value(f.t.rawget(f.i), f.path.child(f.i), sink);
            } else {
                if (!f.t.next(f.key, kv)) {
                    finish(f, sink);
                    continue;
                }
                f.key = kv[0];
                Object x = kv[1];
                count(f.path);
                ValuePath at = f.path.child(f.key);
                sink.key(f.key, at);
                value(x, at, sink);
            }
        }
    }

    private void count(ValuePath at) {
        if (++entries > limits.maxEntries()) throw limits.tooMany(at);
    }

    private void finish(Frame f, LuaWalker.Sink sink) {
        stack.pop();
        state.put(f.t, Boolean.FALSE);
        sink.end();
    }

    private void value(Object v, ValuePath at, Sink sink) {
        if (!(v instanceof LuaTable t)) {
            sink.scalar(v, at);
            return;
        }
        Boolean s = state.get(t);
        if (s != null && (s || !expandShared)) {
            sink.again(t, s, at);
            return;
        }
        if (at.depth() >= limits.maxDepth()) throw limits.tooDeep(at);
        state.put(t, Boolean.TRUE);
        long n = switch (shape) {
            case MAPS -> -1;
            case LISTS -> t.length();
            case AUTO -> sequenceLength(t);
        };
        if (n >= 0) {
            sink.beginArray(t, n, at);
            stack.push(new Frame(t, true, n, at));
        } else {
            sink.beginObject(t, at);
            stack.push(new Frame(t, false, 0, at));
        }
    }

    /** n when the keys of t are exactly 1..n (0 for an empty table), else -1. */
    static long sequenceLength(LuaTable t) {
        long count = 0;
        Object[] e = new Object[2];
        Object k = null;
        while (t.next(k, e)) {
            k = e[0];
            if (!(k instanceof Long)) return -1;
            count++;
        }
        for (long i = 1; i <= count; i++) if (t.rawget(i) == null) return -1;
        return count;
    }
}
