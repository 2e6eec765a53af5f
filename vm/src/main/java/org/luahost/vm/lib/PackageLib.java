package org.luahost.vm.lib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.luahost.vm.Args;
import org.luahost.vm.JavaFunction;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaString;
import org.luahost.vm.LuaTable;
import org.luahost.vm.LuaThread;
import org.luahost.vm.Profile;
import org.luahost.vm.runtime.Ops;

/**
 * The {@code package} library and {@code require} (manual §6.3), installed
 * right after the basic functions so that every other library can register
 * itself in {@code package.loaded}.
 *
 * <h2>Trusted profile</h2>
 * As the reference {@code lua5.4} (Debian build): {@code package.path} and
 * {@code package.cpath} have the reference defaults, replaced by
 * {@code LUA_PATH_5_4}/{@code LUA_PATH} ({@code LUA_CPATH_5_4}/{@code LUA_CPATH})
 * when set, where {@code ";;"} stands for the default; {@link #setIgnoreEnv}
 * (the {@code -E} option) ignores the environment. The four searchers are the
 * reference's: preload, Lua files on {@code package.path}, and the two C
 * searchers on {@code package.cpath}. luahost loads no native code: it
 * behaves as a reference build without dynamic-library support, so
 * {@code package.loadlib} returns {@code nil, "dynamic libraries not enabled;
 * check your Lua installation", "absent"}, and a C searcher that finds a file
 * fails with {@code error loading module ... from file ...} and that message
 * (when no file is found it lists the places searched, as the reference does).
 *
 * <h2>Sandboxed profile</h2>
 * {@code require} reads only what the host allowed with
 * {@link #allowModules}: an in-memory map from module names to source text,
 * and/or a folder. There are two searchers (preload, then the allowed
 * sources); {@code package.path} (default {@code "?.lua;?/init.lua"}) lists
 * the templates tried in the folder, each relative to it (a template that
 * would leave the folder, also through a symbolic link, is skipped). Modules
 * load as text only. A module from the map is the chunk {@code "=name"} and
 * its loader data is its name; one from the folder is the chunk
 * {@code "@rel/path.lua"} with the relative path as loader data, so messages
 * never show where the folder is. {@code loadlib}, {@code searchpath} and
 * {@code cpath} are absent.
 */
public final class PackageLib {
    private PackageLib() {}

    /** package.path of the reference build. */
    public static final String DEFAULT_PATH = "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
            + "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;"
            + "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
    /** package.cpath of the reference build. */
    public static final String DEFAULT_CPATH = "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;"
            + "/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";
    /** package.path of a sandboxed state: templates relative to the allowed folder. */
    public static final String SANDBOX_PATH = "?.lua;?/init.lua";

    /** The message of a reference build without dynamic libraries (DLMSG). */
    static final String DLMSG = "dynamic libraries not enabled; check your Lua installation";

    /** Registry keys shared with the reference's conventions. */
    static final String LOADED = "_LOADED", PRELOAD = "_PRELOAD";

    /** Per-state data: what a sandboxed require may read. */
    private static final class Allowed {
        Path folder;
        Map<String, String> sources = Map.of();
    }

