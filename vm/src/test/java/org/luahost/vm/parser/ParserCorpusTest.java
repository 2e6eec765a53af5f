package org.luahost.vm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Lua file of the repository's test corpus ({@code tests/corpus}) parses
 * exactly as lua5.4's loadfile does (recorded by regen.sh in corpus.txt). Errors
 * that the reference finds while resolving scopes (gotos, labels, const
 * assignment, local limits) are the compiler's business: for them the parser
 * must succeed. Files changed since corpus.txt was regenerated (other size) or
 * added since are skipped: run regen.sh to cover them.
 */
class ParserCorpusTest {
    private static final List<String> COMPILER_ERRORS = List.of(
            "no visible label", "jumps into the scope", "already defined",
            "attempt to assign to const variable", "too many local variables", "upvalues");

    @TestFactory
    Stream<DynamicTest> corpusFilesParseAsInTheReference() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve("tests/corpus")), "no tests/corpus");
        return Expected.rows("/parser-errors/corpus.txt").stream()
                .filter(row -> sizeOf(root.resolve(row[0])) == Long.parseLong(row[1]))
                .map(row -> DynamicTest.dynamicTest(row[0], () -> check(root, row[0], row[2])));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void check(Path root, String path, String expected) throws IOException {
        String source = new String(Files.readAllBytes(root.resolve(path)), StandardCharsets.ISO_8859_1);
        if (source.startsWith("#")) {   // loadfile skips a first '#' line, keeping its newline
            int nl = source.indexOf('\n');
            source = nl < 0 ? "" : source.substring(nl);
        }
        if (COMPILER_ERRORS.stream().anyMatch(expected::contains)) expected = "OK";
        String actual;
        try {
            Parser.parse(source, "@" + path);
            actual = "OK";
        } catch (SyntaxError e) {
            actual = e.getMessage();
        }
        assertEquals(expected, actual);
    }
}
