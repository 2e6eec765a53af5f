package org.luahost.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import org.luahost.persistence.codec.FunctionCodec;
import org.luahost.persistence.codec.HostIndex;
import org.luahost.persistence.codec.SnapshotCodec;
import org.luahost.persistence.codec.VmFunctions;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;

/**
 * Saves and restores one Lua state's persistent data: everything the script
 * created that is reachable from the globals (and from the standard library
 * tables it changed), as a checksummed snapshot.
 *
 * <pre>{@code
 * LuaState L = LuaState.create(Profile.TRUSTED);
 * // ... install host functions and globals here ...
 * Persister p = Persister.attach(L);          // before the script runs: names what the host provided
 * p.restore(previousSnapshotBytes);            // if there is one
 * L.call(L.load(script, "@game.lua", "t", null));
 * Snapshot s = p.capture();                    // between turns, on the state's thread
 * store.save("player-42", s.bytes());          // off-thread, returns a future
 * }</pre>
 *
 * <p>What the host provided before {@link #attach} (standard library
 * functions and tables, {@code _G}, host functions and userdata) is saved as
 * a reference by name and bound to the new state's value of that name on
 * restore, never copied. Functions the script defines are saved with their
 * compiled form and their upvalues; when the script runs again after a
 * restore, it defines its functions again, so code is upgraded by changing
 * the script while the data carries over.
 *
 * <p>Threading: {@link #capture} and {@link #restore} must run on the thread
 * that runs the state, between turns (they read and write live tables). The
 * resulting bytes are immutable and can be stored from any thread.
 */
public final class Persister {
    private final LuaState L;
    private final HostIndex host;
    private final FunctionCodec functions;
    private final Map<Object, String> dumpCache = new WeakHashMap<>();
    private final Map<Class<?>, UserdataCodec<?>> codecsByType = new HashMap<>();
    private final Map<String, UserdataCodec<?>> codecsByName = new HashMap<>();

    private Persister(LuaState L, FunctionCodec functions) {
        this.L = L;
        this.host = HostIndex.scan(L);
        this.functions = functions;
    }

    /**
     * Indexes the values the host has provided so far and attaches a
     * persister to L (see {@link #of}). Call once, after the host has
     * installed its libraries and globals and before any script runs.
     */
    public static Persister attach(LuaState L) {
        if (L.extension(Persister.class) != null) throw new IllegalStateException("a Persister is already attached to this state");
        Persister p = new Persister(L, new VmFunctions());
        L.setExtension(Persister.class, p);
        return p;
    }

    /** The persister attached to L, or null. */
    public static Persister of(LuaState L) { return L.extension(Persister.class); }

    /** Lets userdata whose payload is of the codec's class be saved and restored. */
    public Persister register(UserdataCodec<?> codec) {
        codecsByType.put(codec.type(), codec);
        codecsByName.put(codec.name(), codec);
        return this;
    }

    /** {@link #capture(UnpersistablePolicy)} with {@link UnpersistablePolicy#FAIL}. */
    public Snapshot capture() { return capture(UnpersistablePolicy.FAIL); }

    /**
     * Encodes the state's persistent data. Takes time proportional to the
     * data (it is the copy that lets the state run on while the bytes are
     * stored).
     *
     * @throws UnpersistableValueException under {@code FAIL}, naming the first value that cannot be saved
     */
    public Snapshot capture(UnpersistablePolicy policy) { return capture(policy, null); }

    /**
     * As {@link #capture(UnpersistablePolicy)}, with an extra root: a table
     * the host keeps outside the globals (the scheduler's pending timers and
     * their callbacks), saved with the same value graph (a value reachable
     * from both the globals and the extra root is one object after a
     * restore) and handed back by {@link RestoreReport#extra}. A snapshot
     * with an extra root is written in format version 3, one without in
     * version 2 (which older luahost versions read).
     */
    public Snapshot capture(UnpersistablePolicy policy, LuaTable extra) {
        return SnapshotCodec.encode(host, policy, functions, dumpCache, codecsByType, extra);
    }

    /** {@link #restore(byte[], boolean)} without allowing a change of profile. */
    public RestoreReport restore(byte[] snapshot) { return restore(snapshot, false); }

    /**
     * Restores a snapshot into the state: the saved globals and changes to
     * library tables are set again. All or nothing: on an exception the state
     * is unchanged.
     *
     * <p>The profile rule: a snapshot records the profile it was made under
     * ({@code trusted} or {@code sandboxed}) and its library set (a hash of
     * the names of what the host provided). Restoring into a state whose
     * profile or library set differs fails with
     * {@link ProfileMismatchException} unless {@code allowProfileChange}.
     * When allowed, a snapshot made under the sandboxed profile restored into
     * a trusted state keeps its data but not its code: every function in it
     * (Lua functions, and library functions kept in its data, which would be
     * the trusted state's more capable ones) becomes a function that raises
     * an error when called, saved
     * replacements of library values ({@code print = function ... end}) are
     * dropped (the trusted state's values stay) and a metatable the snapshot
     * set on a library table ({@code setmetatable(_G, ...)}) is not set, so
     * code written in the sandbox never runs with the trusted libraries
     * ({@link RestoreReport#warnings} says what was left out). Snapshots of
     * format version 1 do not record a profile: they are restored only when
     * allowed, as if made under the restoring profile.
     *
     * @throws CorruptSnapshotException if the bytes are not a valid snapshot
     * @throws ProfileMismatchException if the profiles differ and that is not allowed
     */
    public RestoreReport restore(byte[] snapshot, boolean allowProfileChange) {
        return SnapshotCodec.decode(L, host, functions, codecsByName, snapshot, allowProfileChange);
    }

    /** The profile this state's snapshots record ({@code trusted} or {@code sandboxed}). */
    public String profile() { return host.profile(); }
}
