package org.tokenspace.cli;

import org.tokenspace.io.Progress;
import org.tokenspace.io.TextFiles;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the text a command works on: a file, or standard input when there is no {@code --file} or it is {@code -}
 * (the usual convention). Pipes, FIFOs, {@code /dev/stdin} and {@code <(...)} are read to their end.
 */
final class TextInput {
    private TextInput() {
    }

    static String read(Path file, InputStream stdin) {
        return isStdin(file) ? TextFiles.read(stdin, Path.of("standard input"), Progress.NONE) : TextFiles.read(file);
    }

    /** True when {@code file} means standard input: none given, or {@code -}. */
    static boolean isStdin(Path file) {
        return file == null || file.toString().equals("-");
    }

    /** How messages name the text: its file, or standard input. */
    static String name(Path file) {
        return isStdin(file) ? "standard input" : file.toString();
    }
}
