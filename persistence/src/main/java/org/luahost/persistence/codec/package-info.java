/**
 * The snapshot format and its codec (internal; use
 * {@link org.luahost.persistence.Persister}).
 *
 * <p>{@link org.luahost.persistence.codec.HostIndex} names the host's values
 * and keeps a copy of the library tables; {@code Encoder} writes what
 * changed and everything it reaches, each object once, using an explicit work
 * stack (so a million-long list is no deeper on the Java stack than a short
 * one); {@code Decoder} mirrors that stack and checks every count against
 * the remaining input; {@link org.luahost.persistence.codec.SnapshotFormat}
 * wraps the body in a header with a CRC32C; {@code PathFinder} names where an
 * unsaveable value sits, only when one is found.
 *
 * <p>The codec sees the VM only through its API and its service-provider
 * interface: the encoder, the path finder and the host index learn what an
 * object contains from {@link org.luahost.vm.spi.ValueGraph} (the edges of
 * each Lua value type, defined once in the VM), and Lua functions are captured
 * and rebuilt, with their shared upvalue cells, through
 * {@link org.luahost.vm.spi.FunctionImages}.
 */
package org.luahost.persistence.codec;
