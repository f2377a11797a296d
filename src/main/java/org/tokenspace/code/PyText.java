package org.tokenspace.code;

import java.util.ArrayList;
import java.util.List;

/** Python source text: string literals, comments that cannot break out of their line, wrapped lists of ids. */
public final class PyText {
    /** Scripts stay within this many columns where they can. */
    static final int WIDTH = 100;

    private PyText() {
    }

    /** {@code f"{v:.<decimals>f}"}: Python rounds the exact binary value half to even, and keeps a minus sign. */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        String out = new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && !out.startsWith("-") ? "-" + out : out;
    }

    /** A Python number literal that reads back as {@code v} exactly: 0.0004, 0.1, 100, 1.0e-8. */
    public static String number(double v) {
        String shortest = Double.toString(v); // the shortest decimal that reads back as v, as repr() chooses
        java.math.BigDecimal d = new java.math.BigDecimal(shortest);
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e16 || v == 0 ? d.stripTrailingZeros().toPlainString()
                : shortest.replace("E", "e");
    }

    /** A double-quoted Python string literal of {@code s}. */
    public static String str(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendVisible(out, c);
            }
        });
        return out.append('"').toString();
    }

    /**
     * The lines of {@code text} as comment lines {@code prefix + line}, at most {@code maxLines} of them (then a line
     * saying how many more there are). Control characters are written as escapes, so no line can end its comment
     * early.
     */
    public static List<String> comment(String prefix, String text, int maxLines) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isEmpty()) {
            count--; // a final newline adds no line worth showing
        }
        List<String> wrapped = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            lines[i].codePoints().forEach(c -> {
                if (c == '\t') {
                    line.append(' ');
                } else {
                    appendVisible(line, c);
                }
            });
            wrapped.addAll(wrap(line.toString().stripTrailing(), WIDTH - prefix.length()));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(wrapped.size(), maxLines); i++) {
            out.add((prefix + wrapped.get(i)).stripTrailing());
        }
        if (wrapped.size() > maxLines) {
            int more = wrapped.size() - maxLines;
            out.add(prefix + "... (" + more + (more == 1 ? " more line)" : " more lines)"));
        }
        return out;
    }

    /** A line broken at spaces into pieces of at most {@code width} characters (a longer word is cut). */
    static List<String> wrap(String line, int width) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                cut = width;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    /** A character as it is, or as an escape when it is a control character or a line or paragraph separator. */
    private static void appendVisible(StringBuilder out, int c) {
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format(c <= 0xff ? "\\x%02x" : "\\u%04x", c));
        } else {
            out.appendCodePoint(c);
        }
    }

    /** {@code name = [1, 2, 3]}, the ids wrapped over indented lines when they do not fit on one. */
    public static List<String> list(String name, int[] ids) {
        return wrapped(name + " = [", ids, "]");
    }

    /**
     * {@code head + "1, 2, 3" + tail} on one line, e.g. {@code input_ids = torch.tensor([2, 3, 5, 1])}, or the ids
     * on indented lines between {@code head} and {@code tail} when that line would be too long.
     */
    public static List<String> wrapped(String head, int[] ids, String tail) {
        StringBuilder one = new StringBuilder(head);
        for (int i = 0; i < ids.length; i++) {
            one.append(i == 0 ? "" : ", ").append(ids[i]);
        }
        one.append(tail);
        if (one.length() <= WIDTH) {
            return List.of(one.toString());
        }
        List<String> out = new ArrayList<>();
        out.add(head);
        StringBuilder line = new StringBuilder("   ");
        for (int id : ids) {
            String item = " " + id + ",";
            if (line.length() + item.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder("   ");
            }
            line.append(item);
        }
        out.add(line.toString());
        out.add(tail);
        return out;
    }
}
