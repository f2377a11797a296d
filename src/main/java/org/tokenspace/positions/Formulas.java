package org.tokenspace.positions;

import org.tokenspace.model.TorchFormat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers inside formula texts: 4 decimals as PyTorch prints them, or 5 significant digits for small ones. */
final class Formulas {
    private Formulas() {
    }

    /** {@code 0.8415}, {@code -1.2500}, {@code 0.00031623}, {@code -inf}. */
    static String num(double v) {
        if (!Double.isFinite(v) || v == 0 || Math.abs(v) >= 0.01) {
            return TorchFormat.fixed(v);
        }
        return new BigDecimal(v).round(new MathContext(5, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    /** A value as a float32 holds it, to 4 decimals; the exact value is {@code Double.toString((double) v)}. */
    static String num(float v) {
        return num((double) v);
    }

    /** {@code 3}, {@code -2}: a position or distance. */
    static String signed(int v) {
        return v > 0 ? "+" + v : String.valueOf(v);
    }
}
