/**
 * luahost's Lua 5.4 virtual machine, and its public API: a {@link org.luahost.vm.LuaState}
 * with its globals and threads, the value types ({@link org.luahost.vm.LuaTable},
 * {@link org.luahost.vm.LuaString}, {@link org.luahost.vm.LuaFunction},
 * {@link org.luahost.vm.LuaUserdata}; {@link org.luahost.vm.Lua} says how each
 * Lua type is represented in Java), the one
 * error type {@link org.luahost.vm.LuaError}, and the hooks a host needs
 * ({@link org.luahost.vm.WorkMeter}, {@link org.luahost.vm.LuaLibrary},
 * {@link org.luahost.vm.Profile}). The sub-packages are the pipeline behind it.
 *
 * <h2>From source to running code</h2>
 * {@link org.luahost.vm.LuaState#load} takes a chunk (a Lua byte string, one
 * char per byte) and returns a function; {@link org.luahost.vm.LuaState#call}
 * runs it on the state's current {@link org.luahost.vm.LuaThread}.
 * <ol>
 *   <li><b>Source bytes to tokens</b> ({@link org.luahost.vm.parser}): the
 *       {@link org.luahost.vm.parser.Lexer} cuts the chunk into
 *       {@link org.luahost.vm.parser.Token}s, converting numerals with
 *       {@link org.luahost.vm.parser.NumberParser}.</li>
 *   <li><b>Tokens to syntax tree</b>: {@link org.luahost.vm.parser.Parser#parse}
 *       builds the {@link org.luahost.vm.parser.Ast} by recursive descent; a
 *       lexical or syntax error is a {@link org.luahost.vm.parser.SyntaxError}
 *       with the reference's message.</li>
 *   <li><b>Syntax tree to nodes</b> ({@link org.luahost.vm.compiler}):
 *       {@link org.luahost.vm.compiler.Compiler#compileMain} resolves every name
 *       to a frame slot, a cell, an upvalue or a global, checks gotos, labels,
 *       constants and the reference's limits, and builds a tree of executable
 *       {@link org.luahost.vm.nodes.Node}s per function: a
 *       {@link org.luahost.vm.runtime.Proto} whose body is a
 *       {@link org.luahost.vm.nodes.Block}, closed over its upvalues as a
 *       {@link org.luahost.vm.runtime.LuaClosure}.</li>
 *   <li><b>Nodes, the first tier</b> ({@link org.luahost.vm.nodes}): a call
 *       pushes a {@link org.luahost.vm.runtime.Frame} and runs the body; each
 *       {@link org.luahost.vm.nodes.Expr#eval} and
 *       {@link org.luahost.vm.nodes.Stat#exec} does its own part of the work,
 *       with fast paths for the common types.</li>
 *   <li><b>The second tier</b> ({@code nodes.Jit}): a block that has run often
 *       (a function or loop body) is compiled into the {@code exec} method of a
 *       JVM hidden class, which HotSpot compiles as one method. It keeps the
 *       nodes' data model, so the tiers can switch at any block; the system
 *       property {@code luahost.jit} sets the threshold (0: compile every block,
 *       negative: never).</li>
 *   <li><b>Runtime</b> ({@link org.luahost.vm.runtime}): what both tiers call
 *       for the semantics of values: {@link org.luahost.vm.runtime.Ops} (operators,
 *       metamethods, calls, comparisons, {@code tostring}),
 *       {@link org.luahost.vm.runtime.NumFmt} (C number formatting),
 *       {@link org.luahost.vm.runtime.Traceback}; errors are
 *       {@link org.luahost.vm.LuaError}s whose message names the variable
 *       involved through the failing node, a {@link org.luahost.vm.runtime.Site}.</li>
 *   <li><b>Libraries</b> ({@link org.luahost.vm.lib}): the standard library as
 *       Java functions, installed per {@link org.luahost.vm.Profile} by
 *       {@link org.luahost.vm.lib.Libraries}; other modules add theirs (the
 *       {@code coroutine} library) through {@link org.luahost.vm.LuaLibrary}.</li>
 * </ol>
 *
 * <h2>Beside the pipeline</h2>
 * <ul>
 *   <li><b>Binary chunks</b> ({@link org.luahost.vm.chunk}): {@code string.dump}
 *       writes a function's syntax tree ({@link org.luahost.vm.runtime.Proto#ast})
 *       with its upvalue names, and {@code load} of a chunk starting with
 *       {@code "\x1bLua"} reads it back and recompiles it; step 3 again, without
 *       the parser. Persistence saves functions the same way.</li>
 *   <li><b>The debug library</b> ({@link org.luahost.vm.debug}, with the
 *       Lua-facing {@code lib.DebugLib}) reads frames and the debug tables the
 *       compiler records in prototypes (active lines, local ranges) and sets
 *       the thread hook ({@code LuaThread.Hook}) that both tiers call at calls,
 *       returns, statements and loop back-edges when a thread's hook mask is
 *       set.</li>
 *   <li><b>Garbage collection</b> is the JVM's; {@link org.luahost.vm.Gc} adds
 *       what Lua defines on top of it ({@code __gc}, weak tables,
 *       {@code collectgarbage}).</li>
 *   <li><b>Work metering</b>: both tiers count calls and loop back-edges
 *       against a per-thread countdown, so a
 *       {@link org.luahost.vm.WorkMeter} can bound or slice a state's CPU.</li>
 * </ul>
 */
package org.luahost.vm;
