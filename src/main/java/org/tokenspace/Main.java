package org.tokenspace;

import org.tokenspace.cli.Cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar tokenspace.jar [command ...]}: the app with no arguments, else the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logs.init();
        if (args.length == 0) {
            org.tokenspace.app.TokenSpaceApp.main(args);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }
}
