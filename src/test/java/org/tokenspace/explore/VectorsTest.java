package org.tokenspace.explore;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.TokenSpaceException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorsTest {
    @Test
    void selectsRowsInTheOrderGivenAndDistinctKeepsTheFirstOfEach() {
        Vectors v = Vectors.of(Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {3, 2}, 'c')
                .castTo(DataType.DOUBLE)); // float64 tables are read as float32
        assertArrayEquals(new int[] {2, 0, 1}, Vectors.distinct(new int[] {2, 0, 2, 1, 0}));
        Vectors s = v.select(Vectors.distinct(new int[] {2, 0, 2}));
        assertEquals(2, s.rows());
        assertArrayEquals(new float[] {5, 6, 1, 2}, s.data());
        assertArrayEquals(new double[] {Math.sqrt(5), 5, Math.sqrt(61)}, v.norms(), 1e-12);
        assertEquals("row 3 is outside the table: valid rows are 0 to 2",
                assertThrows(TokenSpaceException.class, () -> v.select(new int[] {3})).getMessage());
    }
}
