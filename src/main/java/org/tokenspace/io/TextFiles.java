package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import org.tokenspace.model.MemoryBudget;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads text files as strict UTF-8, with a message naming the file and the problem. */
public final class TextFiles {
    private static final int CHUNK = 4 << 20;
    /** The most a Java string of UTF-8 text can be read from. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 16;
    private TextFiles() {
    }

    public static String read(Path file) {
        return read(file, Progress.NONE);
    }

    /**
     * Reads in chunks of a few megabytes, reporting progress; a cancel stops it between chunks. A pipe, a FIFO,
     * {@code /dev/stdin} or a process substitution ({@code <(...)}) is read as a stream, to its end.
     */
    public static String read(Path file, Progress progress) {
        Path path = FileReads.located(file);
        try {
            if (Files.isDirectory(path)) {
                throw new TokenSpaceException("cannot read " + file + ": it is a folder, not a text file");
            }
            if (!Files.isRegularFile(path) && Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    return read(in, file, progress);
                }
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw tooLarge(file, size);
            }
            byte[] bytes = new byte[(int) size];
            try (InputStream in = Files.newInputStream(path)) {
                int done = 0;
                while (done < bytes.length) {
                    int n = in.read(bytes, done, Math.min(CHUNK, bytes.length - done));
                    if (n < 0) {
                        throw new TokenSpaceException("cannot read " + file + ": it became shorter while being read");
                    }
                    requireText(bytes, done, n, file);
                    done += n;
                    progress.step(done, bytes.length);
                }
            }
            return decode(bytes, file);
        } catch (NoSuchFileException e) {
            throw new TokenSpaceException("cannot read " + file + ": the file does not exist");
        } catch (AccessDeniedException e) {
            throw new TokenSpaceException("cannot read " + file + ": permission denied");
        } catch (OutOfMemoryError e) {
            throw new TokenSpaceException("cannot read " + file + ": it is too large for the memory Java has");
        } catch (IOException e) {
            throw new TokenSpaceException("cannot read " + file + ": " + AtomicFiles.describe(e));
        }
    }

    /**
     * Reads a stream to its end (its size is not known before), as strict UTF-8 text; {@code source} names it in
     * messages. Binary data is refused at its first chunk, so {@code /dev/zero} ends at once.
     */
    public static String read(InputStream in, Path source, Progress progress) {
        byte[] bytes = new byte[CHUNK];
        int done = 0;
        try {
            while (true) {
                if (done == bytes.length) {
                    if (done >= MAX_BYTES) {
                        throw tooLarge(source, done + 1L);
                    }
                    bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, 2L * bytes.length));
                }
                int n = in.read(bytes, done, bytes.length - done);
                if (n < 0) {
                    break;
                }
                requireText(bytes, done, n, source);
                done += n;
                progress.poll();
            }
            return decode(java.util.Arrays.copyOf(bytes, done), source);
        } catch (OutOfMemoryError e) {
            throw new TokenSpaceException("cannot read " + source + ": it is too large for the memory Java has");
        } catch (IOException e) {
            throw new TokenSpaceException("cannot read " + source + ": " + AtomicFiles.describe(e));
        }
    }

    private static TokenSpaceException tooLarge(Path file, long size) {
        return new TokenSpaceException("cannot read " + file + ": at " + (size > MAX_BYTES ? "more than "
                + MemoryBudget.human(MAX_BYTES) : MemoryBudget.human(size)) + " it is larger than the 2 GB a text can"
                + " hold");
    }

    /** Refuses binary data as soon as a chunk shows a zero byte. */
    private static void requireText(byte[] bytes, int from, int count, Path source) {
        for (int i = from; i < from + count; i++) {
            if (bytes[i] == 0) {
                throw binary(source, i);
            }
        }
    }

    private static TokenSpaceException binary(Path source, long offset) {
        return new TokenSpaceException(source + " is not a text file (it holds binary data, a zero byte at offset "
                + offset + "): open a UTF-8 text file");
    }

    /** Strict UTF-8 (a leading byte-order mark is dropped); binary data is refused. */
    public static String decode(byte[] bytes, Path source) {
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            throw binary(source, nul);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new TokenSpaceException(source + " is not valid UTF-8 text: save it as UTF-8 and open it again");
        }
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
