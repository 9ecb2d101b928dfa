package org.topgif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

class SettingsLoaderTest {

    private static TopgifSettings load(Map<String, String> environment, String application) {
        Config parsed = ConfigFactory.parseString(application, com.typesafe.config.ConfigParseOptions.defaults()
                .setOriginDescription("application.conf"));
        return new SettingsLoader(environment).load(parsed);
    }

    private static String failure(Map<String, String> environment, String application) {
        return assertThrows(SettingsException.class, () -> load(environment, application)).getMessage();
    }

    @Test
    void defaultsComeFromReferenceConf() {
        TopgifSettings settings = load(Map.of(), "");
        assertEquals(new ScreenOptions(SortKey.CPU, "", 20, 80, true), settings.screen());
        assertEquals(12, settings.recording().frames());
        assertEquals(650, settings.recording().width());
        assertTrue(settings.redactSecrets());
    }

    @Test
    void applicationConfOverridesDefaults() {
        TopgifSettings settings = load(Map.of(), "topgif { screen { rows = 30, sort = MEM, filter = nginx } }");
        assertEquals(30, settings.screen().rows());
        assertEquals(SortKey.MEM, settings.screen().sort());
        assertEquals("nginx", settings.screen().filter());
    }

    @Test
    void environmentVariablesOverrideApplicationConf() {
        TopgifSettings settings = load(
                Map.of("TOPGIF_SCREEN_ROWS", "7", "TOPGIF_SCREEN_FULL_COMMANDS", "false",
                        "TOPGIF_REDACT_SECRETS", "false", "UNRELATED", "x"),
                "topgif.screen.rows = 30");
        assertEquals(7, settings.screen().rows());
        assertFalse(settings.screen().fullCommands());
        assertFalse(settings.redactSecrets());
    }

    @Test
    void anOutOfRangeValueNamesKeyValueOriginAndExpectation() {
        assertEquals("bad setting topgif.screen.rows = \"-4\" (environment variable TOPGIF_SCREEN_ROWS): "
                + "expected an integer from 0 to 1000", failure(Map.of("TOPGIF_SCREEN_ROWS", "-4"), ""));
        assertEquals("bad setting topgif.screen.columns = 9000 (from application.conf: 1): "
                + "expected an integer from 40 to 512", failure(Map.of(), "topgif.screen.columns = 9000"));
    }

    @Test
    void anUnknownChoiceListsTheChoices() {
        assertEquals("bad setting topgif.screen.sort = \"fastest\" (from application.conf: 1): "
                + "expected one of cpu, mem, time or pid", failure(Map.of(), "topgif.screen.sort = fastest"));
    }

    @Test
    void aValueOfTheWrongTypeIsOneLine() {
        String message = failure(Map.of("TOPGIF_SCREEN_FULL_COMMANDS", "maybe"), "");
        assertEquals("bad setting topgif.screen.full-commands = \"maybe\" (environment variable "
                + "TOPGIF_SCREEN_FULL_COMMANDS): expected true or false", message);
        String list = failure(Map.of(), "topgif.screen.rows = [1, 2]");
        assertTrue(list.startsWith("bad setting topgif.screen.rows (application.conf: 1): "), list);
        assertFalse(list.contains("\n"));
    }

    @Test
    void malformedHoconIsReportedWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("application.conf"), "topgif {\n  screen { rows = 5\n");
        SettingsException error = assertThrows(SettingsException.class, () -> new SettingsLoader(Map.of()).load(file));
        assertTrue(error.getMessage().startsWith("cannot read settings: "), error.getMessage());
        assertTrue(error.getMessage().contains("application.conf: 3"), error.getMessage());
    }

    @Test
    void readsTheApplicationConfBesideTheOperator(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("application.conf"), "topgif.screen.rows = 12\n");
        assertEquals(12, new SettingsLoader(Map.of()).load(file).screen().rows());
        assertEquals(20, new SettingsLoader(Map.of()).load(dir.resolve("absent.conf")).screen().rows());
    }

    @Test
    void environmentNamesFollowTheKey() {
        assertEquals("TOPGIF_SCREEN_FULL_COMMANDS", SettingsLoader.environmentName("topgif.screen.full-commands"));
    }
}
