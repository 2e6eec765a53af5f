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
 */
package org.luahost.persistence.codec;
