package org.tokenspace.code;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.Golden;
import org.tokenspace.Python;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Preset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The code panel's colours: comments, strings, numbers and keywords where Python's own tokenizer finds them. */
class PyHighlightTest {
    private static final Set<PyHighlight.Kind> COMPARED = Set.of(PyHighlight.Kind.COMMENT, PyHighlight.Kind.STRING,
            PyHighlight.Kind.NUMBER, PyHighlight.Kind.KEYWORD);

    /** Each span as "KIND text", for the kinds Python's tokenize module tells apart. */
    private static List<String> ours(String script) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (PyHighlight.Span s : PyHighlight.spans(script)) {
            if (COMPARED.contains(s.kind())) {
                out.add(s.kind() + " " + script.substring(at, at + s.length()));
            }
            at += s.length();
        }
        assertEquals(script.length(), at, "the spans cover the script");
        return out;
    }

    private static String text(List<PyHighlight.Span> spans, String script, PyHighlight.Kind kind) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (PyHighlight.Span s : spans) {
            if (s.kind() == kind) {
                out.append('[').append(script, at, at + s.length()).append(']');
            }
            at += s.length();
        }
        return out.toString();
    }

    @Test
    void tellsThePartsApart() {
        String script = "# a comment\nimport torch\nx = f\"a#b\" + 'it\\'s'  # note\n\n"
                + "def model(x, lr=4e-4):\n    \"\"\"doc # not a comment\"\"\"\n    return print(x[0:3], 1.5, True)\n"
                + "class Stage(nn.Module):\n    pass\nprinted = forward(x1)  # names that hold keywords\n";
        List<PyHighlight.Span> spans = PyHighlight.spans(script);
        assertEquals("[# a comment][# note][# names that hold keywords]", text(spans, script, PyHighlight.Kind.COMMENT));
        assertEquals("[f\"a#b\"]['it\\'s'][\"\"\"doc # not a comment\"\"\"]",
                text(spans, script, PyHighlight.Kind.STRING));
        assertEquals("[import][def][return][True][class][pass]", text(spans, script, PyHighlight.Kind.KEYWORD));
        assertEquals("[4e-4][0][3][1.5]", text(spans, script, PyHighlight.Kind.NUMBER));
        assertEquals("[model][Stage]", text(spans, script, PyHighlight.Kind.DEFINED));
        assertEquals("[print]", text(spans, script, PyHighlight.Kind.BUILTIN));
        assertEquals(script.length(), spans.stream().mapToInt(PyHighlight.Span::length).sum());
    }

    @Test
    void anUnclosedStringRunsToItsLineEnd() {
        String script = "s = \"open\nx = 1\n";
        assertEquals("[\"open]", text(PyHighlight.spans(script), script, PyHighlight.Kind.STRING));
        assertEquals(List.of(), PyHighlight.spans(""));
    }

    /** Every stage's script, for the book and for the course's defaults, against Python's tokenize module. */
    @Test
    void everyStageScriptAsPythonReadsIt(@TempDir Path dir) throws Exception {
        String python = Python.withNumpy();
        Assumptions.assumeTrue(python != null, "no python3 here: the scripts' colours are not compared with "
                + "Python's tokenize module");
        Path reader = dir.resolve("tokens.py"); // apart from the scripts: one of them is named tokenize.py
        Files.writeString(reader, """
                import io, keyword, sys, tokenize
                src = open(sys.argv[1], encoding="utf-8").read()
                kinds = {tokenize.COMMENT: "COMMENT", tokenize.STRING: "STRING", tokenize.NUMBER: "NUMBER"}
                for t in tokenize.generate_tokens(io.StringIO(src).readline):
                    if t.type in kinds:
                        print(kinds[t.type], t.string.replace("\\n", "\\\\n"))
                    elif t.type == tokenize.NAME and keyword.iskeyword(t.string):
                        print("KEYWORD", t.string)
                """);
        Pipeline pipeline = new Pipeline();
        int compared = 0;
        for (Preset preset : List.of(Preset.BOOK, Preset.course(Files.readString(Golden.verdict())))) {
            CodeInput in = CodeInput.of(pipeline.run(preset.text(), preset.settings()), preset.text(), null, null,
                    preset.selectedId() < 0 ? null : preset.selectedId());
            for (StageCode stage : StageCodes.all()) {
                String script;
                try {
                    script = stage.write(in).script();
                } catch (org.tokenspace.model.TokenSpaceException e) {
                    continue; // the book's 3 dimensions have no RoPE pairs: that stage writes no script for it
                }
                Path file = Files.createDirectories(dir.resolve("scripts")).resolve(stage.name() + ".py");
                Files.writeString(file, script, StandardCharsets.UTF_8);
                Python.Result r = Python.runFile(python, List.of(reader.toString(), file.toString()));
                assertEquals(0, r.exit(), r.output());
                List<String> expected = r.output().isEmpty() ? List.of()
                        : List.of(r.output().replace("\r", "").split("\n"));
                List<String> got = ours(script).stream().map(s -> s.replace("\n", "\\n")).toList();
                assertEquals(expected, got, preset + " " + stage.name());
                compared += got.size();
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared > 500, "compared " + compared + " tokens");
    }
}
