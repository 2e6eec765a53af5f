package org.luahost.vm.nodes;

import org.luahost.vm.runtime.Frame;

/**
 * A statement node. {@link #exec} returns how control leaves it: normally
 * ({@link #NORMAL}) or by break, return, goto or a tail call, whose details
 * are left in the {@link Frame}.
 */
public abstract class Stat extends Node {
    public static final int NORMAL = 0, BREAK = 1, RETURN = 2, GOTO = 3, TAILCALL = 4;

    /**
     * The line a line hook reports when this statement starts, when it differs from
     * {@link #line}: that of its first instruction in the reference (0: line). Set once, by the compiler.
     */
    public int hookLine;
    /** The first statement of a loop body: reached by a jump back, a line hook reports it even on the same line. */
    public boolean loopEntry;
    /** The reference's instructions this statement runs itself (not its nested blocks), for count hooks; -1: unknown (count 1). */
    public int hookInstrs = -1;
    /** A nil load lua5.4 merges into the one before it (consecutive {@code local a; local b}): no line event of its own. */
    public boolean mergedNil;

    protected Stat(int line) { super(line); }

    public abstract int exec(Frame f);
}
