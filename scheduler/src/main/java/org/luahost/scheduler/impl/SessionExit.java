package org.luahost.scheduler.impl;

/**
 * What {@code os.exit} throws in a session (the state's
 * {@link org.luahost.vm.ExitHandler}, set by {@link LuaRunner#create}): not
 * a Lua error, so no {@code pcall} catches it (as in the reference, where
 * os.exit does not return). {@link TurnRunner} ends the turn with it and
 * stops the session; the process and the other sessions go on.
 */
final class SessionExit extends RuntimeException {
    final int status;

    SessionExit(int status) {
        super("os.exit(" + status + ")", null, false, false);
        this.status = status;
    }
}
