// Peer of `tokenspace bench umap`: umap-js (npm) on the same rows, timed the same way; the coordinates are written
// beside the input as umap-js.npy, to be scored by src/jmh/python/trustworthiness.py like ours.
// Install outside the repository:  mkdir -p /tmp/npm-explore && cd /tmp/npm-explore && npm install umap-js@1.4.0
// Run:
//   java -jar target/tokenspace.jar bench umap --points 5000 --save /tmp/umap5000
//   NODE_PATH=/tmp/npm-explore/node_modules node src/jmh/js/umap_peer.js /tmp/umap5000/input.npy [--components 2]
//   /usr/bin/python3 src/jmh/python/trustworthiness.py /tmp/umap5000/input.npy /tmp/umap5000/umap-js.npy /tmp/umap5000/umap.npy
"use strict";
const fs = require("fs");
const path = require("path");
const os = require("os");
const { UMAP } = require("umap-js");

const args = process.argv.slice(2);
const input = args[0];
const components = args.includes("--components") ? Number(args[args.indexOf("--components") + 1]) : 2;

function readNpy(file) {
  const buf = fs.readFileSync(file);
  const headerLen = buf.readUInt16LE(8);
  const header = buf.toString("latin1", 10, 10 + headerLen);
  if (!header.includes("'<f4'") || header.includes("'fortran_order': True")) {
    throw new Error(file + " is not a C-order float32 .npy");
  }
  const shape = header.match(/'shape': \((\d+), (\d+)\)/).slice(1).map(Number);
  const data = new Float32Array(buf.buffer.slice(buf.byteOffset + 10 + headerLen, buf.byteOffset + buf.length));
  const rows = [];
  for (let i = 0; i < shape[0]; i++) {
    rows.push(Array.from(data.subarray(i * shape[1], (i + 1) * shape[1])));
  }
  return rows;
}

function writeNpy(file, rows) {
  const cols = rows[0].length;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${rows.length}, ${cols}), }`;
  header += " ".repeat(63 - ((10 + header.length) % 64)) + "\n";
  const head = Buffer.alloc(10);
  head.write("\x93NUMPY", 0, "latin1");
  head.writeUInt8(1, 6);
  head.writeUInt8(0, 7);
  head.writeUInt16LE(header.length, 8);
  const body = Buffer.alloc(rows.length * cols * 4);
  rows.forEach((r, i) => r.forEach((v, j) => body.writeFloatLE(v, (i * cols + j) * 4)));
  fs.writeFileSync(file, Buffer.concat([head, Buffer.from(header, "latin1"), body]));
}

// a seeded generator (mulberry32), so that runs repeat
function mulberry32(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const X = readNpy(input);
const version = require("umap-js/package.json").version;
console.log(`# umap-js ${version} (nNeighbors 15, minDist 0.1, its default epochs, random start) of X [${X.length}, ${X[0].length}], node ${process.version}, ${os.cpus().length} cores`);
const t0 = process.hrtime.bigint();
const umap = new UMAP({ nComponents: components, nNeighbors: 15, minDist: 0.1, random: mulberry32(42) });
const Y = umap.fit(X);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const out = path.join(path.dirname(input), "umap-js.npy");
writeNpy(out, Y);
console.log(`RESULT umap-js ${X.length} x ${X[0].length} -> ${components}: ${seconds.toFixed(3)} s, coordinates in ${out}`);
