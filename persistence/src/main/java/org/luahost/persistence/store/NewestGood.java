package org.luahost.persistence.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.luahost.persistence.CorruptSnapshotException;
import org.luahost.persistence.StoredSnapshot;
import org.luahost.persistence.codec.SnapshotFormat;

/**
 * Picks the snapshot a store's {@code load(id)} returns: the newest whose
 * checksum verifies, carrying a warning for each newer one passed over. Both
 * stores read a session's snapshots newest first and {@link #offer} each in
 * turn, stopping at the first it accepts (so older ones are never read);
 * {@link #none} ends a read that accepted none.
 *
 * <p>Threads: one instance per read, on the thread doing the read.
 */
final class NewestGood {
    private final String session;
    private final List<String> warnings = new ArrayList<>();

    NewestGood(String session) { this.session = session; }

    /** The snapshot if data verifies; otherwise null, and the reason is kept as a warning. */
    StoredSnapshot offer(long seq, byte[] data) {
        try {
            SnapshotFormat.verify(data);
        } catch (CorruptSnapshotException e) {
            warnings.add("snapshot " + seq + " of session '" + session + "' is unusable (" + e.getMessage() + ")");
            return null;
        }
        return new StoredSnapshot(session, seq, data, List.copyOf(warnings));
    }

    /** After every row was offered and none accepted: empty when there were none, else the corruption. */
    Optional<StoredSnapshot> none() {
        if (!warnings.isEmpty()) throw new CorruptSnapshotException(String.join("; ", warnings) + "; no usable snapshot left");
        return Optional.empty();
    }
}
