package org.luahost.cli;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * {@code luahost serve --config FILE}: a JSON or YAML file (by its extension,
 * {@code .json}, {@code .yaml} or {@code .yml}, otherwise by its content: JSON
 * when it starts with '{') read with vertx-config's file store, whose keys are
 * the flags of serve without "--" ({@code "cpu-budget": 500},
 * {@code "trusted": true}). The file becomes the words of those flags, put
 * before the command line's, so that {@link ServeCommand} parses both the same
 * way and a flag given on the command line overrides the file (the later
 * setting wins). {@link #KEYS} is the one table of keys and their value kinds;
 * ServeConfigTest checks it against the flags of {@link ServeCommand#USAGE}.
 *
 * <p>An unknown key or a value of the wrong kind is refused with an
 * {@link IllegalArgumentException} naming the key (serve exits with status 2).
 * A switch ({@code interleave}, {@code no-data}...) set to false is the same as
 * leaving it out; the command line cannot turn off a switch the file turned on.
 * Reading uses a Vert.x instance of its own, closed before serve starts its own.
 */
final class ServeConfig {
    private ServeConfig() {}

    /** What a key's value must be. */
    enum Kind {
        /** a JSON boolean: true gives the flag, false nothing */
        SWITCH("true or false"),
        /** a whole number that fits in 32 bits */
        INT("a whole number from -2147483648 to 2147483647"),
        /** a whole number that fits in 64 bits */
        LONG("a whole number"),
        /** any number */
        NUMBER("a number"),
        /** a string */
        TEXT("a string"),
        /** a number, or a string "N/BURST" (session-rate, output-rate) */
        RATE("a number or a string 'N/BURST'");

        final String what;

        Kind(String what) { this.what = what; }
    }

    /** Every key of the file: the flags of serve ({@link ServeCommand}), of the gateway ({@link GatewayFlags}) and of the cluster ({@link ClusterFlags}). */
    static final Map<String, Kind> KEYS = table(
            // ServeCommand
            "port", Kind.INT, "idle", Kind.LONG, "cpu-budget", Kind.LONG, "memory-limit", Kind.LONG,
            "call-timeout", Kind.LONG, "interleave", Kind.SWITCH, "restart-after", Kind.INT,
            "trusted", Kind.SWITCH, "data", Kind.TEXT, "store", Kind.TEXT, "no-data", Kind.SWITCH, "backup-dir", Kind.TEXT, "save-interval", Kind.LONG,
            "skip-unsaveable", Kind.SWITCH, "max-sessions", Kind.INT, "heap-ceiling", Kind.NUMBER,
            "mailbox", Kind.INT, "mailbox-bytes", Kind.LONG, "output-rate", Kind.RATE, "await-timeout", Kind.LONG, "shutdown-timeout", Kind.LONG,
            "allow-profile-change", Kind.SWITCH, "log-level", Kind.TEXT,
            // GatewayFlags
            "host", Kind.TEXT, "token", Kind.TEXT, "admin-token", Kind.TEXT, "no-auth", Kind.SWITCH,
            "tls-cert", Kind.TEXT, "tls-key", Kind.TEXT, "tls-client-ca", Kind.TEXT,
            "max-body", Kind.INT, "body-timeout", Kind.INT, "call-deadline", Kind.INT, "header-timeout", Kind.INT,
            "keep-alive-timeout", Kind.INT, "max-depth", Kind.INT, "max-result", Kind.INT,
            "max-frame", Kind.INT, "ws-pending", Kind.INT, "ws-pending-total", Kind.LONG, "session-rate", Kind.RATE,
            "max-connections", Kind.INT, "max-connections-per-client", Kind.INT,
            // ClusterFlags
            "cluster", Kind.SWITCH, "cluster-host", Kind.TEXT, "cluster-port", Kind.INT, "join", Kind.TEXT, "lease", Kind.LONG);

    private static Map<String, Kind> table(Object... pairs) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Kind) pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The command line with {@code --config FILE} replaced: the file's flags
     * first, then the other words of args in their order. args itself when it
     * has no --config. Throws IllegalArgumentException (a usage error) when the
     * file cannot be read or holds an unknown key or a wrong value.
     */
    static String[] expand(String[] args) {
        int at = Arrays.asList(args).indexOf("--config");
        if (at < 0) return args;
        if (at + 1 >= args.length) throw new IllegalArgumentException("option '--config' needs a value");
        Path file = Path.of(args[at + 1]);
        List<String> words = new ArrayList<>(flags(read(file), "--config " + file));
        for (int i = 0; i < args.length; i++) {
            if (i == at || i == at + 1) continue;
            if (args[i].equals("--config")) throw new IllegalArgumentException("--config given twice");
            words.add(args[i]);
        }
        return words.toArray(String[]::new);
    }

    /** The flags the configuration stands for, in the order of its keys; source names it in messages. */
    static List<String> flags(JsonObject config, String source) {
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Object> e : config) {
            String key = e.getKey();
            Kind kind = KEYS.get(key);
            if (kind == null) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "' (the keys are the flags of serve without '--', see serve -h)");
            }
            String value = value(kind, e.getValue());
            if (value == null) {
                throw new IllegalArgumentException(source + ": key '" + key + "' must be " + kind.what + ", not " + shown(e.getValue()));
            }
            if (kind == Kind.SWITCH) {
                if (value.equals("true")) words.add("--" + key);
            } else {
                words.add("--" + key);
                words.add(value);
            }
        }
        return words;
    }

    /** The flag's value word of v, or null when v is not of the kind. */
    private static String value(Kind kind, Object v) {
        return switch (kind) {
            case SWITCH -> v instanceof Boolean b ? b.toString() : null;
            case TEXT -> v instanceof String s ? s : null;
            case INT -> whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE);
            case NUMBER -> v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.toString() : null;
            case RATE -> v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.toString()
                    : v instanceof String s && s.matches("\\d+(\\.\\d+)?(/\\d+)?") ? s : null;
        };
    }

    private static String whole(Object v, long min, long max) {
        BigInteger n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = BigInteger.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            n = b;
        } else {
            return null;
        }
        return n.compareTo(BigInteger.valueOf(min)) >= 0 && n.compareTo(BigInteger.valueOf(max)) <= 0 ? n.toString() : null;
    }

    private static String shown(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return "the string \"" + s + "\"";
        if (v instanceof JsonObject) return "an object";
        if (v instanceof io.vertx.core.json.JsonArray) return "a list";
        return v.toString();
    }

    /** The file as a JsonObject, through ConfigRetriever's file store (format json or yaml). */
    static JsonObject read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("--config: cannot read " + file);
        }
        String format = format(file);
        Vertx vertx = Vertx.vertx();
        try {
            ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat(format)
                    .setConfig(new JsonObject().put("path", file.toAbsolutePath().toString()));
            ConfigRetriever retriever = ConfigRetriever.create(vertx,
                    new ConfigRetrieverOptions().setScanPeriod(-1).addStore(store));
            try {
                return retriever.getConfig().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } finally {
                retriever.close();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("--config " + file + ": not valid " + format.toUpperCase(Locale.ROOT)
                    + " holding an object of options (" + message(c) + ")");
        } catch (Exception e) {
            throw new IllegalArgumentException("--config " + file + ": " + message(e));
        } finally {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // its threads are daemons; serve goes on with its own Vert.x
            }
        }
    }

    /** "yaml" or "json": by the file's extension, else by its first character that is not blank. */
    static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return "json";
        if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml";
        try {
            String text = Files.readString(file).stripLeading();
            return text.startsWith("{") ? "json" : "yaml";
        } catch (java.io.IOException | RuntimeException e) {
            return "yaml";
        }
    }

    private static String message(Throwable e) {
        while (e.getCause() != null && e.getCause() != e && e.getMessage() == null) e = e.getCause();
        String m = e.getMessage() != null ? e.getMessage() : e.toString();
        return m.lines().findFirst().orElse(m);
    }
}
