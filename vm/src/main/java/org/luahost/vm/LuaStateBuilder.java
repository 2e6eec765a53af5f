package org.luahost.vm;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadFactory;

import org.luahost.vm.lib.Libraries;
import org.luahost.vm.lib.PackageLib;

/**
 * The settings of a new {@link LuaState}, fixed when {@link #build()} makes
 * it: nothing here can be changed on the state afterwards. Get one with
 * {@link LuaState#builder()}; a builder is used by one thread and may build
 * several states.
 *
 * <pre>{@code
 * LuaState L = LuaState.builder().profile(Profile.SANDBOXED).stdout(out).meter(budget).build();
 * }</pre>
 *
 * <p>{@link #build()} installs the profile's standard libraries, then every
 * {@link LuaLibrary} found with {@link ServiceLoader} (such as the coroutines
 * module's {@code coroutine} library), or those given to {@link #libraries}.
 */
public final class LuaStateBuilder {
    Profile profile = Profile.TRUSTED;
    PrintStream stdout;
    PrintStream stderr = System.err;
    InputStream stdin = System.in;
    WorkMeter meter;
    ExitHandler exitHandler;
    ThreadFactory threadFactory;
    long memoryLimit;
    private boolean libraries = true;
    private boolean ignoreEnvironment;
    private Path moduleFolder;
    private Map<String, String> moduleSources;
    /** The other modules' libraries, when the host names them (null: found with ServiceLoader). */
    private LuaLibrary[] moduleLibraries;

    LuaStateBuilder() {}

    /** Which libraries the state gets (default {@link Profile#TRUSTED}). */
    public LuaStateBuilder profile(Profile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        return this;
    }

    /** Where print and io.write go (default: the process's stdout, buffered, flushed by print and at exit). */
    public LuaStateBuilder stdout(PrintStream out) {
        this.stdout = Objects.requireNonNull(out, "stdout");
        return this;
    }

    /** Where warnings and io.stderr go (default {@link System#err}). */
    public LuaStateBuilder stderr(PrintStream err) {
        this.stderr = Objects.requireNonNull(err, "stderr");
        return this;
    }

    /** What io.read and loadfile(nil) read (default {@link System#in}). */
    public LuaStateBuilder stdin(InputStream in) {
        this.stdin = Objects.requireNonNull(in, "stdin");
        return this;
    }

    /**
     * Reads the process's own standard input (file descriptor 0) as C's
     * {@code stdin}: buffered, and seekable when it is a regular file
     * ({@code lua x.lua < file}; {@code io.stdin:seek} fails with "Illegal
     * seek" on a pipe or terminal). The standalone interpreter uses it.
     */
    public LuaStateBuilder processStdin() {
        this.stdin = new org.luahost.vm.lib.StdinStream();
        return this;
    }

    /**
     * The process's standard output (file descriptor 1) as C's {@code stdout}, for {@link #stdout}:
     * buffered (buffer bytes, 0 for none), and seekable when it is a regular file ({@code lua x.lua
     * > file}; {@code io.stdout:seek} fails with "Illegal seek" on a pipe or terminal). The
     * standalone interpreter uses it.
     */
    public static PrintStream processStdout(int buffer, boolean autoFlush) {
        return org.luahost.vm.lib.ProcessOutput.stdout(buffer, autoFlush);
    }

    /** The process's standard error (file descriptor 2), unbuffered and seekable as {@link #processStdout}. */
    public static PrintStream processStderr() {
        return org.luahost.vm.lib.ProcessOutput.stderr();
    }

    /** Counts the state's work (time slices, budgets); null (the default) for none. See {@link WorkMeter}. */
    public LuaStateBuilder meter(WorkMeter meter) {
        this.meter = meter;
        return this;
    }

    /**
     * The most memory (bytes, as the collector estimates it: {@link LuaState#memoryInUse})
     * the state's Lua data may use; 0 (the default) for no limit. Past it a collection
     * runs at the next safe point, and if the data is still over, the running code gets
     * the Lua error "not enough memory" (see {@link Gc}).
     */
    public LuaStateBuilder memoryLimit(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("memory limit " + bytes);
        this.memoryLimit = bytes;
        return this;
    }

    /** What os.exit does instead of exiting the JVM; null (the default) exits. */
    public LuaStateBuilder exitHandler(ExitHandler handler) {
        this.exitHandler = handler;
        return this;
    }

    /**
     * The factory of the Java threads the state's coroutines and calls from
     * Java run on (read by the coroutines module); it should make virtual
     * threads. Null (the default): plain virtual threads.
     */
    public LuaStateBuilder threadFactory(ThreadFactory threads) {
        this.threadFactory = threads;
        return this;
    }

    /**
     * The standalone interpreter's {@code -E}: package.path and package.cpath
     * ignore LUA_PATH and LUA_CPATH, and the registry field LUA_NOENV is set,
     * before the libraries are opened (as lua.c does).
     */
    public LuaStateBuilder ignoreEnvironment(boolean ignore) {
        this.ignoreEnvironment = ignore;
        return this;
    }

    /**
     * What {@code require} may read in a sandboxed state: modules from folder
     * (may be null), found with package.path's templates relative to it, and
     * the modules of sources (module name to source text, may be null), tried
     * first. No effect on a trusted state.
     */
    public LuaStateBuilder modules(Path folder, Map<String, String> sources) {
        this.moduleFolder = folder;
        this.moduleSources = sources == null ? null : Map.copyOf(sources);
        return this;
    }

    /**
     * The other modules' libraries to install after the vm's own, instead of
     * those {@link ServiceLoader} finds. The lookup reads the directory of
     * every jar on the class path, which costs a short run such as
     * {@code luahost lua -e "print(1)"} a good part of its start-up; a host that
     * knows its libraries (the standalone interpreter: the coroutine library)
     * names them here.
     */
    public LuaStateBuilder libraries(LuaLibrary... libs) {
        this.moduleLibraries = libs.clone();
        return this;
    }

    /** No libraries at all, not even the base library (for tests and embedders that build their own). */
    public LuaStateBuilder noLibraries() {
        this.libraries = false;
        return this;
    }

    /** A new state with these settings and its libraries. */
    public LuaState build() {
        LuaStateBuilder b = this;
        if (stdout == null) {
            b = copy();
            b.stdout = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14), false);
        }
        LuaState L = new LuaState(b);
        if (!libraries) return L;
        if (ignoreEnvironment) L.registry.rawset("LUA_NOENV", Boolean.TRUE);
        Libraries.installAll(L, profile);
        if (moduleFolder != null || moduleSources != null) PackageLib.allowModules(L, moduleFolder, moduleSources);
        Iterable<LuaLibrary> others = moduleLibraries != null ? java.util.Arrays.asList(moduleLibraries)
                : ServiceLoader.load(LuaLibrary.class, LuaState.class.getClassLoader());
        for (LuaLibrary lib : others) {
            lib.install(L, profile);
        }
        return L;
    }

    private LuaStateBuilder copy() {
        LuaStateBuilder c = new LuaStateBuilder();
        c.profile = profile;
        c.stdout = stdout;
        c.stderr = stderr;
        c.stdin = stdin;
        c.meter = meter;
        c.exitHandler = exitHandler;
        c.threadFactory = threadFactory;
        c.memoryLimit = memoryLimit;
        return c;
    }
}
