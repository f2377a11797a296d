package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of view drawn to PNG with no display and no GPU; the same command twice gives the same file. */
class SnapshotCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyViewRendersHeadlessAndIsNotBlank() throws Exception {
        String[] views = {"tokenize", "lookup", "position", "batch", "projection", "window", "cloud-3d", "cloud-2d"};
        for (String view : views) {
            Path png = dir.resolve(view + ".png");
            CliRun r = CliRun.of("snapshot", "--view", view, "--out", png.toString(), "--width", "960", "--height",
                    "600", "--scale", "1.5");
            assertEquals(0, r.exitCode(), view + ": " + r.err());
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(1440, img.getWidth(), view);
            assertEquals(900, img.getHeight(), view);
            Set<Integer> colors = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    colors.add(img.getRGB(x, y));
                }
            }
            assertTrue(colors.size() > 200, view + " looks blank: " + colors.size() + " colors");
        }
    }

    @Test
    void theSameSnapshotTwiceGivesIdenticalFiles() throws Exception {
        for (String view : new String[] {"lookup", "cloud-2d"}) {
            Path a = dir.resolve(view + "-a.png");
            Path b = dir.resolve(view + "-b.png");
            for (Path p : new Path[] {a, b}) {
                CliRun r = CliRun.of("snapshot", "--view", view, "--book", "--out", p.toString(), "--width", "800",
                        "--height", "500");
                assertEquals(0, r.exitCode(), r.err());
            }
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), view);
        }
    }

    @Test
    void badSnapshotArgumentsGiveOneLine() {
        CliRun r = CliRun.of("snapshot", "--view", "galaxy", "--out", dir.resolve("x.png").toString());
        assertEquals(1, r.exitCode());
        assertEquals("tokenspace: unknown view 'galaxy': use tokenize, lookup, position, batch, projection, window, "
                + "cloud-3d or cloud-2d", r.err().strip());
        r = CliRun.of("snapshot", "--view", "lookup", "--id", "70000", "--out", dir.resolve("x.png").toString());
        assertEquals("tokenspace: token id 70000 is outside the token table: valid ids are 0 to 50256",
                r.err().strip());
        r = CliRun.of("snapshot", "--view", "lookup", "--scale", "9", "--out", dir.resolve("x.png").toString());
        assertTrue(r.err().contains("with a scale above 0 and up to 4"), r.err());
    }
}
