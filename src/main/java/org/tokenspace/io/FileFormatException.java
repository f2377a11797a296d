package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;

/**
 * The one error the file readers throw: names the file and what is wrong with it, in one line. Text quoted from the
 * file (a dtype, a key) may hold anything, so control characters are shown as {@code ?} and a long problem is cut.
 */
public final class FileFormatException extends TokenSpaceException {
    private static final int MAX_PROBLEM = 400;

    public FileFormatException(Path file, String problem) {
        super(file + ": " + oneLine(problem));
    }

    static String oneLine(String problem) {
        String s = problem.replaceAll("\\p{Cntrl}", "?");
        return s.length() <= MAX_PROBLEM ? s : s.substring(0, MAX_PROBLEM) + "...";
    }
}
