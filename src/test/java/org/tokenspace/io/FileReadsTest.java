package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileReadsTest {
    @TempDir
    Path dir;

    @Test
    void aFaultInAMappedReadIsNamedAsAChangedFile() throws Exception {
        Path f = Files.writeString(dir.resolve("t.npy"), "x");
        FileFormatException e = assertThrows(FileFormatException.class, () -> FileReads.withChannel(f, ch -> {
            // what the JVM throws when a mapped page of a file that another program shortened is touched
            throw new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java"
                    + " code");
        }));
        assertEquals(f + ": the file changed while it was being read (another program is writing it?); open it again"
                + " once it is complete", e.getMessage());
        InternalError other = new InternalError("something else");
        assertEquals(other, assertThrows(InternalError.class, () -> FileReads.withChannel(f, ch -> {
            throw other;
        })));
    }
}
