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
        if (args[0].equals("--lang") || args[0].startsWith("--lang=")) { // the app, in a language
            String tag = args[0].startsWith("--lang=") ? args[0].substring(7) : args.length > 1 ? args[1] : "";
            if (org.tokenspace.i18n.I18n.parse(tag) == null || args.length > (args[0].contains("=") ? 1 : 2)) {
                System.err.println("tokenspace: unknown language '" + tag + "': use --lang with en, el, fr, tr, ko "
                        + "or ja, alone, to open the window in that language");
                System.exit(2);
            }
            System.setProperty(org.tokenspace.app.TokenSpaceApp.LANGUAGE_PROPERTY, tag);
            org.tokenspace.app.TokenSpaceApp.main(new String[0]);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Cli.run(args, out, err));
    }
}
