package org.tokenspace;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where TokenSpace logs: {@code ~/.tokenspace/tokenspace.log} (warnings and errors only), set before any logger. */
public final class Logs {
    private Logs() {
    }

    /** The log file, or null when logs go to standard error. */
    public static Path file() {
        String f = System.getProperty("org.slf4j.simpleLogger.logFile");
        return f == null || "System.err".equals(f) || "System.out".equals(f) ? null : Path.of(f);
    }

    public static void init() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            try {
                Path dir = Path.of(System.getProperty("user.home"), ".tokenspace");
                Files.createDirectories(dir);
                System.setProperty("org.slf4j.simpleLogger.logFile", dir.resolve("tokenspace.log").toString());
            } catch (Exception e) {
                System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
            }
        }
    }
}
