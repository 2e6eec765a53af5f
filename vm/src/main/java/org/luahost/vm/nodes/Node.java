package org.luahost.vm.nodes;

import org.luahost.vm.runtime.Site;

/** An executable node: it is also the debug information of its place ({@link Site}). */
public abstract class Node implements Site {
    public final int line;
    /**
     * Frame slots in scope where this node runs (-1: unknown, all). The collector marks
     * only these in a frame whose current site is this node, as the reference marks
     * only the live part of its stack.
     */
    public int liveSlots = -1;

    protected Node(int line) { this.line = line; }

    @Override
    public final int line() { return line; }
}
