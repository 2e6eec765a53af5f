package org.luahost.vm.parser;

/**
 * A compile-time error of a Lua chunk. {@link #getMessage()} is the complete
 * message exactly as the reference {@code lua5.4} produces it, position
 * included (e.g. {@code [string "x = = 1"]:1: unexpected symbol near '='}),
 * so {@code load} can return it unchanged.
 *
 * <p>It carries no stack trace: it is an expected outcome of loading code,
 * not a bug in the host.
 */
public final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SyntaxError(String message) {
        super(message, null, false, false);
    }
}
