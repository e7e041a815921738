"""Score held-out sets with an exported reader, beside the bi-encoder alone.

The abstention threshold of each scorer is chosen on questions the model was trained on (a sample of
them, `--calibrate`), never on the set being scored: the highest threshold at which at most 10% of
answerable calibration questions abstain. Reader probabilities are written back into the pool
records (`p`) and saved, so thresholds can also be chosen on another fold's out-of-fold scores.

usage: python evaluate.py --onnx DIR/model.onnx --tokenizer T --pool pool.json
                          --calibrate squad-g1,...,extra --held-out squad-g5,dev --out DIR/scores.json
"""
import argparse
import json
import random
import time
from pathlib import Path

import numpy as np

import scoring
from export import feeds, session
from train import encoder


def score(sess, tok, records):
    for r in records:
        if not r["retrieved"]:
            continue
        probs = sess.run(None, feeds(tok, [(r["question"], c["text"]) for c in r["retrieved"]]))[0]
        for c, p in zip(r["retrieved"], probs):
            c["p"] = float(p)
    return records


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", required=True)
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--pool", required=True)
    ap.add_argument("--calibrate", required=True, help="training sets to choose thresholds on")
    ap.add_argument("--calibrate-sample", type=int, default=200)
    ap.add_argument("--held-out", required=True)
    ap.add_argument("--max-len", type=int, default=None, help="default: the model's own, from train.json beside it")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    pool = json.load(open(args.pool))
    if args.max_len is None:
        args.max_len = json.load(open(Path(args.onnx).parent / "train.json"))["max_len"]
    sess, tok = session(args.onnx), encoder(args.tokenizer, args.max_len)
    cal_sets, held_sets = set(args.calibrate.split(",")), args.held_out.split(",")
    assert not cal_sets & set(held_sets), "calibrating on a scored set"
    cal = [r for r in pool if r["set"] in cal_sets]
    random.Random(7).shuffle(cal)
    cal = cal[:args.calibrate_sample]
    t0 = time.time()
    score(sess, tok, cal)
    held = score(sess, tok, [r for r in pool if r["set"] in held_sets])
    print(f"scored {len(cal) + len(held)} questions in {time.time() - t0:.0f} s")
    t_reader, t_cos = scoring.threshold_for(cal, "p"), scoring.threshold_for(cal, "cos")
    lines = [scoring.HEADER]
    lines.append(scoring.row(f"calibration sample ({len(cal)}, trained on) / reader", scoring.figures(cal, "p", t_reader), t_reader))
    for name in held_sets:
        rs = [r for r in held if r["set"] == name]
        lines.append(scoring.row(f"{name} / reader", scoring.figures(rs, "p", t_reader), t_reader))
        lines.append(scoring.row(f"{name} / bi-encoder alone", scoring.figures(rs, "cos", t_cos), t_cos))
    print("\n".join(lines))
    json.dump(dict(threshold_reader=t_reader, threshold_cosine=t_cos, table=lines,
                   calibration=cal, held_out=held), open(args.out, "w"))


if __name__ == "__main__":
    main()
