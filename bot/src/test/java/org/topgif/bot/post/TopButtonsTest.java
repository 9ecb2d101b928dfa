package org.topgif.bot.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TopButtonsTest {

    private static Map<String, String> options(String... pairs) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return options;
    }

    @Test
    void aClickAsksWithTheCommandsOwnOptionsAndTheOtherSortSwapsCpuAndMemory() {
        List<TopButtons.Control> buttons = TopButtons.of(options("seconds", "5", "host", "db|1%x", "layout",
                "compact")::get);
        assertEquals("t1|a|5|||||compact|db%7C1%25x", buttons.get(0).id());
        Map<String, String> again = TopButtons.click(buttons.get(0).id()).orElseThrow();
        assertEquals("5", again.get("seconds"));
        assertEquals("db|1%x", again.get("host"), "escaped both ways");
        assertEquals(null, again.get("sort"));
        assertEquals("mem", TopButtons.click(buttons.get(1).id()).orElseThrow().get("sort"));
        assertEquals("Sort by memory", buttons.get(1).label());
        List<TopButtons.Control> byMemory = TopButtons.of(options("sort", "MEM")::get);
        assertEquals("Sort by CPU", byMemory.get(1).label());
        assertEquals("cpu", TopButtons.click(byMemory.get(1).id()).orElseThrow().get("sort"));
    }

    @Test
    void optionsThatDoNotFitAButtonsHundredCharactersGetNoButtons() {
        assertEquals(List.of(), TopButtons.of(options("host", "h".repeat(95))::get));
    }

    @Test
    void anIdThisVersionDoesNotWriteIsRefusedWhateverItHolds() {
        for (String forged : new String[] {null, "", "t1", "t1|a", "t2|a|||||||", "t1|x|||||||", "t1|a||||||||",
                "t1|a|%2|||||", "t1|a|%7|||||", "x".repeat(101)}) {
            assertEquals(Optional.empty(), TopButtons.click(forged), String.valueOf(forged));
        }
        assertTrue(TopButtons.click("t1|a|2||||||").isPresent());
    }

    @Test
    void withAFleetAMenuOfItsFirstTwentyFiveHostsAsksTheSameForTheHostChosen() {
        List<String> hosts = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            hosts.add("host-" + i);
        }
        List<TopButtons.Control> controls = TopButtons.of(options("seconds", "4")::get, hosts);
        assertEquals(3, controls.size());
        TopButtons.Control menu = controls.get(2);
        assertEquals(25, menu.choices().size(), "Discord's most");
        assertEquals("Another host", menu.label());
        assertEquals("4", TopButtons.click(menu.id()).orElseThrow().get("seconds"));
        assertEquals(2, TopButtons.rows(controls).size(), "a row of buttons, a row for the menu");
        assertEquals(1, TopButtons.rows(TopButtons.of(options()::get)).size(), "no fleet, no menu");
    }
}
