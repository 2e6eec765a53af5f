/**
 * Implementations of {@link org.luahost.persistence.SessionStore}: the
 * embedded SQLite store (one file, WAL mode, a writer thread with group
 * commit, a reader thread; a connection reopened after SQLite rolled a
 * transaction back itself), and {@link org.luahost.persistence.store.DataFolderLock},
 * one owner per data folder.
 */
package org.luahost.persistence.store;
