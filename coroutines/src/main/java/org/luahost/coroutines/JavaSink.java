package org.luahost.coroutines;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.luahost.vm.LuaTable;

/**
 * A {@link LuaWalker.Sink} that builds Java values: arrays become
 * {@code ArrayList}s, objects {@code LinkedHashMap}s in traversal order,
 * other values {@link Values#toJava}; a table met again becomes the same
 * Java object (shared references and cycles are kept).
 *
 * <p>One instance per walk, on the walking thread.
 */
final class JavaSink implements LuaWalker.Sink {
    private final ArrayDeque<Object> open = new ArrayDeque<>();
    private final ArrayDeque<Object> keys = new ArrayDeque<>();
    private final IdentityHashMap<LuaTable, Object> made = new IdentityHashMap<>();
    private Object pendingKey;
    private Object result;

    Object result() { return result; }

    @Override
    public void scalar(Object v, ValuePath at) { add(Values.toJava(v)); }

    @Override
    public void key(Object k, ValuePath at) { pendingKey = Values.toJava(k); }

    @Override
    public void beginArray(LuaTable t, long n, ValuePath at) {
        List<Object> l = new ArrayList<>((int) Math.min(n, 1 << 16));
        made.put(t, l);
        add(l);
        push(l);
    }

    @Override
    public void beginObject(LuaTable t, ValuePath at) {
        Map<Object, Object> m = new LinkedHashMap<>();
        made.put(t, m);
        add(m);
        push(m);
    }

    private void push(Object container) {
        keys.push(pendingKey == null ? NO_KEY : pendingKey);
        open.push(container);
    }

    private static final Object NO_KEY = new Object();

    @Override
    public void end() {
        open.pop();
        keys.pop();
    }

    @Override
    public void again(LuaTable t, boolean isOpen, ValuePath at) { add(made.get(t)); }

    @SuppressWarnings("unchecked")
    private void add(Object v) {
        Object c = open.peek();
        if (c == null) result = v;
        else if (c instanceof List<?> l) ((List<Object>) l).add(v);
        else ((Map<Object, Object>) c).put(pendingKey, v);
    }
}
