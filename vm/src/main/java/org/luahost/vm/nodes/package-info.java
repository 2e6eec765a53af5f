/**
 * Executable nodes, the interpreter's first tier, and the second tier that
 * compiles hot blocks of them to JVM bytecode (see {@link org.luahost.vm} for
 * the whole pipeline).
 *
 * <p>The compiler ({@link org.luahost.vm.compiler}) builds one tree of nodes
 * per function. Every {@link org.luahost.vm.nodes.Node} has its line and is the
 * {@link org.luahost.vm.runtime.Site} of whatever it does, so an error or a
 * traceback finds its position and the name of the variable involved from the
 * node that failed, and the hot path carries no debug information. An
 * {@link org.luahost.vm.nodes.Expr} gives a value ({@code eval}, or all values
 * for calls and {@code ...}); a {@link org.luahost.vm.nodes.Stat} runs and
 * returns how control leaves it (normally, or by break, return, goto or a tail
 * call, whose details it leaves in the {@link org.luahost.vm.runtime.Frame}).
 * All nodes read and write the frame's slots, cells and upvalues directly.
 *
 * <p>The node kinds, by file: {@link org.luahost.vm.nodes.Exprs} (constants,
 * variables, indexing, function and table constructors, logic, length,
 * concatenation), {@link org.luahost.vm.nodes.Arith} (arithmetic, bitwise
 * operators, comparisons, each with a fast path for numbers and
 * {@link org.luahost.vm.runtime.Ops} as the slow path),
 * {@link org.luahost.vm.nodes.Calls} (calls with fixed-arity variants that pass
 * arguments without an array, and method calls that cache their
 * {@code __index} lookups), {@link org.luahost.vm.nodes.Stats} (assignments,
 * branches, while and repeat, returns and tail calls, to-be-closed variables),
 * {@link org.luahost.vm.nodes.Loops} (numeric and generic {@code for}) and
 * {@link org.luahost.vm.nodes.Block} (a statement list, which resolves gotos,
 * counts loop back-edges for the work meter and calls the debug hooks) and
 * {@link org.luahost.vm.nodes.Pins} (the pin nodes that keep the values an
 * expression holds across a nested call visible to the collector).
 *
 * <p>The second tier: a {@link org.luahost.vm.nodes.Block} counts its
 * executions and, past the threshold, asks {@code Jit} to compile it (with
 * everything nested in it) into the {@code exec} method of a hidden class;
 * {@code JitStats} and {@code JitExprs} emit the statements and expressions,
 * whose operations are the static methods of {@code JitRt}. Nodes the
 * generator does not inline stay calls of their {@code eval} or {@code exec},
 * so the two tiers share every semantic. The hidden classes are defined in
 * this package so that they reach the nodes' package-private fields; the
 * second tier therefore lives here and the node classes' fields stay
 * package-private (only what the compiler needs is public).
 *
 * <p>Inline caches: a read, store or method lookup by a constant string key
 * ({@code obj.name}, {@code obj.name = v}, {@code obj:name()}, a global) keeps
 * an {@link org.luahost.vm.FieldCache}, the hash slot where the key was last
 * found, checked by identity against whatever table comes (tables built alike
 * share slots), plus the table's Bloom filter of string keys to prove absence;
 * a value inherited through {@code __index} tables is cached with the versions
 * of the tables of the chain ({@code Calls.MethodCache}; the usual chain of
 * two tables, a metatable and its {@code __index} table, is checked without
 * arrays). Both tiers use the node's caches, so they see the same values; the
 * compiled tier first tries the slot the cache held when the unit was
 * compiled, as a constant of the unit ({@code FieldCache.at}/{@code setAt}),
 * and falls back to the node's cache when that slot does not hold the key.
 *
 * <p>Threads: a node tree is written only by the compiler, except for the
 * inline caches, the method calls' caches and each block's execution count and compiled form,
 * which are written while it runs, without synchronisation: the code of a
 * state runs on one Java thread at a time.
 */
package org.luahost.vm.nodes;
