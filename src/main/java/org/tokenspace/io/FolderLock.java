package org.tokenspace.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writers into one folder take turns: a lock on {@code .tokenspace.lock} in the folder keeps other processes out (the
 * system releases it when its holder dies, even by {@code kill -9}), and a lock per folder keeps the other threads of
 * this process out, since a file lock belongs to the whole process. The lock file stays, empty: deleting it would let
 * a waiting writer and a new one each lock a different file.
 */
final class FolderLock implements AutoCloseable {
    static final String NAME = ".tokenspace.lock";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
        this.threads = threads;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the folder's other writers to finish, then holds the folder until {@link #close()}. */
    static FolderLock take(Path folder) throws IOException {
        Path key = folder.toRealPath();
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        threads.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new FolderLock(threads, channel, channel.lock());
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing was locked through it
                }
            }
            if (e instanceof java.nio.channels.ClosedByInterruptException
                    || e instanceof java.nio.channels.FileLockInterruptionException) {
                threads.unlock();
                throw e;
            }
            // a file system without locks, or a lock file this user may not open: write without the file lock
            return new FolderLock(threads, null, null);
        } catch (RuntimeException | Error e) {
            threads.unlock();
            throw e;
        }
    }

    /** True when no other process can be writing into the folder now. */
    boolean exclusive() {
        return lock != null;
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                channel.close(); // releases the lock
            }
        } finally {
            threads.unlock();
        }
    }
}