    public static void install(LuaState L, Profile profile) {
        LuaTable pkg = new LuaTable(0, 12);
        LuaTable loaded = subtable(L.registry, LOADED);
        LuaTable preload = subtable(L.registry, PRELOAD);
        boolean trusted = profile == Profile.TRUSTED;
        if (trusted) {
            boolean noenv = Lua.isTruthy(L.registry.rawget("LUA_NOENV"));
            pkg.rawset("path", pathFromEnv("LUA_PATH", DEFAULT_PATH, noenv));
            pkg.rawset("cpath", pathFromEnv("LUA_CPATH", DEFAULT_CPATH, noenv));
            pkg.rawset("loadlib", JavaFunction.of("package.loadlib", (th, a) -> {
                Args.checkString(th, a, 1);
                Args.checkString(th, a, 2);
                return new Object[] {null, DLMSG, "absent"};
            }));
            pkg.rawset("searchpath", JavaFunction.of("package.searchpath", (th, a) -> {
                // the reference's C compiler evaluates these arguments right to left
                String rep = Args.optString(th, a, 4, "/");
                String sep = Args.optString(th, a, 3, ".");
                String path = Args.checkString(th, a, 2);
                String name = Args.checkString(th, a, 1);
                String[] err = new String[1];
                String f = searchPath(name, path, sep, rep, err);
                return f != null ? new Object[] {f} : new Object[] {null, err[0]};
            }));
        } else {
            pkg.rawset("path", SANDBOX_PATH);
            L.setExtension(Allowed.class, new Allowed());
        }
        pkg.rawset("config", "/\n;\n?\n!\n-\n");
        pkg.rawset("loaded", loaded);
        pkg.rawset("preload", preload);

        LuaTable searchers = new LuaTable(4, 0);
        searchers.rawset(1L, JavaFunction.of(null, (th, a) -> searcherPreload(th, a)));
        if (trusted) {
            searchers.rawset(2L, JavaFunction.of(null, (th, a) -> searcherLua(th, a, pkg)));
            searchers.rawset(3L, JavaFunction.of(null, (th, a) -> searcherC(th, a, pkg)));
            searchers.rawset(4L, JavaFunction.of(null, (th, a) -> searcherCroot(th, a, pkg)));
        } else {
            searchers.rawset(2L, JavaFunction.of(null, (th, a) -> searcherAllowed(th, a, pkg)));
        }
        pkg.rawset("searchers", searchers);

        L.setGlobal("require", JavaFunction.of("require", (th, a) -> require(th, a, pkg)));
        L.setGlobal("package", pkg);
        loaded.rawset("_G", L.globals);
        loaded.rawset("package", pkg);
    }

    /**
     * The {@code -E} option of the standalone interpreter: when on, package.path
     * and package.cpath ignore LUA_PATH* / LUA_CPATH* (they are recomputed now)
     * and the registry field LUA_NOENV is set, as the reference does.
     */
    public static void setIgnoreEnv(LuaState L, boolean ignore) {
        L.registry.rawset("LUA_NOENV", ignore ? Boolean.TRUE : null);
        if (L.profile == Profile.TRUSTED && L.getGlobal("package") instanceof LuaTable pkg) {
            pkg.rawset("path", pathFromEnv("LUA_PATH", DEFAULT_PATH, ignore));
            pkg.rawset("cpath", pathFromEnv("LUA_CPATH", DEFAULT_CPATH, ignore));
        }
    }

    /**
     * What {@code require} may read in a sandboxed state: modules from
     * {@code folder} (may be null), found with the templates of package.path
     * relative to it, and the modules of {@code sources} (module name to
     * source text, may be null), which are tried first. Replaces what an
     * earlier call allowed. Has no effect on a trusted state.
     */
    public static void allowModules(LuaState L, Path folder, Map<String, String> sources) {
        Allowed a = L.extension(Allowed.class);
        if (a == null) return;
        a.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        Map<String, String> m = new HashMap<>();
        if (sources != null) {
            for (Map.Entry<String, String> e : sources.entrySet()) m.put(LuaString.fromJava(e.getKey()), e.getValue());
        }
        a.sources = m;
    }

    // ---------------------------------------------------------------- helpers

    private static LuaTable subtable(LuaTable t, String key) {
        if (t.rawget(key) instanceof LuaTable s) return s;
        LuaTable s = new LuaTable();
        t.rawset(key, s);
        return s;
    }

    /** setpath: the versioned variable, else the plain one, else the default; ";;" in it stands for the default. */
    private static String pathFromEnv(String var, String dft, boolean noenv) {
        String path = System.getenv(var + "_5_4");
        if (path == null) path = System.getenv(var);
        if (path == null || noenv) return dft;
        path = LuaString.fromJava(path);
        int mark = path.indexOf(";;");
        if (mark < 0) return path;
        StringBuilder sb = new StringBuilder();
        if (mark > 0) sb.append(path, 0, mark).append(';');
        sb.append(dft);
        if (mark < path.length() - 2) sb.append(';').append(path, mark + 2, path.length());
        return sb.toString();
    }

