package org.luahost.persistence.store;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.luahost.persistence.Persister;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/** Snapshots to save and a bounded wait for the stores' stages. */
final class StoreTesting {
    private StoreTesting() {}

    /** A snapshot of a fresh state after running code. */
    static byte[] snapshotOf(String code) {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        LuaState L = LuaState.create(Profile.TRUSTED, nul, nul, InputStream.nullInputStream());
        Persister p = Persister.attach(L);
        L.call(L.load(code, "=test", "t", null));
        return p.capture().bytes();
    }

    /** The value of a global after restoring a snapshot. */
    static Object restored(byte[] snapshot, String global) {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        LuaState L = LuaState.create(Profile.TRUSTED, nul, nul, InputStream.nullInputStream());
        Persister.attach(L).restore(snapshot);
        return L.call(L.load("return " + global, "=test", "t", null))[0];
    }

    static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
