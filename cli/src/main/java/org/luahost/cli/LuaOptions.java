package org.luahost.cli;

/**
 * The parsed command line of {@code luahost lua}, with the rules of the
 * reference {@code lua5.4} program: options come first and end at the first
 * argument that does not start with '-' (the script), at {@code --}, or at
 * {@code -} (the script is stdin). {@code -e} and {@code -l} take their
 * argument attached ({@code -eprint(1)}) or as the next word, which must not
 * start with '-'. {@code -i} implies {@code -v}.
 *
 * <p>{@code argv[0]} is the program name; {@code script} is the index of the
 * script in argv, or {@code argv.length} when there is none.
 */
record LuaOptions(String[] argv, int script, boolean execute, boolean interactive, boolean version,
        boolean noEnv, boolean warnings) {

    /** A bad command line: the message printed before the usage text. */
    static final class BadOption extends Exception {
        BadOption(String message) { super(message, null, false, false); }
    }

    boolean hasScript() { return script < argv.length; }

    static LuaOptions parse(String[] argv) throws BadOption {
        boolean e = false, i = false, v = false, noEnv = false, w = false;
        int k = 1;
        for (; k < argv.length; k++) {
            String a = argv[k];
            if (a.isEmpty() || a.charAt(0) != '-') break;
            if (a.equals("-")) break;
            if (a.equals("--")) { k++; break; }
            switch (a) {
                case "-E" -> noEnv = true;
                case "-W" -> w = true;
                case "-i" -> { i = true; v = true; }
                case "-v" -> v = true;
                default -> {
                    char opt = a.length() > 1 ? a.charAt(1) : 0;
                    if (opt != 'e' && opt != 'l') throw new BadOption("unrecognized option '" + a + "'");
                    if (opt == 'e') e = true;
                    if (a.length() == 2) {
                        k++;
                        if (k >= argv.length || argv[k].startsWith("-")) {
                            throw new BadOption("'" + a + "' needs argument");
                        }
                    }
                }
            }
        }
        return new LuaOptions(argv, Math.min(k, argv.length), e, i, v, noEnv, w);
    }

    static String usage(String progname) {
        return "usage: " + progname + " [options] [script [args]]\n"
                + "Available options are:\n"
                + "  -e stat   execute string 'stat'\n"
                + "  -i        enter interactive mode after executing 'script'\n"
                + "  -l mod    require library 'mod' into global 'mod'\n"
                + "  -l g=mod  require library 'mod' into global 'g'\n"
                + "  -v        show version information\n"
                + "  -E        ignore environment variables\n"
                + "  -W        turn warnings on\n"
                + "  --        stop handling options\n"
                + "  -         stop handling options and execute stdin\n";
    }
}
