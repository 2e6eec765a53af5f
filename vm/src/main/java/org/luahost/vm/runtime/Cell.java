package org.luahost.vm.runtime;

import org.luahost.vm.spi.Upvalue;

/**
 * A captured local variable: the box that a local lives in once a closure
 * refers to it, so that the function and its closures share it (Lua's
 * upvalue). Locals no closure captures live directly in the frame's slots.
 */
public final class Cell implements Upvalue {
    public Object v;

    public Cell() {}

    public Cell(Object v) { this.v = v; }

    @Override
    public Object get() { return v; }

    @Override
    public void set(Object v) { this.v = v; }
}
