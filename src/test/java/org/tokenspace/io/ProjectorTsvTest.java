package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.LabeledTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectorTsvTest {
    @TempDir
    Path dir;

    @Test
    void vectorsAndMetadataRoundTripWithEscapedTokens() throws IOException {
        INDArray v = Bits.awkward(5, 3, 8);
        List<String> tokens = List.of("plain", "tab\there", "line\nbreak", "back\\slash\\t", "·space");
        Path f = dir.resolve("table.tsv");
        ProjectorTsv.writeVectors(f, v);
        Path m = ProjectorTsv.metadataFor(f);
        assertEquals("table_metadata.tsv", m.getFileName().toString());
        ProjectorTsv.writeMetadata(m, ProjectorTsv.METADATA_HEADER, 5, r -> List.of(tokens.get(r), "" + r));

        Bits.assertSameBits(v, ProjectorTsv.readVectors(f, Progress.NONE));
        assertEquals(tokens, ProjectorTsv.readLabels(m, 5));
        List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8);
        assertEquals(List.of("token\tid", "plain\t0", "tab\\there\t1", "line\\nbreak\t2", "back\\\\slash\\\\t\t3",
                "·space\t4"), lines);
        assertTrue(Files.readString(f).lines().allMatch(l -> l.split("\t").length == 3));

        LabeledTable t = TableFiles.open(f, null, null, Progress.NONE);
        assertTrue(t.labels().fromMetadata());
        assertEquals("tab\there", t.label(1));
    }

    @Test
    void readsNumbersAsOtherToolsWriteThem() throws IOException {
        Path f = dir.resolve("v.tsv");
        Files.writeString(f, "1\t-2.5e-3\t.5\r\n+3.\tnan\t-inf\nInfinity\t1E+2\t0x\n".replace("0x", "7"));
        assertArrayEquals(new float[] {1f, -2.5e-3f, .5f, 3f, Float.NaN, Float.NEGATIVE_INFINITY,
            Float.POSITIVE_INFINITY, 100f, 7f}, ProjectorTsv.readVectors(f, Progress.NONE).data().asFloat());
        Path one = dir.resolve("labels.tsv");
        Files.writeString(one, "a\nb\nc\n");
        assertEquals(List.of("a", "b", "c"), ProjectorTsv.readLabels(one, 3));
    }

    private void refused(String text, String problem) throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.writeString(f, text);
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> ProjectorTsv.readVectors(f, Progress.NONE));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void refusesRaggedRowsAndNonNumbers() throws IOException {
        refused("1\t2\t3\n4\t5\n", "line 2 has 2 values but line 1 has 3");
        refused("1\t2\n3\tfour\n", "line 2, column 2: 'four' is not a number");
        refused("1\t2\n3\t0x10\n", "'0x10' is not a number");
        refused("1\t2\n3\t1f\n", "'1f' is not a number");
        refused("1\t\n", "column 2: '' is not a number");
        refused("1\t2\n\n3\t4\n", "line 2 is empty");
        refused("", "empty");
        refused("1\t2\n3\t4é\n", "not a number");
    }

    @Test
    void refusesMetadataThatDoesNotMatch() throws IOException {
        Path m = dir.resolve("m.tsv");
        Files.writeString(m, "token\tid\na\t0\nb\n");
        FileFormatException e = assertThrows(FileFormatException.class, () -> ProjectorTsv.readLabels(m, 2));
        assertTrue(e.getMessage().contains("line 3 has 1 columns but the header has 2"), e.getMessage());
        Files.writeString(m, "token\tid\na\t0\n");
        e = assertThrows(FileFormatException.class, () -> ProjectorTsv.readLabels(m, 2));
        assertTrue(e.getMessage().contains("the metadata has 1 rows but the table has 2"), e.getMessage());
        Files.write(m, new byte[] {'a', (byte) 0xff, '\n'});
        assertThrows(FileFormatException.class, () -> ProjectorTsv.readLabels(m, 1));
    }
}
