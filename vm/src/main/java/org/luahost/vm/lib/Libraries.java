package org.luahost.vm.lib;

import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * Installs the vm module's standard libraries into a new state, per profile.
 * Each library decides for itself what the sandboxed profile leaves out.
 */
public final class Libraries {
    private Libraries() {}

    public static void installAll(LuaState L, Profile profile) {
        BaseLib.install(L, profile);
        PackageLib.install(L, profile);
        StringLib.install(L, profile);
        TableLib.install(L, profile);
        MathLib.install(L, profile);
        Utf8Lib.install(L, profile);
        OsLib.install(L, profile);
        if (profile == Profile.TRUSTED) IoLib.install(L, profile);
        DebugLib.install(L, profile);
    }
}
