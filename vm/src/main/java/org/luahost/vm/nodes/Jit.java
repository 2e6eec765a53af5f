package org.luahost.vm.nodes;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The second tier: compiles a hot {@link Block} (a function body or a loop
 * body, with everything nested in it) into the {@code exec} method of a JVM
 * hidden class, so that HotSpot sees a whole loop or function as one method
 * instead of a web of megamorphic {@code eval} calls.
 *
 * <p>The compiled code keeps the interpreter's data model: locals stay in the
 * frame's slots, every node stays the {@link org.luahost.vm.runtime.Site} of
 * its errors, and hooks are called at the same points as {@link Block#exec}
 * calls them. Common nodes are compiled inline (their operations are the
 * small static methods of {@link JitRt}, which do what the node's own
 * methods do); any other node is called as it is (its {@code eval} or
 * {@code exec}), so every construct works and the two tiers cannot disagree.
 * Blocks with labels (gotos) are always called as nodes.
 *
 * <p>A block is compiled after {@link #THRESHOLD} executions (system property
 * {@code luahost.jit}: the count; 0 compiles every block on first use, which
 * the tests use to run everything compiled; a negative value turns the tier
 * off). A block whose compiled method would be too large for HotSpot to
 * compile is left to the interpreter (its loops compile on their own).
 *
 * <p>With the threshold 0 every block that runs is compiled, so the cost of
 * making a class is most of what such a run costs: there a function body is
 * compiled together with the bodies of the functions nested in it (those
 * whose closures its compiled code creates), one method {@code e<k>} each in
 * ONE hidden class, and each block gets its own instance of that class
 * ({@code exec} dispatches on the instance's index); the code of each
 * method is what the block alone would get. The per-class costs (defining,
 * linking, the constant pool, an instance by reflection) are then paid once
 * a tree instead of once a block ({@link #TREE_MAX} blocks at most a class).
 * With a positive threshold each hot block is its own class, compiled when
 * it is hot.
 *
 * <p>A unit larger than {@link #SPLIT} bytes of bytecode is split ({@link #choosePieces}): its
 * largest nested blocks become methods of the same class that its code calls, so that HotSpot
 * compiles and deoptimises each part on its own instead of one method of several kilobytes
 * whose C2 code is 100 KB.
 *
 * <p>{@code -Dluahost.jit.debug=true} prints each compilation and, at exit,
 * the time spent building, checking, defining and instantiating classes.
 *
 * <p>The code generator is split by concern: {@link JitExprs} emits
 * expressions, conditions and calls, {@link JitStats} the unit, its
 * statements and loops. The hidden class is defined in this package, so its
 * code reaches the package-private members of the nodes and of
 * {@link JitRt}.
 */
final class Jit {
    private Jit() {}

    static final int THRESHOLD = Integer.getInteger("luahost.jit", 1000);
    private static final boolean DEBUG = Boolean.getBoolean("luahost.jit.debug");
    /** Compile nested function bodies into the same class (only with the threshold 0; off with -Dluahost.jit.tree=false). */
    private static final boolean TREE = THRESHOLD == 0 && !"false".equals(System.getProperty("luahost.jit.tree"));
    /** The most blocks one class holds. */
    static final int TREE_MAX = 64;
    /** HotSpot does not compile methods larger than 8000 bytes of bytecode. */
    private static final int MAX_CODE = 7900;
    /**
     * A unit whose method would be larger than this many bytes of bytecode is split: its largest
     * blocks become methods of their own ({@link #choosePieces}); {@code luahost.jit.split}, 0 or
     * less: never (a small value splits nearly every block, for the tests).
     */
    static final int SPLIT = Integer.getInteger("luahost.jit.split", 1200);
    /**
     * A method still larger than this after its nested blocks are split off gives up runs of its
     * own statements ({@code luahost.jit.splitRuns}; by default only a method HotSpot would not
     * compile at all: splitting straight-line code cost {@code awfy_cd}'s {@code isInVoxel} more
     * than it saved, BENCHMARKS.md "Session 17 (perf18)").
     */
    static final int SPLIT_RUNS = Integer.getInteger("luahost.jit.splitRuns", MAX_CODE);
    /** The smallest block split off. */
    static final int PIECE_MIN = Math.max(1, Math.min(SPLIT, 400));
    private static final MethodTypeDesc MTD_EXEC = MethodTypeDesc.of(CD_int, JitExprs.CD_Frame);

    /**
     * The class hierarchy the stack-map generator asks about: the classes the generated
     * code names are loaded already, so Class.forName on this loader answers, and the
     * answers are cached (the JDK's default resolver parses class files as resources).
     */
    private static final ClassFile CF = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.ofClassLoading(Jit.class.getClassLoader()).cached()));

    /**
     * Whether hot blocks are compiled on a thread of their own ({@code luahost.jit.async}, on by
     * default when the threshold is positive): the Lua thread that made a block hot goes on
     * interpreting it and never waits for the class to be generated, checked and defined (about
     * 2-25 ms a block while the class-file library is still cold, which was 5-15 % of the wall time
     * of a 1-second program). With the threshold 0 (the tests' "every block compiled" mode)
     * compilation stays synchronous, so that every block runs compiled from its first execution.
     */
    static final boolean ASYNC = THRESHOLD > 0 && !"false".equals(System.getProperty("luahost.jit.async"));
    /** Blocks waiting for the compiler thread; bounded: a block that finds it full tries again later. */
    private static final java.util.concurrent.BlockingQueue<Block> QUEUE =
            ASYNC ? new java.util.concurrent.ArrayBlockingQueue<>(4096) : null;
    private static volatile boolean started;

    /**
     * Queues b for the compiler thread, which installs its compiled form when done ({@link
     * Block#compiledAsync}); false when the queue is full (b stays interpreted and counts again).
     */
    static boolean submit(Block b) {
        if (!started) start();
        return QUEUE.offer(b);
    }

    private static synchronized void start() {
        if (started) return;
        Thread t = new Thread(() -> {
            for (;;) {
                Block b;
                try {
                    b = QUEUE.take();
                } catch (InterruptedException e) {
                    continue;
                }
                Stat c = null;
                try {
                    c = compile(b);
                } catch (Throwable e) {   // never fatal: the block stays interpreted
                    if (DEBUG) e.printStackTrace();
                }
                b.compiledAsync(c);
            }
        }, "luahost-jit");
        t.setDaemon(true);
        t.start();
        started = true;
    }

    /** Compiles b; null when it cannot (too large, or a failure, which is never fatal: the interpreter goes on). */
    static Stat compile(Block b) {
        if (b.labels != null) return null;
        if (TREE) {
            try {
                return compileTree(b);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                if (DEBUG) e.printStackTrace();   // falls back to the block alone
            }
        }
        long t0 = System.nanoTime();
        try {
            // with luahost.jit.debug the class is named after the block (kind and line), for -XX:+PrintCompilation
            java.lang.constant.ClassDesc name = DEBUG ? java.lang.constant.ClassDesc.of(Jit.class.getPackageName() + ".JitUnit_"
                    + kindName(b) + "_" + b.line) : JitExprs.CD_Unit;
            JitStats g = new JitStats();
            g.measure = SPLIT > 0;
            byte[] bytes = buildOne(name, b, g);
            long t1 = System.nanoTime();
            int size = codeSizes(bytes, 1, false)[0];
            int pieces = 0;
            JitStats g2 = new JitStats();
            if (SPLIT > 0 && size > SPLIT && choosePieces(bytes, g, g2)) {   // a large unit: again, split
                byte[] bytes2 = buildOne(name, b, g2);
                if (maxCodeSize(bytes2) <= MAX_CODE) {
                    bytes = bytes2;
                    g = g2;
                    pieces = g2.pieces.size();
                    size = codeSizes(bytes, 1, false)[0];
                }
            }
            if (DEBUG) System.err.println("luahost.jit: block at line " + b.line + " " + kindName(b) + ": " + size + " bytes"
                    + (pieces > 0 ? " (" + pieces + " pieces split off)" : "") + (size > MAX_CODE ? " (too large)" : ""));
            long t2 = System.nanoTime();
            if (size > MAX_CODE) return null;
            MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.copyOf(g.consts), true);
            long t3 = System.nanoTime();
            Stat unit = (Stat) l.lookupClass().getDeclaredConstructor().newInstance();
            if (DEBUG) {
                Prof.add(1, 1, t0, t1, t2, t3, System.nanoTime());
                Prof.unit(b, size, g.inlined);
            }
            return unit;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (DEBUG) e.printStackTrace();
            return null;
        }
    }

    /**
     * Compiles b and the function bodies nested in it into one class: method e0 is b,
     * e1... the nested bodies in the order the generator meets their closures. Installs
     * the nested units in their blocks; returns b's (null when b's method is too large).
     */
    private static Stat compileTree(Block b) throws ReflectiveOperationException {
        long t0 = System.nanoTime();
        List<Block> blocks = new ArrayList<>();
        blocks.add(b);
        Set<Block> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(b);
        JitStats g = new JitStats();
        g.measure = SPLIT > 0;
        g.nested = body -> {
            if (blocks.size() < TREE_MAX && body.labels == null && body.compilable() && seen.add(body)) blocks.add(body);
        };
        byte[] bytes = buildTree(blocks, g);
        long t1 = System.nanoTime();
        int n = blocks.size();
        int[] sizes = codeSizes(bytes, n, true);
        int big = 0;
        for (int sz : sizes) big = Math.max(big, sz);
        if (SPLIT > 0 && big > SPLIT) {
            JitStats g2 = new JitStats();
            if (choosePieces(bytes, g, g2)) {   // as compile: again, split
                byte[] bytes2 = buildTree(blocks, g2);   // the same blocks: the list is complete
                if (maxCodeSize(bytes2) <= MAX_CODE) {
                    bytes = bytes2;
                    g = g2;
                    sizes = codeSizes(bytes, n, true);
                }
            }
        }
        long t2 = System.nanoTime();
        if (DEBUG) {
            for (int k = 0; k < n; k++) {
                System.err.println("luahost.jit: block at line " + blocks.get(k).line + ": " + sizes[k] + " bytes"
                        + (sizes[k] > MAX_CODE ? " (too large)" : "") + (k > 0 ? " (nested in line " + b.line + ")" : ""));
            }
        }
        MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.copyOf(g.consts), true);
        long t3 = System.nanoTime();
        Constructor<?> ctor = l.lookupClass().getDeclaredConstructor(int.class, int.class);
        Stat first = null;
        for (int k = 0; k < n; k++) {
            if (sizes[k] > MAX_CODE) continue;
            Block bk = blocks.get(k);
            Stat unit = (Stat) ctor.newInstance(bk.line, k);
            if (k == 0) first = unit;
            else bk.install(unit);
        }
        if (DEBUG) Prof.add(1, n, t0, t1, t2, t3, System.nanoTime());
        return first;
    }

    private static String kindName(Block b) {
        return b.kind == Block.FUNC ? "function" : b.kind == Block.LOOP ? "loop" : "other";
    }

    /** The class of a tree of blocks: e0...e(n-1), exec dispatching on the instance's index, the pieces. */
    private static byte[] buildTree(List<Block> blocks, JitStats g) {
        g.self = JitExprs.CD_Unit;
        return CF.build(JitExprs.CD_Unit, clb -> {
            header(clb);
            clb.withField("which", CD_int, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
            clb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void, CD_int, CD_int), ClassFile.ACC_PUBLIC, cb -> {
                cb.aload(0).iload(1);
                cb.invokespecial(JitExprs.CD_Stat, INIT_NAME, MethodTypeDesc.of(CD_void, CD_int));
                cb.aload(0).iload(2).putfield(JitExprs.CD_Unit, "which", CD_int);
                cb.return_();
            });
            for (int k = 0; k < blocks.size(); k++) {   // the list grows while the methods are emitted (pass 1)
                Block bk = blocks.get(k);
                clb.withMethodBody("e" + k, MTD_EXEC, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, cb -> g.unit(cb, bk));
            }
            if (g.pieces != null) g.emitPieces(clb);
            int n = blocks.size();
            clb.withMethodBody("exec", MTD_EXEC, ClassFile.ACC_PUBLIC, cb -> {
                Label bad = cb.newLabel();
                List<SwitchCase> cases = new ArrayList<>(n);
                for (int k = 0; k < n; k++) cases.add(SwitchCase.of(k, cb.newLabel()));
                cb.aload(0).getfield(JitExprs.CD_Unit, "which", CD_int);
                cb.tableswitch(0, n - 1, bad, cases);
                for (int k = 0; k < n; k++) {
                    cb.labelBinding(cases.get(k).target());
                    cb.aload(0).aload(1).invokevirtual(JitExprs.CD_Unit, "e" + k, MTD_EXEC).ireturn();
                }
                cb.labelBinding(bad);
                cb.iconst_0().ireturn();
            });
        });
    }

    /** The class of block b alone: a constructor and exec (and, with g.pieces, the methods split off). */
    private static byte[] buildOne(java.lang.constant.ClassDesc name, Block b, JitStats g) {
        g.self = name;
        return CF.build(name, clb -> {
            header(clb);
            clb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC, cb -> {
                cb.aload(0);
                cb.loadConstant(b.line);
                cb.invokespecial(JitExprs.CD_Stat, INIT_NAME, MethodTypeDesc.of(CD_void, CD_int));
                cb.return_();
            });
            clb.withMethodBody("exec", MTD_EXEC, ClassFile.ACC_PUBLIC, cb -> g.unit(cb, b));
            if (g.pieces != null) g.emitPieces(clb);
        });
    }

    /**
     * Chooses what to split off a class that pass 1 (g, with {@link JitStats#measure}) built into
     * bytes, and sets it in g2 ({@link JitStats#pieces}, {@link JitStats#runs}); false when no
     * method needs it. A method (a unit, or a piece already split off) larger than {@link #SPLIT}
     * bytes gives up its largest nested blocks, largest first (a block inside one already given up
     * is left to that one), until it is no larger or no block of at least {@link #PIECE_MIN} bytes
     * is left; each such piece is then split in turn the same way. A method still larger than
     * {@link #SPLIT_RUNS} then gives up runs of its own block's statements (each run at most
     * {@link #SPLIT} bytes when its statements allow, at least {@link #PIECE_MIN}). A piece of {@link #PIECE_MIN} bytes or more is
     * beyond what C2 inlines into a hot caller (FreqInlineSize, 325 bytes), so HotSpot compiles and
     * deoptimises each piece on its own.
     */
    static boolean choosePieces(byte[] bytes, JitStats g, JitStats g2) {
        if (g.nmarks >= JitStats.MAX_MARKS) return false;
        int[] pc = new int[g.nmarks + 1];
        java.util.Arrays.fill(pc, -1);
        for (MethodModel m : CF.parse(bytes).methods()) {
            var code = m.findAttribute(java.lang.classfile.Attributes.code());
            if (code.isEmpty()) continue;
            for (var lnt : code.get().findAttributes(java.lang.classfile.Attributes.lineNumberTable())) {
                for (var ln : lnt.lineNumbers()) if (ln.lineNumber() > 0 && ln.lineNumber() <= g.nmarks) pc[ln.lineNumber()] = ln.startPc();
            }
        }
        int n = g.marked.size();
        int[] size = new int[n], start = new int[n];
        for (int k = 0; k < n; k++) {
            int[] mk = g.marks.get(k);
            int s0 = mk[0] > 0 ? pc[mk[0]] : -1, s1 = mk[mk.length - 1] > 0 ? pc[mk[mk.length - 1]] : -1;
            start[k] = s0;
            size[k] = s0 >= 0 && s1 >= s0 ? s1 - s0 : 0;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        java.util.Arrays.sort(order, (x, y) -> size[x] != size[y] ? Integer.compare(size[y], size[x]) : Integer.compare(x, y));
        boolean[] chosen = new boolean[n];
        java.util.Map<Block, Integer> pieces = new IdentityHashMap<>();
        java.util.Map<Block, List<JitStats.Run>> runs = new IdentityHashMap<>();
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        for (int k = 0; k < n; k++) if (g.parent.get(k) < 0) work.add(k);
        while (!work.isEmpty()) {
            int m = work.poll();
            int left = size[m];
            List<Integer> mine = new ArrayList<>();
            for (int c : order) {
                if (left <= SPLIT || size[c] < PIECE_MIN) break;
                if (c == m || chosen[c] || !under(g, c, m, chosen)) continue;
                chosen[c] = true;
                mine.add(c);
                pieces.put(g.marked.get(c), pieces.size());
                left -= size[c] - 12;   // the call and its signal test stay
                work.add(c);
            }
            if (left <= SPLIT_RUNS) continue;
            // runs of m's own statements
            Block b = g.marked.get(m);
            int[] mk = g.marks.get(m);
            int ns = b.stats.length;
            int[] eff = new int[ns];
            boolean known = true;
            for (int i = 0; i < ns && known; i++) {
                int a0 = mk[i + 1] > 0 ? pc[mk[i + 1]] : -1, a1 = mk[i + 2] > 0 ? pc[mk[i + 2]] : -1;
                if (a0 < 0 || a1 < a0) { known = false; break; }
                eff[i] = a1 - a0;
                for (int c : mine) if (start[c] >= a0 && start[c] < a1) eff[i] -= size[c] - 12;
            }
            if (!known) continue;
            List<JitStats.Run> rs = new ArrayList<>();
            for (int i = 0; i < ns && left > SPLIT_RUNS; ) {
                int j = i, sz = 0;
                while (j < ns && (j == i || sz + eff[j] <= SPLIT)) sz += eff[j++];
                if (sz >= PIECE_MIN && !(i == 0 && j == ns)) {
                    Block piece = new Block(b.line, java.util.Arrays.copyOfRange(b.stats, i, j), null, new int[0]);
                    rs.add(new JitStats.Run(i, j, piece));
                    pieces.put(piece, pieces.size());
                    left -= sz - 12;
                }
                i = j;
            }
            if (!rs.isEmpty()) runs.put(b, rs);
        }
        if (pieces.isEmpty()) return false;
        g2.pieces = pieces;
        g2.runs = runs;
        return true;
    }

    /** Whether block c is nested in block m with no block given up in between. */
    private static boolean under(JitStats g, int c, int m, boolean[] chosen) {
        for (int p = g.parent.get(c); p >= 0; p = g.parent.get(p)) {
            if (p == m) return true;
            if (chosen[p]) return false;
        }
        return false;
    }

    /** The largest method's code size in bytes. */
    private static int maxCodeSize(byte[] bytes) {
        int max = 0;
        for (MethodModel m : CF.parse(bytes).methods()) {
            max = Math.max(max, m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(0));
        }
        return max;
    }

    private static void header(ClassBuilder clb) {
        clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
        clb.withSuperclass(JitExprs.CD_Stat);
    }

    /** The code sizes of method exec (a block alone) or e0...e(n-1) (a tree). */
    private static int[] codeSizes(byte[] bytes, int n, boolean tree) {
        int[] sizes = new int[n];
        ClassModel cm = CF.parse(bytes);
        for (MethodModel m : cm.methods()) {
            String name = m.methodName().stringValue();
            int k = !tree ? (name.equals("exec") ? 0 : -1)
                    : name.startsWith("e") && !name.equals("exec") ? Integer.parseInt(name, 1, name.length(), 10) : -1;
            if (k >= 0) sizes[k] = m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
        }
        return sizes;
    }

    /** With luahost.jit.debug: the time spent in each step, printed at exit. */
    private static final class Prof {
        private static long classes, blocks, build, check, define, instantiate;

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.print(
                    "luahost.jit: %d classes, %d blocks; ms building %.1f, checking sizes %.1f, defining %.1f, instantiating %.1f%n".formatted(
                    classes, blocks, build / 1e6, check / 1e6, define / 1e6, instantiate / 1e6) + "luahost.jit: " + twice() + "\n")));
        }

        /** Each compiled unit's block and size; each block inlined into a unit other than its own. */
        private static final java.util.Map<Block, Integer> units = new IdentityHashMap<>();
        private static final Set<Block> inside = Collections.newSetFromMap(new IdentityHashMap<>());

        static synchronized void unit(Block b, int size, List<Block> inlined) {
            units.put(b, size);
            for (Block x : inlined) if (x != b) inside.add(x);
        }

        static synchronized String twice() {
            int n = 0, bytes = 0;
            int[] kn = new int[3], kb = new int[3];
            for (var e : units.entrySet()) {
                if (inside.contains(e.getKey())) { n++; bytes += e.getValue(); kn[e.getKey().kind]++; kb[e.getKey().kind] += e.getValue(); }
            }
            return n + " units also compiled inside another unit (" + bytes + " bytes; other " + kn[0] + "/" + kb[0]
                    + ", loop " + kn[1] + "/" + kb[1] + ", function " + kn[2] + "/" + kb[2] + ")";
        }

        static synchronized void add(int c, int b, long t0, long t1, long t2, long t3, long t4) {
            classes += c;
            blocks += b;
            build += t1 - t0;
            check += t2 - t1;
            define += t3 - t2;
            instantiate += t4 - t3;
        }
    }
}
