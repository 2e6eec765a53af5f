package org.luahost.vm.runtime;

import org.luahost.vm.nodes.Block;

/**
 * A compiled Lua function: what a {@code function ... end} (or a chunk)
 * becomes. Closures ({@link LuaClosure}) pair a Proto with upvalues.
 */
public final class Proto {
    /** Chunk name as given to load ("@file.lua", "=stdin", or the source). */
    public final String source;
    public final int line, lastLine;
    public int nparams;
    public boolean vararg;
    /** Number of local slots a frame needs. */
    public int frameSize;
    public Block body;
    /** Upvalue names, in index order (for debug.getupvalue). */
    public String[] upvalNames;
    /** Where each upvalue comes from: instack[i] ? enclosing frame slot index[i] : enclosing upvalue index[i]. */
    public boolean[] upvalInStack;
    public int[] upvalIndex;
    /** Local variable debug info: name, slot, and the statement range it is active in (by line). */
    public LocalInfo[] locals = new LocalInfo[0];
    /** Lines that have code (debug.getinfo "L"). */
    public int[] activeLines = new int[0];
    /** The parsed function ({@code Ast.FuncBody}), kept so string.dump can serialise it. */
    public Object ast;
    /**
     * Loaded from a stripped binary chunk: no line information (current line -1),
     * no local or upvalue names, source "=?", as the reference after {@code string.dump(f, true)}.
     */
    public boolean stripped;
    /**
     * Compile-time constants ({@code local x <const> = 5}) of enclosing functions
     * this function (or one nested in it) uses, by name: they are not upvalues,
     * so a dumped function carries them to be recompiled alone.
     */
    public final java.util.Map<String, Object> outerConsts = new java.util.LinkedHashMap<>();

    public Proto(String source, int line, int lastLine) {
        this.source = source;
        this.line = line;
        this.lastLine = lastLine;
    }

    public boolean isMain() { return line == 0; }

    /** A local variable of this function, for the debug library. */
    public record LocalInfo(String name, int slot, int startLine, int endLine, boolean captured) {}
}
