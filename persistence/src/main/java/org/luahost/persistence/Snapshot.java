package org.luahost.persistence;

import java.util.List;

/**
 * A captured state: the complete snapshot bytes (header, checksum, body), ready
 * to be stored, and what the capture left out under
 * {@link UnpersistablePolicy#SKIP_WITH_WARNING}. Immutable; the bytes are not
 * copied, so callers must not change them.
 *
 * @param bytes    the snapshot, as {@link SessionStore#save} takes it
 * @param warnings one line per value left out ({@code skipped a thread at _G.co}); empty normally
 * @param objects  number of tables, functions, upvalue cells and userdata written (for statistics)
 */
public record Snapshot(byte[] bytes, List<String> warnings, long objects) {
    /**
     * Whether this snapshot holds exactly the data of another. Capture is
     * deterministic (the same graph gives the same bytes), so a session can
     * skip saving after a turn that changed nothing.
     */
    public boolean sameContentAs(Snapshot other) {
        return other != null && java.util.Arrays.equals(bytes, other.bytes);
    }
}
