/**
 * Lua 5.4 source to abstract syntax tree.
 *
 * <p>Data flow: the source text (a Lua byte string, one char per byte) goes to
 * {@link org.luahost.vm.parser.Parser#parse}, which pulls
 * {@link org.luahost.vm.parser.Token}s one at a time from the
 * {@link org.luahost.vm.parser.Lexer} (numerals are converted by
 * {@link org.luahost.vm.parser.NumberParser}, which {@code tonumber} and string
 * coercion also use) and builds the {@link org.luahost.vm.parser.Ast} by
 * recursive descent ({@code ParserSupport} &larr; {@code ExpressionParser}
 * &larr; {@code Parser}). The compiler then resolves names, gotos and
 * constants on that tree.
 *
 * <p>Any lexical or syntax error is a {@link org.luahost.vm.parser.SyntaxError}
 * whose message is exactly what the reference {@code lua5.4} reports, prefixed
 * by the {@link org.luahost.vm.parser.ChunkId} of the chunk name and the line.
 */
package org.luahost.vm.parser;
