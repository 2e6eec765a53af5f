package org.luahost.vm;

/**
 * A full userdata: a Java object exposed to Lua with a metatable and a user
 * value. Identity is reference identity.
 *
 * <p>The metatable and user value are Lua-visible state, like a table's
 * contents: written by {@code setmetatable}'s and {@code debug}'s functions or
 * by the host, always on the thread that holds the state's turn.
 */
public class LuaUserdata {
    public LuaTable metatable;
    public Object userValue;
    private final Object payload;

    public LuaUserdata(Object payload, LuaTable metatable) {
        this.payload = payload;
        this.metatable = metatable;
    }

    public Object payload() { return payload; }

    @Override
    public final boolean equals(Object o) { return this == o; }

    @Override
    public final int hashCode() { return System.identityHashCode(this); }
}
