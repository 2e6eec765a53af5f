package org.luahost.vm.spi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaThreadHandle;
import org.luahost.vm.LuaUserdata;
import org.luahost.vm.runtime.Cell;
import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.nodes.Node;

/**
 * The edges of the Lua value graph, defined once: what each kind of Lua
 * object refers to. The collector's marker ({@code Gc}), the scheduler's
 * memory estimate, and the serializer's encoder, path finder and host index
 * all learn an object's contents here, and differ only in what they do with
 * each edge (follow it or not, weigh it, write it, name it).
 *
 * <p>{@link #edges} reports one object's direct edges and returns; it never
 * follows them. A walker keeps its own explicit work stack or queue of
 * objects still to visit, so that however deep the structure (a list of a
 * million nested tables), the Java stack stays flat. Which objects a walker
 * visits, in which order (depth- or breadth-first), and how it remembers what
 * it has seen are its own: the collector marks objects with an epoch, the
 * serializer numbers them, the estimate keeps an identity set.
 *
 * <p>Objects and their edges, in the order reported:
 * <ul>
 * <li>a table ({@link LuaTable}): its array-part slots 1..{@link LuaTable#arraySize()}
 *     (holes included), its hash-part entries in {@link LuaTable#next} order, its metatable;
 * <li>a Lua function: its upvalue cells, by index (empty slots included, as null);
 * <li>a Java function: the Lua values it captured, found by reflection on its
 *     fields (directly, in arrays, or in the lambdas it holds, a few levels deep);
 * <li>an upvalue cell ({@link Upvalue}): its value;
 * <li>a userdata ({@link LuaUserdata}): its metatable, its user value;
 * <li>a coroutine's handle ({@link LuaThreadHandle}): its thread;
 * <li>a thread ({@link LuaThread}, the main thread being its own handle): per frame
 *     from the bottom, the frame's size and its live values (function, locals in
 *     use at the frame's current node, the value of a captured local rather than
 *     its cell, varargs, pending results and tail call),
 *     then the message handlers of its active protected calls, what a coroutine
 *     keeps outside its frames, and the values its debug hook captured.
 * </ul>
 * Strings, numbers, booleans and nil have no edges.
 *
 * <p>Reads live objects: call only on the thread that runs their state, and
 * only where no Lua code is half-way through an expression (a thread's stack
 * is read frame by frame).
 */
public final class ValueGraph {
    private ValueGraph() {}

    /** Reports o's direct edges to {@code to}, in the order listed in the class comment. */
    public static void edges(Object o, Edges to) {
        // an instanceof chain, most frequent first: this is the collector's inner loop
        if (o instanceof LuaTable t) tableEdges(t, to);
        else if (o instanceof LuaClosure c) closureEdges(c, to);
        else if (o instanceof Cell cell) to.cellValue(cell.v);
        else if (o instanceof LuaUserdata u) {
            to.metatable(u.metatable);
            to.userValue(u.userValue);
        } else if (o instanceof LuaThread t) threadEdges(t, to);
        else if (o instanceof LuaThreadHandle h) {
            LuaThread t = h.luaThread();
            if (t != null) to.thread(t);
        } else if (o instanceof LuaFunction f) captures(f, to);
    }

    /** A table's edges: array slots, hash entries, metatable. */
    public static void tableEdges(LuaTable t, Edges to) {
        int n = t.arraySize();
        for (int i = 1; i <= n; i++) to.arraySlot(i, t.rawget(i));
        int cap = t.hashCapacity();
        for (int i = 0; i < cap; i++) {
            Object v = t.hashValueAt(i);
            if (v != null) to.hashEntry(t.hashKeyAt(i), v);
        }
        to.metatable(t.getMetatable());
    }

    private static void closureEdges(LuaClosure c, Edges to) {
        Cell[] ups = c.upvals;
        for (int i = 0; i < ups.length; i++) to.upvalue(i, ups[i]);
    }

    private static void threadEdges(LuaThread t, Edges to) {
        for (int d = 0; d <= t.depth; d++) {
            Frame f = t.frame(d);
            if (f != null) frameEdges(f, to);
        }
        t.forEachHeldValue(v -> value(v, to));
        if (t.hook != null) captures(t.hook, to);
    }

