package org.luahost.vm.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference's check, when a nested function's body is closed, that each of its
 * {@code goto}s has a visible label and each {@code break} a loop. The reference parses and
 * compiles in one pass, so this error comes before any syntax error later in the chunk, and
 * names the line of the token after the function's {@code end}; the compiler
 * ({@code compiler.Scopes}) checks the rest (labels' scopes, the main chunk) after parsing.
 */
final class GotoCheck {
    private GotoCheck() {}

    /** The message for the first goto (or break) of body, not counting nested functions, that has nowhere to go; null if none. */
    static String unresolved(Ast.Block body) {
        return block(body, new ArrayList<>(), false);
    }

    private static String block(Ast.Block b, List<List<Ast.Stat>> enclosing, boolean inLoop) {
        enclosing.add(b.stats());
        try {
            for (Ast.Stat s : b.stats()) {
                String m = stat(s, enclosing, inLoop);
                if (m != null) return m;
            }
            return null;
        } finally {
            enclosing.remove(enclosing.size() - 1);
        }
    }

    private static String stat(Ast.Stat s, List<List<Ast.Stat>> enclosing, boolean inLoop) {
        return switch (s) {
            case Ast.Goto g -> visible(g.label(), enclosing) ? null : "no visible label '" + g.label() + "' for <goto> at line " + g.line();
            case Ast.Break br -> inLoop ? null : "break outside loop at line " + br.line();
            case Ast.Do d -> block(d.block(), enclosing, inLoop);
            case Ast.While w -> block(w.block(), enclosing, true);
            case Ast.Repeat r -> block(r.block(), enclosing, true);
            case Ast.NumericFor f -> block(f.block(), enclosing, true);
            case Ast.GenericFor f -> block(f.block(), enclosing, true);
            case Ast.If i -> {
                for (Ast.Block b : i.blocks()) {
                    String m = block(b, enclosing, inLoop);
                    if (m != null) yield m;
                }
                yield i.elseBlock() == null ? null : block(i.elseBlock(), enclosing, inLoop);
            }
            default -> null;
        };
    }

    private static boolean visible(String label, List<List<Ast.Stat>> enclosing) {
        for (List<Ast.Stat> stats : enclosing) {
            for (Ast.Stat s : stats) if (s instanceof Ast.Label l && l.name().equals(label)) return true;
        }
        return false;
    }
}
