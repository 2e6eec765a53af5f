/**
 * What running Lua code needs besides its nodes: the objects of a running
 * function and the semantics of Lua's operations on values (see
 * {@link org.luahost.vm} for the whole pipeline).
 *
 * <p>Function objects: the compiler makes one
 * {@link org.luahost.vm.runtime.Proto} per Lua function (its body, frame
 * size, parameters, upvalue descriptions and debug information); a
 * {@link org.luahost.vm.runtime.LuaClosure} pairs a Proto with its upvalues,
 * each a {@link org.luahost.vm.runtime.Cell} (a captured local's box, shared
 * with the enclosing function). Calling a closure pushes a
 * {@link org.luahost.vm.runtime.Frame} on the calling
 * {@link org.luahost.vm.LuaThread} (its slots hold the locals), runs the
 * body, and follows tail calls in the same frame.
 *
 * <p>Semantics: {@link org.luahost.vm.runtime.Ops} is the slow path behind
 * every node and the entry point the libraries use: arithmetic and its
 * coercions, comparisons, indexing and calls with their metamethods,
 * length, concatenation and {@code tostring}. {@link org.luahost.vm.runtime.NumFmt}
 * formats and converts numbers as C does. An operation that can fail takes
 * the {@link org.luahost.vm.runtime.Site} performing it (a node), so that its
 * {@link org.luahost.vm.LuaError} names the variable involved as the reference
 * does; {@link org.luahost.vm.runtime.Traceback} writes tracebacks from the
 * frames and their current sites.
 *
 * <p>Threads: a frame is touched only by the Java thread running its Lua
 * thread; closures, prototypes and cells belong to one state, which runs on
 * one Java thread at a time.
 */
package org.luahost.vm.runtime;
