package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** PNG pictures, written atomically. */
public final class Png {
    private Png() {
    }

    public static void write(Path file, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new TokenSpaceException("no PNG writer is available in this Java installation");
            }
        } catch (IOException e) {
            throw new TokenSpaceException("cannot encode the PNG for " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
