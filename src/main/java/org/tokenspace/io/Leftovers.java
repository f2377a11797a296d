package org.tokenspace.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files and journals of {@link AtomicFiles}, and what killed writers leave of them. Temporary names are
 * short ({@code .tokenspace-PID-RANDOM.tmp}, 32 characters or so), so a target may use the whole 255 bytes a name
 * can have, and they carry the writer's process id, so a leftover is known for one once its writer is gone.
 */
final class Leftovers {
    /** A temporary file or a journal of ours: {@code .tokenspace-PID-8 hex digits.tmp} or {@code .journal}. */
    static final Pattern OURS = Pattern.compile("\\.tokenspace-(\\d{1,19})-[0-9a-f]{8}\\.(tmp|journal)");
    /** Temporary files of earlier versions, {@code .NAME.RANDOM.partial}: they carry no process id. */
    static final Pattern EARLIER = Pattern.compile("\\..+\\.\\d{1,20}\\.partial");
    /** A leftover whose writer cannot be told apart is removed once it is this old: no write takes so long. */
    static final Duration SAFE_AGE = Duration.ofHours(12);

    private static final long PID = ProcessHandle.current().pid();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Leftovers() {
    }

    /** A new, empty, private file with a short unused name in {@code folder}. */
    static Path newTemporary(Path folder, String suffix) throws IOException {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        while (true) {
            Path p = folder.resolve(String.format(".tokenspace-%d-%08x%s", PID, RANDOM.nextInt(), suffix));
            try {
                return posix ? Files.createFile(p, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))) : Files.createFile(p);
            } catch (FileAlreadyExistsException taken) {
                // another random name
            }
        }
    }

    /**
     * Completes the commits of killed set writers, then removes the temporary files killed writers left. With the
     * folder's lock held ({@code exclusive}) every leftover is a dead writer's; without one, only those whose
     * process is gone, or that are older than {@link #SAFE_AGE}.
     */
    static void clean(Path folder, boolean exclusive) {
        for (Path journal : list(folder, true)) {
            if (exclusive || gone(journal)) {
                rollForward(folder, journal);
            }
        }
        for (Path tmp : list(folder, false)) {
            Matcher ours = OURS.matcher(tmp.getFileName().toString());
            if (ours.matches() ? exclusive || gone(tmp) || old(tmp) : old(tmp)) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // not ours to remove after all (another user's folder): it stays
                }
            }
        }
    }

    /**
     * Moves each temporary file over its target, after committing the list of moves in a journal: once the journal
     * exists the new set is decided, and a writer killed during the moves has them completed by {@link #clean}.
     */
    static void commit(Path folder, List<Path> temporaries, List<Path> targets) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < targets.size(); i++) {
            // a file name never holds a zero character, so it separates the names
            text.append(temporaries.get(i).getFileName()).append('\0').append(targets.get(i).getFileName())
                    .append('\0');
        }
        Path draft = newTemporary(folder, ".tmp");
        Path journal = folder.resolve(draft.getFileName().toString().replace(".tmp", ".journal"));
        try {
            try (FileChannel ch = FileChannel.open(draft, StandardOpenOption.WRITE)) {
                Npy.writeFully(ch, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            move(draft, journal);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(draft);
        }
        for (int i = 0; i < targets.size(); i++) {
            move(temporaries.get(i), targets.get(i));
        }
        syncFolder(folder);
        Files.deleteIfExists(journal);
    }

    /** Moves {@code from} over {@code to} in one step where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void rollForward(Path folder, Path journal) {
        try {
            String[] names = new String(Files.readAllBytes(journal), StandardCharsets.UTF_8).split("\0");
            for (int i = 0; i + 1 < names.length; i += 2) {
                Path tmp = folder.resolve(names[i]);
                String target = names[i + 1];
                boolean plainName = !target.contains("/") && !target.equals(".") && !target.equals("..");
                if (OURS.matcher(names[i]).matches() && plainName && Files.exists(tmp)) {
                    move(tmp, folder.resolve(target));
                }
            }
            syncFolder(folder);
            Files.deleteIfExists(journal);
        } catch (IOException | RuntimeException ignored) {
            // left for the next write; the temporary files stay out of sight until then
        }
    }

    /** Our temporary files (or journals) in {@code folder}, and those of earlier versions. */
    private static List<Path> list(Path folder, boolean journals) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, ".*")) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                Matcher m = OURS.matcher(name);
                boolean ours = m.matches();
                if (journals ? ours && m.group(2).equals("journal")
                        : ours ? m.group(2).equals("tmp") : EARLIER.matcher(name).matches()) {
                    out.add(p);
                }
            }
        } catch (IOException ignored) {
            // an unreadable folder: nothing to clean
        }
        return out;
    }

    /** True when the process that made {@code file} (its name holds the id) no longer runs on this machine. */
    private static boolean gone(Path file) {
        Matcher m = OURS.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        try {
            long pid = Long.parseLong(m.group(1));
            return pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean old(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().plus(SAFE_AGE).isBefore(java.time.Instant.now());
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes the moves in {@code folder} durable; where a folder cannot be opened, the moves stand as they are. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // not every system can sync a folder
        }
    }
}
