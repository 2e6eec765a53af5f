/**
 * Syntax tree to executable nodes: the third stage of the pipeline (see
 * {@link org.luahost.vm}).
 *
 * <p>Data flow: {@link org.luahost.vm.compiler.Compiler#compileMain} (from
 * {@code load}) or {@link org.luahost.vm.compiler.Compiler#compileDumped}
 * (from a binary chunk) takes an {@link org.luahost.vm.parser.Ast.Chunk}.
 * A first pass, {@code Captures}, finds the locals that inner functions
 * capture: only those get a {@link org.luahost.vm.runtime.Cell}; the others
 * live directly in frame slots. The compiler then walks the tree once, one
 * function at a time: {@code Scopes} keeps each function's state (active
 * locals and their slots, upvalues, block scopes, pending gotos), enforces the
 * reference's limits (200 locals, 255 upvalues) and resolves each name to a
 * slot, a cell, an upvalue, a compile-time constant or a global
 * ({@code _ENV.name}); {@code ExprCompiler} turns expressions and
 * {@link org.luahost.vm.compiler.Compiler} statements and blocks into nodes of
 * {@link org.luahost.vm.nodes}, choosing specialised ones (fixed-arity calls,
 * constant-key field access, tail calls). The result is one
 * {@link org.luahost.vm.runtime.Proto} per function, with its frame size,
 * upvalue descriptions, local-variable debug entries and its syntax tree (for
 * {@code string.dump}).
 *
 * <p>Compile errors (a goto into a local's scope, an assignment to a
 * {@code <const>}, too many locals) are {@link org.luahost.vm.LuaError}s with
 * the reference's message. A compiler object compiles one chunk, on the
 * thread that loads it, and is then dropped.
 */
package org.luahost.vm.compiler;
