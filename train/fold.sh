#!/usr/bin/env bash
# One fold: train on TRAIN_SETS, export to ONNX int8, score HELD_OUT_SETS (threshold from TRAIN_SETS).
# usage: train/fold.sh NAME TRAIN_SETS HELD_OUT_SETS   (sets: squad-g1..squad-g5, dev, extra)
#   e.g. train/fold.sh A squad-g1,squad-g2,squad-g3,squad-g4,extra squad-g5,dev
# Needs WORK (default /tmp/qr) holding venv/, bge_small.pt, pool.json and bge/ (see README.md).
set -euo pipefail
name=$1 train_sets=$2 held_out=$3
WORK=${WORK:-/tmp/qr}
PY="$WORK/venv/bin/python"  # normal priority: other long jobs run niced
here=$(cd "$(dirname "$0")" && pwd)
tok=$WORK/bge/bge-small-en-v1.5-tokenizer.json
out=$WORK/fold-$name
$PY "$here/train.py" --pool "$WORK/pool.json" --bge "$WORK/bge_small.pt" --tokenizer "$tok" \
  --train "$train_sets" --out "$out" ${TRAIN_ARGS:-}
$PY "$here/export.py" --model "$out" --tokenizer "$tok" --pool "$WORK/pool.json"
if [ -n "$held_out" ]; then
  $PY "$here/evaluate.py" --onnx "$out/model.onnx" --tokenizer "$tok" --pool "$WORK/pool.json" \
    --calibrate "$train_sets" --calibrate-sample ${CALIBRATE_SAMPLE:-300} --held-out "$held_out" --out "$out/scores.json"
  $PY "$here/combine.py" "$out/scores.json" "$WORK/pool.json" "$train_sets"
fi
