package org.tokenspace.model;

/**
 * A problem the user can fix: a bad size, an id out of range, a file that cannot be read. The message names the
 * problem and the fix, in one line, and is shown as it is (command line, status bar, inline messages).
 */
public class TokenSpaceException extends RuntimeException {
    public TokenSpaceException(String message) {
        super(message);
    }

    public TokenSpaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
