/**
 * The VM's service-provider interface: what the sibling modules of luahost
 * (coroutines, the session scheduler, the command line, persistence) need from
 * the VM beyond its public API in {@code org.luahost.vm}, and nothing a plain
 * embedder should touch. The vm module exports this package only to those
 * modules ({@code exports org.luahost.vm.spi to ...} in its
 * {@code module-info.java}), so the compiler keeps everyone else out; the
 * rest of the VM ({@code parser}, {@code compiler}, {@code nodes},
 * {@code chunk}, {@code runtime}, {@code debug}, {@code lib}) is exported to
 * nobody.
 *
 * <h2>What is here</h2>
 * <ul>
 * <li>{@link org.luahost.vm.spi.Threads}: hosting Lua threads. The one
 *     primitive that switches a state's current thread (it returns the
 *     previous one, for a {@code finally}); the counters a coroutine's
 *     resumer sets before the hand-off (C calls, the protected-call floor
 *     while a coroutine is closed); the work allowance a {@link
 *     org.luahost.vm.WorkMeter} grants; an unprotected, uncounted call on a
 *     given thread (a coroutine's body).</li>
 * <li>{@link org.luahost.vm.spi.ValueGraph} and its receiver
 *     {@link org.luahost.vm.spi.Edges}: the edges of each Lua value type
 *     (table, Lua and Java function, upvalue cell, userdata, coroutine,
 *     thread stack), defined once and reported in a fixed order without
 *     being followed, so each walker keeps its own explicit stack. The
 *     collector's marker ({@link org.luahost.vm.Gc}), the scheduler's
 *     memory estimate and the persistence encoder, path finder and host
 *     index all walk through it.</li>
 * <li>{@link org.luahost.vm.spi.FunctionImages} and
 *     {@link org.luahost.vm.spi.Upvalue}: how persistence captures a Lua
 *     function (its prototype's image, upvalue names and cells) and rebuilds
 *     it over shared upvalue cells.</li>
 * <li>{@link org.luahost.vm.spi.UnbufferedInput}: the process's stdin read
 *     past its buffer, for the standalone interpreter's prompt.</li>
 * </ul>
 *
 * <h2>What is in the public API instead</h2>
 * Host-facing needs are in {@code org.luahost.vm}: protected calls with a
 * typed result ({@link org.luahost.vm.LuaThread#pcall},
 * {@link org.luahost.vm.LuaThread#tracedCall},
 * {@link org.luahost.vm.CallResult}), tracebacks
 * ({@link org.luahost.vm.LuaThread#traceback}), loading files
 * ({@link org.luahost.vm.LuaState#loadFile}), a state's settings
 * ({@link org.luahost.vm.LuaStateBuilder}), number text
 * ({@link org.luahost.vm.Lua#numberToString}).
 *
 * <h2>Threads</h2>
 * Every method says which Java thread may call it. The rule behind them all:
 * a state is touched by the one Java thread that holds its turn; a host
 * switches the current thread and sets a coroutine's counters on that thread,
 * before it hands the turn over (the hand-off orders the writes).
 */
package org.luahost.vm.spi;
