package org.luahost.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The mutations of the syntax fuzzer ({@link SyntaxFuzz}): seeded, token-level
 * damage to a valid Lua source, aimed at the lexer's and the parser's error
 * paths and at the compiler's limits. The source is split by a small lexer
 * of its own (total: any byte string gives tokens), so that a mutation can
 * delete, repeat, swap or replace whole tokens, cut a string, comment or
 * escape short, or insert a token where it does not belong.
 *
 * <p>Strings are byte strings held in Java strings of chars 0-255.
 */
final class SyntaxMutator {
    private SyntaxMutator() {}

    /** A token of the fuzzer's own lexer: [start, end) of kind. */
    record Tok(int start, int end, Kind kind) {}

    enum Kind { SPACE, NEWLINE, COMMENT, LONG_COMMENT, NAME, KEYWORD, NUMBER, STRING, LONG_STRING, OP, OTHER }

    static final List<String> KEYWORDS = List.of("and", "break", "do", "else", "elseif", "end", "false", "for",
            "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
            "while");
    static final String[] OPS = {"+", "-", "*", "/", "//", "%", "^", "#", "&", "~", "|", "<<", ">>", "==", "~=", "<=",
        ">=", "<", ">", "=", "(", ")", "{", "}", "[", "]", "::", ";", ":", ",", ".", "..", "..."};
    private static final String[] INSERTS = {"end", ")", "]", "=", ",", "::x::", "goto x", "local x <foo>", "break",
        "(", "{", "}", "[", "..", "...", "return", "local", "function", "::", "<const>", "<close>", ";", "then", "do",
        "x", "1", "'s'", "in", "until", "elseif", "else", "local function", "x.y:z", "return;", "goto continue",
        "::continue::", "<", ">", "local x <const> = 1 x = 2", ":: x ::", "::end::", "goto", "a.b.c = ", "f{", "@",
        "$", "`", "!", "?", "\u0080", "\u00ff", "\\", "!=", "&&", "+=", "local <const> x", "for", "while", "repeat",
        "if", "not", "#", "~", "0", "nil", "true", "..."};
    private static final String[] NUMERALS = {"0x", "1e", "3..4", "0x1p", "1e+", "0x.p1", "1.2.3", "0xg", ".e1",
        "0x1P-", "1ee2", "9223372036854775808", "0x7fffffffffffffffff", "1..2", "1.5e308e", "0b101", "12abc", "0x.",
        "3.", ".5", "0x1p4", "1e-", "0X", "08", "1E400", "0x1.8", "5.e", "0xep", "0x1pp", "2.5.", "1e5x", "0x1e+",
        "9.0e-.1", "0..1", "1.5..2", "..5"};
    private static final String[] ESCAPES = {"\\x1", "\\x", "\\xg0", "\\u{110000000}", "\\u{}", "\\u{80000000}",
        "\\u", "\\u{12", "\\400", "\\256", "\\q", "\\", "\\999", "\\u{7FFFFFFF}", "\\z", "\\\n", "\\x41", "\\u{x}",
        "\\u{7fffffff", "\\u{0000000000041}", "\\255", "\\0", "\\a\\b", "\\\r\n", "\\\n\r", "\\9", "\\x4", "\\u{d800}",
        "\\ ", "\\\t", "\\\0", "\\u{FFFFFFFFF}", "\\xFF", "\\e"};
    private static final String[] UNFINISHED = {"\"abc", "'", "\"", "[[abc", "--[==[", "[=[", "[==", "'x\\", "\"\\z",
        "[[", "--[[ x", "\"\\u{", "'\\x", "[=", "\"a\\\n", "'\\"};

