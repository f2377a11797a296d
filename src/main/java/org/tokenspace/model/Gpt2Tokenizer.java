package org.tokenspace.model;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * GPT-2's byte-level BPE ({@code tiktoken.get_encoding("gpt2")}, jtokkit's {@code R50K_BASE}), with
 * {@code <|endoftext|>} allowed as the course does. Token texts for labels show a space as {@code ·}, a newline as
 * {@code ↵}, a tab as {@code →}, and bytes that are not whole UTF-8 characters as {@code <0xE2>}.
 */
public final class Gpt2Tokenizer {
    public static final int VOCAB_SIZE = 50257;
    public static final int END_OF_TEXT = 50256;
    public static final String END_OF_TEXT_TEXT = "<|endoftext|>";

    private static final class Holder {
        static final Gpt2Tokenizer INSTANCE = new Gpt2Tokenizer();
    }

    /** Characters per chunk when a long text is tokenized with progress (about a second of work). */
    public static final int CHUNK = 1 << 20;

    private final Encoding encoding;
    private final String[] pieces = new String[VOCAB_SIZE];

    private Gpt2Tokenizer() {
        encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
    }

    /** The shared tokenizer (loading the vocabulary takes about a second, once). */
    public static Gpt2Tokenizer get() {
        return Holder.INSTANCE;
    }

    /** Token ids of {@code text}; {@code <|endoftext|>} becomes id 50256. */
    public int[] encode(String text) {
        return encode(text, CHUNK, f -> { }, () -> false);
    }

    /**
     * The same ids, computed chunk by chunk so that a long text reports progress and can be cancelled (then
     * {@link Pipeline.Cancelled} is thrown). Chunks end just before a space that follows a non-space and precedes a
     * letter: GPT-2's pre-tokenizer always starts a new piece there ({@code " ?\p{L}+"}), so the ids equal those of the
     * whole text.
     */
    public int[] encode(String text, int chunkChars, DoubleConsumer progress, BooleanSupplier cancelled) {
        IntArrayList out = new IntArrayList();
        int from = 0;
        while (from < text.length()) {
            if (cancelled.getAsBoolean()) {
                throw new Pipeline.Cancelled();
            }
            int to = chunkEnd(text, from, chunkChars);
            encodeWithSpecial(text.substring(from, to), out);
            from = to;
            progress.accept((double) from / text.length());
        }
        return out.toArray();
    }

    /** Where a chunk from {@code from} ends (no boundary can fall inside {@code <|endoftext|>}: it has no space). */
    static int chunkEnd(String text, int from, int chunkChars) {
        int n = text.length();
        for (int i = from + chunkChars; i < n - 1; i++) {
            if (text.charAt(i) == ' ' && !Character.isWhitespace(text.charAt(i - 1))
                    && Character.isLetter(text.codePointAt(i + 1))) {
                return i;
            }
        }
        return n;
    }

    private void encodeWithSpecial(String text, IntArrayList out) {
        int from = 0;
        while (true) {
            int at = text.indexOf(END_OF_TEXT_TEXT, from);
            String part = text.substring(from, at < 0 ? text.length() : at);
            if (!part.isEmpty()) {
                IntArrayList ids = encoding.encodeOrdinary(part);
                for (int i = 0; i < ids.size(); i++) {
                    out.add(ids.get(i));
                }
            }
            if (at < 0) {
                return;
            }
            out.add(END_OF_TEXT);
            from = at + END_OF_TEXT_TEXT.length();
        }
    }

    /** The text of a sequence of ids (bytes that do not form UTF-8 become U+FFFD). */
    public String decode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) {
            list.add(checkId(id));
        }
        return encoding.decode(list);
    }

    /** The readable text of one token, for labels: {@code ·the}, {@code ↵}, {@code <0xE2>}. */
    public String tokenText(int id) {
        checkId(id);
        String p = pieces[id];
        if (p == null) {
            p = id == END_OF_TEXT ? END_OF_TEXT_TEXT : readable(rawBytes(id));
            pieces[id] = p;
        }
        return p;
    }

    /**
     * Tokens that carry only pieces of a character (GPT-2 splits some UTF-8 characters, e.g. most Korean syllables,
     * into byte tokens): each run of ids in {@code ids[from, to)} whose bytes form whole characters only together.
     *
     * @return the runs, in order; each names its first id index, the index past its last, and the text they form
     */
    public java.util.List<CharacterRun> characterRuns(int[] ids, int from, int to) {
        java.util.List<CharacterRun> runs = new java.util.ArrayList<>();
        int i = from;
        while (i < to) {
            if (!splitsCharacter(ids[i])) {
                i++;
                continue;
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int end = i;
            do { // take tokens until their bytes are whole characters (a character has at most 4 bytes)
                bytes.writeBytes(rawBytes(ids[end]));
                end++;
            } while (end < to && end - i < 8 && splitsCharacter(ids[end]) && !isWhole(bytes.toByteArray()));
            runs.add(new CharacterRun(i, end, new String(bytes.toByteArray(), StandardCharsets.UTF_8)));
            i = end;
        }
        return runs;
    }

    /** True for a GPT-2 token whose bytes are not whole UTF-8 characters. */
    private boolean splitsCharacter(int id) {
        return id >= 0 && id < END_OF_TEXT && !isWhole(rawBytes(id));
    }

    /** Ids {@code [start, end)} whose bytes are, together, {@code text}. */
    public record CharacterRun(int start, int end, String text) {
    }

    private static boolean isWhole(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private byte[] rawBytes(int id) {
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        return encoding.decodeBytes(one);
    }

    /**
     * Bytes as readable text: whole UTF-8 characters as they are (a space as {@code ·}, a line break as {@code ↵},
     * a tab as {@code →}, other control characters as {@code <0x07>}), and every byte that is not part of a whole
     * character as {@code <0xE2>}.
     */
    static String readable(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int n = utf8Length(bytes, i);
            if (n == 0) {
                out.append(String.format("<0x%02X>", bytes[i] & 0xff));
                i++;
                continue;
            }
            int c = new String(bytes, i, n, StandardCharsets.UTF_8).codePointAt(0);
            switch (c) {
                case ' ' -> out.append('·');
                case '\n' -> out.append('↵');
                case '\t' -> out.append('→');
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("<0x%02X>", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
            i += n;
        }
        return out.toString();
    }

    /** The length of the whole UTF-8 character at {@code bytes[i]}, or 0 when there is none there. */
    private static int utf8Length(byte[] bytes, int i) {
        int b = bytes[i] & 0xff;
        int n = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
        if (n == 0 || i + n > bytes.length) {
            return 0;
        }
        return isWhole(java.util.Arrays.copyOfRange(bytes, i, i + n)) ? n : 0;
    }

    private static int checkId(int id) {
        if (id < 0 || id >= VOCAB_SIZE) {
            throw new TokenSpaceException("token id " + id + " is not a GPT-2 token: valid ids are 0 to "
                    + (VOCAB_SIZE - 1));
        }
        return id;
    }
}
