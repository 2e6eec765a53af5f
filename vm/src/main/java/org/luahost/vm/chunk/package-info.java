/**
 * Binary chunks: what {@code string.dump} writes and {@code load} reads back
 * (see {@link org.luahost.vm} for where they sit in the pipeline).
 *
 * <p>luahost runs syntax trees, so a dumped function is its syntax tree (kept
 * in {@link org.luahost.vm.runtime.Proto#ast}) with what recompiling it alone
 * needs: the chunk name, its upvalue names in order, the compile-time
 * constants of enclosing functions it uses, and every line number.
 * {@link org.luahost.vm.chunk.Dump} frames the chunk (the reference's signature
 * and version bytes, luahost's own format byte, a length and a CRC-32) and
 * {@code AstCodec} encodes the tree. Loading decodes the tree, checking every
 * count, depth and node shape, and hands it to
 * {@link org.luahost.vm.compiler.Compiler#compileDumped}: the parser is
 * skipped, the compiler runs as for source. Bad input of any kind is a
 * {@link org.luahost.vm.LuaError} with the reference's "bad binary format"
 * wording.
 *
 * <p>The persistence module saves Lua functions through the Java entry points
 * {@link org.luahost.vm.chunk.Dump#dumpClosure} and
 * {@link org.luahost.vm.chunk.Dump#loadClosure}.
 */
package org.luahost.vm.chunk;
