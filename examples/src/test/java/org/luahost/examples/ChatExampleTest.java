package org.luahost.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat example (examples/run ChatExample) end to end: players and the
 * room are sessions; the room's history survives the host restart.
 */
class ChatExampleTest {
    @Test
    void theRoomRelaysAndComesBackFromDisk(@TempDir Path data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChatExample.run(Path.of("chat/chat.lua"), data, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(13, lines.size(), String.join("\n", lines));
        // the two players' sessions handle a relayed line concurrently: their pushes may come in either order
        assertEquals(List.of(
                "-- host run 1",
                "ann <- {\"joined\":\"lobby\",\"backlog\":0}",
                "bob <- {\"joined\":\"lobby\",\"backlog\":0}",
                "ann <- {\"from\":\"ann\",\"text\":\"hello, bob\"}",
                "bob <- {\"from\":\"ann\",\"text\":\"hello, bob\"}",
                "ann <- {\"from\":\"bob\",\"text\":\"hi ann\"}",
                "bob <- {\"from\":\"bob\",\"text\":\"hi ann\"}",
                "room:lobby members: [\"ann\",\"bob\"]",
                "-- host run 2",
                "cid <- {\"joined\":\"lobby\",\"backlog\":2}",
                "cid <- {\"from\":\"ann\",\"text\":\"hello, bob\"}",
                "cid <- {\"from\":\"bob\",\"text\":\"hi ann\"}",
                "room:lobby members: [\"ann\",\"bob\",\"cid\"]"), sortPairs(lines));
    }

    /** The lines with the pushes of each relayed line (lines 4-5 and 6-7) in a fixed order. */
    private static List<String> sortPairs(List<String> lines) {
        List<String> l = new ArrayList<>(lines);
        for (int i : new int[] {3, 5}) {
            if (l.get(i).compareTo(l.get(i + 1)) > 0) {
                String t = l.get(i);
                l.set(i, l.get(i + 1));
                l.set(i + 1, t);
            }
        }
        return l;
    }
}
