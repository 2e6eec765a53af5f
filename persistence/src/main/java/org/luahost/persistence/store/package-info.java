/**
 * Implementations of {@link org.luahost.persistence.SessionStore}: the
 * embedded SQLite store (one file, WAL mode, a writer thread with group
 * commit, a reader thread).
 */
package org.luahost.persistence.store;
