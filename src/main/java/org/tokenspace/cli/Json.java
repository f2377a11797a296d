package org.tokenspace.cli;

/** The little JSON the commands print: arrays of ids. */
final class Json {
    private Json() {
    }

    static String array(int[] values) {
        StringBuilder s = new StringBuilder(values.length * 6 + 2).append('[');
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.append(']').toString();
    }

    static String matrix(int[][] rows) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < rows.length; i++) {
            s.append(i == 0 ? "" : ", ").append(array(rows[i]));
        }
        return s.append(']').toString();
    }
}
