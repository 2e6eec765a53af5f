package org.luahost.vm.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated expectation files that
 * {@code src/test/resources/parser-errors/regen.sh} generates from lua5.4.
 * Fields escape '\' as {@code \\} and bytes outside printable ASCII as
 * {@code \xHH}; the strings are Lua byte strings (one char per byte).
 */
final class Expected {
    private Expected() {}

    /** The rows of a resource file, each split into its unescaped fields. */
    static List<String[]> rows(String resource) {
        String text = resource(resource);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < fields.length; i++) fields[i] = unescape(fields[i]);
            rows.add(fields);
        }
        return rows;
    }

    /** A test resource as a Lua byte string. */
    static String resource(String name) {
        try (InputStream in = Expected.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (s.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else {   // \xHH
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            }
        }
        return out.toString();
    }

    /** A short printable form of a snippet for test names. */
    static String label(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 60; i++) {
            char c = s.charAt(i);
            out.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\%d", (int) c));
        }
        return "[" + out + (s.length() > 60 ? "...]" : "]");
    }
}
