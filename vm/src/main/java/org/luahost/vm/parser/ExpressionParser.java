package org.luahost.vm.parser;

import java.util.ArrayList;
import java.util.List;

import org.luahost.vm.parser.Ast.BinOpKind;
import org.luahost.vm.parser.Ast.Expr;
import org.luahost.vm.parser.Ast.UnOpKind;

/**
 * The expression half of the recursive-descent parser: one method per grammar
 * rule, following the reference's structure (so that its error messages and
 * depth accounting come out the same). Operator precedence is done by
 * precedence climbing in {@link #subexpr} with the reference's priority table.
 * Function bodies contain statements, which {@link Parser} supplies through
 * {@link #block()}.
 */
abstract class ExpressionParser extends ParserSupport {
    /** Priority of unary operators: above all binary ones except '^'. */
    private static final int UNARY_PRIORITY = 12;

    ExpressionParser(String source, String chunkName, int baseLevel, java.util.function.IntConsumer charge) {
        super(source, chunkName, baseLevel, charge);
    }

    /** block -> statlist (closed by the caller) */
    abstract Ast.Block block();

    // ---------------------------------------------------------------- operators

    private static UnOpKind unaryOp(TokenType type) {
        return switch (type) {
            case NOT -> UnOpKind.NOT;
            case MINUS -> UnOpKind.NEG;
            case TILDE -> UnOpKind.BNOT;
            case HASH -> UnOpKind.LEN;
            default -> null;
        };
    }

    private static BinOpKind binaryOp(TokenType type) {
        return switch (type) {
            case PLUS -> BinOpKind.ADD; case MINUS -> BinOpKind.SUB; case STAR -> BinOpKind.MUL;
            case PERCENT -> BinOpKind.MOD; case CARET -> BinOpKind.POW; case SLASH -> BinOpKind.DIV;
            case IDIV -> BinOpKind.IDIV; case AMP -> BinOpKind.BAND; case PIPE -> BinOpKind.BOR;
            case TILDE -> BinOpKind.BXOR; case SHL -> BinOpKind.SHL; case SHR -> BinOpKind.SHR;
            case CONCAT -> BinOpKind.CONCAT; case NE -> BinOpKind.NE; case EQ -> BinOpKind.EQ;
            case LT -> BinOpKind.LT; case LE -> BinOpKind.LE; case GT -> BinOpKind.GT;
            case GE -> BinOpKind.GE; case AND -> BinOpKind.AND; case OR -> BinOpKind.OR;
            default -> null;
        };
    }

