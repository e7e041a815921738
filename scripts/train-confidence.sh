#!/usr/bin/env bash
# Trains the confidence model shipped in the jar and the held-out models the quality test scores
# with, from the labelled questions of ../shared/eval:
#   index/src/main/resources/readingroom/confidence/model.json   all sets
#   bot/src/test/resources/readingroom/confidence-folds/without-<set>.json   all sets but one
# A held-out model scores the set it was not trained on (dev, extra, or one squad2-dev group).
# Usage: scripts/train-confidence.sh [WORK_DIR]   (the work folder keeps the indexes and judgements)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$root/target/train-confidence}"
eval_dir="$root/../shared/eval"
mkdir -p "$work"
rr() { "$root/readingroom" "$@"; }
rr train "$eval_dir/squad2-dev/questions.jsonl" --sources "$eval_dir/squad2-dev/sources.json" \
  --index "$work/index-squad" --save-judged "$work/judged-squad.jsonl"
rr train "$eval_dir/dev.jsonl" "$eval_dir/extra.jsonl" \
  --index "$work/index-shipped" --save-judged "$work/judged-shipped.jsonl"
judged=(--judged "$work/judged-squad.jsonl" --judged "$work/judged-shipped.jsonl")
rr train "${judged[@]}" --out "$root/index/src/main/resources/readingroom/confidence/model.json"
folds="$root/bot/src/test/resources/readingroom/confidence-folds"
for set in dev extra questions/g1 questions/g2 questions/g3 questions/g4 questions/g5; do
  rr train "${judged[@]}" --exclude "$set" --out "$folds/without-${set#questions/}.json"
done
