/**
 * Persistence: a session's data outlives the process.
 *
 * <p>The public API is this package:
 * <ul>
 * <li>{@link org.luahost.persistence.Persister}: attached to one
 *     {@link org.luahost.vm.LuaState} before its script runs;
 *     {@code capture()} turns what the script built (everything reachable from
 *     the globals, and its changes to library tables) into a
 *     {@link org.luahost.persistence.Snapshot}; {@code restore(bytes)} puts it
 *     back into a fresh state. Both run on the state's thread, between turns.</li>
 * <li>{@link org.luahost.persistence.SessionStore}: stores snapshots by
 *     session id and returns {@link java.util.concurrent.CompletionStage}s;
 *     the default, {@code SessionStore.sqlite(dataDir)}, is one SQLite file
 *     (WAL, group commit on a writer thread, last 3 snapshots per session);
 *     {@code SessionStore.sqliteLocked(dataDir, wait)} opens it as the data
 *     folder's one owner (a lock file held for the store's life);
 *     {@code SessionStore.postgresql(uri)} is a PostgreSQL database shared by
 *     several hosts, whose owners fence each other off
 *     ({@code claim(id)}, {@code save(id, bytes, token)},
 *     {@link org.luahost.persistence.FencedOffException}).</li>
 * <li>{@link org.luahost.persistence.UserdataCodec}: lets userdata of a given
 *     payload class be saved.</li>
 * <li>Errors: {@link org.luahost.persistence.UnpersistableValueException}
 *     ({@code cannot persist a thread at _G.players[3].co}),
 *     {@link org.luahost.persistence.CorruptSnapshotException},
 *     {@link org.luahost.persistence.ProfileMismatchException}, all
 *     {@link org.luahost.persistence.PersistenceException}s.</li>
 * </ul>
 *
 * <p>Data flow of a save: session thread: {@code capture} walks the graph
 * with an explicit stack and writes the snapshot bytes (this is the copy that
 * lets the session run on) → any thread: {@code store.save(id, bytes)} →
 * store writer thread: one SQLite transaction for every save waiting →
 * future completes when the commit is on disk. A restore is the reverse:
 * {@code store.load(id)} (reader thread; the newest snapshot whose checksum
 * is good) → session thread: {@code restore}.
 *
 * <p>Values the host provided before {@code attach} are saved as names
 * ({@code print}, {@code string.format}, {@code _G}) and re-bound on restore.
 * Lua functions are saved with their compiled form and upvalues (shared
 * upvalues stay shared). Code upgrade: a script that runs after a restore
 * defines its functions again, so new code runs on old data; functions kept
 * inside data (callbacks stored in tables) keep the code they were saved
 * with.
 *
 * <p>The profile rule: a snapshot records the profile (sandboxed or trusted)
 * and library set it was made under, and is restored into another only when
 * that is allowed; from sandboxed into trusted, its data only (its Lua
 * functions become functions that raise), so code written in a sandbox
 * never runs with the trusted libraries ({@code Persister.restore(bytes, allow)}).
 *
 * <p>Implementation: {@code codec} (the format, encoder, decoder, host
 * names) and {@code store} (SQLite, the data folder's lock, PostgreSQL).
 */
package org.luahost.persistence;
