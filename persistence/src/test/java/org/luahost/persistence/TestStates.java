package org.luahost.persistence;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/** Fresh states for tests, with output discarded. */
final class TestStates {
    private TestStates() {}

    static LuaState fresh() {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        return LuaState.create(Profile.TRUSTED, nul, nul, InputStream.nullInputStream());
    }

    static Object[] run(LuaState L, String code) {
        LuaFunction f = L.load(code, "=test", "t", null);
        return L.call(f);
    }

    static Object eval(LuaState L, String expr) {
        return LuaFunction.first(run(L, "return " + expr));
    }

    /** Runs setup in a fresh state, captures, restores into another fresh state and returns it. */
    static LuaState roundTrip(String setup) {
        LuaState a = fresh();
        Persister pa = Persister.attach(a);
        run(a, setup);
        Snapshot s = pa.capture();
        LuaState b = fresh();
        Persister.attach(b).restore(s.bytes());
        return b;
    }
}
