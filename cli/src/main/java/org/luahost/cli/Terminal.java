package org.luahost.cli;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard input is a terminal (C's isatty(0)), which the JDK does not answer directly. */
final class Terminal {
    private Terminal() {}

    static boolean stdinIsTerminal() {
        try {
            // Linux: fd 0 links to the terminal device.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            // Elsewhere: the JDK's answer, which needs stdout to be a terminal too.
            Console c = System.console();
            return c != null && c.isTerminal();
        }
    }
}
