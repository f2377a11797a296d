package org.tokenspace.view;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The packaged jar draws the Korean and Japanese window the same with the machine's fonts and with none: fontconfig
 * is pointed at an empty folder (a machine without a single font), and the PNGs must match pixel for pixel. A text
 * in Armenian, which the bundled fonts do not draw, shows that the empty folder really hides the machine's fonts.
 */
class FreshMachineFontsIT {
    @TempDir
    Path dir;

    @Test
    void koreanAndJapaneseDrawTheSameWithoutAnyFontOfTheMachine() throws Exception {
        Path noFonts = Files.createDirectories(dir.resolve("no-fonts"));
        Path config = dir.resolve("fonts.conf");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n<fontconfig><dir>" + noFonts + "</dir><cachedir>"
                + dir.resolve("cache") + "</cachedir></fontconfig>\n");
        for (String lang : List.of("ko", "ja")) {
            Path text = dir.resolve("sample-" + lang + ".txt");
            try (InputStream in = FreshMachineFontsIT.class.getResourceAsStream("sample-" + lang + ".txt")) {
                Files.write(text, in.readAllBytes());
            }
            int[] withFonts = pixels(snapshot(lang, text, null, lang + "-machine.png"));
            int[] without = pixels(snapshot(lang, text, config, lang + "-none.png"));
            assertArrayEquals(withFonts, without, lang + ": the window differs without the machine's fonts");
        }
        Path armenian = dir.resolve("armenian.txt");
        Files.writeString(armenian, "Բարեւ, աշխարհ. ".repeat(40));
        int[] withFonts = pixels(snapshot("en", armenian, null, "hy-machine.png"));
        int[] without = pixels(snapshot("en", armenian, config, "hy-none.png"));
        assumeFalse(Arrays.equals(withFonts, without), "this machine has no font for Armenian either");
    }

    private Path snapshot(String lang, Path text, Path fontConfig, String name) throws Exception {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("tokenspace.jar")).toAbsolutePath().toString(), "snapshot",
                "--view", "window", "--lang", lang, "--file", text.toString(), "--width", "1024", "--height", "768",
                "--scale", "1", "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        if (fontConfig != null) {
            pb.environment().put("FONTCONFIG_FILE", fontConfig.toString());
        }
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the snapshot did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve(name + ".log")));
        return out;
    }

    private static int[] pixels(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
