package org.luahost.vm.lib;

import org.luahost.vm.LuaError;
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
 * <p>Character classes are those of the C locale (ASCII only). Matchers are
 * cheap, short-lived and used by one thread; nothing is shared.
 */
final class LuaPattern {
    static final int MAXCAPTURES = 32;
    static final int MAXCCALLS = 200;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final char L_ESC = '%';

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

    private final LuaThread th;
    final String src;
    final int srcEnd;
    final String pat;
    private final int patEnd;
    /** Number of captures (finished or not) of the current attempt. */
    int level;
    private int matchdepth;
    private final int[] capInit = new int[MAXCAPTURES];
    private final int[] capLen = new int[MAXCAPTURES];

    LuaPattern(LuaThread th, String src, String pat) {
        this.th = th;
        this.src = src;
        this.srcEnd = src.length();
        this.pat = pat;
        this.patEnd = pat.length();
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

    // ---------------------------------------------------------------- matching

    /** Matches the pattern from index p against the subject from index s; the end of the match, or -1. */
    int match(int s, int p) {
        if (matchdepth-- == 0) throw error("pattern too complex");
        final String pat = this.pat;
        final int patEnd = this.patEnd;
        loop:
        while (p != patEnd) {
            char pc = pat.charAt(p);
            switch (pc) {
                case '(':
                    if (p + 1 < patEnd && pat.charAt(p + 1) == ')') s = startCapture(s, p + 2, CAP_POSITION);
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
                        char nc = pat.charAt(p + 1);
                        if (nc == 'b') {
                            s = matchBalance(s, p + 2);
                            if (s != -1) {
                                p += 4;
                                continue;
                            }
                            break loop;
                        } else if (nc == 'f') {
                            p += 2;
                            if (p >= patEnd || pat.charAt(p) != '[') throw error("missing '[' after '%f' in pattern");
                            int ep = classEnd(p);
                            int prev = s == 0 ? 0 : src.charAt(s - 1);
                            int cur = s < srcEnd ? src.charAt(s) : 0;
                            if (!matchBracketClass(prev, p, ep - 1) && matchBracketClass(cur, p, ep - 1)) {
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
            char epc = ep < patEnd ? pat.charAt(ep) : 0;
            if (!singleMatch(s, p, ep)) {
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

    /** The index just after the single-character item at p. */
    private int classEnd(int p) {
        char c = pat.charAt(p++);
        if (c == L_ESC) {
            if (p >= patEnd) throw error("malformed pattern (ends with '%')");
            return p + 1;
        }
        if (c == '[') {
            if (p < patEnd && pat.charAt(p) == '^') p++;
            do {   // look for a ']' (the first character of the set never closes it)
                if (p >= patEnd) throw error("malformed pattern (missing ']')");
                c = pat.charAt(p++);
                if (c == L_ESC && p < patEnd) p++;
            } while (p >= patEnd || pat.charAt(p) != ']');
            return p + 1;
        }
        return p;
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
        final String pat = this.pat;
        boolean sig = true;
        if (pat.charAt(p + 1) == '^') {
            sig = false;
            p++;
        }
        while (++p < ec) {
            char pc = pat.charAt(p);
            if (pc == L_ESC) {
                p++;
                if (matchClass(c, pat.charAt(p))) return sig;
            } else if (pat.charAt(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if (pc <= c && c <= pat.charAt(p)) return sig;
            } else if (pc == c) {
                return sig;
            }
        }
        return !sig;
    }

    private boolean singleMatch(int s, int p, int ep) {
        if (s >= srcEnd) return false;
        int c = src.charAt(s);
        char pc = pat.charAt(p);
        switch (pc) {
            case '.': return true;
            case L_ESC: return matchClass(c, pat.charAt(p + 1));
            case '[': return matchBracketClass(c, p, ep - 1);
            default: return pc == c;
        }
    }

    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (singleMatch(s + i, p, ep)) i++;
        // try with the longest repetition first, then one fewer, ...
        if (ep + 1 == patEnd && matchdepth > 0) return s + i;   // nothing follows: the longest one matches
        while (i >= 0) {
            int res = match(s + i, ep + 1);
            if (res != -1) return res;
            i--;
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        for (;;) {
            int res = match(s, ep + 1);
            if (res != -1) return res;
            if (singleMatch(s, p, ep)) s++;
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
        if (s >= srcEnd || src.charAt(s) != pat.charAt(p)) return -1;
        char b = pat.charAt(p), e = pat.charAt(p + 1);
        int cont = 1;
        while (++s < srcEnd) {
            char c = src.charAt(s);
            if (c == e) {
                if (--cont == 0) return s + 1;
            } else if (c == b) {
                cont++;
            }
        }
        return -1;
    }

    private int matchCapture(int s, char digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || capLen[l] == CAP_UNFINISHED) throw error("invalid capture index %" + (l + 1));
        int len = capLen[l];
        if (len < 0) return -1;   // a position capture has no text (its length is huge in the reference)
        if (srcEnd - s >= len && src.regionMatches(capInit[l], src, s, len)) return s + len;
        return -1;
    }

    // ---------------------------------------------------------------- captures

    /** Capture i of a match [s, e): its text, its position (an integer) or, for i = 0 without captures, the whole match. */
    Object capture(int i, int s, int e) {
        if (i >= level) {
            if (i != 0) throw error("invalid capture index %" + (i + 1));
            return src.substring(s, e);
        }
        int l = capLen[i];
        if (l == CAP_UNFINISHED) throw error("unfinished capture");
        if (l == CAP_POSITION) return (long) (capInit[i] + 1);
        return src.substring(capInit[i], capInit[i] + l);
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
