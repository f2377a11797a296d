package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
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

    /**
     * Opens {@code file} for reading, turning I/O failures into one-line messages naming the file. Only a regular
     * file is opened: a table is read in several passes and at offsets, which a pipe or a device cannot give (and
     * opening a FIFO would wait for a writer forever).
     */
    static <T> T withChannel(Path file, ChannelWork<T> work) {
        Path path = regularFile(file, "a table");
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return work.apply(ch);
        } catch (NoSuchFileException e) {
            throw new TokenSpaceException("cannot read " + file + ": the file does not exist");
        } catch (AccessDeniedException e) {
            throw new TokenSpaceException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new TokenSpaceException("cannot read " + file + ": " + AtomicFiles.describe(e));
        } catch (InternalError e) {
            // a memory-mapped read of a file that another program shortened: the JVM reports the fault this way
            if (String.valueOf(e.getMessage()).contains("unsafe memory access")) {
                throw changed(file);
            }
            throw e;
        }
    }

    /**
     * The path to open for {@code file}, refusing a folder, and anything that is not a regular file, at once with
     * a message; {@code what} names what the file was meant to hold.
     */
    static Path regularFile(Path file, String what) {
        Path path = located(file);
        if (Files.isDirectory(path)) {
            throw new TokenSpaceException("cannot read " + file + ": it is a folder, not a file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new TokenSpaceException("cannot read " + file + ": it is a pipe or a device, not a regular file;"
                    + " save " + what + " to a file and open that");
        }
        return path;
    }

    /**
     * {@code file}, or the one file of its folder with the same name when {@code file} does not exist because its
     * name is not valid UTF-8: Java turns such a name given as text into U+FFFD characters, which name no file,
     * while the folder's listing keeps the name's own bytes.
     */
    static Path located(Path file) {
        Path name = file.getFileName();
        if (name == null || name.toString().indexOf('\uFFFD') < 0 || Files.exists(file)) {
            return file;
        }
        Path dir = file.toAbsolutePath().getParent();
        Path found = null;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (p.getFileName().toString().equals(name.toString())) {
                    if (found != null) {
                        throw new TokenSpaceException("cannot read " + file + ": its name is not valid UTF-8 and"
                                + " more than one file in " + dir + " reads like it; rename the file");
                    }
                    found = p;
                }
            }
        } catch (IOException e) {
            return file;
        }
        return found == null ? file : found;
    }

    /** The message for a file that became shorter, or was replaced, while it was read. */
    static FileFormatException changed(Path file) {
        return new FileFormatException(file, "the file changed while it was being read (another program is"
                + " writing it?); open it again once it is complete");
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

    /** Reads data whose size the header was checked against: an early end means the file shrank meanwhile. */
    static void readData(FileChannel ch, ByteBuffer buf, long at, Path file) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw changed(file);
            }
            pos += n;
        }
    }
}
