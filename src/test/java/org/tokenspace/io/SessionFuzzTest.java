package org.tokenspace.io;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the session reader: any input either parses or fails with {@link FileFormatException}.
 * A plain {@code mvn test} replays {@code src/test/resources/org/tokenspace/io/SessionFuzzTestInputs/session/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SessionFuzzTest -Djazzer.max_duration=3m} fuzzes.
 */
class SessionFuzzTest {
    private static final Path NAME = Path.of("fuzzed.tokenspace.json");

    @FuzzTest(maxDuration = "3m")
    void session(byte[] input) {
        try {
            SessionFile.parse(input, NAME);
        } catch (FileFormatException expected) {
            // the one documented failure
        }
    }
}
