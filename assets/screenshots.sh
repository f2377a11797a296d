#!/usr/bin/env bash
# Every figure in README.md, drawn headless (no display, no GPU) by the app's own snapshot command.
# Run from the repository root after: mvn -q package -DskipTests
set -euo pipefail
out=assets/screenshots
ts() { java -jar target/tokenspace.jar "$@" | tail -1; }
learn=(--embedding-dim 32 --stride 1 --shuffle)   # the Train stage's learn-visibly preset

ts snapshot --all --out "$out"
ts snapshot --view window --step lookup --width 1024 --height 768 --scale 1 --out "$out/window-1024.png"
ts snapshot --view window --step position --width 1920 --height 1080 --scale 1 --zoom 1.5 --out "$out/window-zoom.png"
ts snapshot --view window --step batch --width 1280 --height 720 --scale 1 --out "$out/window-1280x720.png"
ts snapshot --view window --step lookup --book --code --width 1440 --height 900 --scale 1 --out "$out/code-panel.png"
ts snapshot --view window --step train --book --code --train-steps 20 --width 1440 --height 900 --scale 1 \
  --out "$out/code-train.png"
ts snapshot --view window --step schemes --width 1920 --height 1080 --scale 1 --out "$out/schemes.png"
ts snapshot --view window --step position --position-kind sinusoidal --width 1440 --height 900 --scale 1 \
  --out "$out/position-sinusoidal.png"
ts snapshot --view window --step train "${learn[@]}" --width 1920 --height 1080 --scale 1 --out "$out/train-start.png"
ts snapshot --view window --step train "${learn[@]}" --train-steps 700 --id 339 --width 1920 --height 1080 --scale 1 \
  --out "$out/train-700.png"
ts snapshot --view window --step explore "${learn[@]}" --train-steps 700 --use-trained --map tsne --id 339 \
  --width 1920 --height 1080 --scale 1 --out "$out/explore-tsne.png"
for lang in en el fr tr ko ja; do
  ts snapshot --view window --step lookup --lang "$lang" --width 1024 --height 768 --scale 1 --out "$out/lang-$lang.png"
done
