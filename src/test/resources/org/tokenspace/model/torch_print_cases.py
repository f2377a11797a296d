# Tensors and how PyTorch prints them, for TorchFormatTest: writes a JSON list of cases to sys.argv[1].
# Each case holds the tensor (float bit patterns or integer values) and repr() as this torch prints it.
import json
import os
import sys

os.environ["ATEN_CPU_CAPABILITY"] = "default"  # the scalar normal kernel on every CPU (the Java side uses GENERIC)
import numpy as np
import torch

cases = []


def add(name, t, kind="plain"):
    t = t.detach()
    if kind == "parameter":
        text = repr(torch.nn.Parameter(t.clone()))
    elif kind == "add":
        x = t.clone().requires_grad_()
        text = repr(x + torch.full_like(x, -0.0))  # x + (-0.0) == x bit for bit, with grad_fn=<AddBackward0>
    else:
        text = repr(t)
    case = {"name": name, "shape": list(t.shape), "dtype": str(t.dtype), "kind": kind, "repr": text}
    flat = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        case["bits"] = flat.numpy().view(np.int32).tolist()
    elif t.dtype == torch.float64:
        case["bits"] = flat.numpy().view(np.int64).tolist()
    else:
        case["values"] = flat.tolist()
    cases.append(case)


f32 = torch.float32
for seed, shape in [(1, (6, 3)), (2, (6, 3)), (3, (4, 7)), (4, (3,)), (5, (2, 3, 4)), (6, (10,)), (7, (1, 3))]:
    torch.manual_seed(seed)
    add(f"randn{shape} seed {seed}", torch.randn(shape))
torch.manual_seed(8)
add("randn [8, 4, 256], summarized", torch.randn(8, 4, 256), "add")
torch.manual_seed(9)
add("randn [4, 256], rows kept, columns summarized", torch.randn(4, 256))
torch.manual_seed(10)
add("randn [2, 4, 256]", torch.randn(2, 4, 256))
torch.manual_seed(11)
add("randn [1001]", torch.randn(1001))
torch.manual_seed(12)
add("randn [40, 26] (1040 elements)", torch.randn(40, 26), "parameter")
torch.manual_seed(13)
add("randn [20, 50], wrapped rows", torch.randn(20, 50))
torch.manual_seed(14)
add("randn [50], wrapped", torch.randn(50), "add")
torch.manual_seed(15)
add("randn * 100", torch.randn(5, 5) * 100)
torch.manual_seed(16)
add("randn * 1e-3: scientific", torch.randn(4, 4) * 1e-3)
torch.manual_seed(17)
add("randn * 1e9: scientific", torch.randn(3, 3) * 1e9, "parameter")
torch.manual_seed(18)
add("randn [8], requires grad", torch.randn(8), "parameter")
add("ratio over 1000", torch.tensor([0.001, 2.5]))
add("ratio just under 1000", torch.tensor([0.0025, 2.4]))
add("smallest below 1e-4", torch.tensor([0.00009, 0.5, -0.25]))
add("above 1e8", torch.tensor([1.5e8, -2.0]))
add("integer mode", torch.tensor([1.0, 2.0, -3.0]))
add("integer mode, ratio over 1000", torch.tensor([1.0, 10000.0]))
add("integer mode, above 1e8", torch.tensor([[3.0e9, 1.0], [0.0, -7.0]]))
add("integer mode with negative zero", torch.tensor([-0.0, 1.0, 2.0]))
add("negative zero among fractions", torch.tensor([-0.0, 0.5, -0.25]))
add("negative zero alone", torch.tensor([-0.0]))
add("zeros", torch.zeros(2, 3))
add("zeros requiring grad", torch.zeros(2, 3), "parameter")
add("rounds to negative zero", torch.tensor([-0.00004, 0.5, 1.0]))
add("half-way values", torch.tensor([0.00005, 0.12345, 0.12355, 2.5, 1.00005]))
add("large and small", torch.tensor([3.4e38, 1.2e-38, -1.0]))
add("subnormal", torch.tensor([1e-45, 1.0]))
add("infinities and nan", torch.tensor([float("inf"), float("-inf"), float("nan"), 1.5]))
add("integer mode with infinity", torch.tensor([1.0, float("inf"), -2.0]))
add("only nan", torch.tensor([float("nan"), float("nan")]))
add("9.99995 rounds up in scientific", torch.tensor([9.99995e-5, 1.0]))
add("scalar", torch.tensor(3.5))
add("scalar negative zero", torch.tensor(-0.0))
add("scalar small", torch.tensor(1e-5))
add("scalar whole", torch.tensor(7.0), "parameter")
add("int scalar", torch.tensor(7))
add("ids", torch.tensor([2, 3, 5, 1]))
add("id batch", torch.tensor([[40, 367, 2885, 1464], [1807, 3619, 402, 271]]))
add("negative and wide ints", torch.tensor([-5, 123456789012, 0]))
add("int64 extremes", torch.tensor([-(2 ** 63), 2 ** 63 - 1]))
add("ids wrapped", torch.arange(30) * 1000)
add("ids summarized", torch.arange(5145) * 7 % 50257)
add("id batch summarized", (torch.arange(2000) * 31 % 50257).reshape(500, 4))
add("int32", torch.tensor([1, -2, 3], dtype=torch.int32))
add("float64", torch.tensor([1.5, -0.25], dtype=torch.float64))
add("float64 requiring grad", torch.tensor([[1.0, 2.0]], dtype=torch.float64), "parameter")
add("empty float", torch.zeros(0))
add("empty 2-D float", torch.zeros(0, 3))
add("empty ids", torch.zeros(0, dtype=torch.int64))
add("empty 2-D ids", torch.zeros(2, 0, dtype=torch.int64))
add("long last line, suffix wraps", torch.tensor([0.5] * 9), "add")
add("last line exactly at the wrap", torch.tensor([0.5] * 8), "add")
add("six halves: grad_fn is one column past the line", torch.tensor([0.5] * 6), "add")
add("five halves: grad_fn fits", torch.tensor([0.5] * 5), "add")
add("thirteen ones: requires_grad is one column past the line", torch.ones(13), "parameter")
add("twelve ones: requires_grad fits", torch.ones(12), "parameter")
add("two lines, the last one long", torch.tensor([[0.5] * 8, [0.25] * 8]), "add")

