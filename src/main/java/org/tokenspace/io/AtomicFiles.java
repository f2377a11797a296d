package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that writes files. Every write goes to a temporary file beside the target, is forced to disk, then
 * moved over the target in one step: an interrupted write leaves the previous file as it was, and never a
 * half-written file under the final name.
 *
 * <p>A set of files (a batch's five {@code .npy}, a projector TSV pair) is replaced as a set: every member is written
 * to its temporary file first, then a journal naming the moves is committed, then the moves are made. A writer
 * killed before the commit leaves the old set; one killed during the moves (microseconds) has its moves completed
 * by the next write into that folder. Writers into one folder take turns ({@link FolderLock}), and each write
 * first removes what killed writers left there ({@link Leftovers}).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes the content into an open channel. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * One file of a set.
     *
     * @param name    the file's name in the folder
     * @param content what it holds
     */
    public record Part(String name, Content content) {
        public Part {
            if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException("not a file name: " + name);
            }
        }
    }

    /** Writes {@code content} to {@code target} atomically, creating parent folders. */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        writeSet(abs.getParent(), List.of(new Part(abs.getFileName().toString(), content)));
    }

    /** Writes bytes atomically. */
    public static void write(Path target, byte[] bytes) {
        write(target, ch -> Npy.writeFully(ch, ByteBuffer.wrap(bytes)));
    }

    /** Writes UTF-8 text atomically. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the files of {@code parts} into {@code dir} as one set: afterwards the folder holds all of the new
     * files or, if this fails or is killed before its commit, all of the old ones. Other files in the folder stay.
     */
    public static void writeSet(Path dir, List<Part> parts) {
        Path folder = dir.toAbsolutePath();
        List<Path> temporaries = new ArrayList<>();
        Part current = parts.get(0);
        try {
            Files.createDirectories(folder);
            try (FolderLock lock = FolderLock.take(folder)) {
                Leftovers.clean(folder, lock.exclusive());
                List<Path> targets = new ArrayList<>();
                for (Part part : parts) {
                    current = part;
                    Path target = folder.resolve(part.name());
                    Path tmp = Leftovers.newTemporary(folder, ".tmp");
                    temporaries.add(tmp);
                    readableByAll(tmp, target);
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        part.content().writeTo(ch);
                        ch.force(true);
                    }
                    targets.add(target);
                }
                current = parts.get(parts.size() - 1);
                if (parts.size() == 1) {
                    Leftovers.move(temporaries.get(0), targets.get(0));
                } else {
                    Leftovers.commit(folder, temporaries, targets);
                }
                temporaries.clear();
            }
        } catch (IOException e) {
            throw new TokenSpaceException("cannot write " + folder.resolve(current.name()) + ": " + describe(e)
                    + "; check that the folder exists and is writable", e);
        } finally {
            for (Path tmp : temporaries) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary name is never read back, and the next write into the folder removes it
                }
            }
        }
    }

    /**
     * A temporary file is private (rw-------); the file it becomes gets the old file's permissions, or
     * rw-r--r-- like any other file the user saves.
     */
    private static void readableByAll(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}
