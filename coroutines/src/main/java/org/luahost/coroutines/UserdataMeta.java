package org.luahost.coroutines;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;

/**
 * Builds the metatable of a {@link UserdataType} for one state: the methods'
 * Java functions, {@code __index} (the methods table when the type has only
 * methods, else a function that tries methods, properties, then the
 * fallback), {@code __newindex} (when the type has properties or a
 * fallback), {@code __tostring} and the operators.
 *
 * <p>Used on the thread that registers the type; the metatable's functions
 * run on the state's Lua threads.
 */
final class UserdataMeta {
    private UserdataMeta() {}

    static <T> LuaTable build(UserdataType<T> t) {
        LuaTable mt = new LuaTable();
        LuaTable methods = new LuaTable();
        mt.rawset("__name", LuaString.fromJava(t.name));
        for (Map.Entry<String, UserdataType.Method<T>> e : t.methods.entrySet()) {
            methods.rawset(LuaString.fromJava(e.getKey()), method(t, e.getKey(), e.getValue()));
        }
        if (t.properties.isEmpty() && t.index == null) {
            mt.rawset("__index", methods);
        } else {
            mt.rawset("__index", JavaFunction.of("__index", (th, a) -> JavaFunction.ret(index(t, methods, th, a))));
        }
        if (!t.properties.isEmpty() || t.newindex != null) {
            mt.rawset("__newindex", JavaFunction.of("__newindex", (th, a) -> {
                newindex(t, th, a);
                return LuaFunction.NONE;
            }));
        }
        if (t.toString != null) {
            mt.rawset("__tostring", JavaFunction.of("__tostring", (th, a) -> {
                T self = t.check(th, a, 1);
                return JavaFunction.ret(LuaString.fromJava(t.toString.apply(self)));
            }));
        }
        for (Map.Entry<UserdataType.Op, UserdataType.Operator> e : t.operators.entrySet()) {
            UserdataType.Op op = e.getKey();
            UserdataType.Operator body = e.getValue();
            mt.rawset(op.event, JavaFunction.of(op.event, (th, a) -> {
                Object r = run(th, () -> body.apply(th, arg(a, 0), arg(a, 1)));
                return JavaFunction.ret(Values.toLua(th.state, r));
            }));
        }
        return mt;
    }

    private static <T> Object index(UserdataType<T> t, LuaTable methods, LuaThread th, Object[] a) {
        T self = t.check(th, a, 1);
        Object key = arg(a, 1);
        Object m = key == null ? null : methods.rawget(key);
        if (m != null) return m;
        UserdataType.Property<T> p = key instanceof String s ? t.properties.get(LuaString.toJava(s)) : null;
        if (p != null) return Values.toLua(th.state, run(th, () -> p.getter().get(self)));
        if (t.index != null) return Values.toLua(th.state, run(th, () -> t.index.get(th, self, key)));
        return null;
    }

    private static <T> void newindex(UserdataType<T> t, LuaThread th, Object[] a) {
        T self = t.check(th, a, 1);
        Object key = arg(a, 1);
        Object value = arg(a, 2);
        String field = key instanceof String s ? LuaString.toJava(s) : null;
        UserdataType.Property<T> p = field == null ? null : t.properties.get(field);
        if (p != null) {
            if (p.setter() == null) throw new LuaError("field '" + field + "' of " + t.name + " is read-only");
            Object v;
            try {
                v = Values.toJava(value, p.type(), "value");
            } catch (ValueException e) {
                throw new LuaError("bad value for field '" + field + "' of " + t.name + " (" + e.getMessage() + ")");
            }
            run(th, () -> {
                p.setter().set(self, v);
                return null;
            });
            return;
        }
        if (t.newindex != null && (Boolean) run(th, () -> t.newindex.set(th, self, key, value))) return;
        throw new LuaError(t.name + " has no field " + (field != null ? "'" + field + "'" : th.state.tostring(key)));
    }

    /** A method's Java function: self checked, the body's result converted (a CompletionStage awaited). */
    static <T> JavaFunction method(UserdataType<T> t, String mname, UserdataType.Method<T> body) {
        return new JavaFunction(mname) {
            @Override
            protected Object[] call(LuaThread th, Object[] a) {
                T self = t.check(th, a, 1);
                Object r = run(th, () -> body.call(th, self, a));
                if (r instanceof CompletionStage<?> st) r = Async.await(th, st);
                return Async.results(th.state, r);
            }
        };
    }

    private interface Body {
        Object get() throws Exception;
    }

    /** Runs Java code for Lua: a Lua error passes, any other exception becomes a Lua error with its message. */
    private static Object run(LuaThread th, Body body) {
        try {
            return body.get();
        } catch (LuaError e) {
            throw e;
        } catch (Exception e) {
            throw Async.failure(th, e);
        }
    }

    private static Object arg(Object[] a, int i) { return i < a.length ? a[i] : null; }
}
