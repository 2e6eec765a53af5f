package org.luahost.vm.nodes;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

import org.luahost.vm.runtime.Frame;
import org.luahost.vm.runtime.LuaClosure;
import org.luahost.vm.runtime.Proto;

/**
 * The call sites of the second tier ({@link Jit}): each compiled call is an
 * {@code invokedynamic} whose target binds the Lua functions that site has
 * called. A call of a closure whose prototype the site has seen, and whose body
 * is compiled, runs that prototype's compiled unit directly (the unit is a
 * constant of the site's method handle, so HotSpot sees one exact class and
 * may inline it) instead of going through {@link JitRt}'s shared helpers,
 * {@code LuaFunction.call} and {@code Block.exec}, two megamorphic dispatches
 * whose profiles every call of the program shares.
 *
 * <p>The bound path does what the generic one does, in the same order
 * ({@link LuaClosure#call1} and its siblings with the unit as the body): the
 * same frame, work count, hooks, pins and tail-call loop, so tracebacks,
 * {@code debug.getinfo}, error messages, the depth limit and coroutines cannot
 * tell the two apart. A site starts unbound: its first calls run the generic
 * helper through {@link #miss}, which binds the callee's prototype once its
 * body is compiled; a site that sees a new prototype adds a guard in front of
 * the others (up to {@link #MAX_BOUND}); past that, or after many calls of
 * functions it cannot bind (Java functions, bodies that stay interpreted), the
 * site becomes the generic helper for good. Off with
 * {@code -Dluahost.jit.bind=false} (the units then call {@link JitRt} directly).
 *
 * <p>NOTE: a site is shared by every Lua state that runs the unit's block, and
 * states run on different threads: the counters are racy (benign: they only
 * decide when to stop binding), and relinking is synchronized.
 */
final class JitLink extends MutableCallSite {
    /** Whether compiled calls go through these sites (luahost.jit.bind, on by default). */
    static final boolean BIND = !"false".equals(System.getProperty("luahost.jit.bind"));
    /** Prototypes one site binds at most before it becomes generic. */
    static final int MAX_BOUND = Integer.getInteger("luahost.jit.bindMax", 4);
    /** Misses a site takes before it stops trying to bind (a Java callee counts 10, a Lua one not yet compiled 1). */
    private static final int MISS_LIMIT = 2000;

    private static final boolean DEBUG = Boolean.getBoolean("luahost.jit.debug");
    private static final MethodHandles.Lookup L = MethodHandles.lookup();
    private static final MethodHandle IS_PROTO, MISS;

