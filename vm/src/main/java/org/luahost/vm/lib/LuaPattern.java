package org.luahost.vm.lib;

import java.util.HashMap;

import org.luahost.vm.LuaError;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;

/**
 * Lua's pattern matcher (manual section 6.4.1), used by {@code string.find},
 * {@code match}, {@code gmatch} and {@code gsub}.
 *
 * <p>A matcher is made for one subject and one pattern (both Lua strings: one
 * char per byte) and holds the capture state of the current attempt; positions
 * are char indexes, and -1 means "no match". The algorithm is the reference's
 * backtracking matcher, so results, captures and error messages are the same
 * as {@code lua5.4}'s: single-character items without a quantifier are matched
 * in a loop, and the matcher recurses only where backtracking needs it
 * (captures, {@code ?}, each attempt of {@code *}, {@code +}, {@code -}), with
 * the reference's depth guard ({@value #MAXCCALLS} levels, "pattern too
 * complex"). Long subjects therefore never deepen the Java stack.
 *
 * <p>Speed: what a pattern's single-character items match ({@code a},
 * {@code .}, {@code %d}, {@code [^%s,]}) is worked out the first time the
 * matcher reaches the item, as a 256-bit set, and kept in a {@link Prog} that
 * a per-state cache shares between calls with the same pattern. Work is done
 * lazily so a malformed item is reported only when the matcher reaches it, as
 * in the reference. Character classes are those of the C locale (ASCII).
 */
final class LuaPattern {
    static final int MAXCAPTURES = 32;
    static final int MAXCCALLS = 200;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final int L_ESC = '%';

