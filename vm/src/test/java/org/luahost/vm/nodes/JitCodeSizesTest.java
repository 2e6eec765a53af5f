package org.luahost.vm.nodes;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;

import org.junit.jupiter.api.Test;

/**
 * {@link Jit#codeSizes} reads the code sizes from the class bytes by hand; this checks it
 * against the ClassFile API's parse on classes with the constant kinds, fields and
 * methods the generator emits (a block alone and a tree).
 */
class JitCodeSizesTest {
    private static byte[] sample(boolean tree) {
        MethodTypeDesc mtd = MethodTypeDesc.of(CD_int, CD_Object);
        return ClassFile.of().build(ClassDesc.of("org.luahost.vm.nodes.Sample"), clb -> {
            clb.withField("which", CD_int, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
            clb.withField("big", CD_long, ClassFile.ACC_PRIVATE);
            for (int k = 0; k < (tree ? 12 : 1); k++) {
                int n = k * 37 + 3;
                clb.withMethodBody(tree ? "e" + k : "exec", mtd, ClassFile.ACC_PUBLIC, cb -> {
                    for (int i = 0; i < n; i++) {
                        cb.ldc(DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, ConstantDescs.DEFAULT_NAME, CD_Object, i)).pop();
                        cb.loadConstant(1234567890123L + i).pop2();
                        cb.loadConstant(0.5 + i).pop2();
                        cb.loadConstant("s" + i).pop();
                        cb.loadConstant(100000 + i).pop();
                    }
                    cb.iconst_0().ireturn();
                });
            }
            if (tree) clb.withMethodBody("exec", mtd, ClassFile.ACC_PUBLIC, cb -> cb.iconst_1().ireturn());
        });
    }

    private static int[] parsed(byte[] bytes, int n, boolean tree) {
        int[] sizes = new int[n];
        ClassModel cm = ClassFile.of().parse(bytes);
        for (MethodModel m : cm.methods()) {
            String name = m.methodName().stringValue();
            int k = !tree ? (name.equals("exec") ? 0 : -1) : name.equals("exec") ? -1 : Integer.parseInt(name.substring(1));
            if (k >= 0) sizes[k] = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
        }
        return sizes;
    }

    @Test
    void sizesMatchTheClassFileApi() {
        byte[] one = sample(false);
        assertArrayEquals(parsed(one, 1, false), Jit.codeSizes(one, 1, false));
        byte[] tree = sample(true);
        assertArrayEquals(parsed(tree, 12, true), Jit.codeSizes(tree, 12, true));
    }
}
