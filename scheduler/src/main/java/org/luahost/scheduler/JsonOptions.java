package org.luahost.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import io.vertx.core.json.JsonObject;

import org.luahost.persistence.UnpersistablePolicy;
import org.luahost.vm.Profile;

/**
 * {@link HostOptions} and {@link SessionOptions} from a {@link JsonObject}
 * (a Vert.x config, a verticle's {@code config()}), with keys named as the
 * options' setters:
 *
 * <pre>{@code
 * {"verticles": 2, "idleTimeout": "5m", "saveInterval": 1000, "addressPrefix": "game.",
 *  "defaultScript": "scripts/room.lua", "maxSessions": 10000, "heapCeiling": 0.8,
 *  "sessionDefaults": {"profile": "SANDBOXED", "cpuBudget": "200ms", "memoryLimit": 67108864, "interleave": true}}
 * }</pre>
 *
 * Host keys: {@code verticles}, {@code sessionDefaults} (an object of session
 * keys), {@code defaultScript} (a file path, or {@code {"name": ..., "source": ...}}),
 * {@code idleTimeout}, {@code eventBus}, {@code addressPrefix},
 * {@code saveInterval}, {@code unpersistable} ({@code FAIL}, ...),
 * {@code awaitTimeout}, {@code mailboxLimit}, {@code maxSessions},
 * {@code heapCeiling}, {@code closeTimeout}. Session keys: {@code profile}
 * ({@code TRUSTED}, {@code SANDBOXED}), {@code cpuBudget}, {@code timeSlice},
 * {@code memoryLimit} (bytes), {@code interleave}, {@code restartAfterErrors},
 * {@code allowProfileChange}, {@code callTimeout}, {@code awaitTimeout},
 * {@code maxTimers}, {@code maxNewSessionsPerTurn}. A duration is a number of
 * milliseconds, a text with a unit ({@code "250ms"}, {@code "5s"},
 * {@code "10m"}, {@code "1h"}) or ISO-8601 ({@code "PT5M"}). Keys left out
 * keep their defaults. An unknown key or a value of the wrong type is an
 * {@link IllegalArgumentException} naming it (a misspelt option is not
 * silently ignored). The store, the listener and the output stream are Java
 * objects: set them on the result.
 */
public final class JsonOptions {
    private JsonOptions() {}

    private static final Map<String, BiConsumer<HostOptions, Object>> HOST = new LinkedHashMap<>();
    private static final Map<String, BiConsumer<SessionOptions, Object>> SESSION = new LinkedHashMap<>();

    static {
        HOST.put("verticles", (o, v) -> o.verticles(integer("verticles", v)));
        HOST.put("sessionDefaults", (o, v) -> o.sessionDefaults(sessionOptions(object("sessionDefaults", v))));
        HOST.put("defaultScript", (o, v) -> o.defaultScript(script(v)));
        HOST.put("idleTimeout", (o, v) -> o.idleTimeout(duration("idleTimeout", v)));
        HOST.put("eventBus", (o, v) -> o.eventBus(bool("eventBus", v)));
        HOST.put("addressPrefix", (o, v) -> o.addressPrefix(text("addressPrefix", v)));
        HOST.put("saveInterval", (o, v) -> o.saveInterval(duration("saveInterval", v)));
        HOST.put("unpersistable", (o, v) -> o.unpersistable(constant(UnpersistablePolicy.class, "unpersistable", v)));
        HOST.put("awaitTimeout", (o, v) -> o.awaitTimeout(duration("awaitTimeout", v)));
        HOST.put("mailboxLimit", (o, v) -> o.mailboxLimit(integer("mailboxLimit", v)));
        HOST.put("maxSessions", (o, v) -> o.maxSessions(integer("maxSessions", v)));
        HOST.put("heapCeiling", (o, v) -> o.heapCeiling(number("heapCeiling", v)));
        HOST.put("closeTimeout", (o, v) -> o.closeTimeout(duration("closeTimeout", v)));

        SESSION.put("profile", (o, v) -> o.profile(constant(Profile.class, "profile", v)));
        SESSION.put("cpuBudget", (o, v) -> o.cpuBudget(duration("cpuBudget", v)));
        SESSION.put("timeSlice", (o, v) -> o.timeSlice(duration("timeSlice", v)));
        SESSION.put("memoryLimit", (o, v) -> o.memoryLimit(whole("memoryLimit", v)));
        SESSION.put("interleave", (o, v) -> o.interleave(bool("interleave", v)));
        SESSION.put("restartAfterErrors", (o, v) -> o.restartAfterErrors(integer("restartAfterErrors", v)));
        SESSION.put("allowProfileChange", (o, v) -> o.allowProfileChange(bool("allowProfileChange", v)));
        SESSION.put("callTimeout", (o, v) -> o.callTimeout(duration("callTimeout", v)));
        SESSION.put("awaitTimeout", (o, v) -> o.awaitTimeout(duration("awaitTimeout", v)));
        SESSION.put("maxTimers", (o, v) -> o.maxTimers(integer("maxTimers", v)));
        SESSION.put("maxNewSessionsPerTurn", (o, v) -> o.maxNewSessionsPerTurn(integer("maxNewSessionsPerTurn", v)));
    }

