/**
 * The standard libraries of Lua 5.4, one class per library as the reference
 * has one C file per library ({@code BaseLib}, {@code StringLib} with
 * {@code LuaPattern}, {@code StringFormat} and {@code StringPack},
 * {@code TableLib} with {@code TableSort}, {@code MathLib}, {@code Utf8Lib},
 * {@code PackageLib}, {@code DebugLib}, and the io and os libraries);
 * {@link org.luahost.vm.lib.Libraries} installs them into a new state for its
 * profile.
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
 * {@code NumFmt}), never repeated here.
 */
package org.luahost.vm.lib;
