package org.luahost.persistence;

import java.util.List;

/**
 * What a restore did.
 *
 * @param warnings one line per value that could not be re-bound (a host value that no longer
 *                 exists, e.g. {@code host value 'mylib.f' no longer exists; restored as nil})
 * @param objects  number of tables, functions, upvalue cells and userdata rebuilt
 */
public record RestoreReport(List<String> warnings, long objects) {}
