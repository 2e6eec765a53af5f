package org.luahost.coroutines;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.luahost.vm.LuaError;

/**
 * The builders {@link UserdataType#ofRecord} and {@link UserdataType#ofInterface}
 * start from: what is declared (a record's components, an interface's
 * methods) and nothing of the object's own class, so no method the author
 * did not mean for Lua is reachable. Reflection happens once, when the
 * builder is made; the calls use the {@link Method} objects found then.
 */
final class ReflectedTypes {
    private ReflectedTypes() {}

    static <R> UserdataType.Builder<R> ofRecord(UserdataType.Builder<R> b) {
        Class<R> type = b.javaClass();
        if (!type.isRecord()) throw new IllegalArgumentException(type.getName() + " is not a record");
        for (RecordComponent c : type.getRecordComponents()) {
            Method accessor = c.getAccessor();
            accessor.trySetAccessible();   // a record that is not public (its package open to us); else invoke names the problem
            b.property(c.getName(), self -> invoke(accessor, self, new Object[0]));
        }
        return b.equality().toString(Object::toString);
    }

    static <I> UserdataType.Builder<I> ofInterface(UserdataType.Builder<I> b) {
        Class<I> type = b.javaClass();
        if (!type.isInterface()) throw new IllegalArgumentException(type.getName() + " is not an interface");
        Map<String, TreeMap<Integer, Method>> byName = new HashMap<>();
        List<Method> methods = Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        for (Method m : methods) {
            m.trySetAccessible();
            Method old = byName.computeIfAbsent(m.getName(), k -> new TreeMap<>()).put(m.getParameterCount(), m);
            if (old != null && !sameSignature(old, m)) {
                throw new IllegalArgumentException(type.getName() + "." + m.getName()
                        + ": two overloads with " + m.getParameterCount() + " parameters (Lua tells them apart by count only)");
            }
        }
        byName.forEach((name, overloads) -> b.method(name, (th, self, args) -> call(overloads, name, self, args)));
        return b;
    }

    private static boolean sameSignature(Method a, Method b) {
        return Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    /** Calls the overload taking the Lua arguments after self (args[0]); with none of that count, the nearest larger one (missing ones nil). */
    private static Object call(TreeMap<Integer, Method> overloads, String name, Object self, Object[] args) {
        int n = args.length - 1;
        Map.Entry<Integer, Method> e = overloads.ceilingEntry(n);
        if (e == null) e = overloads.lastEntry();   // extra Lua arguments are dropped, as Lua does
        Method m = e.getValue();
        Class<?>[] types = m.getParameterTypes();
        Object[] jargs = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Object v = i + 1 < args.length ? args[i + 1] : null;
            try {
                jargs[i] = Values.toJava(v, types[i], "argument");
            } catch (ValueException x) {
                throw new LuaError("bad argument #" + (i + 1) + " to '" + name + "' (" + x.getMessage() + ")");
            }
        }
        return invoke(m, self, jargs);
    }

    private static Object invoke(Method m, Object self, Object[] args) {
        try {
            return m.invoke(self, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c.getMessage(), c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(m.getDeclaringClass().getName() + " must be public and exported to org.luahost.coroutines ("
                    + e.getMessage() + ")", e);
        }
    }
}
