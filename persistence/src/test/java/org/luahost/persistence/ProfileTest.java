package org.luahost.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luahost.persistence.TestStates.eval;
import static org.luahost.persistence.TestStates.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaState;
import org.luahost.vm.Profile;

/**
 * The sandbox survives persistence: a snapshot records its profile; a
 * restore into another profile fails unless allowed, and when allowed into
 * a wider profile, nothing written under the narrower one runs with the
 * wider one's libraries.
 */
class ProfileTest {
    /** What a sandboxed script can do to escape through a save and a restore into a trusted state. */
    static final String ESCAPE = """
            data = {count = 41, names = {'a', 'b'}}
            print = function(...) return os and os.execute and os.execute('echo escaped') end
            string.format = function(...) return io and io.open('/etc/passwd'):read('a') end
            handlers = {run = function() return os.execute end, env = _ENV}
            setmetatable(_G, {__index = function(t, k) return rawget(t, 'o' .. 's') end})
            local upv = function() return io end
            grab = function() return upv() end
            lib = {req = require, fmt = string.format, load = load}
            setmetatable(data, {__index = require})
            """;

    static LuaState state(Profile p) {
        PrintStream nul = new PrintStream(OutputStream.nullOutputStream());
        return LuaState.create(p, nul, nul, InputStream.nullInputStream());
    }

    static byte[] sandboxedSnapshot() {
        LuaState a = state(Profile.SANDBOXED);
        Persister p = Persister.attach(a);
        run(a, ESCAPE);
        return p.capture().bytes();
    }

    @Test
    void aSandboxedSnapshotIsRefusedByATrustedState() {
        byte[] snap = sandboxedSnapshot();
        LuaState b = state(Profile.TRUSTED);
        Object print = b.getGlobal("print");
        ProfileMismatchException e = assertThrows(ProfileMismatchException.class, () -> Persister.attach(b).restore(snap));
        assertEquals("the snapshot was made under the sandboxed profile and is not restored into a trusted state "
                + "unless a change of profile is allowed (--allow-profile-change)", e.getMessage());
        assertEquals("sandboxed", e.savedProfile());
        assertEquals("trusted", e.restoringProfile());
        assertSame(print, b.getGlobal("print"));   // unchanged
        assertNull(b.getGlobal("data"));
    }

    @Test
    void allowedIntoATrustedStateTheSandboxedCodeNeverRuns() {
        byte[] snap = sandboxedSnapshot();
        LuaState b = state(Profile.TRUSTED);
        Object print = b.getGlobal("print");
        Object format = eval(b, "string.format");
        RestoreReport r = Persister.attach(b).restore(snap, true);
        assertEquals("the snapshot was made under the sandboxed profile; restored into a trusted state because a change of "
                + "profile is allowed; its functions are not restored (they raise an error when called) and it does not "
                + "replace library values", r.warnings().get(0));
        assertTrue(r.warnings().get(1).matches("\\d+ functions of the sandboxed snapshot were replaced by functions that raise "
                + "an error, and 3 changes to library tables were left out"), r.warnings().get(1));
        // the data is there
        assertEquals(41L, eval(b, "data.count"));
        assertEquals("b", eval(b, "data.names[2]"));
        // the library values are the trusted state's own; no metatable on _G
        assertSame(print, b.getGlobal("print"));
        assertSame(format, eval(b, "string.format"));
        assertNull(eval(b, "getmetatable(_G)"));
        // the sandbox's functions raise instead of reaching os or io
        for (String call : new String[] {"handlers.run()", "grab()"}) {
            LuaError err = assertThrows(LuaError.class, () -> eval(b, call));
            assertTrue(err.getMessage().contains("a function saved under the sandboxed profile is not restored into a trusted state"),
                    err.getMessage());
        }
        // library functions kept as data are stand-ins too (the trusted require and load can do more)
        for (String f : new String[] {"lib.req", "lib.fmt", "lib.load", "getmetatable(data).__index"}) {
            assertSame(eval(b, "grab"), eval(b, f), f);
        }
        // a reference to _G saved as data is the trusted _G: only the trusted script's own code can use it
        assertEquals(Boolean.TRUE, eval(b, "handlers.env == _G"));
        // the next save keeps the stand-ins (by reference), never the sandbox's code
        byte[] again = Persister.of(b).capture().bytes();
        LuaState c = state(Profile.TRUSTED);
        assertEquals(java.util.List.of(), Persister.attach(c).restore(again).warnings());
        assertThrows(LuaError.class, () -> eval(c, "grab()"));
        assertEquals(41L, eval(c, "data.count"));
    }

    @Test
    void aTrustedSnapshotIsRefusedByASandboxedStateUnlessAllowed() {
        LuaState a = state(Profile.TRUSTED);
        Persister p = Persister.attach(a);
        run(a, "n = 5 function twice() return n * 2 end");
        byte[] snap = p.capture().bytes();
        LuaState b = state(Profile.SANDBOXED);
        ProfileMismatchException e = assertThrows(ProfileMismatchException.class, () -> Persister.attach(b).restore(snap));
        assertEquals("the snapshot was made under the trusted profile and is not restored into a sandboxed state "
                + "unless a change of profile is allowed (--allow-profile-change)", e.getMessage());
        // narrowing, allowed: code runs (with the sandbox's libraries)
        Persister.of(b).restore(snap, true);
        assertEquals(10L, eval(b, "twice()"));
    }

    @Test
    void theSameProfileRestoresAsBefore() {
        byte[] snap = sandboxedSnapshot();
        LuaState b = state(Profile.SANDBOXED);
        RestoreReport r = Persister.attach(b).restore(snap);
        assertEquals(java.util.List.of(), r.warnings());
        assertEquals(41L, eval(b, "data.count"));
        assertNull(eval(b, "handlers.run()"));   // still sandboxed: no os.execute
        assertSame(b.getGlobal("require"), eval(b, "lib.req"));   // the same profile: library functions are themselves
    }

    /** A version 1 snapshot (no profile recorded): only when allowed, as the restoring profile. */
    @Test
    void anOldSnapshotNeedsTheChangeToBeAllowed() {
        LuaState a = state(Profile.TRUSTED);
        Persister p = Persister.attach(a);
        run(a, "n = 7");
        byte[] v2 = p.capture().bytes();
        // strip the profile record ("trusted" as STR: tag, length, 7 bytes; then 8 bytes) and mark the header version 1
        int cut = 1 + 1 + 7 + 8;
        byte[] v1 = new byte[v2.length - cut];
        System.arraycopy(v2, 0, v1, 0, 16);
        System.arraycopy(v2, 16 + cut, v1, 16, v2.length - 16 - cut);
        v1[4] = 0;
        v1[5] = 1;
        int len = v1.length - 16;
        v1[8] = (byte) (len >>> 24); v1[9] = (byte) (len >>> 16); v1[10] = (byte) (len >>> 8); v1[11] = (byte) len;
        CRC32C c = new CRC32C();
        c.update(v1, 4, 8);
        c.update(v1, 16, len);
        int crc = (int) c.getValue();
        v1[12] = (byte) (crc >>> 24); v1[13] = (byte) (crc >>> 16); v1[14] = (byte) (crc >>> 8); v1[15] = (byte) crc;
        LuaState b = state(Profile.TRUSTED);
        ProfileMismatchException e = assertThrows(ProfileMismatchException.class, () -> Persister.attach(b).restore(v1));
        assertTrue(e.getMessage().startsWith("the snapshot does not record the profile it was made under"), e.getMessage());
        Persister.of(b).restore(v1, true);
        assertEquals(7L, eval(b, "n"));
    }
}