torch.manual_seed(123)
embedding = {"name": "manual_seed(123); Embedding(50257, 256).weight", "kind": "embedding", "seed": 123,
             "shape": [50257, 256], "repr": repr(torch.nn.Embedding(50257, 256).weight)}
cases.append(embedding)
torch.manual_seed(123)
layer = torch.nn.Embedding(6, 3)
cases.append({"name": "the book's lookup of id 3", "kind": "lookup", "seed": 123, "shape": [6, 3], "ids": [3],
              "repr": repr(layer(torch.tensor([3])))})
cases.append({"name": "the book's lookup of ids 2, 3, 5, 1", "kind": "lookup", "seed": 123, "shape": [6, 3],
              "ids": [2, 3, 5, 1], "repr": repr(layer(torch.tensor([2, 3, 5, 1])))})

# Python's own '{:.4f}', '{:.0f}' and '{:.4e}' of float32 values of every magnitude, the formats the printer uses
rng = np.random.default_rng(5)
random_bits = rng.integers(-2 ** 31, 2 ** 31, 2000, dtype=np.int64).astype(np.int32).view(np.float32)
values = np.concatenate([(rng.standard_normal(2000) * 10.0 ** rng.integers(-12, 12, 2000)).astype(np.float32),
                         random_bits[np.isfinite(random_bits)],
                         (np.round(rng.standard_normal(1000) * 1e4) / 1e4 + 0.00005).astype(np.float32)])
numbers = [{"bits": int(b), "f4": "{:.4f}".format(float(v)), "f0": "{:.0f}".format(float(v)),
            "e4": "{:.4e}".format(float(v))} for v, b in zip(values.tolist(), values.view(np.int32).tolist())]

with open(sys.argv[1], "w") as out:
    json.dump({"cases": cases, "numbers": numbers}, out)
