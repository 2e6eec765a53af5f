package org.luahost.vm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.luahost.vm.parser.Ast.Expr;
import org.luahost.vm.parser.Ast.Stat;

/** The shape of the trees the parser builds: precedence, statements, literals and lines. */
class ParserTreeTest {

    // ---------------------------------------------------------------- helpers

    private static List<Stat> stats(String src) {
        return Parser.parse(src, "=test").body().block().stats();
    }

    private static Stat stat(String src) {
        List<Stat> s = stats(src);
        assertEquals(1, s.size(), "statements in " + src);
        return s.getFirst();
    }

    private static Expr expr(String src) {
        Ast.Return r = (Ast.Return) stat("return " + src);
        assertEquals(1, r.exprs().size());
        return r.exprs().getFirst();
    }

    /** A compact S-expression for an expression tree. */
    static String sexp(Expr e) {
        return switch (e) {
            case Ast.Nil n -> "nil";
            case Ast.True t -> "true";
            case Ast.False f -> "false";
            case Ast.Vararg v -> "...";
            case Ast.Int i -> Long.toString(i.value());
            case Ast.Flt f -> Double.toString(f.value());
            case Ast.Str s -> "'" + s.value() + "'";
            case Ast.Function f -> "(function " + f.body().params() + (f.body().vararg() ? "..." : "") + ")";
            case Ast.Table t -> t.fields().stream().map(ParserTreeTest::field)
                    .collect(Collectors.joining(" ", "{", "}"));
            case Ast.BinOp b -> "(" + b.op().symbol + " " + sexp(b.left()) + " " + sexp(b.right()) + ")";
            case Ast.UnOp u -> "(" + u.op().symbol + " " + sexp(u.operand()) + ")";
            case Ast.Name n -> n.name();
            case Ast.Index i -> "(index " + sexp(i.obj()) + " " + sexp(i.key()) + ")";
            case Ast.Call c -> "(call " + sexp(c.fn()) + args(c.args()) + ")";
            case Ast.MethodCall m -> "(method " + sexp(m.obj()) + " " + m.name() + args(m.args()) + ")";
            case Ast.Paren p -> "(paren " + sexp(p.expr()) + ")";
        };
    }

    private static String args(List<Expr> args) {
        return args.stream().map(a -> " " + sexp(a)).collect(Collectors.joining());
    }

    private static String field(Ast.Field f) {
        return switch (f) {
            case Ast.PosField p -> sexp(p.value());
            case Ast.NamedField n -> n.name() + "=" + sexp(n.value());
            case Ast.KeyedField k -> "[" + sexp(k.key()) + "]=" + sexp(k.value());
        };
    }

