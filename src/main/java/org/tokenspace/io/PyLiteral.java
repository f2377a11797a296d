package org.tokenspace.io;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python literals an {@code .npy} header is made of: a dict of strings, {@code True}/{@code False}/{@code None},
 * whole numbers, tuples and lists. Parsed, never evaluated; nesting is capped so a hostile header cannot exhaust the
 * stack.
 */
final class PyLiteral {
    private static final int MAX_DEPTH = 8;

    private final String text;
    private final Path file;
    private int pos;

    private PyLiteral(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    /** The header's dict; anything else is a {@link FileFormatException}. */
    static Map<String, Object> dict(String text, Path file) {
        PyLiteral p = new PyLiteral(text, file);
        p.skipSpace();
        if (p.peek() != '{') {
            throw p.fail("the header is not a Python dict");
        }
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.fail("the header has text after its dict");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) value;
        return dict;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("the header nests deeper than " + MAX_DEPTH + " levels");
        }
        skipSpace();
        char c = peek();
        switch (c) {
            case '{' -> {
                return dictBody(depth);
            }
            case '(' -> {
                return parenthesized(depth);
            }
            case '[' -> {
                return sequence(']', depth);
            }
            case '\'', '"' -> {
                return string();
            }
            default -> {
                if (c == '-' || c == '+' || isDigit(c)) {
                    return integer();
                }
                if (Character.isLetter(c)) {
                    return word();
                }
                throw fail(c == 0 ? "the header ends in the middle of a value" : "unexpected '" + c + "'");
            }
        }
    }

    private Map<String, Object> dictBody(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // {
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            skipSpace();
            if (peek() != '\'' && peek() != '"') {
                throw fail("a dict key is not a string");
            }
            String key = string();
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (map.put(key, v) != null) {
                throw fail("the key '" + key + "' appears twice");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw fail("expected ',' or '}' in the dict");
            }
        }
    }

    /** {@code (x)} is x itself, as in Python; {@code ()} and {@code (x,)} are tuples. */
    private Object parenthesized(int depth) {
        int open = pos;
        pos++;
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new Tuple(List.of());
        }
        Object first = value(depth + 1);
        skipSpace();
        if (peek() == ')') {
            pos++;
            return first;
        }
        pos = open;
        return new Tuple(sequence(')', depth));
    }

    /** A Python tuple, kept apart from a list: numpy wants a tuple as the shape. */
    record Tuple(List<Object> items) {
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9'; // Python's literals use ASCII digits only
    }

    private List<Object> sequence(char close, int depth) {
        List<Object> items = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != close) {
                throw fail("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder s = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return s.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            s.append(c);
        }
        throw fail("a string is not closed");
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        int first = pos;
        while (isDigit(peek())) {
            pos++;
        }
        String digits = text.substring(start, pos);
        String magnitude = text.substring(first, pos);
        if (magnitude.length() > 1 && magnitude.charAt(0) == '0' && !magnitude.matches("0+")) {
            throw fail("'" + digits + "' has a leading zero, which Python does not allow");
        }
        if (peek() == 'L' || peek() == 'l') {
            pos++; // Python 2's long suffix, written by old numpy
        }
        if (digits.length() > 40 || digits.equals("-") || digits.equals("+")) {
            throw fail("'" + digits + "' is not a usable whole number");
        }
        BigInteger v = new BigInteger(digits);
        if (v.bitLength() > 63) {
            throw fail(digits + " is too large");
        }
        return v.longValue();
    }

    private Object word() {
        int start = pos;
        while (Character.isLetterOrDigit(peek()) || peek() == '_') {
            pos++;
        }
        String w = text.substring(start, pos);
        return switch (w) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> Word.NONE;
            default -> throw fail("'" + w + "' is not a literal (only True, False and None are)");
        };
    }

    /** Python's None. */
    enum Word { NONE }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private FileFormatException fail(String problem) {
        return new FileFormatException(file, "broken header: " + problem + " at character " + pos);
    }
}
