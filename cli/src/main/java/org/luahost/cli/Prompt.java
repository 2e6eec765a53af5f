package org.luahost.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;

/**
 * Line editing for the interactive prompt of {@code luahost lua} when stdin
 * and stdout are a terminal (JLine): arrow keys, Emacs-style editing keys,
 * history across runs in {@code ~/.luahost_history} (the environment
 * variable {@code LUAHOST_HISTORY} names another file; an empty value keeps
 * none), Ctrl-D on an empty line ends input, Ctrl-C abandons the line being
 * typed (and any continuation lines) and shows a fresh prompt. Ctrl-C while
 * a chunk runs is {@link Interrupts}' "interrupted!", as without JLine.
 *
 * <p>Signals: JLine installs no handler of its own ({@code nativeSignals}
 * off); {@link Interrupts} keeps SIGINT and, while {@link #readLine} waits
 * for a line, hands it to the reader ({@link #interrupt}).
 *
 * <p>Threads: one thread reads lines; {@link #interrupt} may be called from
 * the signal-dispatch thread.
 */
final class Prompt implements AutoCloseable {
    /** The user pressed Ctrl-C while typing: the input so far is dropped. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() { super(null, null, false, false); }
    }

    private final org.jline.terminal.Terminal terminal;
    private final LineReader reader;
    private volatile boolean reading;

    private Prompt(org.jline.terminal.Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /** A prompt on the process's terminal, or null when there is none JLine can edit on (a dumb terminal). */
    static Prompt open() {
        try {
            org.jline.terminal.Terminal t = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(false).build();
            if (t.getType().startsWith("dumb")) {
                t.close();
                return null;
            }
            LineReaderBuilder b = LineReaderBuilder.builder().terminal(t).appName("luahost")
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)   // '!' is text, not history expansion
                    .option(LineReader.Option.INSERT_TAB, true)                 // no completion: a tab is a tab
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "");
            Path history = historyFile();
            if (history != null) b.variable(LineReader.HISTORY_FILE, history);
            return new Prompt(t, b.build());
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;   // no usable terminal: the plain reader takes over
        }
    }

    private static Path historyFile() {
        String env = System.getenv("LUAHOST_HISTORY");
        if (env != null) return env.isEmpty() ? null : Path.of(env);
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".luahost_history");
    }

    /**
     * Shows prompt and reads one line (a Java string); null when input ended
     * (Ctrl-D on an empty line).
     *
     * @throws Cancelled when Ctrl-C was pressed meanwhile
     */
    String readLine(String prompt) {
        reading = true;
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Cancelled();
        } catch (EndOfFileException e) {
            return null;
        } finally {
            reading = false;
        }
    }

    /** SIGINT arrived: if a line is being read, it is cancelled; returns whether it was. */
    boolean interrupt() {
        if (!reading) return false;
        terminal.raise(Signal.INT);
        return true;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // the history is a convenience: losing it is not an error
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
