package org.luahost.vm.nodes;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.List;

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
    /** HotSpot does not compile methods larger than 8000 bytes of bytecode. */
    private static final int MAX_CODE = 7900;

    private static final ClassFile CF = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(Jit.class.getClassLoader()))));

    /** Compiles b; null when it cannot (too large, or a failure, which is never fatal: the interpreter goes on). */
    static Stat compile(Block b) {
        if (b.labels != null) return null;
        long t0 = DEBUG ? System.nanoTime() : 0;
        try {
            JitStats g = new JitStats();
            byte[] bytes = CF.build(JitExprs.CD_Unit, clb -> {
                clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
                clb.withSuperclass(JitExprs.CD_Stat);
                clb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC, cb -> {
                    cb.aload(0);
                    cb.loadConstant(b.line);
                    cb.invokespecial(JitExprs.CD_Stat, INIT_NAME, MethodTypeDesc.of(CD_void, CD_int));
                    cb.return_();
                });
                clb.withMethodBody("exec", MethodTypeDesc.of(CD_int, JitExprs.CD_Frame), ClassFile.ACC_PUBLIC, cb -> g.unit(cb, b));
            });
            int size = codeSize(bytes);
            if (DEBUG) System.err.println("luahost.jit: block at line " + b.line + ": " + size + " bytes" + (size > MAX_CODE ? " (too large)" : ""));
            if (size > MAX_CODE) return null;
            MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.copyOf(g.consts), true);
            Stat unit = (Stat) l.lookupClass().getDeclaredConstructor().newInstance();
            if (DEBUG) System.err.printf("luahost.jit: compiled in %.2f ms%n", (System.nanoTime() - t0) / 1e6);
            return unit;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (DEBUG) e.printStackTrace();
            return null;
        }
    }

    private static int codeSize(byte[] bytes) {
        ClassModel cm = CF.parse(bytes);
        for (MethodModel m : cm.methods()) {
            if (m.methodName().equalsString("exec")) {
                return m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            }
        }
        return 0;
    }
}
