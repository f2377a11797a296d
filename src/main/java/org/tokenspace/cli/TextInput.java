package org.tokenspace.cli;

import org.tokenspace.io.TextFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reads the text a command works on: a file, or standard input. */
final class TextInput {
    private TextInput() {
    }

    static String read(Path file, InputStream stdin) {
        if (file != null) {
            return TextFiles.read(file);
        }
        try {
            return TextFiles.decode(stdin.readAllBytes(), Path.of("standard input"));
        } catch (IOException e) {
            throw new org.tokenspace.model.TokenSpaceException("cannot read standard input: " + e.getMessage());
        }
    }
}
