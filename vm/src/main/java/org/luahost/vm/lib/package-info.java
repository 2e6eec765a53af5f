/**
 * The standard library of Lua 5.4 as Java functions (see {@link org.luahost.vm}
 * for the whole pipeline).
 *
 * <p>{@link org.luahost.vm.lib.Libraries#installAll} fills a new state's
 * globals, one class per Lua library as the reference has one C file per
 * library: {@link org.luahost.vm.lib.BaseLib}, {@link org.luahost.vm.lib.PackageLib},
 * {@link org.luahost.vm.lib.StringLib} (with {@code LuaPattern},
 * {@code StringFormat} and {@code StringPack}), {@link org.luahost.vm.lib.TableLib}
 * (with {@code TableSort}), {@link org.luahost.vm.lib.MathLib} (with
 * {@code Xoshiro256}), {@link org.luahost.vm.lib.Utf8Lib},
 * {@link org.luahost.vm.lib.OsLib} (with {@code OsDate} and {@code OsNative}),
 * {@link org.luahost.vm.lib.IoLib} (with {@code LuaFile}; trusted profile only) and
 * {@link org.luahost.vm.lib.DebugLib} (the Lua-facing half; the core is
 * {@link org.luahost.vm.debug}). Each library decides what the
 * sandboxed {@link org.luahost.vm.Profile} leaves out; other modules add their
 * libraries afterwards through {@link org.luahost.vm.LuaLibrary}.
 *
 * <p>Data flow: a Lua call reaches a library function as a
 * {@link org.luahost.vm.JavaFunction}: its body checks and converts the
 * arguments with {@link org.luahost.vm.Args} (the reference's
 * {@code luaL_check*} messages), computes, and returns the results. The
 * functions common in loops are {@link org.luahost.vm.lib.FastFunction}s,
 * whose one-result calls from the interpreter and the second tier skip the
 * argument array and the frame; their fast path and general body come from
 * one definition. What the libraries share with the operators (number
 * conversions, C's pow and fmod, NaN signs, coercions to strings and numbers)
 * is in {@code org.luahost.vm.runtime} ({@code Numbers}, {@code Ops},
 * {@code NumFmt}), never repeated here. Functions whose cost grows with
 * their input charge the work meter from inside their loops, per chunk of
 * work ({@link org.luahost.vm.lib.Work}); plain-text search is
 * {@link org.luahost.vm.lib.PlainFind}.
 */
package org.luahost.vm.lib;
