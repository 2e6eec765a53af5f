package org.luahost.scheduler;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The scheduler tests' SLF4J provider: records every event at DEBUG and
 * above as "LEVEL logger: message" (with "\n" and the exception's toString
 * when there is one) for tests to inspect ({@link #events}), and prints
 * WARN and ERROR events to stderr, so that a failing run shows them.
 */
public final class TestLogging implements SLF4JServiceProvider {
    private static final List<String> EVENTS = new ArrayList<>();

    /** The events recorded so far whose text contains part. */
    public static List<String> events(String part) {
        synchronized (EVENTS) {
            return EVENTS.stream().filter(e -> e.contains(part)).toList();
        }
    }

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory factory = Recorder::new;

    @Override public ILoggerFactory getLoggerFactory() { return factory; }
    @Override public IMarkerFactory getMarkerFactory() { return markers; }
    @Override public MDCAdapter getMDCAdapter() { return mdc; }
    @Override public String getRequestedApiVersion() { return "2.0.99"; }
    @Override public void initialize() {}

    static final class Recorder extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Recorder(String name) { this.name = name; }

        @Override public boolean isTraceEnabled() { return false; }
        @Override public boolean isDebugEnabled() { return true; }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isErrorEnabled() { return true; }
        @Override protected String getFullyQualifiedCallerName() { return null; }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            String msg = args == null || args.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, args);
            String e = level + " " + name + ": " + msg + (t == null ? "" : "\n" + t);
            synchronized (EVENTS) {
                if (EVENTS.size() < 100_000) EVENTS.add(e);
            }
            if (level.toInt() >= Level.WARN.toInt()) System.err.println(e);
        }
    }
}