    private static void frameEdges(Frame f, Edges to) {
        Object[] slots = f.slots;
        to.frame(slots == null ? 0 : slots.length);
        value(f.fn, to);
        value(f.closure, to);
        if (slots != null) {
            // only the slots in use at the frame's current node, as the reference marks only the live part of its stack
            int live = f.site instanceof Node n && n.liveSlots >= 0 ? Math.min(n.liveSlots, slots.length) : slots.length;
            for (int i = 0; i < live; i++) {
                Object v = slots[i];
                // a local some closure captured lives in a cell in its slot: its value is what the frame holds
                value(v instanceof Cell c ? c.v : v, to);
            }
        }
        values(f.varargs, to);
        value(f.ret1, to);
        values(f.retN, to);
        value(f.tailFn, to);
        values(f.tailArgs, to);
    }

    private static void value(Object v, Edges to) {
        if (v != null) to.value(v);
    }

    private static void values(Object[] vs, Edges to) {
        if (vs != null) for (Object v : vs) if (v != null) to.value(v);
    }

    // ---------------------------------------------------------------- Java objects' captures

    /**
     * Reports the Lua values a Java object (a Java function, a hook) holds in
     * its fields: directly, in arrays, or in the captured fields of the lambdas
     * and anonymous classes it holds (three levels deep; other Java objects are
     * not walked). A captured upvalue cell reports its value.
     */
    public static void captures(Object javaObject, Edges to) {
        captures(javaObject, to, 0);
    }

    private static void captures(Object o, Edges to, int level) {
        for (Field f : FIELDS.get(o.getClass())) {
            Object v;
            try {
                v = f.get(o);
            } catch (IllegalAccessException e) {
                continue;
            }
            if (v == null) continue;
            if (isObject(v)) to.value(v);
            else if (v instanceof Cell c) value(c.v, to);
            else if (v instanceof Object[] a) {
                for (Object e : a) {
                    if (isObject(e)) to.value(e);
                    else if (e instanceof Cell c) value(c.v, to);
                }
            } else if (level < 3 && isCaptureHolder(v.getClass())) captures(v, to, level + 1);
        }
    }

    /**
     * What a Java object captured, for a walker that visits it often (the collector): the
     * Lua objects, upvalue cells and arrays {@link #captures} would read, found once by
     * reflection, or null when a field on the way is not final (its contents may change, so
     * it must be read at every visit). A cell's or array's contents are read at each visit
     * ({@link #capturedEdges}); the fields themselves, final, cannot change.
     */
    public static Object[] captureMemo(Object javaObject) {
        ArrayList<Object> out = new ArrayList<>();
        return memo(javaObject, out, 0) ? out.toArray() : null;
    }

    private static boolean memo(Object o, List<Object> out, int level) {
        for (Field f : FIELDS.get(o.getClass())) {
            if (!Modifier.isFinal(f.getModifiers())) return false;
            Object v;
            try {
                v = f.get(o);
            } catch (IllegalAccessException e) {
                continue;
            }
            if (v == null) continue;
            if (isObject(v) || v instanceof Cell || v instanceof Object[]) out.add(v);
            else if (level < 3 && isCaptureHolder(v.getClass()) && !memo(v, out, level + 1)) return false;
        }
        return true;
    }

    /** Reports the edges of a {@link #captureMemo}, as {@link #captures} would report them. */
    public static void capturedEdges(Object[] memo, Edges to) {
        for (Object v : memo) {
            if (v instanceof Cell c) value(c.v, to);
            else if (v instanceof Object[] a) {
                for (Object e : a) {
                    if (isObject(e)) to.value(e);
                    else if (e instanceof Cell c) value(c.v, to);
                }
            } else to.value(v);
        }
    }

    /** Whether v is a Lua object with identity (table, function, userdata, thread), as opposed to a plain value. */
    public static boolean isObject(Object v) {
        return v instanceof LuaTable || v instanceof LuaFunction || v instanceof LuaUserdata || v instanceof LuaThreadHandle;
    }

    private static boolean isCaptureHolder(Class<?> c) {
        return c.isHidden() || c.isAnonymousClass() || c.isSynthetic() || c.isLocalClass();
    }

    /** Per class, its instance fields (up to, not including, JavaFunction, LuaFunction and Object) that are readable. */
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class && c != LuaFunction.class && c != JavaFunction.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                    if (f.getType() == String.class || f.getType() == LuaState.class) continue;
                    if (f.trySetAccessible()) out.add(f);
                }
            }
            return out.toArray(new Field[0]);
        }
    };
}
