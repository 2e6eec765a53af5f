package org.luahost.vm.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaTable;
import org.luahost.vm.Profile;

/**
 * The package, io and debug libraries in the sandboxed profile: require reads
 * only what the host allowed (an in-memory map, a folder), io is absent, and
 * debug has only traceback. What is left out is absent, not failing later.
 */
class SandboxedProfileTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LuaState state(Profile p) {
        return LuaState.create(p, new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(new ByteArrayOutputStream(), true), new ByteArrayInputStream(new byte[0]));
    }

    /** Runs a chunk and returns its first result. */
    private static Object run(LuaState L, String code) {
        LuaFunction f = L.load(code, "=test", "t", null);
        return LuaFunction.first(L.call(f));
    }

    private static String errorOf(LuaState L, String code) {
        LuaError e = assertThrows(LuaError.class, () -> run(L, code));
        return String.valueOf(e.value());
    }

    @Test
    void ioIsAbsent() {
        LuaState L = state(Profile.SANDBOXED);
        assertNull(L.getGlobal("io"));
        assertEquals("nil", run(L, "return type(io)"));
        assertEquals(Boolean.FALSE, run(L, "return package.loaded.io ~= nil"));
        assertTrue(errorOf(L, "io.write('x')").contains("attempt to index a nil value (global 'io')"));
    }

    @Test
    void osHasOnlyTheHarmlessFunctions() {
        LuaState L = state(Profile.SANDBOXED);
        assertEquals("clock,date,difftime,setlocale,time",
                run(L, "local r = {} for k in pairs(os) do r[#r + 1] = k end table.sort(r) return table.concat(r, ',')"));
        for (String f : new String[] {"execute", "exit", "remove", "rename", "tmpname", "getenv"}) {
            assertTrue(errorOf(L, "os." + f + "('x')").contains("attempt to call a nil value (field '" + f + "')"), f);
        }
        assertEquals(0L, run(L, "return os.time({year = 1970, month = 1, day = 1, hour = 0}) - os.time({year = 1970, month = 1, day = 1, hour = 0})"));
        assertEquals("1970", run(L, "return os.date('!%Y', 0)"));
    }

    @Test
    void loadTakesTextOnlyAndFilesAreNotRead() {
        LuaState L = state(Profile.SANDBOXED);
        assertEquals(3L, run(L, "return load('return 1 + 2')()"));
        // string.dump works, but its result cannot be loaded back, whatever the mode asked for
        assertEquals("attempt to load a binary chunk (mode is 't')",
                run(L, "return select(2, load(string.dump(function() return 1 end)))"));
        assertEquals("attempt to load a binary chunk (mode is 't')",
                run(L, "return select(2, load(string.dump(function() return 1 end), 'x', 'b'))"));
        assertEquals("attempt to load a binary chunk (mode is 't')",
                run(L, "local s, i = string.dump(function() end), 0 return select(2, load(function() i = i + 1 return s:sub(i, i) end))"));
        assertThrows(LuaError.class, () -> L.load(org.luahost.vm.chunk.Dump.dumpClosure(
                (org.luahost.vm.runtime.LuaClosure) L.load("return 1", "=x", "t", null), false), "=x", "t", null));
        assertNull(L.getGlobal("loadfile"));
        assertNull(L.getGlobal("dofile"));
        assertTrue(errorOf(L, "dofile('/etc/passwd')").contains("attempt to call a nil value (global 'dofile')"));
        assertEquals("assert,collectgarbage,error,getmetatable,ipairs,load,next,pairs,pcall,print,rawequal,rawget,rawlen,"
                + "rawset,require,select,setmetatable,tonumber,tostring,type,warn,xpcall",
                run(L, "local r = {} for k, v in pairs(_G) do if type(v) == 'function' then r[#r + 1] = k end end "
                        + "table.sort(r) return table.concat(r, ',')"));
    }

    @Test
    void sandboxedStateHasTheOtherLibrariesWhole() {
        LuaState L = state(Profile.SANDBOXED);
        LuaState T = state(Profile.TRUSTED);
        for (String lib : new String[] {"string", "table", "math", "utf8"}) {
            String list = "local r = {} for k in pairs(" + lib + ") do r[#r + 1] = k end table.sort(r) return table.concat(r, ',')";
            assertEquals(run(T, list), run(L, list), lib);
        }
        // (coroutine comes from the coroutines module, which the vm's tests do not load)
        assertEquals("_G,debug,math,os,package,string,table,utf8",
                run(L, "local r = {} for k in pairs(package.loaded) do r[#r + 1] = k end table.sort(r) return table.concat(r, ',')"));
    }

    @Test
    void debugHasOnlyTraceback() {
        LuaState L = state(Profile.SANDBOXED);
        assertEquals("traceback", run(L, "local r = {} for k in pairs(debug) do r[#r + 1] = k end return table.concat(r, ',')"));
        assertEquals("boom\nstack traceback:\n\t[C]: in function 'debug.traceback'\n\ttest:1: in main chunk",
                run(L, "return debug.traceback('boom', 0)"));
        assertTrue(errorOf(L, "debug.getinfo(1)").contains("attempt to call a nil value (field 'getinfo')"));
        assertEquals(Boolean.TRUE, run(L, "return package.loaded.debug == debug"));
    }

    @Test
    void packageOmitsNativeAndFileSystemFunctions() {
        LuaState L = state(Profile.SANDBOXED);
        assertEquals("config,loaded,path,preload,searchers",
                run(L, "local r = {} for k in pairs(package) do r[#r + 1] = k end table.sort(r) return table.concat(r, ',')"));
        assertEquals(2L, run(L, "return #package.searchers"));
        assertEquals(PackageLib.SANDBOX_PATH, run(L, "return package.path"));
        assertEquals(Boolean.TRUE, run(L, "return package.loaded._G == _G and package.loaded.string == string"));
    }

    @Test
    void requireFindsNothingUntilTheHostAllowsModules() {
        LuaState L = state(Profile.SANDBOXED);
        String err = errorOf(L, "require('mod')");
        assertEquals("test:1: module 'mod' not found:\n\tno field package.preload['mod']\n\tno module 'mod' in the host's sources", err);
        // not even a file that exists next to the process
        assertTrue(errorOf(L, "require('pom')").startsWith("test:1: module 'pom' not found"));
    }

    @Test
    void requireFromInMemorySources() {
        LuaState L = state(Profile.SANDBOXED);
        PackageLib.allowModules(L, null, Map.of("util", "local name = ... return {name = name, twice = function(x) return 2 * x end}",
                "broken", "return = 1"));
        assertEquals(42L, run(L, "return require('util').twice(21)"));
        assertEquals("util", run(L, "return require('util').name"));
        assertEquals(1L, run(L, "return select('#', require('util'))"));
        assertEquals("util", run(L, "package.loaded.util = nil return select(2, require('util'))"));
        assertEquals(Boolean.TRUE, run(L, "return require('util') == package.loaded.util"));
        String err = errorOf(L, "require('broken')");
        assertTrue(err.startsWith("error loading module 'broken' from file 'broken':\n\tbroken:1:"), err);
        // preload still comes first
        assertEquals("pre", run(L, "package.preload.util2 = function() return 'pre' end return require('util2')"));
    }

    @Test
    void requireFromAFolderStaysInsideIt(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("modules");
        Files.createDirectories(root.resolve("pkg"));
        Files.writeString(root.resolve("a.lua"), "return {file = select(2, ...)}");
        Files.writeString(root.resolve("pkg/init.lua"), "return 'pkg init'");
        Files.writeString(root.resolve("pkg/sub.lua"), "return 'pkg.sub'");
        Files.writeString(dir.resolve("secret.lua"), "return 'outside'");
        Files.writeString(root.resolve("bin.lua"), "\u001bLua binary");
        LuaState L = state(Profile.SANDBOXED);
        PackageLib.allowModules(L, root, null);
        assertEquals("a.lua", run(L, "return require('a').file"));
        assertEquals("a.lua", run(L, "package.loaded.a = nil return select(2, require('a'))"));
        assertEquals("pkg init", run(L, "return require('pkg')"));
        assertEquals("pkg.sub", run(L, "return require('pkg.sub')"));
        // templates that leave the folder are not used
        String err = errorOf(L, "package.path = '../?.lua;/etc/?' return require('secret')");
        assertEquals("test:1: module 'secret' not found:\n\tno field package.preload['secret']\n\tno module 'secret' in the host's sources"
                + "\n\tno file '../secret.lua'\n\tno file '/etc/secret'", err);
        run(L, "package.path = '?.lua;?/init.lua'");
        assertTrue(errorOf(L, "return require('..secret')").startsWith("test:1: module '..secret' not found"));
        // binary chunks are refused
        assertTrue(errorOf(L, "return require('bin')").startsWith("error loading module 'bin' from file 'bin.lua'"));
    }

    @Test
    void symbolicLinksOutOfTheFolderAreRefused(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("modules"));
        Path secret = Files.writeString(dir.resolve("secret.lua"), "return 'outside'");
        try {
            Files.createSymbolicLink(root.resolve("link.lua"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            return;   // no symbolic links here: nothing to test
        }
        LuaState L = state(Profile.SANDBOXED);
        PackageLib.allowModules(L, root, null);
        assertTrue(errorOf(L, "return require('link')").startsWith("test:1: module 'link' not found"));
    }

    @Test
    void allowModulesHasNoEffectOnTrustedStates() {
        LuaState L = state(Profile.TRUSTED);
        PackageLib.allowModules(L, null, Map.of("x", "return 1"));
        assertEquals(4L, run(L, "return #package.searchers"));
        assertTrue(errorOf(L, "require('x')").contains("no file './x.lua'"));
    }

    @Test
    void trustedStateHasEverything() {
        LuaState L = state(Profile.TRUSTED);
        assertTrue(L.getGlobal("io") instanceof LuaTable);
        assertEquals("debug,gethook,getinfo,getlocal,getmetatable,getregistry,getupvalue,getuservalue,setcstacklimit,"
                + "sethook,setlocal,setmetatable,setupvalue,setuservalue,traceback,upvalueid,upvaluejoin",
                run(L, "local r = {} for k in pairs(debug) do r[#r + 1] = k end table.sort(r) return table.concat(r, ',')"));
        assertEquals("close,flush,input,lines,open,output,popen,read,stderr,stdin,stdout,tmpfile,type,write",
                run(L, "local r = {} for k in pairs(io) do r[#r + 1] = k end table.sort(r) return table.concat(r, ',')"));
        assertEquals("absent", run(L, "return select(3, package.loadlib('x.so', 'f'))"));
    }

    @Test
    void ioWritesToTheStateStreams() {
        LuaState L = state(Profile.TRUSTED);
        run(L, "io.write('a', 1, ' ', 2.5) print('|') io.stdout:write('b\\n')");
        L.stdout.flush();
        assertEquals("a1 2.5|\nb\n", out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void setIgnoreEnvRestoresTheDefaults() {
        LuaState L = state(Profile.TRUSTED);
        run(L, "package.path = 'changed'");
        PackageLib.setIgnoreEnv(L, true);
        assertEquals(PackageLib.DEFAULT_PATH, run(L, "return package.path"));
        assertEquals(PackageLib.DEFAULT_CPATH, run(L, "return package.cpath"));
        assertEquals(Boolean.TRUE, run(L, "return debug.getregistry().LUA_NOENV"));
    }
}
