package org.tokenspace.cli;

import org.tokenspace.model.Settings;
import picocli.CommandLine.Option;

/** {@code torch.manual_seed}: the one seed of the seeded tables and of a shuffled batch order. */
final class SeedOptions {
    @Option(names = "--seed", converter = Converters.Seed.class, paramLabel = "SEED",
            description = "The seed, as torch.manual_seed takes it: a whole number from -2^63 to 2^64 - 1"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed = Settings.DEFAULTS.seed();
}