    // ---------------------------------------------------------------- expressions

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
        "1 + 2 * 3 => (+ 1 (* 2 3))",
        "1 * 2 + 3 => (+ (* 1 2) 3)",
        "1 - 2 - 3 => (- (- 1 2) 3)",
        "a / b // c % d * e => (* (% (// (/ a b) c) d) e)",
        "2 ^ 3 ^ 2 => (^ 2 (^ 3 2))",
        "-2 ^ 2 => (- (^ 2 2))",
        "2 ^ -2 => (^ 2 (- 2))",
        "- - x => (- (- x))",
        "not a == b => (== (not a) b)",
        "not (a == b) => (not (paren (== a b)))",
        "a .. b .. c => (.. a (.. b c))",
        "1 + 2 .. 3 + 4 => (.. (+ 1 2) (+ 3 4))",
        "a or b and c => (or a (and b c))",
        "a and b or c and d => (or (and a b) (and c d))",
        "a or b or c => (or (or a b) c)",
        "a < b == c => (== (< a b) c)",
        "a ~= b > c <= d >= e => (>= (<= (> (~= a b) c) d) e)",
        "a | b ~ c & d << e .. f + g * h ^ i => (| a (~ b (& c (<< d (.. e (+ f (* g (^ h i))))))))",
        "a << b >> c => (>> (<< a b) c)",
        "a == b or c < d and e => (or (== a b) (and (< c d) e))",
        "#t + 1 => (+ (# t) 1)",
        "~a ~ b => (~ (~ a) b)",
        "-a .. b => (.. (- a) b)",
        "#a.b[1] => (# (index (index a 'b') 1))",
        "-x ^ y ^ z => (- (^ x (^ y z)))",
        "a.b.c:d(1)(2)[3] => (index (call (method (index (index a 'b') 'c') d 1) 2) 3)",
        "f{1, x = 2; [3] = 4,} => (call f {1 x=2 [3]=4})",
        "f'str' [[long]] => (call (call f 'str') 'long')",
        "('a'):rep(3) => (method (paren 'a') rep 3)",
        "(f()) => (paren (call f))",
        "{} => {}",
        "{f(), ...} => {(call f) ...}",
        "function(a, b, ...) end => (function [a, b]...)",
        "nil == false ~= true => (~= (== nil false) true)",
        "0x10 + 1e1 + .5 => (+ (+ 16 10.0) 0.5)",
    })
    void precedenceAndAssociativity(String src, String tree) {
        assertEquals(tree, sexp(expr(src)));
    }

    @Test
    void stringLiteralsAreUnescapedByteStrings() {
        assertEquals("\u0007\b\f\n\r\t\u000b\\\"'", ((Ast.Str) expr("'\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\''")).value());
        assertEquals("AAB", ((Ast.Str) expr("'\\x41\\65\\066'")).value());
        assertEquals("\0" + "1", ((Ast.Str) expr("'\\0001'")).value());
        assertEquals("H\u00c3\u00a9", ((Ast.Str) expr("\"\\u{48}\\u{E9}\"")).value());
        assertEquals("\u00fd\u00bf\u00bf\u00bf\u00bf\u00bf", ((Ast.Str) expr("'\\u{7FFFFFFF}'")).value());
        assertEquals("\u00f4\u008f\u00bf\u00bf\u00e0\u00a0\u0080\u00c2\u0080",
                ((Ast.Str) expr("'\\u{10FFFF}\\u{800}\\u{80}'")).value());
        assertEquals("ab", ((Ast.Str) expr("'a\\z  \n\t  b'")).value());
        assertEquals("a\nb", ((Ast.Str) expr("'a\\\r\nb'")).value());
        assertEquals("a\nb\n", ((Ast.Str) expr("[==[\r\na\r\nb\n\r]==]")).value());
        assertEquals("]]=]", ((Ast.Str) expr("[==[]]=]]==]")).value());
        assertEquals("\u00ff\u0080", ((Ast.Str) expr("'\u00ff\u0080'")).value());
    }

    // ---------------------------------------------------------------- statements

    @Test
    void localsWithAttributes() {
        Ast.Local l = (Ast.Local) stat("local a <const>, b, c <close> = 1, 2");
        assertEquals(List.of("a", "b", "c"), l.names());
        assertEquals(List.of(Ast.Attrib.CONST, Ast.Attrib.NONE, Ast.Attrib.CLOSE), l.attribs());
        assertEquals(2, l.exprs().size());
        assertTrue(((Ast.Local) stat("local x")).exprs().isEmpty());
    }

    @Test
    void functionStatementsAndMethods() {
        Ast.FunctionStat f = (Ast.FunctionStat) stat("function a.b.c:m(x, y) end");
        assertEquals("a.b.c:m", f.name());
        assertEquals("(index (index (index a 'b') 'c') 'm')", sexp(f.target()));
        assertTrue(f.function().body().method());
        assertEquals(List.of("x", "y"), f.function().body().params());
        assertFalse(f.function().body().vararg());

        Ast.FunctionStat g = (Ast.FunctionStat) stat("function g(...) end");
        assertEquals("g", g.name());
        assertInstanceOf(Ast.Name.class, g.target());
        assertFalse(g.function().body().method());
        assertTrue(g.function().body().vararg());

        Ast.LocalFunction lf = (Ast.LocalFunction) stat("local function h(a, ...) return ... end");
        assertEquals("h", lf.name());
        assertTrue(lf.function().body().vararg());
    }

    @Test
    void assignmentsAndCalls() {
        Ast.Assign a = (Ast.Assign) stat("a, b.c, d[1] = 1, 2");
        assertEquals("a (index b 'c') (index d 1)",
                a.targets().stream().map(ParserTreeTest::sexp).collect(Collectors.joining(" ")));
        assertEquals(2, a.exprs().size());
        Ast.CallStat c = (Ast.CallStat) stat("obj:method(1)");
        assertEquals("(method obj method 1)", sexp(c.call()));
    }

    @Test
    void controlStructures() {
        Ast.If i = (Ast.If) stat("if a then x() elseif b then y() elseif c then else z() end");
        assertEquals(3, i.conds().size());
        assertEquals(3, i.blocks().size());
        assertTrue(i.blocks().get(2).stats().isEmpty());
        assertEquals(1, i.elseBlock().stats().size());
        assertNull(((Ast.If) stat("if a then end")).elseBlock());

        Ast.NumericFor nf = (Ast.NumericFor) stat("for i = 1, 10 do end");
        assertEquals("i", nf.var());
        assertNull(nf.step());
        assertEquals("3", sexp(((Ast.NumericFor) stat("for i = 1, 10, 3 do end")).step()));

        Ast.GenericFor gf = (Ast.GenericFor) stat("for k, v in pairs(t), nil do break end");
        assertEquals(List.of("k", "v"), gf.names());
        assertEquals(2, gf.exprs().size());
        assertInstanceOf(Ast.Break.class, gf.block().stats().getFirst());

        Ast.Repeat r = (Ast.Repeat) stat("repeat local x = f() until x");
        assertEquals("x", sexp(r.cond()));
        assertInstanceOf(Ast.While.class, stat("while true do break end"));
        assertInstanceOf(Ast.Do.class, stat("do end"));
    }

    @Test
    void gotoLabelsReturnsAndEmptyStatements() {
        List<Stat> s = stats(";;goto done; ::done:: ;; return 1, 2;");
        assertEquals(3, s.size());
        assertEquals("done", ((Ast.Goto) s.get(0)).label());
        assertEquals("done", ((Ast.Label) s.get(1)).name());
        assertEquals(2, ((Ast.Return) s.get(2)).exprs().size());
        assertTrue(((Ast.Return) stat("return")).exprs().isEmpty());
        assertTrue(((Ast.Return) stat("return;")).exprs().isEmpty());
        List<Stat> labels = stats("::a:: ::b:: ; ::c:: x = 1");
        assertEquals(4, labels.size());
        assertEquals("c", ((Ast.Label) labels.get(2)).name());
    }

    @Test
    void breakOutsideLoopAndRepeatedLabelsAreFoundInOnePass() {
        assertEquals("test:1: break outside loop at line 1",
                assertThrows(SyntaxError.class, () -> stats("goto x; break ::x::")).getMessage());
        assertEquals("test:1: label 'x' already defined on line 1",
                assertThrows(SyntaxError.class, () -> stats("::x:: do ::x:: end break")).getMessage());
    }

    // ---------------------------------------------------------------- lines

    @Test
    void chunkAndFunctionLines() {
        Ast.Chunk c = Parser.parse("local f = function\n\n(a)\n\nend\n\n", "=t");
        assertEquals("=t", c.chunkName());
        Ast.FuncBody main = c.body();
        assertEquals(0, main.line());
        assertEquals(0, main.lastLine());
        assertTrue(main.vararg());
        assertTrue(main.params().isEmpty());
        assertEquals(7, main.block().endLine());
        Ast.Function f = (Ast.Function) ((Ast.Local) main.block().stats().getFirst()).exprs().getFirst();
        assertEquals(1, f.line());
        // the reference's linedefined of an anonymous function is the line of its '('
        assertEquals(3, f.body().line());
        assertEquals(5, f.body().lastLine());
        assertEquals(5, f.body().block().endLine());

        Ast.LocalFunction lf = (Ast.LocalFunction) stat("local function\n\ng\n\n(a)\n\nend");
        assertEquals(1, lf.line());
        assertEquals(5, lf.function().body().line());
        assertEquals(7, lf.function().body().lastLine());

        Ast.FunctionStat fs = (Ast.FunctionStat) stat("function\n\nt.a\n\n:b(a)\n\nend");
        assertEquals(1, fs.line());
        assertEquals(1, fs.function().body().line());
        assertEquals(7, fs.function().body().lastLine());
    }

    @Test
    void expressionAndStatementLines() {
        Ast.Return r = (Ast.Return) stat("\nreturn a\n+\nb\n*\nc");
        assertEquals(2, r.line());
        Ast.BinOp add = (Ast.BinOp) r.exprs().getFirst();
        assertEquals(3, add.line());
        assertEquals(5, add.right().line());
        assertEquals(2, add.left().line());

        Ast.CallStat call = (Ast.CallStat) stat("f\n.g\n(\n1\n)");
        assertEquals(1, call.line());
        assertEquals(1, call.call().line());
        Ast.CallStat m = (Ast.CallStat) stat("\nobj\n:m\n'x'");
        assertEquals(2, m.call().line());

        Ast.UnOp neg = (Ast.UnOp) expr("\n-\nx");
        assertEquals(2, neg.line());
        assertEquals(2, ((Ast.Table) expr("\n{\n}")).line());

        Ast.If i = (Ast.If) stat("if x then\nelseif y then\n\nelse\n\n\nend");
        assertEquals(2, i.blocks().get(0).endLine());
        assertEquals(4, i.blocks().get(1).endLine());
        assertEquals(7, i.elseBlock().endLine());
        Ast.Repeat rep = (Ast.Repeat) stat("repeat\n\nuntil x");
        assertEquals(3, rep.block().endLine());
        Ast.Goto g = (Ast.Goto) stats("goto\n\nfoo ::foo::").getFirst();
        assertEquals(3, g.line());
        Ast.Break b = (Ast.Break) ((Ast.While) stat("while x do\n break end")).block().stats().getFirst();
        assertEquals(2, b.line());
    }

    // ---------------------------------------------------------------- whole programs

    @Test
    void bigVariedProgramParses() {
        String src = Expected.resource("/parser/big.lua");
        Ast.Chunk c = Parser.parse(src, "@big.lua");
        assertTrue(c.body().block().stats().size() > 50);
    }

    @Test
    void deepButAllowedNestingDoesNotOverflowTheJavaStack() throws Exception {
        String src = "x = " + "(".repeat(196) + "1" + ")".repeat(196);
        // run on a thread with a small stack to make sure the recursion per level is modest
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Parser.parse(src, "=t");
                Parser.parse("do ".repeat(197) + " end".repeat(197), "=t");
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }
}
