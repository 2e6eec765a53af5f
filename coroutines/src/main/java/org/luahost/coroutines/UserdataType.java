package org.luahost.coroutines;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.luahost.vm.Args;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.LuaUserdata;

/**
 * The explicit exposure of a Java class to Lua: a name and what Lua may use,
 * nothing else (no reflection on the object). Objects of the class reach Lua
 * as full userdata whose metatable has {@code __name} (used in error messages
 * and {@code tostring}), {@code __index} (the methods, called as
 * {@code obj:method(...)}, and the properties, read as {@code obj.name}) and
 * what the builder adds: property setters ({@code obj.name = v}), operators
 * ({@link Op}), {@code __tostring}, equality and ordering, and fallbacks for
 * keys that are neither a method nor a property ({@link Builder#index},
 * {@link Builder#newindex}). {@link #ofRecord} and {@link #ofInterface} start
 * a builder from a record's components or an interface's methods.
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
 * a {@link java.util.concurrent.CompletionStage} is awaited first ({@link Async#await}). A Java
 * exception becomes a Lua error with its message.
 *
 * <p>Properties: a getter's result converts with {@link Values#toLua}; a
 * setter's argument is the Lua value converted to the property's class with
 * {@link Values#toJava(Object, Class, String)} (a value that does not convert
 * is the Lua error {@code bad value for field 'hp' of Monster (...)});
 * assigning a read-only property, or a key the type does not know, is an
 * error naming both. Operators get the two Lua operands as they are (either
 * may be the object: {@code 2 * v} calls {@code __mul(2, v)}; unary ones get
 * the operand twice, as in the reference) and return a Java value
 * (converted); {@code __eq}, {@code __lt} and {@code __le} results are read as
 * Lua truth.
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

    /** A property's reader. */
    @FunctionalInterface
    public interface Getter<T> {
        Object get(T self) throws Exception;
    }

    /** A property's writer; value is already of the property's class (or null for nil). */
    @FunctionalInterface
    public interface Setter<T, V> {
        void set(T self, V value) throws Exception;
    }

    /** An operator's body: the two Lua operands as they are (a unary operator gets its operand twice). */
    @FunctionalInterface
    public interface Operator {
        Object apply(LuaThread th, Object a, Object b) throws Exception;
    }

    /** Reads a key that is neither a method nor a property (key is a Lua value; strings are Lua strings). */
    @FunctionalInterface
    public interface IndexFallback<T> {
        Object get(LuaThread th, T self, Object key) throws Exception;
    }

    /** Writes a key that is not a property; returns false when the type has no such field (an error then). */
    @FunctionalInterface
    public interface NewIndexFallback<T> {
        boolean set(LuaThread th, T self, Object key, Object value) throws Exception;
    }

    /** The operators a type may define, with their metamethod names. */
    public enum Op {
        ADD("__add"), SUB("__sub"), MUL("__mul"), DIV("__div"), MOD("__mod"), POW("__pow"), UNM("__unm"),
        IDIV("__idiv"), BAND("__band"), BOR("__bor"), BXOR("__bxor"), SHL("__shl"), SHR("__shr"), BNOT("__bnot"),
        CONCAT("__concat"), LEN("__len"), EQ("__eq"), LT("__lt"), LE("__le"), CALL("__call");

        final String event;

        Op(String event) { this.event = event; }
    }

    /** A property: its getter, and its class and setter when writable. */
    record Property<T>(Getter<T> getter, Class<?> type, Setter<T, Object> setter) {}

    final Class<T> type;
    final String name;
    final Map<String, Method<T>> methods;
    final Map<String, Property<T>> properties;
    final Map<Op, Operator> operators;
    final Function<T, String> toString;
    final IndexFallback<T> index;
    final NewIndexFallback<T> newindex;

    private UserdataType(Builder<T> b) {
        this.type = b.type;
        this.name = b.name;
        this.methods = new LinkedHashMap<>(b.methods);
        this.properties = new LinkedHashMap<>(b.properties);
        this.operators = new java.util.EnumMap<>(b.operators);
        this.toString = b.toString;
        this.index = b.index;
        this.newindex = b.newindex;
    }

    /** Starts a type for objects of class type, called name in Lua messages. */
    public static <T> Builder<T> of(Class<T> type, String name) { return new Builder<>(type, name); }

    /**
     * Starts a type for a record class: a read-only property per component
     * (through its accessor), equality by the record's {@code equals}, and
     * {@code tostring} by its {@code toString}; more may be added.
     */
    public static <R extends Record> Builder<R> ofRecord(Class<R> type, String name) {
        return ReflectedTypes.ofRecord(of(type, name));
    }

    /**
     * Starts a type for an interface: a method per method of the interface
     * (its own and inherited ones, default methods included; no method of the
     * implementing class is reachable), Lua arguments converted to the
     * parameter classes with {@link Values#toJava(Object, Class, String)}.
     * Overloads are told apart by their number of parameters; two with the
     * same number are refused ({@link IllegalArgumentException}).
     */
    public static <I> Builder<I> ofInterface(Class<I> type, String name) {
        return ReflectedTypes.ofInterface(of(type, name));
    }

    public static final class Builder<T> {
        private final Class<T> type;
        private final String name;
        private final Map<String, Method<T>> methods = new LinkedHashMap<>();
        private final Map<String, Property<T>> properties = new LinkedHashMap<>();
        private final Map<Op, Operator> operators = new java.util.EnumMap<>(Op.class);
        private Function<T, String> toString;
        private IndexFallback<T> index;
        private NewIndexFallback<T> newindex;

        private Builder(Class<T> type, String name) {
            this.type = Objects.requireNonNull(type, "type");
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder<T> method(String name, Method<T> body) {
            methods.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
            return this;
        }

        /** A read-only property {@code obj.name}. */
        public Builder<T> property(String name, Getter<T> getter) {
            properties.put(Objects.requireNonNull(name, "name"), new Property<>(Objects.requireNonNull(getter, "getter"), null, null));
            return this;
        }

        /** A property {@code obj.name} that Lua may also assign; the value is converted to valueType first. */
        @SuppressWarnings("unchecked")
        public <V> Builder<T> property(String name, Class<V> valueType, Getter<T> getter, Setter<T, ? super V> setter) {
            properties.put(Objects.requireNonNull(name, "name"), new Property<>(Objects.requireNonNull(getter, "getter"),
                    Objects.requireNonNull(valueType, "valueType"), (Setter<T, Object>) Objects.requireNonNull(setter, "setter")));
            return this;
        }

        /** The metamethod of op. */
        public Builder<T> operator(Op op, Operator body) {
            operators.put(Objects.requireNonNull(op, "op"), Objects.requireNonNull(body, "body"));
            return this;
        }

        /** {@code a == b} for two objects of this type by Java {@code equals} (else Lua compares identity). */
        public Builder<T> equality() {
            return operator(Op.EQ, (th, a, b) -> {
                T x = payload(a);
                T y = payload(b);
                return x != null && y != null && x.equals(y);
            });
        }

        /** {@code <} and {@code <=} (so {@code >}, {@code >=} and {@code table.sort}) between objects of this type. */
        public Builder<T> ordering(java.util.Comparator<? super T> order) {
            Objects.requireNonNull(order, "order");
            operator(Op.LT, (th, a, b) -> order.compare(comparable(a, b, a), comparable(a, b, b)) < 0);
            return operator(Op.LE, (th, a, b) -> order.compare(comparable(a, b, a), comparable(a, b, b)) <= 0);
        }

        /** What {@code obj[key]} gives for a key that is neither a method nor a property (by default nil). */
        public Builder<T> index(IndexFallback<T> fallback) {
            this.index = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /** What {@code obj[key] = v} does for a key that is not a property (by default an error). */
        public Builder<T> newindex(NewIndexFallback<T> fallback) {
            this.newindex = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        private T payload(Object v) {
            return v instanceof LuaUserdata u && type.isInstance(u.payload()) ? type.cast(u.payload()) : null;
        }

        /** operand v of a comparison of a and b, or the reference's error when it is not of this type. */
        private T comparable(Object a, Object b, Object v) {
            T x = payload(v);
            if (x == null) throw new LuaError("attempt to compare " + Args.typeNameForError(a) + " with " + Args.typeNameForError(b));
            return x;
        }

        Class<T> javaClass() { return type; }

        String typeName() { return name; }

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

    private LuaTable metatable(LuaState L) { return UserdataMeta.build(this); }

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
