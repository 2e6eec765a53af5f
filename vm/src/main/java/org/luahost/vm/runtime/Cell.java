package org.luahost.vm.runtime;

/**
 * A captured local variable: the box that a local lives in once a closure
 * refers to it, so that the function and its closures share it (Lua's
 * upvalue). Locals no closure captures live directly in the frame's slots.
 */
public final class Cell {
    public Object v;

    public Cell() {}

    public Cell(Object v) { this.v = v; }
}
