package org.luahost.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The command that starts {@code luahost} in a child JVM for tests, as
 * {@code ./luahost} starts it: the options of {@code bin/jvm.options}, and an
 * AOT cache trained with {@code bin/aot-training.lua}. The AOT cache needs a
 * class path of jars only, so the directories of this test's class path
 * (this module's classes; in an IDE, the other modules' too) are packed into
 * jars in a work folder first; test classes and test libraries are left out, and of
 * the other jars only those {@code luahost lua} needs are kept ({@link #forLua}).
 *
 * <p>Without a usable cache (training failed) the children simply start slower.
 */
final class ChildJvm implements AutoCloseable {
    private final Path work;
    private final List<String> command;

    private ChildJvm(Path work, List<String> command) {
        this.work = work;
        this.command = command;
    }

    /** The java command up to and including the main class; callers append the subcommand and its arguments. */
    List<String> command() { return command; }

    static ChildJvm prepare(Path root) throws IOException, InterruptedException {
        return prepare(root, List.of());
    }

    /** As {@link #prepare(Path)}, with more JVM options for the child (also in the AOT cache's training run). */
    static ChildJvm prepare(Path root, List<String> jvmOptions) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("luahost-childjvm");
        List<String> cmd = javaCommand(root, jvmOptions);
        String cp = jarClassPath(work);
        Path cache = work.resolve("luahost.aot");
        List<String> train = new ArrayList<>(cmd);
        train.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-cp", cp, Main.class.getName(),
                "lua", root.resolve("bin/aot-training.lua").toString()));
        Process p = new ProcessBuilder(train).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        if (Files.isRegularFile(cache)) cmd.add("-XX:AOTCache=" + cache);
        cmd.addAll(List.of("-cp", cp, Main.class.getName()));
        writeLuaWrapper(work.resolve("bin"), cmd);
        return new ChildJvm(work, cmd);
    }

    /**
     * The java command with the options of {@code bin/jvm.options}, then jvmOptions, then the child
     * options of the test's tier ({@code -Dluahost.childJvmOpts}, e.g. {@code -Dluahost.jit=0}: every
     * block compiled); callers append the class path and the main class.
     */
    static List<String> javaCommand(Path root, List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String line : Files.readAllLines(root.resolve("bin/jvm.options"))) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) cmd.add(l);
        }
        cmd.addAll(jvmOptions);
        String extra = System.getProperty("luahost.childJvmOpts", "").strip();
        if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
        return cmd;
    }

    /**
     * A folder holding an executable {@code lua} that runs {@code luahost lua} with this child's
     * command (its tier's options too). A case that starts its interpreter again by the program
     * name {@code arg[-1]} (without {@code luahost.progname} that name is {@code lua}, which on
     * the PATH may be another Lua) finds this one first when the folder leads the child's PATH.
     */
    Path binDir() { return work.resolve("bin"); }

    private static void writeLuaWrapper(Path bin, List<String> cmd) throws IOException {
        Files.createDirectories(bin);
        StringBuilder sh = new StringBuilder("#!/bin/sh\nexec");
        for (String w : cmd) sh.append(" '").append(w.replace("'", "'\\''")).append('\'');
        sh.append(" lua \"$@\"\n");
        Path lua = bin.resolve("lua");
        Files.writeString(lua, sh);
        lua.toFile().setExecutable(true);
    }

    private static String jarClassPath(Path work) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (name.equals("test-classes") || name.startsWith("junit-") || name.startsWith("opentest4j")
                    || name.startsWith("apiguardian") || name.startsWith("surefire")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                Path jar = work.resolve("classes-" + (n++) + ".jar");
                jar(p, jar);
                out.add(jar.toString());
            } else if (Files.isRegularFile(p) && forLua(name)) {
                out.add(p.toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    /**
     * The jars {@code luahost lua} needs, as in the launcher's short class path (see
     * {@code ./luahost}): every jar on the class path is opened at start-up, and the
     * gateway's (Vert.x, Netty, Hazelcast, SQLite...) cost each child about a third
     * of its start-up CPU.
     */
    private static boolean forLua(String jar) {
        return jar.startsWith("luahost-") || jar.startsWith("jline-") || jar.startsWith("jctools-")
                || jar.startsWith("slf4j-api-");
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                if (!Files.isRegularFile(f)) continue;
                jos.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, jos);
                jos.closeEntry();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
