package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;

/** The one error the file readers throw: names the file and what is wrong with it. */
public final class FileFormatException extends TokenSpaceException {
    public FileFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
