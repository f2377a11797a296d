package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command and subcommand answers --help, and every usage error's hint names a command that answers it. */
class HelpTest {
    /** Every command path below the root, e.g. [bench, render]. */
    private static List<List<String>> paths(CommandLine line, List<String> prefix) {
        List<List<String>> all = new ArrayList<>();
        for (var e : line.getSubcommands().entrySet()) {
            if (!e.getValue().getCommandName().equals(e.getKey())) {
                continue; // an alias
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            all.add(path);
            all.addAll(paths(e.getValue(), path));
        }
        return all;
    }

    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = paths(new CommandLine(new Cli()), List.of());
        assertTrue(paths.size() >= 20, "commands found: " + paths);
        List<String> failed = new ArrayList<>();
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            if (r.exitCode() != 0 || !r.out().startsWith("Usage: tokenspace " + String.join(" ", path))) {
                failed.add(path + " -> " + r.exitCode() + " " + r.err());
            }
        }
        assertEquals(List.of(), failed);
    }

    @Test
    void everyHintNamesACommandThatAnswersHelp() {
        Pattern hint = Pattern.compile("\\(see '(tokenspace[^']*)'\\)");
        List<List<String>> paths = paths(new CommandLine(new Cli()), List.of());
        paths.add(List.of());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--no-such-option");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(Cli.USAGE_ERROR, r.exitCode(), path + ": " + r.err());
            Matcher m = hint.matcher(r.err());
            assertTrue(m.find(), path + " prints no hint: " + r.err());
            String[] suggested = m.group(1).split(" ");
            assertEquals("tokenspace " + String.join(" ", path) + (path.isEmpty() ? "" : " ") + "--help",
                    m.group(1), "the hint names the command itself");
            CliRun help = CliRun.of(Arrays.copyOfRange(suggested, 1, suggested.length));
            assertEquals(0, help.exitCode(), m.group(1) + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: "), m.group(1));
        }
    }
}
