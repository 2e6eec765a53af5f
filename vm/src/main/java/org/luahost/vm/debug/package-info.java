/**
 * The debug core, as the reference's ldebug.c: what the {@code debug}
 * library ({@link org.luahost.vm.lib.DebugLib}, the ldblib.c part: argument
 * checking and the Lua-facing functions) reports and sets.
 *
 * <ul>
 * <li>{@link org.luahost.vm.debug.FrameInfo}: the frame at a stack level and
 * the fields of {@code debug.getinfo} (source, lines, upvalue and parameter
 * counts, names, tail calls, active lines).
 * <li>{@link org.luahost.vm.debug.Locals}: local variables of running frames
 * (read and written), parameter and upvalue names.
 * <li>{@link org.luahost.vm.debug.DebugHook}: the hook {@code debug.sethook}
 * installs on a thread, and the dispatch of call, return, line and count
 * events to the Lua hook function.
 * </ul>
 *
 * <p>How data flows: the compiler ({@link org.luahost.vm.compiler}) records
 * the debug tables in each {@link org.luahost.vm.runtime.Proto}: the lines
 * that have code ({@code activeLines}, the reference's lineinfo) and the
 * locals with their line ranges and the calls of their own declarations
 * ({@code locals}, the reference's locvars); a stripped chunk has neither.
 * At run time a {@link org.luahost.vm.runtime.Frame} gives the closure, its
 * slots and the node it is executing ({@code site}: the current line and the
 * name of the function being called). This package reads those tables and
 * frames and never walks the syntax tree. The interpreter's only cost for
 * hooks is a test of the thread's {@code hookMask} at calls, returns and
 * statements; {@link org.luahost.vm.debug.DebugHook} runs only when it is set.
 * Everything here runs on the thread that owns the frames it looks at.
 */
package org.luahost.vm.debug;
