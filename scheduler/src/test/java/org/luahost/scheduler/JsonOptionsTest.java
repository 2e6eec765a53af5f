package org.luahost.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.luahost.vm.Profile;

/** Host and session options from JSON: every kind of value, defaults kept, unknown keys and bad values refused. */
class JsonOptionsTest {
    @Test
    void hostAndSessionOptionsFromJson() {
        HostOptions o = JsonOptions.hostOptions(new JsonObject("""
                {"verticles": 2, "idleTimeout": "5m", "saveInterval": 1500, "addressPrefix": "game.", "eventBus": false,
                 "defaultScript": {"name": "room.lua", "source": "x = 1"}, "maxSessions": 100, "heapCeiling": 0.8,
                 "closeTimeout": "PT10S", "awaitTimeout": "250ms",
                 "sessionDefaults": {"profile": "sandboxed", "cpuBudget": "200ms", "memoryLimit": 67108864,
                                     "interleave": true, "maxTimers": 7, "callTimeout": "2s", "timeSlice": null}}
                """));
        assertEquals(2, o.verticles());
        assertEquals(Duration.ofMinutes(5), o.idleTimeout());
        assertEquals(Duration.ofMillis(1500), o.saveInterval());
        assertEquals("game.", o.addressPrefix());
        assertFalse(o.eventBus());
        assertEquals("x = 1", o.defaultScript().source());
        assertEquals(100, o.maxSessions());
        assertEquals(0.8, o.heapCeiling());
        assertEquals(Duration.ofSeconds(10), o.closeTimeout());
        assertEquals(Duration.ofMillis(250), o.awaitTimeout());
        SessionOptions s = o.sessionDefaults();
        assertEquals(Profile.SANDBOXED, s.profile());
        assertEquals(Duration.ofMillis(200), s.cpuBudget());
        assertEquals(64L << 20, s.memoryLimit());
        assertTrue(s.interleave());
        assertEquals(7, s.maxTimers());
        assertEquals(Duration.ofSeconds(2), s.callTimeout());
        assertEquals(new SessionOptions().timeSlice(), s.timeSlice());   // null keeps the default
        assertEquals(new HostOptions().mailboxLimit(), o.mailboxLimit());
    }

    @Test
    void mistakesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonOptions.hostOptions(new JsonObject().put("idleTimout", "5m")));
        assertTrue(e.getMessage().contains("unknown host option 'idleTimout'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JsonOptions.hostOptions(new JsonObject().put("idleTimeout", "soon")));
        assertTrue(e.getMessage().contains("option 'idleTimeout': not a duration"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JsonOptions.sessionOptions(new JsonObject().put("profile", "ROOT")));
        assertTrue(e.getMessage().contains("option 'profile': expected one of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JsonOptions.sessionOptions(new JsonObject().put("maxTimers", 1.5)));
        assertTrue(e.getMessage().contains("expected a whole number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> JsonOptions.hostOptions(new JsonObject().put("sessionDefaults", new JsonObject().put("cpu", 1))));
        assertTrue(e.getMessage().contains("unknown session option 'cpu'"), e.getMessage());
    }
}
