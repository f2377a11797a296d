package org.tokenspace.cli;

import org.tokenspace.model.Pipeline;
import org.tokenspace.model.TokenSpaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code tokenspace} command: every error is one line on standard error and a non-zero exit, never a trace. */
@Command(name = "tokenspace", mixinStandardHelpOptions = true, version = "TokenSpace 0.1.0",
        description = {"Watch token ids become the vectors a GPT-style model reads, exactly as PyTorch computes"
                + " them.", "With no arguments at all, the app opens; with a command, it runs without a window."},
        subcommands = {InitCommand.class, TokenizeCommand.class, BatchesCommand.class, EmbedCommand.class,
                ProjectCommand.class, CloudCommand.class, BenchCommand.class, ExportCommand.class,
                InspectCommand.class, SnapshotCommand.class, TrainCommand.class, PositionsCommand.class,
                ShowCommand.class, CodeCommand.class, NeighboursCommand.class, AnalogyCommand.class})
public final class Cli implements Runnable {
    /** Exit code for a problem the user can fix. */
    public static final int USER_ERROR = 1;
    /** Exit code for a bad command line. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: "
                + names(spec) + " (or no arguments at all for the app)");
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Cli());
        withVersion(cli, cli.getCommandSpec().version());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("tokenspace: " + ex.getMessage() + " (see '" + helpCommand(ex.getCommandLine()) + "')");
            err.flush();
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("tokenspace: " + message(ex) + logged(ex, args));
            err.flush();
            return USER_ERROR;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("tokenspace: out of memory: choose smaller sizes or give Java more memory (-Xmx)");
            err.flush();
            return USER_ERROR;
        } catch (Throwable e) {
            // an Error picocli lets through (InternalError, StackOverflowError): one line here, the trace in the log
            err.println("tokenspace: " + message(e) + logged(e, args));
            err.flush();
            return USER_ERROR;
        }
    }

    /** Gives every subcommand the top command's version, so that {@code -V} works at every level as -h does. */
    private static void withVersion(CommandLine line, String[] version) {
        line.getSubcommands().values().forEach(sub -> {
            sub.getCommandSpec().version(version);
            withVersion(sub, version);
        });
    }

    /** The names of {@code spec}'s subcommands, as a list in words: "a, b or c". */
    static String names(CommandLine.Model.CommandSpec spec) {
        java.util.List<String> names = java.util.List.copyOf(spec.subcommands().keySet());
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The command that shows {@code line}'s help, with its whole path: {@code tokenspace bench render --help}. */
    static String helpCommand(CommandLine line) {
        return line.getCommandSpec().qualifiedName(" ") + " --help";
    }

    /** Logs a failure that is not the user's problem with its trace, and says where; nothing for a user's problem. */
    private static String logged(Throwable ex, String[] args) {
        if (ex instanceof TokenSpaceException || ex instanceof Pipeline.Cancelled) {
            return "";
        }
        try {
            org.slf4j.LoggerFactory.getLogger(Cli.class).error("tokenspace " + String.join(" ", args), ex);
        } catch (Throwable ignored) {
            return "";
        }
        java.nio.file.Path log = org.tokenspace.Logs.file();
        return log == null ? "" : "; details are in " + log;
    }

    /** The one line shown for a failure: the user's problem as it is, anything else named with its kind. */
    static String message(Throwable ex) {
        if (ex instanceof TokenSpaceException) {
            return ex.getMessage();
        }
        if (ex instanceof Pipeline.Cancelled) {
            return "cancelled";
        }
        return "internal error (" + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": "
                + ex.getMessage().lines().findFirst().orElse("")) + ")";
    }
}
