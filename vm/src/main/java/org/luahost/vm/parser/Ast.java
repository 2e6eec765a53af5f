package org.luahost.vm.parser;

import java.util.List;
import java.util.Map;

/**
 * The abstract syntax tree the {@link Parser} produces and the compiler
 * ({@code org.luahost.vm.compiler.Compiler}) turns into executable nodes.
 *
 * <p>The tree is purely syntactic: names are not resolved (a {@link Name} may
 * be a local, an upvalue or a global; the compiler decides), and nothing has
 * been checked that needs scopes ({@code goto} targets, assignments to
 * {@code <const>} locals). Strings are Lua byte strings: a Java
 * {@code String} whose chars are all in 0..255, one char per byte.
 *
 * <p>Every node carries the source line the reference {@code lua5.4} would
 * attribute to it, because run-time error messages and tracebacks print it.
 */
public final class Ast {
    private Ast() {}

    // ---------------------------------------------------------------- expressions

    public sealed interface Expr permits Nil, True, False, Vararg, Int, Flt, Str, Function,
            Table, BinOp, UnOp, Name, Index, Call, MethodCall, Paren {
        int line();
    }

    public record Nil(int line) implements Expr {}
    public record True(int line) implements Expr {}
    public record False(int line) implements Expr {}
    /** {@code ...} */
    public record Vararg(int line) implements Expr {}
    public record Int(int line, long value) implements Expr {}
    public record Flt(int line, double value) implements Expr {}
    /** A string literal (already unescaped; a byte string). */
    public record Str(int line, String value) implements Expr {}
    /** {@code function (params) body end} */
    public record Function(int line, FuncBody body) implements Expr {}
    /** {@code { fields }}; line is the line of the opening brace. */
    public record Table(int line, List<Field> fields) implements Expr {}
    /** line is the line of the operator token. */
    public record BinOp(int line, BinOpKind op, Expr left, Expr right) implements Expr {}
    /** line is the line of the operator token. */
    public record UnOp(int line, UnOpKind op, Expr operand) implements Expr {}
    /** A bare name: local, upvalue or global, resolved by the compiler. */
    public record Name(int line, String name) implements Expr {}
    /** {@code obj[key]} and {@code obj.name} (key is then a {@link Str}). */
    public record Index(int line, Expr obj, Expr key) implements Expr {}
    /**
     * {@code fn(args)}, {@code fn "str"}, {@code fn {table}}. line is the line where
     * the whole suffixed expression started (as the reference attributes calls).
     */
    public record Call(int line, Expr fn, List<Expr> args) implements Expr {}
    /** {@code obj:name(args)}; line as for {@link Call}. */
    public record MethodCall(int line, Expr obj, String name, List<Expr> args) implements Expr {}
    /** {@code (expr)}: truncates a multi-valued expression to one value. */
    public record Paren(int line, Expr expr) implements Expr {}

