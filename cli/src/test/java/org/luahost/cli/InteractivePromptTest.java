package org.luahost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive prompt on a real terminal (issue 16): {@code luahost lua -i}
 * runs in a tmux pane, keys are sent with {@code tmux send-keys} and the
 * screen is read with {@code capture-pane}. Line editing, history (recalled
 * with Up, and kept in the history file), multi-line input, Ctrl-C
 * interrupting a running chunk with "interrupted!", Ctrl-C dropping the line
 * being typed, and Ctrl-D ending the prompt. Skipped when tmux is not
 * installed ({@code .ci/run} installs it).
 */
class InteractivePromptTest {
    @TempDir
    Path dir;

    private String session;

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private void keys(String... k) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        cmd.addAll(List.of(k));
        run(cmd.toArray(String[]::new));
    }

    private String screen() throws Exception {
        return run("tmux", "capture-pane", "-p", "-t", session, "-S", "-200");
    }

    /** Waits (up to 60 s: the child JVM starts on a shared machine) until the screen satisfies ok. */
    private String waitFor(String what, Predicate<String> ok) throws Exception {
        String s = "";
        for (int i = 0; i < 600; i++) {
            s = screen();
            if (ok.test(s)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("the screen never showed " + what + ":\n" + s);
    }

    private static long count(String screen, String line) {
        return screen.lines().filter(l -> l.equals(line)).count();
    }

    @Test
    void lineEditingHistoryCtrlCAndCtrlD() throws Exception {
        assumeTrue(!run("sh", "-c", "command -v tmux || true").isBlank(), "tmux is not installed");
        Path root = DifferentialTest.repoRoot();
        assumeTrue(root != null, "repository root not found");
        ChildJvm jvm = ChildJvm.prepare(root);
        Path history = dir.resolve("history");
        Path err = dir.resolve("stderr");
        StringBuilder cmd = new StringBuilder("LUAHOST_HISTORY='" + history + "' ");
        for (String a : jvm.command()) cmd.append('\'').append(a).append("' ");
        cmd.append("lua -i 2>'").append(err).append("'; echo EXIT=$?; sleep 600");
        session = "luahost-prompt-" + ProcessHandle.current().pid();
        run("tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "50", cmd.toString());
        try {
            waitFor("the first prompt", s -> s.lines().anyMatch(l -> l.equals(">")));
            keys("x = 1 + 41", "Enter");
            keys("print(x", "Enter");
            waitFor("the continuation prompt", s -> s.lines().anyMatch(l -> l.equals(">>")));   // capture-pane drops trailing blanks
            keys(")", "Enter");
            waitFor("42", s -> count(s, "42") == 1);
            keys("print(1234)", "Left", "Left", "BSpace", "Enter");   // the 3 removed: print(124)
            waitFor("124", s -> count(s, "124") == 1);
            keys("Up", "Enter");                                       // the same line again from the history
            waitFor("124 twice", s -> count(s, "124") == 2);
            keys("local s = 'a!b' print(s)", "Enter");                 // '!' is text
            waitFor("a!b", s -> count(s, "a!b") == 1);
            keys("while true do end", "Enter");
            Thread.sleep(1500);
            keys("C-c");
            waitFor("interrupted!", s -> {
                try {
                    return Files.readString(err).contains("interrupted!");
                } catch (IOException e) {
                    return false;
                }
            });
            keys("abandoned(", "C-c");                                 // dropped, not compiled
            keys("print('after')", "Enter");
            waitFor("after", s -> count(s, "after") == 1);
            keys("C-d");
            String s = waitFor("the exit status", x -> x.contains("EXIT="));
            assertTrue(s.contains("EXIT=0"), s);
            String e = Files.readString(err);
            assertTrue(e.startsWith("interrupted!\nstack traceback:"), e);
            assertFalse(e.contains("abandoned"), e);
            String h = Files.readString(history);
            assertTrue(h.contains("print(124)") && h.contains("x = 1 + 41"), h);
            assertEquals(2, count(s, "124"), s);
        } finally {
            run("tmux", "kill-session", "-t", session);
        }
    }
}
