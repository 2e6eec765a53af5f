package org.luahost.vm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Lua file of the repository's test corpus ({@code tests/corpus}) parses
 * exactly as lua5.4's loadfile does: the files it rejects are listed with its
 * message in corpus-errors.txt (regen.sh; {@code regen.sh --check}, run by
 * ./test, keeps the list equal to the reference's), every other file must
 * parse. The errors that the reference finds while resolving scopes in its
 * one pass (gotos, labels, const assignment, local and upvalue limits) are the
 * parser's too, with the same message.
 */
class ParserCorpusTest {

    @TestFactory
    Stream<DynamicTest> corpusFilesParseAsInTheReference() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path corpus = root.resolve("tests/corpus");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no tests/corpus");
        Map<String, String> rejected = new HashMap<>();
        for (String[] row : Expected.rows("/parser-errors/corpus-errors.txt")) rejected.put(row[0], row[1]);
        List<String> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".lua") && Files.isRegularFile(p))
                    .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                    .sorted().toList();
        }
        return files.stream().map(path ->
                DynamicTest.dynamicTest(path, () -> check(root, path, rejected.getOrDefault(path, "OK"))));
    }

    private static void check(Path root, String path, String expected) throws IOException {
        String source = new String(Files.readAllBytes(root.resolve(path)), StandardCharsets.ISO_8859_1);
        if (source.startsWith("\u00EF\u00BB\u00BF")) source = source.substring(3);   // loadfile skips a UTF-8 byte-order mark
        if (source.startsWith("#")) {   // loadfile skips a first '#' line, keeping its newline
            int nl = source.indexOf('\n');
            source = nl < 0 ? "" : source.substring(nl);
        }
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
