package org.tokenspace.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command and subcommand, found by walking picocli's tree: its help, its texts, and the hint of an error. */
class HelpTest {
    private static final Pattern HINT = Pattern.compile("\\(see '(tokenspace[^']*)'\\)$");

    /** Every command's full path, e.g. {@code tokenspace bench render}. */
    static List<String> commands() {
        List<String> paths = new ArrayList<>();
        walk(new CommandLine(new Cli()), paths);
        return paths;
    }

    private static void walk(CommandLine line, List<String> paths) {
        paths.add(line.getCommandSpec().qualifiedName(" "));
        line.getSubcommands().values().forEach(sub -> walk(sub, paths));
    }

    /** The arguments after {@code tokenspace} that run {@code path} with {@code more}. */
    private static String[] args(String path, String... more) {
        List<String> words = new ArrayList<>(Arrays.asList(path.split(" ")));
        words.remove(0); // "tokenspace"
        words.addAll(List.of(more));
        return words.toArray(String[]::new);
    }

    private static CommandSpec spec(String path) {
        CommandLine line = new CommandLine(new Cli());
        for (String word : args(path)) {
            line = line.getSubcommands().get(word);
        }
        return line.getCommandSpec();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpPrintsTheUsageAndSucceeds(String path) {
        CliRun r = CliRun.of(args(path, "--help"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: " + path + " "), r.out());
        assertEquals("", r.err());
        assertFalse(r.out().contains("${"), "an unresolved variable: " + r.out());
        assertFalse(r.out().contains("default: null"), r.out());
        assertFalse(r.out().contains("=<"), "an option value without a label: " + r.out());
        assertEquals(0, CliRun.of(args(path, "-h")).exitCode());
        assertEquals("TokenSpace 0.1.0", CliRun.of(args(path, "--version")).out().strip());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyTextIsSentences(String path) {
        CommandSpec spec = spec(path);
        String description = String.join(" ", spec.usageMessage().description()).strip();
        assertTrue(description.endsWith("."), path + ": " + description);
        assertTrue(Character.isUpperCase(description.charAt(0)), path + ": " + description);
        List<String> notSentences = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            String text = String.join(" ", option.description()).strip();
            String firstWord = text.split("[ :]", 2)[0];
            if (!text.endsWith(".") || firstWord.equals(firstWord.toLowerCase(java.util.Locale.ROOT))) {
                notSentences.add(option.longestName() + ": '" + text + "'"); // a capital, or a name like t-SNE
            }
        }
        assertEquals(List.of(), notSentences, path);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anErrorNamesTheCommandWhoseHelpWorks(String path) {
        CliRun r = CliRun.of(args(path, "--no-such-option"));
        assertEquals(Cli.USAGE_ERROR, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Matcher hint = HINT.matcher(r.err().strip());
        assertTrue(hint.find(), r.err());
        assertEquals(path + " --help", hint.group(1));
        CliRun help = CliRun.of(hint.group(1).substring("tokenspace ".length()).split(" "));
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: " + path + " "), help.out());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aCommandWithSubcommandsAndNoneGivenNamesThem(String path) {
        CommandSpec spec = spec(path);
        if (spec.subcommands().isEmpty()) {
            return;
        }
        CliRun r = CliRun.of(args(path));
        assertEquals(Cli.USAGE_ERROR, r.exitCode(), r.err());
        for (String name : spec.subcommands().keySet()) {
            assertTrue(r.err().contains(name), name + " is not named in: " + r.err());
        }
        assertTrue(r.err().strip().endsWith("(see '" + path + " --help')"), r.err());
    }
}
