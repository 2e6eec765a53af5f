package org.luahost.vm.compiler;

import java.util.Map;

import org.luahost.vm.nodes.Expr;
import org.luahost.vm.nodes.HookMark;
import org.luahost.vm.parser.Ast;

/**
 * Where line hooks report events inside a statement: the reference reports a
 * line event when an instruction's line differs from the previous
 * instruction's, and its code generator gives each instruction the line of
 * the last token read when it was emitted (an operand's load after the
 * operator or the ',' that follows it, an indexing after its ']', a
 * comparison after its right operand), or a fixed one (arithmetic and unary
 * operators on the operator's line, calls on the line where the called
 * expression starts, a closure on its 'end'). The parser records those
 * token lines ({@link Ast.Chunk#hookLines()}); the compiler, building a
 * statement's nodes in evaluation order, calls {@link #pre} and {@link #post}
 * at each instruction the reference would emit, and this class follows the
 * line of the last one: where it changes, the node gets a {@link HookMark}.
 * The first instruction's line becomes the statement's own event line
 * ({@code Stat.hookLine}).
 *
 * <p>A chunk read from a binary chunk has no token lines: its events stay one
 * per statement, on the statement's line.
 */
abstract class HookLines extends Scopes {
    /** {@link #cur} before a statement's first instruction, and where the line is not known (after a branch). */
    static final int START = -2, UNKNOWN = -1;

    private final Map<Object, int[]> lines;
    /** The line of the last instruction emitted in the statement being compiled, or START/UNKNOWN. */
    int cur = START;
    /** The line of the statement's first instruction (0: none yet). */
    int first;
    /** Instructions of the reference emitted so far in the statement being compiled (count hooks). */
    int instrs;

    HookLines(Ast.Chunk chunk, boolean strip) {
        super(chunk, strip);
        this.lines = strip ? Map.of() : chunk.hookLines();
    }

    /** The recorded line slots of a node, or null. */
    final int[] lines(Object node) { return lines.get(node); }

    /** Slot i of a node's lines, 0 if none. */
    final int line(Object node, int i) {
        int[] s = lines.get(node);
        return s == null ? 0 : s[i];
    }

    /** Whether this chunk has token lines at all. */
    final boolean tracksLines() { return !lines.isEmpty(); }

    /** An instruction on line runs before x: x marked if the line changes there. */
    final Expr pre(Expr x, int line) {
        return reach(line) ? new HookMark(line, x, false) : x;
    }

    /** An instruction on line runs after x. */
    final Expr post(Expr x, int line) {
        return reach(line) ? new HookMark(line, x, true) : x;
    }

    /** Records a line where the function has code (an event outside {@link #reach}: a statement's own line, a jump). */
    final void codeLine(int line) {
        if (line > 0 && !lines.isEmpty()) fs.codeLines.add(line);
    }

    /** Follows an instruction on line; true when a mark is needed for it. */
    final boolean reach(int line) {
        if (lines.isEmpty()) return false;
        instrs++;
        if (line <= 0) return false;
        fs.codeLines.add(line);
        if (cur == START) {
            first = line;
            cur = line;
            return false;
        }
        if (cur == line) return false;
        cur = line;
        return true;
    }

    /** The state of a statement being compiled, saved around a nested one. */
    final long save() { return ((long) cur << 32) | (first & 0xFFFFFFFFL); }

    final void restore(long s) {
        cur = (int) (s >> 32);
        first = (int) s;
    }

    /** Starts a statement: its first instruction gives its event line. */
    final void startStatement() {
        cur = START;
        first = 0;
    }
}