    static {
        try {
            IS_PROTO = L.findStatic(JitLink.class, "isProto", MethodType.methodType(boolean.class, Proto.class, Object.class));
            MISS = L.findVirtual(JitLink.class, "miss", MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The helper's name: call0..call3, callN, invoke0..invoke3, invokeN. */
    private final String kind;
    private final MethodHandle generic, direct;
    private int bound, misses;
    private boolean done;

    private JitLink(MethodType type, String kind, MethodHandle generic, MethodHandle direct) {
        super(type);
        this.kind = kind;
        this.generic = generic;
        this.direct = direct;
        setTarget(MISS.bindTo(this).asCollector(Object[].class, type.parameterCount()).asType(type));
    }

    /** The bootstrap of a compiled call site: name is JitRt's helper (call1, invokeN, ...), type its signature. */
    static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type) throws ReflectiveOperationException {
        MethodHandle generic = L.findStatic(JitRt.class, name, type);
        MethodHandle direct = L.findStatic(JitLink.class, name, type.insertParameterTypes(0, Unit.class));
        return new JitLink(type, name, generic, direct);
    }

    static boolean isProto(Proto p, Object fv) { return fv instanceof LuaClosure c && c.proto == p; }

    /** An unbound call: binds the callee when it can, then makes the call the generic way. */
    private Object miss(Object[] a) {
        if (!done) {
            Object fv = a[1];
            Unit unit = fv instanceof LuaClosure c && c.proto.body.compiledForm() instanceof Unit u ? u : null;
            if (unit != null) bind(((LuaClosure) fv).proto, unit, (Calls.CallBase) a[a.length - 1]);
            else if ((misses += fv instanceof LuaClosure ? 1 : 10) > MISS_LIMIT) unbind();
        }
        return genericCall(a);
    }

    private synchronized void bind(Proto p, Unit unit, Calls.CallBase site) {
        if (done) return;
        if (bound >= MAX_BOUND) {
            unbind();
            return;
        }
        bound++;
        if (DEBUG) System.err.println("luahost.jit: " + kind + " at line " + site.line() + " binds the function of line " + p.line);
        MethodType t = type();
        MethodHandle test = MethodHandles.insertArguments(IS_PROTO, 0, p);
        test = MethodHandles.dropArguments(test, 1, t.parameterList().subList(2, t.parameterCount()));
        test = MethodHandles.dropArguments(test, 0, Frame.class);
        MethodHandle hit = MethodHandles.insertArguments(direct, 0, unit);
        setTarget(MethodHandles.guardWithTest(test, hit, getTarget()));
    }

    private synchronized void unbind() {
        if (DEBUG) System.err.println("luahost.jit: a " + kind + " site goes generic (" + bound + " bound, " + misses + " misses)");
        done = true;
        setTarget(generic);
    }

    private Object genericCall(Object[] a) {
        Frame f = (Frame) a[0];
        Object fv = a[1];
        Calls.CallBase s = (Calls.CallBase) a[a.length - 1];
        return switch (kind) {
            case "call0" -> JitRt.call0(f, fv, s);
            case "call1" -> JitRt.call1(f, fv, a[2], s);
            case "call2" -> JitRt.call2(f, fv, a[2], a[3], s);
            case "call3" -> JitRt.call3(f, fv, a[2], a[3], a[4], s);
            case "callN" -> JitRt.callN(f, fv, (Object[]) a[2], s);
            case "invoke0" -> JitRt.invoke0(f, fv, s);
            case "invoke1" -> JitRt.invoke1(f, fv, a[2], s);
            case "invoke2" -> JitRt.invoke2(f, fv, a[2], a[3], s);
            case "invoke3" -> JitRt.invoke3(f, fv, a[2], a[3], a[4], s);
            case "invokeN" -> JitRt.invokeN(f, fv, (Object[]) a[2], s);
            default -> throw new IllegalStateException("no call helper " + kind);
        };
    }

    // ---------------------------------------------------------------- bound calls: fv is a closure whose body's compiled form is unit

    static Object call0(Unit unit, Frame f, Object fv, Calls.CallBase s) {
        f.site = s;
        return unit.c0((LuaClosure) fv, f.thread);
    }

    static Object call1(Unit unit, Frame f, Object fv, Object a, Calls.CallBase s) {
        f.site = s;
        return unit.c1((LuaClosure) fv, f.thread, a);
    }

    static Object call2(Unit unit, Frame f, Object fv, Object a, Object b, Calls.CallBase s) {
        f.site = s;
        return unit.c2((LuaClosure) fv, f.thread, a, b);
    }

    static Object call3(Unit unit, Frame f, Object fv, Object a, Object b, Object c, Calls.CallBase s) {
        f.site = s;
        return unit.c3((LuaClosure) fv, f.thread, a, b, c);
    }

    static Object callN(Unit unit, Frame f, Object fv, Object[] args, Calls.CallBase s) {
        f.site = s;
        return unit.cN((LuaClosure) fv, f.thread, args);
    }

    static Object[] invoke0(Unit unit, Frame f, Object fv, Calls.CallBase s) {
        return invokeN(unit, f, fv, org.luahost.vm.LuaFunction.NONE, s);
    }

    static Object[] invoke1(Unit unit, Frame f, Object fv, Object a, Calls.CallBase s) {
        return invokeN(unit, f, fv, new Object[] {a}, s);
    }

    static Object[] invoke2(Unit unit, Frame f, Object fv, Object a, Object b, Calls.CallBase s) {
        return invokeN(unit, f, fv, new Object[] {a, b}, s);
    }

    static Object[] invoke3(Unit unit, Frame f, Object fv, Object a, Object b, Object c, Calls.CallBase s) {
        return invokeN(unit, f, fv, new Object[] {a, b, c}, s);
    }

    static Object[] invokeN(Unit unit, Frame f, Object fv, Object[] args, Calls.CallBase s) {
        f.site = s;
        return unit.iN((LuaClosure) fv, f.thread, args);
    }
}
