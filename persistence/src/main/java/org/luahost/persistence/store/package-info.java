/**
 * Implementations of {@link org.luahost.persistence.SessionStore}: the
 * embedded SQLite store (one file, WAL mode, a writer thread with group
 * commit, a reader thread; a connection reopened after SQLite rolled a
 * transaction back itself), {@link org.luahost.persistence.store.DataFolderLock},
 * one owner per data folder, and the shared PostgreSQL store
 * ({@link org.luahost.persistence.store.PgSessionStore}: reactive client,
 * migrations in {@code PgSchema}, group commit in {@code PgWriter}, fencing
 * in SQL). Both stores implement fencing the same way: a per-session token
 * raised by each claim and checked by the same statement that writes.
 */
package org.luahost.persistence.store;
