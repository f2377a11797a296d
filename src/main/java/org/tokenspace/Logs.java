package org.tokenspace;

import org.tokenspace.io.LogFile;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where TokenSpace logs: {@code ~/.tokenspace/tokenspace.log} (warnings and errors only), set before any logger. The
 * log is appended to, and rotated to {@code tokenspace.log.1} at a few megabytes ({@link LogFile}).
 */
public final class Logs {
    private static Path file;
    private static boolean started;

    private Logs() {
    }

    /** The log file, or null when logs go to standard error. */
    public static synchronized Path file() {
        if (file != null) {
            return file;
        }
        String f = System.getProperty("org.slf4j.simpleLogger.logFile");
        return f == null || "System.err".equals(f) || "System.out".equals(f) ? null : Path.of(f);
    }

    public static synchronized void init() {
        if (started) {
            return;
        }
        started = true;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        if (System.getProperty("org.slf4j.simpleLogger.dateTimeFormat") == null) {
            // the log spans many runs: times since this run started would not tell them apart
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        }
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
            return; // the user chose where logs go
        }
        try {
            Path log = Path.of(System.getProperty("user.home"), ".tokenspace", "tokenspace.log");
            bind(LogFile.open(log));
            file = log;
        } catch (Exception e) {
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        }
    }

    /**
     * slf4j-simple would open its log file without appending, wiping the log at every start; told to log to a cached
     * standard error instead, it keeps the stream standard error is when it starts, which here is the log.
     */
    private static void bind(PrintStream log) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        PrintStream terminal = System.err;
        System.setErr(log);
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            System.setErr(terminal);
        }
    }
}
