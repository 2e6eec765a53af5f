package org.luahost.cli;

import java.io.PrintStream;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The CLI's SLF4J provider: the host's log (and Vert.x's, which logs through
 * SLF4J when a provider is present) goes to stderr, one line per event, as
 * {@code luahost: warning: message}, {@code luahost: error: message} (with
 * the stack trace of an exception), {@code luahost: info: message}. Events of
 * loggers outside {@code org.luahost} name their logger. The threshold is
 * {@link #setLevel} ({@code serve --log-level}), else the system property
 * {@code luahost.log.level}, else {@code info}. Embedders bring their own
 * provider; the luahost jars other than the CLI's force none.
 *
 * <p>Thread-safe: each event is printed with one {@code println} on the
 * current {@code System.err} (looked up per event, so a redirected stream is
 * honoured).
 */
public final class ConsoleLogging implements SLF4JServiceProvider {
    private static volatile Level threshold = parse(System.getProperty("luahost.log.level"), Level.INFO);

    /** Sets the threshold: "trace", "debug", "info", "warn" or "error" (else IllegalArgumentException). */
    public static void setLevel(String name) {
        Level l = parse(name, null);
        if (l == null) throw new IllegalArgumentException("unknown log level '" + name + "' (trace, debug, info, warn, error)");
        threshold = l;
    }

    private static Level parse(String name, Level def) {
        if (name == null) return def;
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error" -> Level.ERROR;
            default -> def;
        };
    }

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory factory = ConsoleLogger::new;

    @Override public ILoggerFactory getLoggerFactory() { return factory; }
    @Override public IMarkerFactory getMarkerFactory() { return markers; }
    @Override public MDCAdapter getMDCAdapter() { return mdc; }
    @Override public String getRequestedApiVersion() { return "2.0.99"; }
    @Override public void initialize() {}

    /** One logger per name; all share the threshold. */
    static final class ConsoleLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient String prefix;

        ConsoleLogger(String name) {
            this.name = name;
            this.prefix = name.startsWith("org.luahost") ? "" : name.substring(name.lastIndexOf('.') + 1) + ": ";
        }

        private static boolean on(Level l) { return l.toInt() >= threshold.toInt(); }

        @Override public boolean isTraceEnabled() { return on(Level.TRACE); }
        @Override public boolean isDebugEnabled() { return on(Level.DEBUG); }
        @Override public boolean isInfoEnabled() { return on(Level.INFO); }
        @Override public boolean isWarnEnabled() { return on(Level.WARN); }
        @Override public boolean isErrorEnabled() { return on(Level.ERROR); }

        @Override protected String getFullyQualifiedCallerName() { return null; }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            String msg = args == null || args.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, args);
            String word = switch (level) {
                case ERROR -> "error";
                case WARN -> "warning";
                case INFO -> "info";
                case DEBUG -> "debug";
                case TRACE -> "trace";
            };
            PrintStream err = System.err;
            StringBuilder sb = new StringBuilder("luahost: ").append(word).append(": ").append(prefix).append(msg);
            if (t != null) {
                java.io.StringWriter w = new java.io.StringWriter();
                t.printStackTrace(new java.io.PrintWriter(w));
                sb.append('\n').append(w.toString().stripTrailing());
            }
            err.println(sb);
        }
    }
}
