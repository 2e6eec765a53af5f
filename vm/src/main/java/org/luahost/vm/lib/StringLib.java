package org.luahost.vm.lib;

import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/** Placeholder until the library lands: installs nothing. */
public final class StringLib {
    private StringLib() {}

    public static void install(LuaState L, Profile profile) {}
}
