package org.luahost.coroutines;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;

/**
 * The explicit exposure of a Java class to Lua: a name and the methods Lua
 * may call, nothing else (no reflection). Objects of the class reach Lua as
 * full userdata whose metatable has {@code __name} (used in error messages and
 * {@code tostring}), {@code __index} (the methods, called as
 * {@code obj:method(...)}) and, if given, {@code __tostring}.
 *
 * <pre>{@code
 * UserdataType<Account> ACCOUNT = UserdataType.of(Account.class, "Account")
 *         .method("balance", (th, self, args) -> self.balance())
 *         .method("deposit", (th, self, args) -> { self.deposit(Args.checkInteger(th, args, 2)); return null; })
 *         .method("fetch", (th, self, args) -> self.fetchAsync())   // a CompletionStage: awaited
 *         .build();
 * ACCOUNT.register(L);                 // Values.toLua(L, account) now gives a userdata
 * L.setGlobal("acct", ACCOUNT.wrap(L, account));
 * }</pre>
 *
 * <p>A method gets the object as {@code self} and all the Lua arguments in
 * {@code args}, self included at index 1, so that {@link Args} checks number
 * them as the reference's messages do ({@code obj:deposit("x")} fails with
 * {@code bad argument #1 to 'deposit' (number expected, got string)}). Its result becomes the Lua
 * results as for {@link AsyncBody}: an {@code Object[]} is several results,
 * {@code null} none, anything else one, converted with {@link Values#toLua};
 * a {@link CompletionStage} is awaited first ({@link Async#await}). A Java
 * exception becomes a Lua error with its message.
 *
 * <p>A type is immutable once built and may be registered on many states;
 * each state gets its own metatable.
 */
public final class UserdataType<T> {
    /** A method body: self is the object, args all the Lua arguments (self at index 1). */
    @FunctionalInterface
    public interface Method<T> {
        Object call(LuaThread th, T self, Object[] args) throws Exception;
    }

    private final Class<T> type;
    private final String name;
    private final Map<String, Method<T>> methods;
    private final Function<T, String> toString;

    private UserdataType(Builder<T> b) {
        this.type = b.type;
        this.name = b.name;
        this.methods = new LinkedHashMap<>(b.methods);
        this.toString = b.toString;
    }

    /** Starts a type for objects of class type, called name in Lua messages. */
    public static <T> Builder<T> of(Class<T> type, String name) { return new Builder<>(type, name); }

    public static final class Builder<T> {
        private final Class<T> type;
        private final String name;
        private final Map<String, Method<T>> methods = new LinkedHashMap<>();
        private Function<T, String> toString;

        private Builder(Class<T> type, String name) {
            this.type = Objects.requireNonNull(type, "type");
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder<T> method(String name, Method<T> body) {
            methods.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
            return this;
        }

        /** {@code tostring(obj)} gives this text (by default {@code Name: 0x...}, as for any userdata with a {@code __name}). */
        public Builder<T> toString(Function<T, String> f) {
            this.toString = f;
            return this;
        }

        public UserdataType<T> build() { return new UserdataType<>(this); }
    }

    public Class<T> javaClass() { return type; }

    public String name() { return name; }

    /**
     * Makes this type known to state L (idempotent): {@link Values#toLua}
     * then wraps objects of the class (and its subclasses) as userdata.
     * Returns the state's metatable for the type.
     */
    public LuaTable register(LuaState L) {
        Hosting h = Hosting.of(L);
        Registered r = h.types.get(type);
        if (r != null && r.type == this) return r.metatable;
        r = new Registered(this, metatable(L));
        h.types.put(type, r);
        h.typeCache.clear();
        return r.metatable;
    }

    /** obj as a userdata of this type in state L (registering the type if needed). */
    public LuaUserdata wrap(LuaState L, T obj) {
        return new LuaUserdata(Objects.requireNonNull(obj, "obj"), register(L));
    }

    /**
     * Argument i (1-based) as an object of this type, or the reference's
     * "bad argument #i to 'f' (Name expected, got X)" error.
     */
    public T check(LuaThread th, Object[] args, int i) {
        T v = test(th.state, Args.arg(args, i));
        if (v == null) throw Args.typeError(th, args, i, name);
        return v;
    }

    /** v's payload if v is a userdata of this type in state L, else null. */
    public T test(LuaState L, Object v) {
        if (v instanceof LuaUserdata u && type.isInstance(u.payload())) {
            Registered r = Hosting.of(L).types.get(type);
            if (r != null && u.metatable == r.metatable) return type.cast(u.payload());
        }
        return null;
    }

    record Registered(UserdataType<?> type, LuaTable metatable) {}

    private LuaTable metatable(LuaState L) {
        LuaTable mt = new LuaTable();
        LuaTable index = new LuaTable();
        mt.rawset("__name", LuaString.fromJava(name));
        mt.rawset("__index", index);
        for (Map.Entry<String, Method<T>> e : methods.entrySet()) {
            index.rawset(LuaString.fromJava(e.getKey()), method(e.getKey(), e.getValue()));
        }
        if (toString != null) {
            mt.rawset("__tostring", JavaFunction.of("__tostring", (th, a) -> {
                T self = check(th, a, 1);
                return JavaFunction.ret(LuaString.fromJava(toString.apply(self)));
            }));
        }
        return mt;
    }

    private JavaFunction method(String mname, Method<T> body) {
        return new JavaFunction(mname) {
            @Override
            protected Object[] call(LuaThread th, Object[] a) {
                T self = check(th, a, 1);
                Object r;
                try {
                    r = body.call(th, self, a);
                } catch (LuaError e) {
                    throw e;
                } catch (Exception e) {
                    throw Async.failure(th, e);
                }
                if (r instanceof CompletionStage<?> st) r = Async.await(th, st);
                return Async.results(th.state, r);
            }
        };
    }

    /** A userdata for v if a registered type covers its class (the nearest superclass or interface), else null. */
    static LuaUserdata wrapRegistered(LuaState L, Object v) {
        Hosting h = Hosting.of(L);
        if (h.types.isEmpty()) return null;
        Class<?> c = v.getClass();
        Registered r = h.typeCache.computeIfAbsent(c, k -> find(h, k));
        return r == NONE_REGISTERED ? null : new LuaUserdata(v, r.metatable);
    }

    private static final Registered NONE_REGISTERED = new Registered(null, null);

    private static Registered find(Hosting h, Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            Registered r = h.types.get(k);
            if (r != null) return r;
        }
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                Registered r = h.types.get(i);
                if (r != null) return r;
            }
        }
        return NONE_REGISTERED;
    }
}
