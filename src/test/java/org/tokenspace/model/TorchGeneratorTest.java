package org.tokenspace.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TorchGeneratorTest {
    @Test
    void tenThousandthWordOfDefaultSeedIsTheStandardsValue() {
        // C++ [rand.predef]: the 10000th invocation of a default-constructed mt19937 (seed 5489) is 4123659995
        TorchGenerator gen = new TorchGenerator(5489);
        int w = 0;
        for (int i = 0; i < 10000; i++) {
            w = gen.nextInt();
        }
        assertEquals(4123659995L, w & 0xffffffffL);
        assertEquals(10000, gen.wordsDrawn());
    }

    @Test
    void onlyTheLow32BitsOfTheSeedCount() {
        TorchGenerator a = new TorchGenerator(123);
        TorchGenerator b = new TorchGenerator(123 + (7L << 32));
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextInt(), b.nextInt());
        }
    }

    @Test
    void uniformsUseTheDocumentedBits() {
        TorchGenerator words = new TorchGenerator(42);
        TorchGenerator uniforms = new TorchGenerator(42);
        int w = words.nextInt();
        assertEquals((w & 0xffffff) * 0x1.0p-24f, uniforms.nextFloat());
        long hi = words.nextInt() & 0xffffffffL;
        long lo = words.nextInt() & 0xffffffffL;
        assertEquals((((hi << 32) | lo) & ((1L << 53) - 1)) * 0x1.0p-53, uniforms.nextDouble());
    }

    @Test
    void bulkFillEqualsOneByOneDraws() {
        TorchGenerator a = new TorchGenerator(7);
        TorchGenerator b = new TorchGenerator(7);
        a.nextInt(); // start off the 624-word boundary
        b.nextInt();
        float[] bulk = new float[2000];
        a.fillFloats(bulk, 0, bulk.length);
        for (float v : bulk) {
            assertEquals(b.nextFloat(), v);
        }
        assertEquals(b.wordsDrawn(), a.wordsDrawn());
    }

    @Test
    void manualSeedClearsTheCachedNormal() {
        TorchGenerator gen = new TorchGenerator(123);
        double first = gen.nextNormal();
        gen.manualSeed(123);
        assertEquals(first, gen.nextNormal());
    }
}
