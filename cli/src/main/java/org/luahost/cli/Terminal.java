package org.luahost.cli;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard input or output is a terminal (C's isatty), which the JDK does not answer directly. */
final class Terminal {
    private Terminal() {}

    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    /** Whether standard output is a terminal (isatty(1)). */
    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        try {
            // Linux: the descriptor links to the terminal device.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            // Elsewhere: the JDK's answer, which needs stdout to be a terminal too.
            Console c = System.console();
            return c != null && c.isTerminal();
        }
    }
}
