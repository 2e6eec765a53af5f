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
    /**
     * Number of slots a frame allocates: {@link #frameSize}, and past the locals' slots the
     * pending temporaries of its expressions ({@code nodes.Exprs.Temp}), when they need more.
     */
    public int slotCount;
    public Block body;
    /** Upvalue names, in index order (for debug.getupvalue). */
    public String[] upvalNames;
    /** Where each upvalue comes from: instack[i] ? enclosing frame slot index[i] : enclosing upvalue index[i]. */
    public boolean[] upvalInStack;
    public int[] upvalIndex;
    /**
     * Local variable debug information recorded by the compiler (the
     * reference's locvars): name, slot, and the line range it is active in,
     * in declaration order. When stripped, named "(temporary)", without declarations.
     */
    public LocalInfo[] locals = new LocalInfo[0];
    /**
     * Lines that have code, ascending, recorded by the compiler (the
     * reference's lineinfo, as debug.getinfo "L" shows it). Empty when stripped.
     */
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

    /**
     * Bytes a collection counts for this function's code while a closure of it is
     * reachable (set by {@code load} on a chunk's main function: its syntax tree and
     * compiled code, estimated from the source's length; 0 for the others).
     */
    public long codeBytes;

    public Proto(String source, int line, int lastLine) {
        this.source = source;
        this.line = line;
        this.lastLine = lastLine;
    }

    public boolean isMain() { return line == 0; }

    /**
     * A local variable of this function, for the debug library. slot is -1
     * for the reference's hidden loop variables ("(for state)"). decl says
     * which calls belong to the declaration itself (null: none).
     */
    public record LocalInfo(String name, int slot, int startLine, int endLine, boolean captured, Decl decl) {
        /** The same entry, its scope ending at endLine. */
        public LocalInfo endingAt(int endLine) {
            return new LocalInfo(name, slot, startLine, endLine, captured, decl);
        }
    }

    /**
     * The calls made by a local's own declaration (its initializer, or its
     * loop's header), which do not see the local yet: by the callee's name
     * (as {@link Site#calleeName()} gives it; null when unnamed) and line.
     * iterator: the local is a generic for's variable, not yet visible to
     * the call of the loop's iterator.
     */
    public record Decl(String[] callees, int[] lines, boolean iterator) {
        /** Whether a call at line to a function named callee is part of the declaration. */
        public boolean hasCall(String callee, int line) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i] == line && java.util.Objects.equals(callees[i], callee)) return true;
            }
            return false;
        }
    }
}
