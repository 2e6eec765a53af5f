package org.luahost.vm.interp;

import org.luahost.vm.runtime.Site;

/** An executable node: it is also the debug information of its place ({@link Site}). */
public abstract class Node implements Site {
    public final int line;

    protected Node(int line) { this.line = line; }

    @Override
    public final int line() { return line; }
}
