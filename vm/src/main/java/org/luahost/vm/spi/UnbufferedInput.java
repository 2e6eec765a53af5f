package org.luahost.vm.spi;

import java.io.IOException;

/**
 * A state's standard input that can also be read past its own buffer, from the
 * descriptor itself, a byte at a time (the process's stdin as the standalone
 * interpreter sets it up). The interpreter's prompt reads its lines this way when
 * stdin is not a terminal, as the reference's readline does (one read(2) per
 * byte), so that what {@code io.read} has taken into the stream's buffer, as C's
 * stdio would, is no longer seen by the prompt, and the other way round.
 *
 * <p>Called on the Lua thread holding the state's turn.
 */
public interface UnbufferedInput {
    /** The next byte of the descriptor itself (0–255), or -1 at its end. */
    int readUnbuffered() throws IOException;
}
