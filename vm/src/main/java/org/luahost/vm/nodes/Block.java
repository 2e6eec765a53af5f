package org.luahost.vm.nodes;

import org.luahost.vm.runtime.Frame;

/**
 * A statement list. A goto that leaves one of its statements either names a
 * label of this block (execution continues after the label) or travels
 * outward to the block that defines it.
 */
public class Block extends Stat {
    final Stat[] stats;
    final Object[] labels;   // label identities defined directly in this block
    final int[] labelPos;    // index of the statement after each label
    /**
     * For the body of a loop: the line its jump back goes through (for debug
     * line hooks), and whether the jump lands on that line; 0 otherwise.
     */
    int loopLine;
    boolean loopForce;
    /** For a loop body: the reference's instructions per jump back (the jump, a while's test again), for count hooks. */
    int loopInstrs = 1;
    /** What this block is the body of: {@link #FUNC} a function, {@link #LOOP} a loop, 0 anything else (if, do). */
    byte kind;
    static final byte FUNC = 2, LOOP = 1;
    /**
     * The compiled form of this block ({@link Jit}), once it is hot; runs instead of the statements.
     * Volatile: the compiler thread installs it ({@link Jit#submit}) while the block runs interpreted.
     */
    private volatile Stat compiled;
    /** Executions so far, until the block is compiled; -1 when it cannot be, -2 while it is being compiled. */
    private int count;

    public Block(int line, Stat[] stats, Object[] labels, int[] labelPos) {
        super(line);
        this.stats = stats;
        this.labels = labels;
        this.labelPos = labelPos;
    }

    /** The number of statements (for the compiler's debug marks). */
    public int statCount() { return stats.length; }

    /** Statement i (for the compiler's debug marks). */
    public Stat stat(int i) { return stats[i]; }

    /** Marks this block as a loop body whose jump back goes through line (see {@link #loopLine}); set once, by the compiler. */
    public void markLoopBody(int line, boolean force) {
        loopLine = line;
        loopForce = force;
        kind = LOOP;
    }

    /** Marks this block as a function's body; once, by the compiler. */
    public void markFunctionBody() { kind = FUNC; }

    /** Sets {@link #loopInstrs}; once, by the compiler. */
    public void setLoopInstrs(int n) { loopInstrs = n; }

    @Override
    public int exec(Frame f) {
        Stat c = compiled;
        if (c != null) return c.exec(f);
        if (Jit.THRESHOLD >= 0 && count >= 0 && ++count > Jit.THRESHOLD) {
            if (Jit.ASYNC) {
                // compiled on the compiler thread; this thread goes on interpreting until it is installed
                count = Jit.submit(this) ? -2 : 0;
                return interpret(f);
            }
            c = Jit.compile(this);
            if (c != null) {
                compiled = c;
                return c.exec(f);
            }
            count = -1;
        }
        return interpret(f);
    }

    /** The compiler thread's answer for this block ({@link Jit#submit}): its compiled form, or null when it cannot be. */
    void compiledAsync(Stat c) {
        if (c != null) compiled = c;
        else count = -1;
    }

    /** Whether this block may still be compiled (it is not yet, and did not fail to be). */
    boolean compilable() { return compiled == null && count >= 0; }

    /** Installs a compiled form made together with another block's ({@link Jit}: a tree of functions). */
    void install(Stat c) {
        if (compiled == null) compiled = c;
    }

    private int interpret(Frame f) {
        Stat[] s = stats;
        org.luahost.vm.LuaThread th = f.thread;
        int i = 0;
        while (i < s.length) {
            Stat st = s[i];
            if (th.hookMask != 0) th.hook.onStatement(th, f, st);
            int sig = st.exec(f);
            if (sig != NORMAL) {
                if (sig == GOTO && labels != null) {
                    int target = find(f.gotoLabel);
                    if (target >= 0) {
                        if (target <= i && --th.workLeft < 0) backEdge(th, f);   // a backward goto is a loop
                        i = target;
                        continue;
                    }
                }
                return sig;
            }
            i++;
        }
        if (loopLine != 0) {   // the end of a loop body's iteration: a back-edge
            if (--th.workLeft < 0) backEdge(th, f);
            if (th.hookMask != 0) th.hook.onLoop(th, f, loopLine, loopForce, loopInstrs);
        }
        return NORMAL;
    }

    /** Out of work at a back-edge: the meter may raise an error, which then has this loop's position. */
    private void backEdge(org.luahost.vm.LuaThread th, Frame f) {
        if (f.site == null) f.site = this;
        th.outOfWork();
    }

    private int find(Object label) {
        for (int k = 0; k < labels.length; k++) if (labels[k] == label) return labelPos[k];
        return -1;
    }
}