    public enum BinOpKind {
        OR("or"), AND("and"), LT("<"), GT(">"), LE("<="), GE(">="), NE("~="), EQ("=="),
        BOR("|"), BXOR("~"), BAND("&"), SHL("<<"), SHR(">>"), CONCAT(".."),
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), IDIV("//"), MOD("%"), POW("^");
        public final String symbol;
        BinOpKind(String symbol) { this.symbol = symbol; }
    }

    public enum UnOpKind {
        NOT("not"), NEG("-"), LEN("#"), BNOT("~");
        public final String symbol;
        UnOpKind(String symbol) { this.symbol = symbol; }
    }

    /** A table constructor field. */
    public sealed interface Field permits PosField, NamedField, KeyedField {}
    /** {@code expr} (list item) */
    public record PosField(Expr value) implements Field {}
    /** {@code name = expr} */
    public record NamedField(String name, Expr value) implements Field {}
    /** {@code [key] = expr} */
    public record KeyedField(Expr key, Expr value) implements Field {}

    // ---------------------------------------------------------------- functions and blocks

    /**
     * A function body. line is the line of the {@code function} keyword
     * (linedefined), lastLine the line of its {@code end} (lastlinedefined);
     * for the main chunk both are 0. params do not include the implicit
     * {@code self} of a method; {@code method} says it is there.
     */
    public record FuncBody(int line, int lastLine, List<String> params, boolean method,
                           boolean vararg, Block block) {}

    /** A sequence of statements; endLine is the line of the token that closed it. */
    /**
     * A block. endLine: the line of the token that ends it ('end', 'else', ...; for the
     * main chunk the end of input); closeLine: where the reference closes its
     * to-be-closed variables when control falls off its end (the last token of the
     * block, of the 'until' condition for repeat, the 'end' of a function body).
     */
    public record Block(List<Stat> stats, int endLine, int closeLine) {
        public Block(List<Stat> stats, int endLine) { this(stats, endLine, endLine); }
    }

    /** A parsed chunk: a vararg function with no parameters. */
    /**
     * A parsed chunk. {@code nears} maps declaration and name nodes (by identity) to
     * where the reference would report a limit error about them: for an {@link Name}
     * a {@link Near}; for a {@link Local}, {@link LocalFunction}, {@link NumericFor},
     * {@link GenericFor} or {@link FuncBody} a {@code Near[]} per declared name
     * ('self' first for methods).
     */
    public record Chunk(String chunkName, FuncBody body, Map<Object, Object> nears, Map<Object, int[]> hookLines) {
        public Chunk(String chunkName, FuncBody body) { this(chunkName, body, Map.of(), Map.of()); }

        /** A key every parsed chunk's hookLines has, so that a parsed chunk is told from one read back from a dump. */
        public static final Object PARSED = new Object();
    }

    /*
     * hookLines (by node identity; empty for a chunk read from a binary chunk, whose line events
     * are then per statement): the lines the reference's code generator gives the instructions
     * of a node, which line hooks report (see org.luahost.vm.compiler.HookLines). Slots per node:
     *   [0] for an expression, the line where its context puts its value in a register
     *       (positive) or uses it as an operand (negative: a local or constant needs no
     *       instruction there); for a Local, Assign or Return statement, the line of its stores,
     *       nil fill or return; for a for statement, the line of its 'do'.
     *   [1] BinOp, UnOp: the line after the last operand (comparisons and 'not' are emitted there);
     *       MethodCall: the line of the method name (SELF); Table: the line of NEWTABLE (the token
     *       before '{'); Vararg: the line of the token before '...'.
     *   [2] Table: the line of its '}' (the last SETLIST).
     */

    /** The token after a name and the lexer's line there ({@code near} text as in syntax errors). */
    public record Near(String text, int line) {}

    // ---------------------------------------------------------------- statements

    public sealed interface Stat permits Local, Assign, CallStat, Do, While, Repeat, If,
            NumericFor, GenericFor, FunctionStat, LocalFunction, Return, Break, Goto, Label {
        int line();
    }

    public enum Attrib { NONE, CONST, CLOSE }

    /** {@code local a <const>, b = e1, e2}; attribs has one entry per name. */
    public record Local(int line, List<String> names, List<Attrib> attribs, List<Expr> exprs) implements Stat {}
    /** {@code t1, t2 = e1, e2}; each target is a {@link Name} or an {@link Index}. */
    public record Assign(int line, List<Expr> targets, List<Expr> exprs) implements Stat {}
    /** A function or method call used as a statement. */
    public record CallStat(int line, Expr call) implements Stat {}
    public record Do(int line, Block block) implements Stat {}
    public record While(int line, Expr cond, Block block) implements Stat {}
    /** {@code repeat block until cond}: cond sees the block's locals. */
    public record Repeat(int line, Block block, Expr cond) implements Stat {}
    /** {@code if c1 then b1 elseif c2 then b2 else e end}; elseBlock may be null. */
    public record If(int line, List<Expr> conds, List<Block> blocks, Block elseBlock) implements Stat {}
    /** {@code for var = start, limit[, step] do block end}; step may be null. */
    public record NumericFor(int line, String var, Expr start, Expr limit, Expr step, Block block) implements Stat {}
    /** {@code for n1, n2 in e1, e2 do block end} */
    public record GenericFor(int line, List<String> names, List<Expr> exprs, Block block) implements Stat {}
    /**
     * {@code function a.b.c:m() end}: target is the {@link Name} or {@link Index}
     * assigned to; for a method the body has method = true. name is the
     * dotted name as written ("a.b.c:m"), for diagnostics.
     */
    public record FunctionStat(int line, Expr target, String name, Function function) implements Stat {}
    /** {@code local function f() end}: f is in scope inside its own body. */
    public record LocalFunction(int line, String name, Function function) implements Stat {}
    /** {@code return e1, e2}; line is the line of the {@code return} keyword. */
    public record Return(int line, List<Expr> exprs) implements Stat {}
    public record Break(int line) implements Stat {}
    public record Goto(int line, String label) implements Stat {}
    /** checkLine: where the reference checks for a repeated label (the lexer's line after the label and any ';'s/labels that follow). */
    public record Label(int line, String name, int checkLine) implements Stat {}
}
