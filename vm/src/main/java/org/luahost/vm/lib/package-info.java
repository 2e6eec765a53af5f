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
 * <p>Library functions take and return Lua values as Java objects (see
 * {@link org.luahost.vm.Lua}), reach the semantics of values through
 * {@link org.luahost.vm.runtime.Ops}, and raise {@link org.luahost.vm.LuaError}s
 * with the reference's wording. Functions that loops call often are
 * {@code FastFunction}s, with an allocation-free path for
 * the common argument types.
 */
package org.luahost.vm.lib;