    /** The tokens of s (every byte of s in exactly one token). */
    static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int j;
            Kind k;
            if (c == '\n' || c == '\r') {
                j = i + 1;
                k = Kind.NEWLINE;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
                j = i + 1;
                while (j < n && " \t\f\u000b".indexOf(s.charAt(j)) >= 0) j++;
                k = Kind.SPACE;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int lvl = longLevel(s, i + 2);
                if (lvl >= 0) {
                    j = longEnd(s, i + 2, lvl);
                    k = Kind.LONG_COMMENT;
                } else {
                    j = i + 2;
                    while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') j++;
                    k = Kind.COMMENT;
                }
            } else if (c == '[' && longLevel(s, i) >= 0) {
                j = longEnd(s, i, longLevel(s, i));
                k = Kind.LONG_STRING;
            } else if (c == '"' || c == '\'') {
                j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                    j += s.charAt(j) == '\\' && j + 1 < n ? 2 : 1;
                }
                if (j < n && s.charAt(j) == c) j++;
                k = Kind.STRING;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                j = i + 1;
                while (j < n) {
                    char d = s.charAt(j);
                    boolean exp = (d == '+' || d == '-') && "eEpP".indexOf(s.charAt(j - 1)) >= 0;
                    if (Character.isLetterOrDigit(d) && d < 128 || d == '.' || d == '_' || exp) j++;
                    else break;
                }
                k = Kind.NUMBER;
            } else if (c == '_' || (c < 128 && Character.isLetter(c))) {
                j = i + 1;
                while (j < n && (s.charAt(j) == '_' || s.charAt(j) < 128 && Character.isLetterOrDigit(s.charAt(j)))) j++;
                k = KEYWORDS.contains(s.substring(i, j)) ? Kind.KEYWORD : Kind.NAME;
            } else {
                j = i + 1;
                k = Kind.OTHER;
                for (String op : OPS) {
                    if (op.length() > j - i && s.startsWith(op, i)) {
                        j = i + op.length();
                        k = Kind.OP;
                    } else if (op.length() == 1 && op.charAt(0) == c && k == Kind.OTHER) {
                        k = Kind.OP;
                    }
                }
            }
            out.add(new Tok(i, j, k));
            i = j;
        }
        return out;
    }

    /** The level of the long bracket opening at i ("[==[": 2), or -1. */
    private static int longLevel(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '[') return -1;
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == '=') j++;
        return j < s.length() && s.charAt(j) == '[' ? j - i - 1 : -1;
    }

    private static int longEnd(String s, int i, int lvl) {
        String close = "]" + "=".repeat(lvl) + "]";
        int e = s.indexOf(close, i + lvl + 2);
        return e < 0 ? s.length() : e + close.length();
    }

    /** A mutant of src: 1-3 mutations (one in three cases: a limit probe instead). */
    static String mutate(Random rnd, String src) {
        if (rnd.nextInt(6) == 0) return Limits.probe(rnd, src);
        String s = src;
        int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3 : 1);
        for (int k = 0; k < n; k++) s = mutateOnce(rnd, s);
        return s;
    }

    private static String mutateOnce(Random rnd, String s) {
        List<Tok> toks = tokens(s);
        List<Tok> solid = toks.stream().filter(t -> t.kind() != Kind.SPACE && t.kind() != Kind.NEWLINE).toList();
        if (solid.isEmpty()) return s + INSERTS[rnd.nextInt(INSERTS.length)];
        Tok t = solid.get(rnd.nextInt(solid.size()));
        switch (rnd.nextInt(14)) {
            case 0: return s.substring(0, t.start()) + s.substring(t.end());   // delete a token
            case 1: return s.substring(0, t.end()) + (rnd.nextBoolean() ? " " : "") + text(s, t) + s.substring(t.end());
            case 2: {   // swap two neighbouring tokens
                int i = solid.indexOf(t);
                if (i + 1 >= solid.size()) return s.substring(0, t.start());
                Tok u = solid.get(i + 1);
                return s.substring(0, t.start()) + text(s, u) + s.substring(t.end(), u.start()) + text(s, t) + s.substring(u.end());
            }
            case 3: {   // an operator or a keyword replaced by another
                Tok u = pick(rnd, solid, Kind.OP, Kind.KEYWORD);
                if (u == null) u = t;
                String by = u.kind() == Kind.KEYWORD || rnd.nextInt(4) == 0
                        ? KEYWORDS.get(rnd.nextInt(KEYWORDS.size())) : OPS[rnd.nextInt(OPS.length)];
                return replace(s, u, by);
            }
            case 4, 5: return insertAt(rnd, s, toks, INSERTS[rnd.nextInt(INSERTS.length)]);
            case 6: {   // a string, long string or comment (or an escape in it) cut short
                Tok u = pick(rnd, solid, Kind.STRING, Kind.LONG_STRING, Kind.LONG_COMMENT, Kind.COMMENT);
                if (u == null) u = t;
                int cut = u.start() + 1 + rnd.nextInt(Math.max(1, u.end() - u.start() - 1));
                String rest = rnd.nextInt(3) == 0 ? "" : s.substring(u.end());
                return s.substring(0, Math.min(cut, u.end())) + rest;
            }
            case 7: {   // a malformed numeral, for a number or anywhere
                Tok u = pick(rnd, solid, Kind.NUMBER);
                String num = NUMERALS[rnd.nextInt(NUMERALS.length)];
                return u != null && rnd.nextBoolean() ? replace(s, u, num) : insertAt(rnd, s, toks, num);
            }
            case 8: {   // an escape inside a string
                Tok u = pick(rnd, solid, Kind.STRING);
                String esc = ESCAPES[rnd.nextInt(ESCAPES.length)];
                if (u == null) return insertAt(rnd, s, toks, "x = \"" + esc + "\"\n");
                int at = u.start() + 1 + rnd.nextInt(Math.max(1, u.end() - u.start() - 1));
                return s.substring(0, at) + esc + s.substring(at);
            }
            case 9: {   // an unfinished string at the end of a line or of the file
                String u = UNFINISHED[rnd.nextInt(UNFINISHED.length)];
                if (rnd.nextBoolean()) return s + (rnd.nextBoolean() ? "\nx = " : " ") + u;
                List<Tok> nls = toks.stream().filter(x -> x.kind() == Kind.NEWLINE).toList();
                if (nls.isEmpty()) return s + u;
                int at = nls.get(rnd.nextInt(nls.size())).start();
                return s.substring(0, at) + u + s.substring(at);
            }
            case 10: {   // a NUL, CR or other control byte in an odd place
                String[] odd = {"\0", "\r", "\r\n", "\n\r", "\r\r", "\u000b", "\f", "\u001b", "\u007f", "\n\n\r"};
                int at = rnd.nextInt(s.length() + 1);
                return s.substring(0, at) + odd[rnd.nextInt(odd.length)] + s.substring(at);
            }
            case 11: return s.substring(0, rnd.nextBoolean() ? t.end() : t.start());   // cut at a token boundary
            case 12: {   // a long line or a long token
                String[] grow = {"x", "a = 1 ", "--", " ", "(", "1", "\\"};
                String g = grow[rnd.nextInt(grow.length)].repeat(50 + rnd.nextInt(rnd.nextInt(3) == 0 ? 5000 : 300));
                return insertAt(rnd, s, toks, g);
            }
            default: {   // a token moved somewhere else
                String x = text(s, t);
                String without = s.substring(0, t.start()) + s.substring(t.end());
                return insertAt(rnd, without, tokens(without), x);
            }
        }
    }

    private static String text(String s, Tok t) { return s.substring(t.start(), t.end()); }

    private static String replace(String s, Tok t, String by) {
        return s.substring(0, t.start()) + by + s.substring(t.end());
    }

    /** Inserts x before a random token (with a space before and after, or not). */
    private static String insertAt(Random rnd, String s, List<Tok> toks, String x) {
        int at = toks.isEmpty() ? 0 : rnd.nextInt(toks.size() + 1);
        int pos = at == toks.size() ? s.length() : toks.get(at).start();
        String pre = rnd.nextBoolean() ? " " : "", post = rnd.nextBoolean() ? " " : "";
        return s.substring(0, pos) + pre + x + post + s.substring(pos);
    }

    private static Tok pick(Random rnd, List<Tok> toks, Kind... kinds) {
        List<Tok> c = toks.stream().filter(t -> List.of(kinds).contains(t.kind())).toList();
        return c.isEmpty() ? null : c.get(rnd.nextInt(c.size()));
    }
}
