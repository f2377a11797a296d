#!/usr/bin/python3
# scikit-learn's trustworthiness (k = 10) of one or more embeddings of the same input, e.g. umap-js's and ours.
# Run: /usr/bin/python3 src/jmh/python/trustworthiness.py INPUT.npy COORDS.npy [COORDS.npy ...]
import sys
import numpy as np
from sklearn.manifold import trustworthiness

X = np.load(sys.argv[1])
for f in sys.argv[2:]:
    print(f"RESULT trustworthiness(k=10) of {f}: {trustworthiness(X, np.load(f), n_neighbors=10):.4f}")
