package org.luahost.vm.runtime;

/**
 * A place in a Lua function where something can go wrong or a call is made:
 * an executable node of the interpreter. It is the debug information of the
 * place, found only when an error or a traceback needs it, so the hot path
 * pays nothing for it.
 */
public interface Site {
    /** The source line the reference attributes to this place. */
    int line();

    /**
     * Describes operand {@code i} (0 or 1) as the reference does in error
     * messages: {@code " (global 'x')"}, {@code " (local 'x')"},
     * {@code " (field 'y')"}, {@code " (upvalue 'z')"}, {@code " (constant 'k')"},
     * or the empty string when there is nothing to say.
     */
    default String varInfo(int i) { return ""; }

    /**
     * How the function called here is named at this place: namewhat
     * ("global", "local", "method", "field", "upvalue", "for iterator",
     * "metamethod") or null when unknown.
     */
    default String calleeNameWhat() { return null; }

    /** The name matching {@link #calleeNameWhat()}. */
    default String calleeName() { return null; }

    /**
     * For a return statement (or the call of a {@code return f()}), where the
     * reference's registers hold the values it hands back: debug.getinfo's
     * {@code ftransfer} at the return event (1-based, a lone local's own
     * register, else the first register past the active locals); 0 elsewhere.
     */
    default int returnTransfer() { return 0; }

    /**
     * For a return statement, the locals in scope where it runs: indices into the
     * function's {@code Proto.locals}, in declaration order (what debug.getlocal lists at
     * the return event; a local whose scope ended earlier on the same line is not among
     * them); null elsewhere (the locals are then found by line).
     */
    default int[] returnLocals() { return null; }

    /**
     * For a call, the frame slots that hold the values lua5.4 keeps in the calling frame's
     * registers between its active locals and the called function while the call runs
     * (debug.getlocal's {@code "(temporary)"} entries of a frame making this call), in
     * register order; null when there are none.
     */
    default int[] pendingTemps() { return null; }

    /**
     * For a call, the locals in scope where it is made (indices into the function's
     * {@code Proto.locals}, in declaration order), which debug.getlocal lists for a frame
     * making this call (a local whose block ended earlier on the same line is not among
     * them, as in lua5.4); null elsewhere (the locals are then found by line).
     */
    default int[] scopeLocals() { return null; }
}
