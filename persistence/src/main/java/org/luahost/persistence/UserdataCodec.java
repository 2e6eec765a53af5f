package org.luahost.persistence;

/**
 * Saves and restores the payload of a {@link org.luahost.vm.LuaUserdata}
 * whose payload is of a given class. Register one with
 * {@link Persister#register(UserdataCodec)}; userdata with other payloads
 * cannot be saved (unless the host provided them at start). The userdata's
 * metatable and user value are saved as ordinary values.
 *
 * @param <T> the payload class
 */
public interface UserdataCodec<T> {
    /** A stable name written into snapshots (restore looks the codec up by it). */
    String name();

    /** The payload class this codec handles (exact class, not subclasses). */
    Class<T> type();

    byte[] encode(T payload);

    /** Rebuilds a payload; throw any runtime exception for bytes that are not valid. */
    T decode(byte[] bytes);
}
