package org.tokenspace.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Python script a reader tells apart by colour: comments, strings, keywords, numbers, the names a
 * {@code def} or {@code class} defines and the built-in functions called. Enough of Python's lexical rules for the
 * scripts TokenSpace writes and any short script pasted beside them; the rest is plain text.
 */
public final class PyHighlight {
    /** What a span of the script is. */
    public enum Kind {
        PLAIN, COMMENT, STRING, KEYWORD, NUMBER, DEFINED, BUILTIN;

        /** The style class a view gives it: {@code py-comment}, {@code py-string}, ... */
        public String styleClass() {
            return "py-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code length} characters of one {@link Kind}; consecutive spans cover the script. */
    public record Span(Kind kind, int length) {
    }

    private static final String KEYWORDS = "False|None|True|and|as|assert|async|await|break|class|continue|def|del"
            + "|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return"
            + "|try|while|with|yield";
    private static final String BUILTINS = "abs|all|any|bool|dict|enumerate|float|int|isinstance|iter|len|list|map"
            + "|max|min|next|open|print|range|repr|round|set|sorted|str|sum|super|tuple|type|zip";
    private static final String PREFIX = "(?:[rRbBuUfF]{1,2})?";
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>#[^\\n]*)"
                    + "|(?<STRING>" + PREFIX + "(?:\"\"\"[\\s\\S]*?(?:\"\"\"|\\z)|'''[\\s\\S]*?(?:'''|\\z)"
                    + "|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?))"
                    + "|(?<DEFINED>(?<=\\bdef |\\bclass )[A-Za-z_]\\w*)"
                    + "|(?<KEYWORD>\\b(?:" + KEYWORDS + ")\\b)"
                    + "|(?<BUILTIN>\\b(?:" + BUILTINS + ")(?=\\())"
                    + "|(?<NUMBER>(?<![\\w.])(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?j?\\b)"
                    + "|(?<NAME>[A-Za-z_]\\w*)");

    private PyHighlight() {
    }

    /** The script cut into spans, in order, covering every character. */
    public static List<Span> spans(String script) {
        List<Span> out = new ArrayList<>();
        Matcher m = TOKENS.matcher(script);
        int at = 0;
        while (m.find()) {
            Kind kind = kindOf(m);
            if (kind == Kind.PLAIN) {
                continue; // a name: plain, matched only so a keyword is never found inside one
            }
            add(out, Kind.PLAIN, m.start() - at);
            add(out, kind, m.end() - m.start());
            at = m.end();
        }
        add(out, Kind.PLAIN, script.length() - at);
        return out;
    }

    private static Kind kindOf(Matcher m) {
        for (Kind k : Kind.values()) {
            if (k != Kind.PLAIN && m.group(k.name()) != null) {
                return k;
            }
        }
        return Kind.PLAIN;
    }

    private static void add(List<Span> out, Kind kind, int length) {
        if (length == 0) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            out.set(out.size() - 1, new Span(kind, out.get(out.size() - 1).length() + length));
        } else {
            out.add(new Span(kind, length));
        }
    }
}