    /** Host options: the defaults with json's keys applied. */
    public static HostOptions hostOptions(JsonObject json) {
        HostOptions o = new HostOptions();
        apply("host", HOST, o, json);
        return o;
    }

    /** Session options: the defaults with json's keys applied. */
    public static SessionOptions sessionOptions(JsonObject json) {
        SessionOptions o = new SessionOptions();
        apply("session", SESSION, o, json);
        return o;
    }

    private static <O> void apply(String what, Map<String, BiConsumer<O, Object>> keys, O o, JsonObject json) {
        for (Map.Entry<String, Object> e : json) {
            BiConsumer<O, Object> setter = keys.get(e.getKey());
            if (setter == null) {
                throw new IllegalArgumentException("unknown " + what + " option '" + e.getKey() + "' (known: " + String.join(", ", keys.keySet()) + ")");
            }
            if (e.getValue() == null) continue;   // null: the default
            setter.accept(o, e.getValue());
        }
    }

    private static Script script(Object v) {
        if (v instanceof String path) return Script.file(Path.of(path));
        JsonObject o = object("defaultScript", v);
        String source = o.getValue("source") instanceof String s ? s : null;
        if (source == null || !(o.getValue("name") instanceof String name)) {
            throw new IllegalArgumentException("option 'defaultScript': a file path or {\"name\": ..., \"source\": ...}");
        }
        return Script.of(name, source);
    }

    /** A duration: milliseconds, a number with a unit (ms, s, m, h), or ISO-8601. */
    static Duration duration(String key, Object v) {
        if (v instanceof Number n) return Duration.ofMillis(whole(key, n));
        String s = text(key, v).trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt") || s.startsWith("p")) return Duration.parse(s.toUpperCase(Locale.ROOT));
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            long n = Long.parseLong(s.substring(0, s.length() - 1).trim());
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("option '" + key + "': not a duration: " + v
                    + " (milliseconds, \"250ms\", \"5s\", \"10m\", \"1h\" or ISO-8601 \"PT5M\")");
        }
    }

    private static int integer(String key, Object v) { return Math.toIntExact(whole(key, v)); }

    private static long whole(String key, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
        throw new IllegalArgumentException("option '" + key + "': expected a whole number, got " + v);
    }

    private static double number(String key, Object v) {
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("option '" + key + "': expected a number, got " + v);
    }

    private static boolean bool(String key, Object v) {
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("option '" + key + "': expected true or false, got " + v);
    }

    private static String text(String key, Object v) {
        if (v instanceof String s) return s;
        throw new IllegalArgumentException("option '" + key + "': expected text, got " + v);
    }

    private static JsonObject object(String key, Object v) {
        if (v instanceof JsonObject o) return o;
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return new JsonObject(map);
        }
        throw new IllegalArgumentException("option '" + key + "': expected an object, got " + v);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String key, Object v) {
        try {
            return Enum.valueOf(type, text(key, v).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option '" + key + "': expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got " + v);
        }
    }
}
