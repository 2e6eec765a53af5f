package org.luahost.vm.nodes;

import org.luahost.vm.LuaThread;
import org.luahost.vm.runtime.Frame;

/**
 * A point inside an expression where the reference's code reaches an
 * instruction on another line than the one before it, so that a line hook
 * gets an event there (a call spread over lines, an operator on a line of its
 * own, a table constructor's fields): the compiler ({@code HookLines}) puts
 * one around the operand after which (or before which) that instruction runs.
 * It evaluates its operand unchanged; when the thread has a hook it tells it
 * the line ({@link LuaThread.Hook#onLine}), which reports it if it differs
 * from the last line reported in the frame.
 *
 * <p>Statements on one line never get one, so code without multi-line
 * expressions is unchanged; the cost elsewhere is a test of the thread's hook
 * mask. Both tiers run it: the second one inlines the test
 * ({@code JitExprs}).
 */
public final class HookMark extends Expr {
    final Expr e;
    /** The instruction runs after the operand (an operator after its operands), not before it (a load). */
    final boolean after;

    public HookMark(int line, Expr e, boolean after) {
        super(line);
        this.e = e;
        this.after = after;
        this.liveSlots = e.liveSlots;
    }

    /** The hook call of a mark whose thread has a hook set (both tiers). */
    static void mark(Frame f, HookMark m) {
        LuaThread th = f.thread;
        th.hook.onLine(th, f, m.line);
    }

    private void hook(Frame f) {
        if (f.thread.hookMask != 0) mark(f, this);
    }

    @Override
    public Object eval(Frame f) {
        if (!after) hook(f);
        Object v = e.eval(f);
        if (after) hook(f);
        return v;
    }

    @Override
    public Object[] evalMulti(Frame f) {
        if (!after) hook(f);
        Object[] v = e.evalMulti(f);
        if (after) hook(f);
        return v;
    }

    @Override
    public boolean test(Frame f) {
        if (!after) hook(f);
        boolean v = e.test(f);
        if (after) hook(f);
        return v;
    }

    @Override
    public boolean isMulti() { return e.isMulti(); }

    @Override
    public String describe() { return e.describe(); }

    /** e without the marks around it. */
    public static Expr strip(Expr e) {
        while (e instanceof HookMark m) e = m.e;
        return e;
    }
}
