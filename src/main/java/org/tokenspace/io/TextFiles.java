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
    private TextFiles() {
    }

    public static String read(Path file) {
        return read(file, Progress.NONE);
    }

    /** Reads in chunks of a few megabytes, reporting progress; a cancel stops it between chunks. */
    public static String read(Path file, Progress progress) {
        try {
            if (Files.isDirectory(file)) {
                throw new TokenSpaceException("cannot read " + file + ": it is a folder, not a text file");
            }
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new TokenSpaceException("cannot read " + file + ": at " + MemoryBudget.human(size)
                        + " it is larger than the 2 GB a text can hold");
            }
            byte[] bytes = new byte[(int) size];
            try (InputStream in = Files.newInputStream(file)) {
                int done = 0;
                while (done < bytes.length) {
                    int n = in.read(bytes, done, Math.min(CHUNK, bytes.length - done));
                    if (n < 0) {
                        throw new TokenSpaceException("cannot read " + file + ": it became shorter while being read");
                    }
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

    /** Strict UTF-8 (a leading byte-order mark is dropped); binary data is refused. */
    public static String decode(byte[] bytes, Path source) {
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            throw new TokenSpaceException(source + " is not a text file (it holds binary data, a zero byte at offset "
                    + nul + "): open a UTF-8 text file");
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