    /** How strongly an operator binds its left operand. */
    private static int leftPriority(BinOpKind op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case LT, GT, LE, GE, NE, EQ -> 3;
            case BOR -> 4;
            case BXOR -> 5;
            case BAND -> 6;
            case SHL, SHR -> 7;
            case CONCAT -> 9;
            case ADD, SUB -> 10;
            case MUL, DIV, IDIV, MOD -> 11;
            case POW -> 14;
        };
    }

    /** How strongly it binds its right operand: lower than the left for the right-associative '..' and '^'. */
    private static int rightPriority(BinOpKind op) {
        return switch (op) {
            case CONCAT -> 8;
            case POW -> 13;
            default -> leftPriority(op);
        };
    }

    // ---------------------------------------------------------------- expressions

    /** expr -> subexpr */
    final Expr expr() {
        return subexpr(0);
    }

    /** explist -> expr { ',' expr } */
    final List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        int start = fs.freereg;
        list.add(expr());
        while (t.type() == TokenType.COMMA) {
            int comma = line();
            next();
            fs.freereg = start + list.size() - 1;
            reserveRegs(1);   // the value before the comma goes to the next register
            list.set(list.size() - 1, indexedAt(list.getLast(), comma));
            dis(list.getLast(), lastLine);   // into its register once the ',' is read
            list.add(expr());
        }
        return list;
    }

    /**
     * The reference emits an indexing ({@code t.x}, {@code t[k]}) only when its value is
     * needed, which for a list item, call argument, parenthesised expression or 'if'
     * condition is after the token that ends it (',', ')', '}', 'then') was read: its
     * runtime errors are reported at that token's line. e with that line if it is an index.
     */
    static Expr indexedAt(Expr e, int line) {
        return e instanceof Ast.Index ix && ix.line() != line ? new Ast.Index(line, ix.obj(), ix.key()) : e;
    }

    /** A literal that is not a numeral: an operand that arithmetic and order comparisons load into a register. */
    private static boolean literal(Expr e) {
        return e instanceof Ast.Str || e instanceof Ast.Nil || e instanceof Ast.True || e instanceof Ast.False;
    }

    /** Whether the reference puts operand e of op in a register (an instruction of its own for a constant or local). */
    private static boolean inRegister(BinOpKind op, Expr e) {
        return switch (op) {
            case CONCAT -> true;
            case AND, OR, EQ, NE -> false;
            default -> literal(e);
        };
    }

    /**
     * The registers the left operand e of op takes while the right one is parsed, as the
     * reference's luaK_infix puts it: 1 when it goes to a register (a concatenation's operands
     * always; other operators' unless a numeral, a constant or a local), -1 when it is tested
     * in a register that is freed at once ('and', 'or'), 0 when it needs none (or is in the top
     * register already: a call's result, a table).
     */
    private int leftOperandRegs(BinOpKind op, Expr e) {
        Expr x = e;
        while (x instanceof Ast.Paren p) x = p.expr();
        if (x instanceof Ast.Call || x instanceof Ast.MethodCall || x instanceof Ast.Table) return 0;
        if (op == BinOpKind.CONCAT) return 1;
        if (inRegister.contains(x)) return 0;
        boolean k = x instanceof Ast.Str || x instanceof Ast.Nil || x instanceof Ast.True || x instanceof Ast.False;
        return switch (op) {
            case AND, OR -> k || numeral(x) ? 0 : -1;
            case EQ, NE -> k || numeral(x) ? 0 : 1;
            // an integer that fits an instruction's sC operand (isSCnumber)
            case LT, LE, GT, GE -> smallInteger(x) ? 0 : 1;
            default -> numeral(x) ? 0 : 1;
        };
    }

    /** A numeral (folded) with an integer value that fits an instruction's sC operand (isSCnumber: -127 to 128). */
    private static boolean smallInteger(Expr e) {
        int sign = 1;
        for (;;) {
            if (e instanceof Ast.Paren p) e = p.expr();
            else if (e instanceof Ast.UnOp u && u.op() == UnOpKind.NEG) {
                sign = -sign;
                e = u.operand();
            } else break;
        }
        double v = e instanceof Ast.Int i ? i.value() : e instanceof Ast.Flt f ? f.value() : Double.NaN;
        v *= sign;
        return v == Math.rint(v) && v >= -127 && v <= 128;
    }

    /** A numeral, or what the reference folds into one (a minus of a numeral). */
    private static boolean numeral(Expr e) {
        while (e instanceof Ast.Paren p) e = p.expr();
        return switch (e) {
            case Ast.Int i -> true;
            case Ast.Flt f -> true;
            case Ast.UnOp u when u.op() == UnOpKind.NEG -> numeral(u.operand());
            default -> false;
        };
    }

    /**
     * subexpr -> (simpleexp | unop subexpr) { binop subexpr }, where each binop
     * binds tighter than {@code limit}.
     */
    private Expr subexpr(int limit) {
        enterLevel();
        int start = fs.freereg;
        Expr e;
        UnOpKind unary = unaryOp(t.type());
        if (unary != null) {
            int line = line();
            next();
            Expr operand = subexpr(UNARY_PRIORITY);
            dis(operand, unary != UnOpKind.NOT && literal(operand) ? lastLine : -lastLine);
            e = new Ast.UnOp(line, unary, operand);
            hl(e)[1] = lastLine;
        } else {
            e = simpleExp();
        }
        BinOpKind op = binaryOp(t.type());
        while (op != null && leftPriority(op) > limit) {
            int line = line();
            next();
            // the left operand is taken once the operator is read (a concatenation's operands go to registers)
            dis(e, inRegister(op, e) ? lastLine : -lastLine);
            switch (leftOperandRegs(op, e)) {
                case 1 -> reserveRegs(1);
                case -1 -> { reserveRegs(1); fs.freereg--; }   // discharged to test it, then freed
                default -> { }
            }
            Expr right = subexpr(rightPriority(op));
            dis(right, inRegister(op, right) ? lastLine : -lastLine);
            e = new Ast.BinOp(line, op, e, right);
            hl(e)[1] = lastLine;
            fs.freereg = start;   // the operands' registers are free again; the result is not in one yet
            op = binaryOp(t.type());
        }
        leaveLevel();
        return e;
    }

    /**
     * simpleexp -> FLT | INT | STRING | nil | true | false | '...'
     *            | constructor | function body | suffixedexp
     */
    private Expr simpleExp() {
        int line = line();
        Expr e;
        switch (t.type()) {
            case FLT -> e = new Ast.Flt(line, (Double) t.value());
            case INT -> e = new Ast.Int(line, (Long) t.value());
            case STRING -> e = new Ast.Str(line, (String) t.value());
            case NIL -> e = new Ast.Nil(line);
            case TRUE -> e = new Ast.True(line);
            case FALSE -> e = new Ast.False(line);
            case DOTS -> {
                if (!fs.vararg) throw syntaxError("cannot use '...' outside a vararg function");
                e = new Ast.Vararg(line);
                hl(e)[1] = lastLine;   // emitted before '...' is consumed
            }
            case LBRACE -> {
                return constructor();
            }
            case FUNCTION -> {
                next();
                return new Ast.Function(line, body(false, line()));
            }
            default -> {
                return suffixedExp();
            }
        }
        next();
        return e;
    }

    /** Names that are locals of their function (their value is in a register already). */
    private final java.util.Set<Expr> inRegister = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The variable the last name parsed as a primary expression resolved to (null: a global). */
    Var lastNameVar;

    /** primaryexp -> NAME | '(' expr ')' */
    private Expr primaryExp() {
        int line = line();
        switch (t.type()) {
            case NAME -> {
                Ast.Name n = new Ast.Name(line, checkName());
                nears.put(n, here());
                lastNameVar = singleVar(n.name());
                if (lastNameVar != null && !lastNameVar.constant && fs.visible(n.name()) == lastNameVar) inRegister.add(n);
                return n;
            }
            case LPAREN -> {
                next();
                Expr e = expr();
                int close = line();
                checkMatch(TokenType.RPAREN, TokenType.LPAREN, line);
                return new Ast.Paren(line, indexedAt(e, close));
            }
            default -> throw syntaxError("unexpected symbol");
        }
    }

    /**
     * suffixedexp -> primaryexp { '.' NAME | '[' expr ']' | ':' NAME funcargs | funcargs }
     * Calls get the line where the whole expression started, as in the reference.
     */
    final Expr suffixedExp() {
        int line = line();
        int base = fs.freereg;   // where the value of each call of the chain goes (f()() reuses it)
        Expr e = primaryExp();
        for (;;) {
            switch (t.type()) {
                case DOT -> {
                    dis(e, -lastLine);
                    next();
                    int keyLine = line();
                    e = new Ast.Index(keyLine, e, new Ast.Str(keyLine, checkName()));
                }
                case LBRACKET -> {
                    dis(e, -lastLine);
                    next();
                    Expr key = expr();
                    dis(key, -lastLine);
                    int keyLine = line();
                    checkNext(TokenType.RBRACKET);
                    e = new Ast.Index(keyLine, e, key);
                }
                case COLON -> {
                    next();
                    String name = checkName();
                    int selfLine = lastLine;
                    dis(e, -selfLine);
                    fs.freereg = base;
                    reserveRegs(2);   // the method and self
                    e = new Ast.MethodCall(line, e, name, funcArgs(line));
                    hl(e)[1] = selfLine;
                    fs.freereg = base + 1;   // the call's result
                }
                case LPAREN, STRING, LBRACE -> {
                    dis(e, lastLine);   // the function goes to its register before the arguments
                    fs.freereg = base;
                    reserveRegs(1);   // the function
                    e = new Ast.Call(line, e, funcArgs(line));
                    fs.freereg = base + 1;
                }
                default -> {
                    return e;
                }
            }
        }
    }

    static boolean multiValued(Expr e) {
        return e instanceof Ast.Call || e instanceof Ast.MethodCall || e instanceof Ast.Vararg;
    }

    /** funcargs -> '(' [ explist ] ')' | constructor | STRING */
    private List<Expr> funcArgs(int line) {
        switch (t.type()) {
            case STRING -> {
                Expr s = new Ast.Str(line(), (String) t.value());
                next();
                dis(s, lastLine);
                reserveRegs(1);
                return List.of(s);
            }
            case LBRACE -> {
                return List.of(constructor());   // the table takes the argument's register
            }
            case LPAREN -> {
                next();
                int argBase = fs.freereg;
                List<Expr> args = t.type() == TokenType.RPAREN ? List.of() : exprList();
                fs.freereg = argBase + Math.max(0, args.size() - 1);
                int close = line();
                checkMatch(TokenType.RPAREN, TokenType.LPAREN, line);
                if (!args.isEmpty()) {
                    args.set(args.size() - 1, indexedAt(args.getLast(), close));
                    dis(args.getLast(), lastLine);
                }
                if (!args.isEmpty() && !multiValued(args.getLast())) reserveRegs(1);   // the last argument, after the ')'
                return args;
            }
            default -> throw syntaxError("function arguments expected");
        }
    }

    // ---------------------------------------------------------------- table constructors

    /** The reference's LFIELDS_PER_FLUSH: list items a SETLIST stores at once. */
    private static final int FIELDS_PER_FLUSH = 50;

    /** constructor -> '{' [ field { sep field } [ sep ] ] '}'   where sep -> ',' | ';' */
    private Expr constructor() {
        int line = line();
        int newTable = lastLine;   // NEWTABLE is emitted before '{' is consumed
        // registers as the reference's constructor takes them: the table's own (before '{' is
        // consumed), then each positional item's once the next field starts, freed every
        // LFIELDS_PER_FLUSH items by a SETLIST; a keyed field's registers are freed after it
        int tableReg = fs.freereg;
        reserveRegs(1);
        int pending = 0;
        checkNext(TokenType.LBRACE);
        List<Ast.Field> fields = new ArrayList<>();
        int sep = line;
        do {
            if (t.type() == TokenType.RBRACE) break;
            // the previous positional item is stored once the next field starts (after sep)
            if (!fields.isEmpty() && fields.getLast() instanceof Ast.PosField pf) {
                fields.set(fields.size() - 1, new Ast.PosField(indexedAt(pf.value(), sep)));
                dis(((Ast.PosField) fields.getLast()).value(), lastLine);
                fs.freereg = tableReg + pending;
                reserveRegs(1);
                if (pending == FIELDS_PER_FLUSH) {
                    fs.freereg = tableReg + 1;
                    pending = 0;
                }
            }
            int reg = fs.freereg;
            Ast.Field f = field();
            if (f instanceof Ast.PosField) pending++;
            fs.freereg = reg;
            fields.add(f);
            sep = line();
        } while (testNext(TokenType.COMMA) || testNext(TokenType.SEMI));
        int close = line();
        checkMatch(TokenType.RBRACE, TokenType.LBRACE, line);
        // the last positional item is stored after the '}'
        if (!fields.isEmpty() && fields.getLast() instanceof Ast.PosField pf) {
            fields.set(fields.size() - 1, new Ast.PosField(indexedAt(pf.value(), close)));
            dis(((Ast.PosField) fields.getLast()).value(), lastLine);
            fs.freereg = tableReg + pending;
            if (!multiValued(pf.value())) reserveRegs(1);
        }
        fs.freereg = tableReg + 1;
        Expr table = new Ast.Table(line, fields);
        hl(table)[1] = newTable;
        hl(table)[2] = lastLine;
        return table;
    }

    /** field -> NAME '=' expr | '[' expr ']' '=' expr | expr */
    private Ast.Field field() {
        return switch (t.type()) {
            case NAME -> lookahead().type() == TokenType.ASSIGN ? recordField() : new Ast.PosField(expr());
            case LBRACKET -> recordField();
            default -> new Ast.PosField(expr());
        };
    }

    /** recfield -> (NAME | '[' expr ']') '=' expr */
    private Ast.Field recordField() {
        if (t.type() == TokenType.NAME) {
            String name = checkName();
            checkNext(TokenType.ASSIGN);
            Expr value = expr();
            dis(value, lastLine);   // stored as soon as it is parsed
            return new Ast.NamedField(name, value);
        }
        next();
        Expr key = expr();
        dis(key, -lastLine);
        checkNext(TokenType.RBRACKET);
        checkNext(TokenType.ASSIGN);
        Expr value = expr();
        dis(value, lastLine);
        return new Ast.KeyedField(key, value);
    }

    // ---------------------------------------------------------------- function bodies

    /**
     * body -> '(' parlist ')' block 'end'. {@code line} is what the reference
     * records as the function's linedefined.
     */
    final Ast.FuncBody body(boolean method, int line) {
        openFunction(false, line);
        List<Ast.Near> pnears = new ArrayList<>();
        checkNext(TokenType.LPAREN);
        if (method) {
            pnears.add(here());
            declareLocal("self");
        }
        List<String> params = parList(pnears);
        checkNext(TokenType.RPAREN);
        activateLocals(params.size() + (method ? 1 : 0));
        Ast.Block block = block();
        int lastLine = line();
        checkMatch(TokenType.END, TokenType.FUNCTION, line);
        boolean vararg = fs.vararg;
        closeFunction();
        Ast.FuncBody fb = new Ast.FuncBody(line, lastLine, params, method, vararg, block);
        nears.put(fb, pnears.toArray(new Ast.Near[0]));
        return fb;
    }

    /** parlist -> [ NAME { ',' NAME } [ ',' '...' ] | '...' ] */
    private List<String> parList(List<Ast.Near> pnears) {
        List<String> params = new ArrayList<>();
        if (t.type() == TokenType.RPAREN) return params;
        do {
            switch (t.type()) {
                case NAME -> {
                    String name = checkName();
                    params.add(name);
                    pnears.add(here());
                    declareLocal(name);
                }
                case DOTS -> {
                    next();
                    fs.vararg = true;
                }
                default -> throw syntaxError("<name> or '...' expected");
            }
        } while (!fs.vararg && testNext(TokenType.COMMA));
        return params;
    }
}
