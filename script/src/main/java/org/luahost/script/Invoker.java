package org.luahost.script;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

import javax.script.ScriptException;

import org.luahost.coroutines.Values;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaString;

/**
 * The {@code Invocable} side of {@link LuaScriptEngine}: global functions and
 * methods called from Java, and Java interfaces implemented by them.
 *
 * <ul>
 * <li>{@code invokeFunction(name, args)} calls the function the name means in
 *     the engine's context (a global, or an entry of its ENGINE_SCOPE
 *     bindings); {@code NoSuchMethodException} when it is nil.</li>
 * <li>{@code invokeMethod(thiz, name, args)} calls {@code thiz[name](thiz, args...)}
 *     ({@code thiz:name(...)}, metamethods included); thiz is a Lua value
 *     (a table from an earlier result) or a Java value that converts.</li>
 * <li>{@code getInterface} gives a proxy whose abstract methods call the
 *     function (or method of thiz) of the same name; null when one of them is
 *     missing when it is asked for. Results are converted to the method's
 *     return type ({@link Coerce}: records, arrays, lists, maps and numbers
 *     as {@code Values.toJava(v, type, ...)} converts them); a Lua error is thrown as the
 *     {@link ScriptException} when the method declares it, else as an
 *     {@link IllegalStateException} with it as the cause. Default methods run
 *     their Java body; {@code equals}, {@code hashCode} and {@code toString}
 *     are the proxy's identity.</li>
 * </ul>
 * One instance per call; thread rules as the engine's.
 */
final class Invoker {
    private final LuaScriptEngine engine;

    Invoker(LuaScriptEngine engine) { this.engine = engine; }

    Object function(String name, Object[] args) throws ScriptException, NoSuchMethodException {
        return call(null, name, args);
    }

    Object method(Object thiz, String name, Object[] args) throws ScriptException, NoSuchMethodException {
        if (thiz == null) throw new IllegalArgumentException("invokeMethod: thiz is null");
        return call(thiz, name, args);
    }

    private Object call(Object thiz, String name, Object[] args) throws ScriptException, NoSuchMethodException {
        return Values.toJava(rawCall(thiz, name, args));
    }

    /** The first Lua result of thiz[name](thiz, args...) or of the function name, as a Lua value. */
    private Object rawCall(Object thiz, String name, Object[] args) throws ScriptException, NoSuchMethodException {
        if (name == null) throw new NullPointerException("name");
        Object[] jargs = args == null ? new Object[0] : args;
        try {
            Object[] r = engine.run(engine.getContext(), () -> {
                Object self = thiz == null ? null : Values.toLua(engine.state(), thiz);
                Object fn = find(self, name);
                if (fn == null) throw new Missing(name);
                int shift = self == null ? 0 : 1;
                Object[] luaArgs = new Object[jargs.length + shift];
                if (self != null) luaArgs[0] = self;
                for (int i = 0; i < jargs.length; i++) luaArgs[i + shift] = Values.toLua(engine.state(), jargs[i]);
                return engine.state().call(fn, luaArgs);
            });
            return LuaFunction.first(r);
        } catch (Missing m) {
            throw new NoSuchMethodException(thiz == null ? "no function " + name : "no method " + name);
        }
    }

    /** The function name means (a method of self when self is not null), or null; on a Lua thread. */
    private Object find(Object self, String name) {
        Environments env = engineEnvironments();
        return self == null ? env.lookup(engine.getContext(), name) : env.index(self, LuaString.fromJava(name));
    }

    private Environments engineEnvironments() { return engine.environments(); }

    <T> T implement(Object thiz, Class<T> type) {
        if (type == null || !type.isInterface()) throw new IllegalArgumentException("getInterface needs an interface, not " + type);
        boolean[] complete = {true};
        try {
            engine.run(engine.getContext(), () -> {
                Object self = thiz == null ? null : Values.toLua(engine.state(), thiz);
                for (Method m : type.getMethods()) {
                    if (isLuaMethod(m) && find(self, m.getName()) == null) complete[0] = false;
                }
                return LuaFunction.NONE;
            });
        } catch (ScriptException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!complete[0]) return null;
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) return objectMethod(proxy, m, args, type);
            if (m.isDefault()) return InvocationHandler.invokeDefault(proxy, m, args);
            try {
                return Coerce.to(engine.state(), m.getReturnType(), rawCall(thiz, m.getName(), args), m.getName());
            } catch (ScriptException e) {
                for (Class<?> x : m.getExceptionTypes()) if (x.isInstance(e)) throw e;
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static boolean isLuaMethod(Method m) {
        return !m.isDefault() && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class;
    }

    private static Object objectMethod(Object proxy, Method m, Object[] args, Class<?> type) {
        return switch (m.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Lua implementation of " + type.getName();
        };
    }

    /** A function that is not there, carried out of the Lua thread. */
    private static final class Missing extends RuntimeException {
        Missing(String name) { super(name, null, false, false); }
    }
}
