package org.tokenspace.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The log: lines appended to one file, so that what a failed run logged is still there after the next run. Once the
 * file has {@link #LIMIT} bytes it becomes {@code NAME.1} (replacing the one before) and a new file starts, so the log
 * keeps the last 4 to 8 MB. Several processes may append at once: each line is one append.
 */
public final class LogFile extends OutputStream {
    /** The size at which the log is rotated. */
    public static final long LIMIT = 4_000_000;

    private final Path file;
    private final long limit;
    private FileChannel channel;
    private Object key;

    private LogFile(Path file, long limit) throws IOException {
        this.file = file;
        this.limit = limit;
        open();
    }

    /** A print stream that appends lines to {@code file}, rotating it at {@link #LIMIT} bytes. */
    public static PrintStream open(Path file) throws IOException {
        return open(file, LIMIT);
    }

    static PrintStream open(Path file, long limit) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LogFile log = new LogFile(file, limit);
        log.rotateIfFull(); // a log left full by earlier runs
        return new PrintStream(new BufferedOutputStream(log, 1 << 16), true, StandardCharsets.UTF_8);
    }

    /** The rotated log beside {@code file}. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + ".1");
    }

    private void open() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        rotateIfFull();
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    private void rotateIfFull() throws IOException {
        if (channel.size() < limit) {
            return;
        }
        channel.close();
        try {
            // only the file this stream wrote to: another process may have rotated it already
            if (Files.exists(file) && key != null
                    && key.equals(Files.readAttributes(file, BasicFileAttributes.class).fileKey())) {
                Files.move(file, previous(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            open();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