    /** Class bits of each byte in the C locale. */
    private static final byte ALPHA = 1, DIGIT = 2, SPACE = 4, CNTRL = 8, PUNCT = 16, LOWER = 32, UPPER = 64, XDIGIT = -128;
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            int b = 0;
            if (c >= 'a' && c <= 'z') b |= ALPHA | LOWER;
            if (c >= 'A' && c <= 'Z') b |= ALPHA | UPPER;
            if (c >= '0' && c <= '9') b |= DIGIT | XDIGIT;
            if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) b |= XDIGIT;
            if (c == ' ' || (c >= 9 && c <= 13)) b |= SPACE;
            if (c < 32 || c == 127) b |= CNTRL;
            if (c > 32 && c < 127 && (b & (ALPHA | DIGIT)) == 0) b |= PUNCT;
            CLASS[c] = (byte) b;
        }
    }

    /**
     * What is known about one pattern: its bytes, and for each index where a
     * single-character item starts, the index after the item and the set of
     * bytes it matches (filled in as the matcher first reaches the item).
     * Shared by all matchers of the pattern in one state.
     */
    static final class Prog {
        final byte[] pat;
        /** 1 + the end of the item starting at each index; 0 while unknown. */
        final int[] end;
        /** For each index, 4 longs: the bytes the item there matches. */
        final long[] masks;
        /** An upper bound of the captures a match can have (the '(' count, at most MAXCAPTURES). */
        final int maxCaptures;
        /** For the first-item filter: 0 unknown, 1 none, 2 a literal char (firstChar), 3 a set (at firstItem). */
        int firstKind;
        int firstChar, firstItem;
        /**
         * Whether the whole pattern is one single-character item without a quantifier
         * ({@code %S}, {@code [\"\\]}): 0 unknown, 1 yes, 2 no. Such a pattern is found
         * by {@link PlainFind#indexOfItem} without a matcher.
         */
        int single;

        Prog(String p) {
            int n = p.length();
            pat = new byte[n];
            int parens = 0;
            for (int i = 0; i < n; i++) {
                char c = p.charAt(i);
                pat[i] = (byte) c;
                if (c == '(') parens++;
            }
            end = new int[n + 1];
            masks = new long[4 * (n + 1)];
            maxCaptures = Math.min(parens, MAXCAPTURES);
        }
    }

    /** The per-state cache of compiled patterns. */
    private static final class Cache {
        final LuaState state;
        final HashMap<String, Prog> map = new HashMap<>();

        Cache(LuaState state) { this.state = state; }
    }

    private static final int CACHE_SIZE = 128, CACHE_MAX_PATTERN = 200;

    /**
     * The cache of the state that used patterns last: spares the look-up of the
     * state's extension on every call. Any thread may read it; a Cache is published
     * through its final fields, and one of another state is simply not used.
     */
    private static Cache last;

    /** The Prog of a pattern, from the state's cache when possible. */
    static Prog prog(LuaThread th, String p) {
        LuaState L = th.state;
        Cache c = last;
        if (c == null || c.state != L) {
            c = L.extension(Cache.class);
            if (c == null) {
                c = new Cache(L);
                L.setExtension(Cache.class, c);
            }
            last = c;
        }
        Prog pr = c.map.get(p);
        if (pr == null) {
            pr = new Prog(p);
            if (p.length() <= CACHE_MAX_PATTERN) {
                if (c.map.size() >= CACHE_SIZE) c.map.clear();
                c.map.put(p, pr);
            }
        }
        return pr;
    }

    /** The thread errors are raised on: the caller's (gmatch's iterator rebinds it on each call). */
    LuaThread th;
    final String src;
    final int srcEnd;
    private final Prog prog;
    private final byte[] pat;
    private final int patEnd;
    /** Number of captures (finished or not) of the current attempt. */
    int level;
    private int matchdepth;
    private final int[] capInit;
    private final int[] capLen;

    LuaPattern(LuaThread th, String src, String pat) {
        this(th, src, prog(th, pat));
    }

    LuaPattern(LuaThread th, String src, Prog prog) {
        this.th = th;
        this.src = src;
        this.srcEnd = src.length();
        this.prog = prog;
        this.pat = prog.pat;
        this.patEnd = pat.length;
        int nc = Math.max(prog.maxCaptures, 1);
        this.capInit = new int[nc];
        this.capLen = new int[nc];
    }

    /** Steps (units of work) left before the matcher charges the thread's work meter for a batch of them. */
    private int steps = STEP_BATCH;
    private static final int STEP_BATCH = 256;

    /** Charges the steps done since the last charge (a batch, or more when a scan took steps off in bulk). */
    private void chargeSteps() {
        int done = STEP_BATCH - steps;
        steps = STEP_BATCH;
        th.charge(done);
    }

    /** Prepares for a new match attempt. */
    void reset() {
        level = 0;
        matchdepth = MAXCCALLS;
    }

    /** Whether a pattern has none of the magic characters (then it can be searched as plain text). */
    static boolean noSpecials(String p) {
        for (int i = 0, n = p.length(); i < n; i++) {
            switch (p.charAt(i)) {
                case '^', '$', '*', '+', '?', '.', '(', '[', '%', '-': return false;
                default: break;
            }
        }
        return true;
    }

    private LuaError error(String msg) {
        return th.errorAtLevel(msg, 1);
    }

    private int pc(int p) {
        return pat[p] & 0xFF;
    }

    // ---------------------------------------------------------------- candidate positions

    /**
     * The first position at or after s where an unanchored match (from pattern
     * index 0) can begin, judged by its first item when that must match one
     * character (leading captures skipped); srcEnd + 1 when there is none.
     * Without such an item, s itself.
     */
    int nextCandidate(int s) {
        Prog pr = prog;
        if (pr.firstKind == 0) computeFirst();
        switch (pr.firstKind) {
            case 2: {
                int i = src.indexOf(pr.firstChar, s);
                steps -= ((i < 0 ? srcEnd : i) - s) / Work.BYTES_PER_UNIT;
                if (steps < 0) chargeSteps();
                return i < 0 ? srcEnd + 1 : i;
            }
            case 3: {
                long[] m = pr.masks;
                int b = pr.firstItem * 4;
                String src = this.src;
                for (int e = srcEnd, start = s; s < e; s++) {
                    int c = src.charAt(s);
                    if ((m[b + (c >>> 6)] & (1L << c)) != 0) return s;
                    if (((s - start) & (Work.CHUNK - 1)) == Work.CHUNK - 1) th.charge(Work.CHUNK_UNITS);
                }
                return srcEnd + 1;
            }
            default:
                return s;
        }
    }

    /**
     * Whether the pattern is one single-character item without a quantifier (for an
     * unanchored pattern; computed once per Prog, with the errors a match would raise).
     */
    boolean isSingleItem() {
        Prog pr = prog;
        if (pr.single == 0) {
            if (pr.firstKind == 0) computeFirst();
            boolean one = (pr.firstKind == 3 && pr.firstItem == 0 || pr.firstKind == 2 && pc(0) != '(')
                    && classEnd(0) == patEnd;
            pr.single = one ? 1 : 2;
        }
        return pr.single == 1;
    }

    private void computeFirst() {
        Prog pr = prog;
        int p = 0, parens = 0;
        while (p < patEnd && pc(p) == '(' && parens < 8) {
            p++;
            parens++;
            if (p < patEnd && pc(p) == ')') p++;   // a position capture
        }
        int kind = 1;
        if (p < patEnd && parens < 8) {
            int c = pc(p);
            boolean simple = c != ')' && c != '(' && !(c == '$' && p + 1 == patEnd);
            if (c == L_ESC) {
                int d = p + 1 < patEnd ? pc(p + 1) : -1;
                simple = d != -1 && d != 'b' && d != 'f' && !(d >= '0' && d <= '9');
            }
            if (simple) {
                int ep = classEnd(p);
                int q = ep < patEnd ? pc(ep) : 0;
                if (q != '*' && q != '?' && q != '-') {
                    if (c != L_ESC && c != '[' && c != '.') {
                        kind = 2;
                        pr.firstChar = c;
                    } else {
                        kind = 3;
                        pr.firstItem = p;
                    }
                }
            }
        }
        pr.firstKind = kind;
    }

    // ---------------------------------------------------------------- matching

    /** Matches the pattern from index p against the subject from index s; the end of the match, or -1. */
    int match(int s, int p) {
        if (--steps < 0) chargeSteps();   // one unit per step of the backtracking (see Work)
        if (matchdepth-- == 0) throw error("pattern too complex");
        final byte[] pat = this.pat;
        final int patEnd = this.patEnd;
        loop:
        while (p != patEnd) {
            int pc = pat[p] & 0xFF;
            switch (pc) {
                case '(':
                    if (p + 1 < patEnd && pat[p + 1] == ')') s = startCapture(s, p + 2, CAP_POSITION);
                    else s = startCapture(s, p + 1, CAP_UNFINISHED);
                    break loop;
                case ')':
                    s = endCapture(s, p + 1);
                    break loop;
                case '$':
                    if (p + 1 == patEnd) {
                        if (s != srcEnd) s = -1;
                        break loop;
                    }
                    break;   // an ordinary '$'
                case L_ESC:
                    if (p + 1 < patEnd) {
                        int nc = pat[p + 1] & 0xFF;
                        if (nc == 'b') {
                            s = matchBalance(s, p + 2);
                            if (s != -1) {
                                p += 4;
                                continue;
                            }
                            break loop;
                        } else if (nc == 'f') {
                            p += 2;
                            if (p >= patEnd || pat[p] != '[') throw error("missing '[' after '%f' in pattern");
                            int ep = classEnd(p);
                            int prev = s == 0 ? 0 : src.charAt(s - 1);
                            int cur = s < srcEnd ? src.charAt(s) : 0;
                            if (!inSet(p, prev) && inSet(p, cur)) {
                                p = ep;
                                continue;
                            }
                            s = -1;
                            break loop;
                        } else if (nc >= '0' && nc <= '9') {
                            s = matchCapture(s, nc);
                            if (s != -1) {
                                p += 2;
                                continue;
                            }
                            break loop;
                        }
                    }
                    break;   // a class such as %a
                default:
                    break;
            }
            // a single-character item, maybe with a quantifier
            int ep = classEnd(p);
            int epc = ep < patEnd ? pat[ep] & 0xFF : 0;
            if (!singleMatch(s, p)) {
                if (epc == '*' || epc == '?' || epc == '-') {   // accept empty
                    p = ep + 1;
                    continue;
                }
                s = -1;
                break;
            }
            switch (epc) {
                case '?': {
                    int res = match(s + 1, ep + 1);
                    if (res != -1) {
                        s = res;
                        break loop;
                    }
                    p = ep + 1;
                    continue;
                }
                case '+':
                    s = maxExpand(s + 1, p, ep);
                    break loop;
                case '*':
                    s = maxExpand(s, p, ep);
                    break loop;
                case '-':
                    s = minExpand(s, p, ep);
                    break loop;
                default:
                    s++;
                    p = ep;
                    continue;
            }
        }
        matchdepth++;
        return s;
    }

    /** The index just after the single-character item at p (computing what it matches on first use). */
    private int classEnd(int p) {
        int e = prog.end[p];
        if (e != 0) return e - 1;
        int ep = scanClassEnd(p);
        long[] m = prog.masks;
        int b = p * 4;
        for (int c = 0; c < 256; c++) {
            if (slowSingleMatch(c, p, ep)) m[b + (c >>> 6)] |= 1L << c;
        }
        prog.end[p] = ep + 1;
        return ep;
    }

    private int scanClassEnd(int p) {
        int c = pc(p++);
        if (c == L_ESC) {
            if (p >= patEnd) throw error("malformed pattern (ends with '%')");
            return p + 1;
        }
        if (c == '[') {
            if (p < patEnd && pc(p) == '^') p++;
            do {   // look for a ']' (the first character of the set never closes it)
                if (p >= patEnd) throw error("malformed pattern (missing ']')");
                c = pc(p++);
                if (c == L_ESC && p < patEnd) p++;
            } while (p >= patEnd || pc(p) != ']');
            return p + 1;
        }
        return p;
    }

    /** Whether byte c is in the set of the item at p (whose classEnd was computed). */
    private boolean inSet(int p, int c) {
        return (prog.masks[p * 4 + (c >>> 6)] & (1L << c)) != 0;
    }

    private boolean singleMatch(int s, int p) {
        if (s >= srcEnd) return false;
        int c = src.charAt(s);
        return (prog.masks[p * 4 + (c >>> 6)] & (1L << c)) != 0;
    }

    private static boolean matchClass(int c, int cl) {
        boolean res;
        switch (cl | 0x20) {   // tolower: only letters map onto the letter cases
            case 'a': res = (CLASS[c] & ALPHA) != 0; break;
            case 'c': res = (CLASS[c] & CNTRL) != 0; break;
            case 'd': res = (CLASS[c] & DIGIT) != 0; break;
            case 'g': res = (CLASS[c] & (ALPHA | DIGIT | PUNCT)) != 0; break;
            case 'l': res = (CLASS[c] & LOWER) != 0; break;
            case 'p': res = (CLASS[c] & PUNCT) != 0; break;
            case 's': res = (CLASS[c] & SPACE) != 0; break;
            case 'u': res = (CLASS[c] & UPPER) != 0; break;
            case 'w': res = (CLASS[c] & (ALPHA | DIGIT)) != 0; break;
            case 'x': res = (CLASS[c] & XDIGIT) != 0; break;
            case 'z': res = c == 0; break;   // deprecated, still in 5.4
            default: return cl == c;
        }
        return (cl >= 'A' && cl <= 'Z') != res;
    }

    /** Whether c is in the set [..] from p (the '[') to ec (the ']'). */
    private boolean matchBracketClass(int c, int p, int ec) {
        boolean sig = true;
        if (pc(p + 1) == '^') {
            sig = false;
            p++;
        }
        while (++p < ec) {
            int pc = pc(p);
            if (pc == L_ESC) {
                p++;
                if (matchClass(c, pc(p))) return sig;
            } else if (pc(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if (pc <= c && c <= pc(p)) return sig;
            } else if (pc == c) {
                return sig;
            }
        }
        return !sig;
    }

    /** The reference's singlematch for byte c and the item [p, ep). */
    private boolean slowSingleMatch(int c, int p, int ep) {
        int pc = pc(p);
        switch (pc) {
            case '.': return true;
            case L_ESC: return matchClass(c, pc(p + 1));
            case '[': return matchBracketClass(c, p, ep - 1);
            default: return pc == c;
        }
    }

    private int maxExpand(int s, int p, int ep) {
        long[] m = prog.masks;
        int b = p * 4, i = s, e = srcEnd;
        String src = this.src;
        while (i < e) {
            int c = src.charAt(i);
            if ((m[b + (c >>> 6)] & (1L << c)) == 0) break;
            i++;
        }
        steps -= (i - s) / Work.BYTES_PER_UNIT;
        if (steps < 0) chargeSteps();
        // try with the longest repetition first, then one fewer, ...
        if (ep + 1 == patEnd && matchdepth > 0) return i;   // nothing follows: the longest one matches
        for (; i >= s; i--) {
            int res = match(i, ep + 1);
            if (res != -1) return res;
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        for (;;) {
            int res = match(s, ep + 1);
            if (res != -1) return res;
            if (singleMatch(s, p)) s++;
            else return -1;
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAXCAPTURES) throw error("too many captures");
        capInit[level] = s;
        capLen[level] = what;
        level++;
        int res = match(s, p);
        if (res == -1) level--;   // undo the capture
        return res;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        capLen[l] = s - capInit[l];
        int res = match(s, p);
        if (res == -1) capLen[l] = CAP_UNFINISHED;   // undo
        return res;
    }

    private int captureToClose() {
        int l = level;
        for (l--; l >= 0; l--) if (capLen[l] == CAP_UNFINISHED) return l;
        throw error("invalid pattern capture");
    }

    private int matchBalance(int s, int p) {
        if (p >= patEnd - 1) throw error("malformed pattern (missing arguments to '%b')");
        if (s >= srcEnd || src.charAt(s) != pc(p)) return -1;
        int b = pc(p), e = pc(p + 1);
        int cont = 1;
        while (++s < srcEnd) {
            if ((s & (Work.CHUNK - 1)) == 0) th.charge(Work.CHUNK_UNITS);
            char c = src.charAt(s);
            if (c == e) {
                if (--cont == 0) return s + 1;
            } else if (c == b) {
                cont++;
            }
        }
        return -1;
    }

    private int matchCapture(int s, int digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || capLen[l] == CAP_UNFINISHED) throw error("invalid capture index %" + (l + 1));
        int len = capLen[l];
        if (len < 0) return -1;   // a position capture has no text (its length is huge in the reference)
        steps -= len / Work.BYTES_PER_UNIT;
        if (steps < 0) chargeSteps();
        if (srcEnd - s >= len && src.regionMatches(capInit[l], src, s, len)) return s + len;
        return -1;
    }

    // ---------------------------------------------------------------- captures

    /** Capture i of a match [s, e): its text, its position (an integer) or, for i = 0 without captures, the whole match. */
    Object capture(int i, int s, int e) {
        if (i >= level) {
            if (i != 0) throw error("invalid capture index %" + (i + 1));
            if (e - s == 1) return StringLib.CHARS[src.charAt(s)];   // shared one-character strings: nothing allocated
            th.state.gc().chargeString(e - s);
            return src.substring(s, e);
        }
        int l = capLen[i];
        if (l == CAP_UNFINISHED) throw error("unfinished capture");
        if (l == CAP_POSITION) return (long) (capInit[i] + 1);
        if (l == 1) return StringLib.CHARS[src.charAt(capInit[i])];
        th.state.gc().chargeString(l);
        return src.substring(capInit[i], capInit[i] + l);
    }

    /**
     * The first value {@link #captures}{@code (s, e, true)} would give, with the same errors (every
     * capture is checked, as the reference pushes them all), without making the others.
     */
    Object firstCapture(int s, int e) {
        Object r = capture(0, s, e);
        for (int i = 1; i < level; i++) if (capLen[i] == CAP_UNFINISHED) throw error("unfinished capture");
        return r;
    }

    /** All captures of a match [s, e); the whole match when there are none and wholeIfNone. */
    Object[] captures(int s, int e, boolean wholeIfNone) {
        int n = (level == 0 && wholeIfNone) ? 1 : level;
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) r[i] = capture(i, s, e);
        return r;
    }

    /** Appends capture i of the match [s, e) to sb (gsub's "%1" in a replacement string). */
    void appendCapture(StringBuilder sb, int i, int s, int e) {
        if (i >= level) {
            if (i != 0) throw error("invalid capture index %" + (i + 1));
            sb.append(src, s, e);
            return;
        }
        int l = capLen[i];
        if (l == CAP_UNFINISHED) throw error("unfinished capture");
        if (l == CAP_POSITION) sb.append(capInit[i] + 1);
        else sb.append(src, capInit[i], capInit[i] + l);
    }
}
