package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opening files for the readers: I/O failures become one-line messages that name the file. */
final class FileReads {
    private FileReads() {
    }


    /** Work on an open file channel. */
    @FunctionalInterface
    interface ChannelWork<T> {
        T apply(FileChannel ch) throws IOException;
    }

    /** Opens {@code file} for reading, turning I/O failures into one-line messages naming the file. */
    static <T> T withChannel(Path file, ChannelWork<T> work) {
        if (Files.isDirectory(file)) {
            throw new TokenSpaceException("cannot read " + file + ": it is a folder, not a file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return work.apply(ch);
        } catch (NoSuchFileException e) {
            throw new TokenSpaceException("cannot read " + file + ": the file does not exist");
        } catch (AccessDeniedException e) {
            throw new TokenSpaceException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new TokenSpaceException("cannot read " + file + ": " + AtomicFiles.describe(e));
        }
    }

    static void readFully(FileChannel ch, ByteBuffer buf, long at, Path file, String what) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new FileFormatException(file, "the file ends inside " + what + ": it is truncated");
            }
            pos += n;
        }
    }

}
