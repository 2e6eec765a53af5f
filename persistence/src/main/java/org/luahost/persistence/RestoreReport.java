package org.luahost.persistence;

import java.util.List;

import org.luahost.vm.LuaTable;

/**
 * What a restore did.
 *
 * @param warnings one line per value that could not be re-bound (a host value that no longer
 *                 exists, e.g. {@code host value 'mylib.f' no longer exists; restored as nil})
 * @param objects  number of tables, functions, upvalue cells and userdata rebuilt
 * @param extra    the host's extra root saved with {@link Persister#capture(UnpersistablePolicy, LuaTable)},
 *                 or null (none was saved, or the snapshot is older than format version 3)
 */
public record RestoreReport(List<String> warnings, long objects, LuaTable extra) {
    /** A report without an extra root. */
    public RestoreReport(List<String> warnings, long objects) { this(warnings, objects, null); }
}
