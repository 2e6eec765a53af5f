package org.luahost.vm.nodes;

import org.luahost.vm.runtime.Frame;

/**
 * A jump of the reference that has a line of its own and nothing else here:
 * the jump back at the end of a while loop's body and the jump over the
 * other branches at the end of an if's branch, which lua5.4 puts on the
 * line of the block's last token (often a nested statement's 'end'). The
 * compiler ends such a block with one, so that a line hook reports that line
 * as the reference does; it does nothing, and only a hook (which sees it as a
 * statement on its line) notices it.
 */
public final class HookPoint extends Stat {
    public HookPoint(int line) { super(line); }

    @Override
    public int exec(Frame f) { return NORMAL; }
}
