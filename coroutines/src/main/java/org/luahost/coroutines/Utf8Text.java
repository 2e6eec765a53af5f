package org.luahost.coroutines;

/**
 * Java text and Lua strings at the boundary: a Lua string is bytes (one
 * char 0..255 per byte), Java text is UTF-16. Java to Lua writes UTF-8;
 * Lua to Java reads UTF-8 strictly (no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF).
 *
 * <p>Bytes that are not part of valid UTF-8 are not replaced (that would
 * lose them): each such byte b becomes the lone low surrogate
 * {@code U+DC00 + b} (the "surrogate escape", bytes 0x80..0xFF give
 * U+DC80..U+DCFF), and a lone surrogate U+DC80..U+DCFF in Java text becomes
 * that byte again, so any Lua string survives Lua -> Java -> Lua unchanged.
 * In JSON such a character is written as the escape <code>"&#92;udcXX"</code>. Any
 * other unpaired surrogate in Java text cannot be written as UTF-8 and is
 * an {@link IllegalArgumentException}.
 *
 * <p>Stateless; any thread.
 */
public final class Utf8Text {
    private Utf8Text() {}

    /** Java text as a Lua string of its UTF-8 bytes (surrogate escapes become their bytes). */
    public static String luaString(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n && text.charAt(i) < 0x80) i++;
        if (i == n) return text.toString();
        StringBuilder b = new StringBuilder(n + 16);
        b.append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b.append(c);
            } else if (c < 0x800) {
                b.append((char) (0xC0 | c >> 6)).append((char) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b.append((char) (0xF0 | cp >> 18)).append((char) (0x80 | cp >> 12 & 0x3F))
                        .append((char) (0x80 | cp >> 6 & 0x3F)).append((char) (0x80 | cp & 0x3F));
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                b.append((char) (c - 0xDC00));   // a surrogate escape: the byte it stands for
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("text with an unpaired surrogate U+%04X", (int) c));
            } else {
                b.append((char) (0xE0 | c >> 12)).append((char) (0x80 | c >> 6 & 0x3F)).append((char) (0x80 | c & 0x3F));
            }
        }
        return b.toString();
    }

    /** A Lua string read as UTF-8; bytes that are not valid UTF-8 become surrogate escapes (U+DC80..U+DCFF). */
    public static String javaText(String lua) {
        int n = lua.length();
        int i = 0;
        while (i < n && lua.charAt(i) < 0x80) i++;
        if (i == n) return lua;
        StringBuilder b = new StringBuilder(n);
        b.append(lua, 0, i);
        while (i < n) {
            int c = lua.charAt(i) & 0xFF;
            if (c < 0x80) {
                b.append((char) c);
                i++;
                continue;
            }
            int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            int cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
            boolean ok = len > 0 && i + len <= n;
            for (int k = 1; ok && k < len; k++) {
                int d = lua.charAt(i + k) & 0xFF;
                if ((d & 0xC0) != 0x80) ok = false;
                else cp = cp << 6 | d & 0x3F;
            }
            if (ok && len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
            if (ok && len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ok = false;
            if (!ok) {
                b.append((char) (0xDC00 + c));
                i++;
                continue;
            }
            b.appendCodePoint(cp);
            i += len;
        }
        return b.toString();
    }
}