    /** gsub with plain strings (luaL_gsub). */
    private static String replace(String s, String pat, String rep) {
        if (pat.isEmpty()) return s;
        return s.replace(pat, rep);
    }

    /** C's view of a Lua string: up to the first NUL. */
    private static String cstr(String s) {
        int z = s.indexOf('\0');
        return z < 0 ? s : s.substring(0, z);
    }

    /**
     * searchpath: the first readable file the templates of path give for name,
     * or null with err[0] = "no file 'a'\n\tno file 'b'...".
     */
    static String searchPath(String name, String path, String sep, String rep, String[] err) {
        name = cstr(name);
        path = cstr(path);
        sep = cstr(sep);
        // when the name has sep's first character, every occurrence of the whole sep is replaced
        if (!sep.isEmpty() && name.indexOf(sep.charAt(0)) >= 0) name = replace(name, sep, cstr(rep));
        String all = replace(path, "?", name);
        for (String f : all.split(";", -1)) {
            if (f.isEmpty()) continue;
            if (readable(f)) return f;
        }
        err[0] = "no file '" + all.replace(";", "'\n\tno file '") + "'";
        return null;
    }

    /** fopen(name, "r") succeeds: the file exists and is readable (directories too, as on Linux). */
    private static boolean readable(String f) {
        try {
            Path p = Path.of(LuaString.toJava(f));
            return Files.exists(p) && Files.isReadable(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** findfile: searches package[pname] (must be a string). */
    private static String findFile(LuaThread th, LuaTable pkg, String name, String pname, String[] err) {
        String path = Ops.tolstring(pkg.rawget(pname));
        if (path == null) throw th.errorAtLevel("'package." + pname + "' must be a string", 1);
        return searchPath(name, path, ".", "/", err);
    }

    /** checkload: the loader and its data, or the reference's "error loading module" error. */
    private static Object[] checkLoad(LuaThread th, String modname, LuaFunction loader, String filename, Object errmsg) {
        if (loader != null) return new Object[] {loader, filename};
        String msg = errmsg instanceof String s ? s : Ops.tostringRaw(th.state, errmsg);
        throw th.errorAtLevel("error loading module '" + modname + "' from file '" + filename + "':\n\t" + msg, 1);
    }

    // ---------------------------------------------------------------- searchers

    private static Object[] searcherPreload(LuaThread th, Object[] a) {
        String name = Args.checkString(th, a, 1);
        Object preload = th.state.registry.rawget(PRELOAD);
        if (!(preload instanceof LuaTable)) throw th.errorAtLevel("'package.preload' must be a table", 1);
        Object loader = Ops.index(th, preload, name, null);
        if (loader == null) return new Object[] {"no field package.preload['" + name + "']"};
        return new Object[] {loader, ":preload:"};
    }

    private static Object[] searcherLua(LuaThread th, Object[] a, LuaTable pkg) {
        String name = Args.checkString(th, a, 1);
        String[] err = new String[1];
        String filename = findFile(th, pkg, name, "path", err);
        if (filename == null) return new Object[] {err[0]};
        LuaFunction f;
        try {
            f = th.state.loadFile(filename, "bt", th.ccalls);
        } catch (LuaError e) {
            return checkLoad(th, name, null, filename, e.value());
        }
        return checkLoad(th, name, f, filename, null);
    }

    private static Object[] searcherC(LuaThread th, Object[] a, LuaTable pkg) {
        String name = Args.checkString(th, a, 1);
        String[] err = new String[1];
        String filename = findFile(th, pkg, name, "cpath", err);
        if (filename == null) return new Object[] {err[0]};
        // a file was found, but native code cannot be loaded (lsys_load of a build without DL)
        return checkLoad(th, name, null, filename, DLMSG);
    }

    private static Object[] searcherCroot(LuaThread th, Object[] a, LuaTable pkg) {
        String name = Args.checkString(th, a, 1);
        int dot = name.indexOf('.');
        if (dot < 0) return LuaFunction.NONE;
        String[] err = new String[1];
        String filename = findFile(th, pkg, name.substring(0, dot), "cpath", err);
        if (filename == null) return new Object[] {err[0]};
        return checkLoad(th, name, null, filename, DLMSG);
    }

    /** The sandboxed profile's searcher: the host's in-memory sources, then its folder. */
    private static Object[] searcherAllowed(LuaThread th, Object[] a, LuaTable pkg) {
        String name = Args.checkString(th, a, 1);
        LuaState L = th.state;
        Allowed allowed = L.extension(Allowed.class);
        StringBuilder msg = new StringBuilder();
        String src = allowed == null ? null : allowed.sources.get(name);
        if (src != null) {
            String chunk = "=" + name;
            try {
                return new Object[] {L.load(LuaString.fromJava(src), chunk, "t", null), name};
            } catch (LuaError e) {
                return checkLoad(th, name, null, name, e.value());
            }
        }
        msg.append("no module '").append(name).append("' in the host's sources");
        if (allowed != null && allowed.folder != null) {
            String path = Ops.tolstring(pkg.rawget("path"));
            if (path == null) throw th.errorAtLevel("'package.path' must be a string", 1);
            String rel = replace(cstr(name), ".", "/");
            String all = replace(cstr(path), "?", rel);
            for (String f : all.split(";", -1)) {
                if (f.isEmpty()) continue;
                Path p = inside(allowed.folder, f);
                if (p != null) {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(p);
                    } catch (IOException e) {
                        return checkLoad(th, name, null, f, "cannot read " + f);
                    }
                    try {
                        String text = LuaString.fromBytes(bytes);
                        if (text.startsWith("#")) {
                            int nl = text.indexOf('\n');
                            text = nl < 0 ? "" : text.substring(nl);
                        }
                        return new Object[] {L.load(text, "@" + f, "t", null), f};
                    } catch (LuaError e) {
                        return checkLoad(th, name, null, f, e.value());
                    }
                }
                msg.append("\n\tno file '").append(f).append('\'');
            }
        }
        return new Object[] {msg.toString()};
    }

    /** The regular file folder/rel when it exists and lies inside folder (symbolic links resolved), else null. */
    private static Path inside(Path folder, String rel) {
        try {
            Path p = folder.resolve(LuaString.toJava(rel)).normalize();
            if (!p.startsWith(folder) || !Files.isRegularFile(p)) return null;
            Path real = p.toRealPath();
            Path realFolder = folder.toRealPath();
            return real.startsWith(realFolder) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- require

    private static Object[] require(LuaThread th, Object[] a, LuaTable pkg) {
        String name = Args.checkString(th, a, 1);
        LuaState L = th.state;
        Object loadedObj = L.registry.rawget(LOADED);
        Object have = Ops.index(th, loadedObj, name, null);
        if (Lua.isTruthy(have)) return new Object[] {have};
        // findloader
        Object searchers = Ops.index(th, pkg, "searchers", null);
        if (!(searchers instanceof LuaTable st)) throw th.errorAtLevel("'package.searchers' must be a table", 1);
        StringBuilder msg = new StringBuilder();
        Object loader = null, data = null;
        for (long i = 1; ; i++) {
            Object s = st.rawget(i);
            if (s == null) {
                throw th.errorAtLevel("module '" + name + "' not found:" + msg, 1);
            }
            Object[] r = Ops.ccall(th, s, new Object[] {name});
            Object r0 = r.length > 0 ? r[0] : null;
            if (r0 instanceof LuaFunction) {
                loader = r0;
                data = r.length > 1 ? r[1] : null;
                break;
            }
            String text = Ops.tolstring(r0);
            if (text != null) msg.append("\n\t").append(text);
        }
        Object result = LuaFunction.first(Ops.ccall(th, loader, new Object[] {name, data}));
        if (result != null) Ops.setindex(th, loadedObj, name, result, null);
        Object now = Ops.index(th, loadedObj, name, null);
        if (now == null) {
            Ops.setindex(th, loadedObj, name, Boolean.TRUE, null);
            now = Boolean.TRUE;
        }
        return new Object[] {now, data};
    }
}
