package org.luahost.persistence.codec;

import java.util.zip.CRC32C;

import org.luahost.persistence.CorruptSnapshotException;

/**
 * The snapshot container: a 16-byte header and the body.
 *
 * <pre>
 * offset  size  field
 *  0      4     magic: 0x89 'L' 'H' 'S' (the high byte catches 7-bit channels, as PNG's does)
 *  4      2     format version, big-endian (2, or 3 with an extra root; version 1 is still read)
 *  6      2     flags, big-endian (0; a reader rejects bits it does not know)
 *  8      4     body length, big-endian
 * 12      4     CRC32C of bytes 4..11 and of the body, big-endian
 * 16      n     body
 * </pre>
 *
 * <p>The body (version 2) is: the profile the state had when it was
 * captured (a string value, {@code trusted} or {@code sandboxed}) and its
 * library fingerprint (8 bytes, little-endian; {@link HostIndex#fingerprint}),
 * then what a version 1 body holds: a varint count of root tables; for each, its
 * host name (a string value), a varint count of changed entries, the entries
 * as key/value pairs, a byte 0/1 saying whether its metatable changed and, if
 * 1, the metatable. Then the contents of every object announced so far, taken
 * from a stack (last announced first), until it is empty. Values are tagged
 * ({@code Tags}); objects are announced once and referred to by id after;
 * strings are written once and referred to by id after.
 *
 * <p>Version 3 is version 2 with one more value after the root tables and
 * before the contents: the host's extra root, a table (the scheduler keeps
 * its pending timers there, {@code Persister#capture(UnpersistablePolicy,
 * LuaTable)}). A snapshot without an extra root is still written as version
 * 2, so an older luahost reads it; one with an extra root is refused by a
 * luahost that reads only up to version 2 ("unsupported snapshot format
 * version 3").
 */
public final class SnapshotFormat {
    private SnapshotFormat() {}

    public static final int HEADER = 16;
    public static final int VERSION = 3;
    /** The version of snapshots without an extra root. */
    public static final int VERSION_NO_EXTRA = 2;
    /** The oldest version this luahost reads (its snapshots do not record a profile). */
    public static final int OLDEST_VERSION = 1;
    private static final byte[] MAGIC = {(byte) 0x89, 'L', 'H', 'S'};

    /** Fills the header in front of a body written with {@link #HEADER} bytes of room. */
    static byte[] seal(byte[] buf) { return seal(buf, VERSION_NO_EXTRA); }

    /** Fills the header (of the given format version) in front of a body written with {@link #HEADER} bytes of room. */
    static byte[] seal(byte[] buf, int version) {
        int bodyLength = buf.length - HEADER;
        System.arraycopy(MAGIC, 0, buf, 0, 4);
        putInt(buf, 4, version << 16);
        putInt(buf, 8, bodyLength);
        putInt(buf, 12, crc(buf, bodyLength));
        return buf;
    }

    /**
     * Checks magic, version, flags, length and checksum; throws
     * {@link CorruptSnapshotException} saying which failed. Returns the
     * format version.
     */
    public static int verify(byte[] snapshot) {
        if (snapshot == null || snapshot.length < HEADER) {
            throw new CorruptSnapshotException("corrupt snapshot: " + (snapshot == null ? 0 : snapshot.length)
                    + " bytes, shorter than the 16-byte header");
        }
        for (int i = 0; i < 4; i++) {
            if (snapshot[i] != MAGIC[i]) throw new CorruptSnapshotException("not a luahost snapshot (bad magic number)");
        }
        int version = getInt(snapshot, 4) >>> 16;
        int flags = getInt(snapshot, 4) & 0xFFFF;
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new CorruptSnapshotException("unsupported snapshot format version " + version + " (this luahost reads versions "
                    + OLDEST_VERSION + " to " + VERSION + ")");
        }
        if (flags != 0) throw new CorruptSnapshotException("corrupt snapshot: unknown flags " + flags);
        long bodyLength = getInt(snapshot, 8) & 0xFFFFFFFFL;
        if (bodyLength != snapshot.length - HEADER) {
            throw new CorruptSnapshotException("corrupt snapshot: header says " + bodyLength + " body bytes, found "
                    + (snapshot.length - HEADER) + " (truncated?)");
        }
        if (getInt(snapshot, 12) != crc(snapshot, (int) bodyLength)) {
            throw new CorruptSnapshotException("corrupt snapshot: checksum mismatch");
        }
        return version;
    }

    private static int crc(byte[] buf, int bodyLength) {
        CRC32C c = new CRC32C();
        c.update(buf, 4, 8);
        c.update(buf, HEADER, bodyLength);
        return (int) c.getValue();
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }
}
