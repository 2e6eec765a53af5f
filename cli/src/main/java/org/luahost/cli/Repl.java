package org.luahost.cli;

import java.io.IOException;
import java.io.InputStream;

import org.luahost.vm.CallResult;
import org.luahost.vm.Lua;
import org.luahost.vm.LuaError;
import org.luahost.vm.LuaFunction;
import org.luahost.vm.LuaState;
import org.luahost.vm.LuaThread;

/**
 * The interactive prompt of {@code luahost lua}, as the reference's (on a
 * terminal with line editing and history through {@link Prompt}; as readline
 * does, a line read from a pipe or file is echoed after the prompt): prompt {@code _PROMPT} or "> ", continuation {@code _PROMPT2} or
 * ">> ". A line is first tried as an expression ({@code return line;}) and
 * its values are printed with the global {@code print}; otherwise it is a
 * statement, and while it fails to compile only because the input ended
 * early (the message ends in {@code <eof>}), more lines are read. Errors are
 * reported without the program-name prefix; the chunk name is {@code stdin}.
 */
final class Repl {
    private static final String EOF_MARK = "<eof>";

    private final LuaCommand cmd;
    private final LuaThread th;
    private final LuaState L;
    private final InputStream in;
    /** Whether to echo each line read: the reference's readline does so when stdin is not a terminal. */
    private final boolean echo = !Terminal.stdinIsTerminal();

    Repl(LuaCommand cmd, LuaThread th) {
        this.cmd = cmd;
        this.th = th;
        this.L = cmd.state();
        this.in = L.stdin;
    }

    void run() {
        // line editing only when the process's stdin and stdout are a terminal (not a pipe or file)
        editor = Terminal.stdinIsTerminal() && Terminal.stdoutIsTerminal() ? Prompt.open() : null;
        if (editor != null) cmd.interrupts().prompt(editor);
        try {
            for (;;) {
                String line;
                LuaFunction f;
                try {
                    line = readLine(true);
                    if (line == null) break;
                    if (line.startsWith("=")) line = "return " + line.substring(1);   // the 5.1 "=expr" form
                    f = compileLine(line);
                } catch (Prompt.Cancelled c) {
                    continue;   // Ctrl-C while typing: the input so far is dropped
                }
                if (f == null) continue;
                Object[] results = cmd.call(th, f, LuaFunction.NONE);
                if (results != null && results.length > 0) printResults(results);
            }
        } finally {
            if (editor != null) {
                cmd.interrupts().prompt(null);
                editor.close();
            }
        }
        L.stdout.print("\n");
        L.stdout.flush();
    }

    /** The line editor when the prompt runs on a terminal, else null (lines are read byte by byte from {@link #in}). */
    private Prompt editor;

    /** The chunk for an input line (and any continuation lines), or null after an error was reported or input ended. */
    private LuaFunction compileLine(String line) {
        try {
            return cmd.compile("return " + line + ";", "=stdin");
        } catch (LuaError notAnExpression) {
            // fall through: a statement
        }
        String chunk = line;
        for (;;) {
            try {
                return cmd.compile(chunk, "=stdin");
            } catch (LuaError e) {
                if (!(e.value() instanceof String msg && msg.endsWith(EOF_MARK))) {
                    cmd.report(e.value());
                    return null;
                }
            }
            String more = readLine(false);
            if (more == null) {
                // Input ended inside a statement: the reference reports the value on the top of its
                // stack: the continuation prompt when _PROMPT2 is set (converted with tostring), else
                // the nil its lua_getglobal left there, which C's printf shows as "(null)".
                cmd.report(L.getGlobal("_PROMPT2") != null ? prompt(false) : null);
                return null;
            }
            chunk = chunk + "\n" + more;
        }
    }

    private void printResults(Object[] results) {
        Object print = L.getGlobal("print");
        if (th.pcall(print, results) instanceof CallResult.Failed f) {
            Object m = f.error();
            String text = m instanceof String s ? s : m instanceof Long || m instanceof Double ? Lua.numberToString(m) : "(null)";
            cmd.report("error calling 'print' (" + text + ")");
        }
    }

    /** Shows the prompt and reads one line (without its newline) as a Lua string; null at end of input. */
    private String readLine(boolean first) {
        if (editor != null) {
            L.stdout.flush();
            String line = editor.readLine(org.luahost.vm.LuaString.toJava(prompt(first)));
            return line == null ? null : org.luahost.vm.LuaString.fromJava(line);
        }
        LuaCommand.writeBytes(L.stdout, prompt(first));
        StringBuilder sb = new StringBuilder();
        try {
            for (;;) {
                // readline reads its input a byte per read(2), past the buffer of C's stdin that io.read fills
                int c = in instanceof org.luahost.vm.spi.UnbufferedInput raw ? raw.readUnbuffered() : in.read();
                if (c < 0 && sb.isEmpty()) return null;
                if (c < 0 || c == '\n') {
                    if (echo) LuaCommand.writeBytes(L.stdout, sb + "\n");
                    return sb.toString();
                }
                sb.append((char) c);
            }
        } catch (IOException e) {
            return null;
        }
    }

    private String prompt(boolean first) {
        Object p = L.getGlobal(first ? "_PROMPT" : "_PROMPT2");
        if (p != null) {
            try {
                return L.tostring(p);   // the prompt runs on the main thread, the current one
            } catch (LuaError e) {
                // a bad __tostring: use the default prompt
            }
        }
        return first ? "> " : ">> ";
    }
}
