#!/usr/bin/python3
# Peer of `tokenspace bench tsne`: scikit-learn's Barnes-Hut TSNE on the same rows, timed and scored the same way.
# Install (Debian 12): apt-get install -y python3-sklearn    Run with the system Python:
#   java -jar target/tokenspace.jar bench tsne --points 3000 --save /tmp/tsne3000
#   /usr/bin/python3 src/jmh/python/tsne_peer.py /tmp/tsne3000/input.npy [--components 2] [--runs 1]
# Prints one "RESULT ..." line: median seconds of fit_transform, and trustworthiness(k=10) of the last run; also
# scores our coordinates (DIR/tsne.npy beside the input) with scikit-learn's trustworthiness when they are there.
import argparse, os, statistics, time
import numpy as np
import sklearn
from sklearn.manifold import TSNE, trustworthiness

ap = argparse.ArgumentParser()
ap.add_argument("input")
ap.add_argument("--components", type=int, default=2)
ap.add_argument("--iterations", type=int, default=1000)
ap.add_argument("--runs", type=int, default=1)
args = ap.parse_args()

X = np.load(args.input)
print(f"# scikit-learn {sklearn.__version__} TSNE(method='barnes_hut', init='pca', learning_rate='auto', "
      f"perplexity=30, n_iter={args.iterations}, random_state=0) of X {X.shape} {X.dtype}, {os.cpu_count()} cores")
ts = []
for _ in range(args.runs):
    t0 = time.perf_counter()
    Y = TSNE(n_components=args.components, perplexity=30.0, n_iter=args.iterations, init="pca",
             learning_rate="auto", method="barnes_hut", angle=0.5, random_state=0).fit_transform(X)
    ts.append(time.perf_counter() - t0)
print(f"RESULT scikit-learn TSNE {X.shape[0]} x {X.shape[1]} -> {args.components}: median {statistics.median(ts):.3f} s "
      f"(min {min(ts):.3f}, max {max(ts):.3f}, runs {args.runs}), trustworthiness(k=10) "
      f"{trustworthiness(X, Y, n_neighbors=10):.4f}")
ours = os.path.join(os.path.dirname(args.input), "tsne.npy")
if os.path.exists(ours):
    print(f"# TokenSpace's coordinates ({ours}) scored by scikit-learn: trustworthiness(k=10) "
          f"{trustworthiness(X, np.load(ours), n_neighbors=10):.4f}")
