package org.tokenspace.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code '{:.Nf}'} and {@code '{:.Ne}'} of a double: rounded from its exact binary value, half to even, with
 * the sign of negative zero and of negatives that round to zero ({@code '{:.4f}'.format(-1e-5) == '-0.0000'}).
 * Java's {@code %e} rounds a shortest decimal instead, which differs in the last digit for some values.
 */
final class PyNumbers {
    private PyNumbers() {
    }

    /** {@code '{:.<precision>f}'.format(v)}. */
    static String fixed(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String digits = new BigDecimal(v).abs().setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return negative(v) ? "-" + digits : digits;
    }

    /** {@code '{:.<precision>e}'.format(v)}: one digit, the decimals, and an exponent of at least two digits. */
    static String scientific(double v, int precision) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        StringBuilder digits;
        int exponent;
        if (v == 0) {
            digits = new StringBuilder("0");
            exponent = 0;
        } else {
            BigDecimal r = new BigDecimal(v).abs().round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            digits = new StringBuilder(r.unscaledValue().toString());
            exponent = digits.length() - 1 - r.scale(); // r = unscaled * 10^-scale
        }
        while (digits.length() < precision + 1) {
            digits.append('0');
        }
        StringBuilder s = new StringBuilder(negative(v) ? "-" : "").append(digits.charAt(0));
        if (precision > 0) {
            s.append('.').append(digits, 1, precision + 1);
        }
        int e = Math.abs(exponent);
        return s.append(exponent < 0 ? "e-" : "e+").append(e < 10 ? "0" : "").append(e).toString();
    }

    /** {@code '{:>width}'}: right-aligned, as Python aligns numbers. */
    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static boolean negative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
}
