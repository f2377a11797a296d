package org.tokenspace.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A tensor as the printer reads it: its shape, its dtype, and its elements by index. */
interface TensorValues {
    long[] shape();

    /** {@code torch.float32} etc.: the dtype as PyTorch names it. */
    String dtype();

    boolean floating();

    double real(long[] at);

    long integer(long[] at);

    /** A float32, float64, int32 or int64 array. */
    static TensorValues of(INDArray a) {
        DataType type = a.dataType();
        String dtype = switch (type) {
            case FLOAT -> "torch.float32";
            case DOUBLE -> "torch.float64";
            case INT -> "torch.int32";
            case LONG -> "torch.int64";
            default -> throw new IllegalArgumentException("cannot print a " + type + " tensor as PyTorch does");
        };
        boolean floating = type.isFPType();
        long[] shape = a.shape();
        return new TensorValues() {
            @Override
            public long[] shape() {
                return shape;
            }

            @Override
            public String dtype() {
                return dtype;
            }

            @Override
            public boolean floating() {
                return floating;
            }

            @Override
            public double real(long[] at) {
                return at.length == 0 ? a.getDouble(0L) : a.getDouble(at);
            }

            @Override
            public long integer(long[] at) {
                return at.length == 0 ? a.getLong(0L) : a.getLong(at);
            }
        };
    }

    /** A float32 vector, shape {@code [n]}. */
    static TensorValues of(float[] v) {
        long[] shape = {v.length};
        return new TensorValues() {
            @Override
            public long[] shape() {
                return shape;
            }

            @Override
            public String dtype() {
                return "torch.float32";
            }

            @Override
            public boolean floating() {
                return true;
            }

            @Override
            public double real(long[] at) {
                return v[(int) at[0]];
            }

            @Override
            public long integer(long[] at) {
                return (long) v[(int) at[0]];
            }
        };
    }

    /** Token ids as PyTorch holds them after {@code torch.tensor(ids)}: int64, shape {@code [T]}. */
    static TensorValues ofIds(int[] ids) {
        return ofIds(new int[][] {ids}, new long[] {ids.length});
    }

    /** {@code [B, T]} int64 ids; every row has the same length. */
    static TensorValues ofIds(int[][] ids) {
        return ofIds(ids, new long[] {ids.length, ids.length == 0 ? 0 : ids[0].length});
    }

    private static TensorValues ofIds(int[][] rows, long[] shape) {
        return new TensorValues() {
            @Override
            public long[] shape() {
                return shape;
            }

            @Override
            public String dtype() {
                return "torch.int64";
            }

            @Override
            public boolean floating() {
                return false;
            }

            @Override
            public double real(long[] at) {
                return integer(at);
            }

            @Override
            public long integer(long[] at) {
                return at.length == 1 ? rows[0][(int) at[0]] : rows[(int) at[0]][(int) at[1]];
            }
        };
    }
}
