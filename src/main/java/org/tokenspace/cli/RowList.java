package org.tokenspace.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tokenspace.explore.Vectors;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A JSON array of row ids, each kept once in the order first listed (the distinct tokens of a text). */
final class RowList {
    private RowList() {
    }

    static int[] read(Path file, int tableRows) {
        int[] ids;
        try {
            ids = new ObjectMapper().readValue(Files.readAllBytes(file), int[].class);
        } catch (NoSuchFileException e) {
            throw new TokenSpaceException("--rows " + file + " does not exist: give a JSON file of row ids");
        } catch (IOException e) {
            throw new TokenSpaceException("--rows " + file + " is not a JSON array of row ids, e.g. [464, 3290, 11]");
        }
        for (int id : ids) {
            if (id < 0 || id >= tableRows) {
                throw new TokenSpaceException("--rows " + file + " names row " + id + ", outside the table: valid"
                        + " rows are 0 to " + (tableRows - 1));
            }
        }
        if (ids.length == 0) {
            throw new TokenSpaceException("--rows " + file + " lists no rows: give at least one row id");
        }
        return Vectors.distinct(ids);
    }
}
