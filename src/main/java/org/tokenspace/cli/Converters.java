package org.tokenspace.cli;

import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.model.TorchGenerator;
import picocli.CommandLine;


/** Conversions of command-line values that give a message naming the value and the valid form. */
final class Converters {
    private Converters() {
    }

    /** A seed as {@code torch.manual_seed} takes it: any whole number from -2^63 to 2^64 - 1. */
    static final class Seed implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return TorchGenerator.parseSeed(value);
            } catch (TokenSpaceException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code avx2} or {@code generic}. */
    static final class Kernel implements CommandLine.ITypeConverter<NormalKernel> {
        @Override
        public NormalKernel convert(String value) {
            try {
                return NormalKernel.parse(value);
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code cosine} or {@code euclidean}. */
    static final class MetricName implements CommandLine.ITypeConverter<org.tokenspace.explore.Metric> {
        @Override
        public org.tokenspace.explore.Metric convert(String value) {
            try {
                return org.tokenspace.explore.Metric.parse(value);
            } catch (TokenSpaceException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** A layer size {@code VxD}, e.g. {@code 50257x256}. */
    static final class Layer implements CommandLine.ITypeConverter<long[]> {
        @Override
        public long[] convert(String value) {
            String[] parts = value.toLowerCase(java.util.Locale.ROOT).split("x");
            if (parts.length != 2) {
                throw new CommandLine.TypeConversionException("layer '" + value
                        + "' is not ROWSxDIM, e.g. 50257x256");
            }
            try {
                long rows = Long.parseLong(parts[0].trim());
                long dim = Long.parseLong(parts[1].trim());
                if (rows <= 0 || dim <= 0) {
                    throw new CommandLine.TypeConversionException("layer " + value
                            + " needs at least 1 row and 1 column");
                }
                return new long[] {rows, dim};
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("layer '" + value
                        + "' is not ROWSxDIM with whole numbers, e.g. 50257x256");
            }
        }
    }

    /** A number, where {@code nan}, {@code inf} and {@code -inf} are read too (the command says what is wrong). */
    static final class AnyDouble implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            switch (v) {
                case "nan" -> {
                    return Double.NaN;
                }
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    try {
                        return Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new CommandLine.TypeConversionException("'" + value + "' is not a number: write e.g. "
                                + "4e-4 or 0.1");
                    }
                }
            }
        }
    }
}
