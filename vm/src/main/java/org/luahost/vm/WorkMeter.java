package org.luahost.vm;

/**
 * Counts the work a state does, for hosts that share the CPU between many
 * states (time slices, per-turn CPU budgets, memory checks). Give one to
 * {@link LuaStateBuilder#meter} when the state is built; without one the interpreter's only cost is the
 * countdown described below.
 *
 * <p>The interpreter counts one unit of work at each function call (Lua or
 * Java, tail calls included) and at each loop back-edge (the end of a loop
 * body's iteration, a backward {@code goto}); library functions whose cost
 * grows with their input, and {@code load}'s lexer and compiler, count units
 * in proportion to their work from inside their loops
 * ({@link LuaThread#charge}; about one unit per 64 bytes or 4 table elements
 * handled, per pattern-matching step, 4 per token read and 16 per statement
 * compiled), so that a meter also
 * reaches code that spends its time inside one library call. Each
 * {@link LuaThread} counts down its own {@link LuaThread#workLeft}; when it
 * goes below zero the
 * interpreter calls {@link LuaThread#outOfWork()}, which asks the meter
 * ({@link #onWork}) how much to count next. On the hot path that is one
 * decrement and one branch.
 *
 * <p>The meter runs on the Java thread of the Lua thread that did the work,
 * at a point where the state is consistent (between statements or at a call),
 * so it may park or yield the thread, inspect the state, or throw a
 * {@link LuaError} (made with {@link LuaThread#raise}) that the running Lua
 * code sees as an error raised at that point.
 */
@FunctionalInterface
public interface WorkMeter {
    /**
     * Called when th used up its allowance; returns the next allowance (units
     * of work before the next call; 0 means at the next unit). May throw a
     * {@link LuaError}.
     */
    int onWork(LuaThread th);
}
