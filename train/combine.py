"""Does the reader help beside the bi-encoder? Score held-out sets with blends of the two.

Reads the `scores.json` that evaluate.py writes (training-question sample and held-out records, each
candidate with its cosine `cos` and reader probability `p`) and scores:
- blend a: rank and abstain by a * p + (1 - a) * cos. a is picked on the training-question sample
  (the a with the best trust there, each a with its own threshold from that sample), never on the
  scored set; every a of the grid is printed too, so the choice can be checked.
- bi-encoder ranks, reader abstains: order by cosine (the bi-encoder's strength), answer only when
  the reader's best probability clears its threshold (the reader as the "is it answered" judge).
Thresholds always from the training sample, false abstention <= 0.10 there.

- blend ranks, bi-encoder abstains: order by the blend (a picked on the training sample the same
  way), abstain on the cosine threshold.
The bi-encoder's threshold is shown twice: from the same training sample as the reader's, and from
every training question (POOL + TRAIN_SETS given), which is what the engine alone would use.

usage: python combine.py DIR/scores.json [POOL TRAIN_SETS]
"""
import json
import sys

import scoring

GRID = [round(0.1 * i, 1) for i in range(11)]


def blend(records, a, top=None):
    """a * p + (1 - a) * cos; with `top`, only the bi-encoder's first `top` candidates are read (the
    cost the engine pays), the rest stay in cosine order below them."""
    key = f"mix{a}" + (f"top{top}" if top else "")
    for r in records:
        by_cos = sorted(r["retrieved"], key=lambda c: -c["cos"])
        for i, c in enumerate(by_cos):
            c[key] = a * c["p"] + (1 - a) * c["cos"] if top is None or i < top else c["cos"] - 2
    return key


def main():
    data = json.load(open(sys.argv[1]))
    cal, held = data["calibration"], [r for r in data["held_out"] if r["retrieved"]]
    sets = sorted({r["set"] for r in held})
    lines = [scoring.HEADER]
    cal_trust = {}
    for a in GRID:
        key = blend(cal + held, a)
        t = scoring.threshold_for(cal, key)
        cal_trust[a] = scoring.figures(cal, key, t)["trust"]
    chosen = max(GRID, key=lambda a: (cal_trust[a], -abs(a - 0.5)))
    print("trust on the training sample by a:", {a: round(v, 3) for a, v in cal_trust.items()}, "chosen a =", chosen)
    t_cos = scoring.threshold_for(cal, "cos")
    rank_trust = {a: scoring.figures(cal, blend(cal, a), t_cos, gate="cos")["trust"] for a in GRID}
    chosen_rank = max(GRID, key=lambda a: (rank_trust[a], -a))
    print("blend ranks, cosine abstains: trust on the training sample by a:",
          {a: round(v, 3) for a, v in rank_trust.items()}, "chosen a =", chosen_rank)
    t_cos_all = None
    if len(sys.argv) > 3:
        train_sets = set(sys.argv[3].split(","))
        t_cos_all = scoring.threshold_for([r for r in json.load(open(sys.argv[2]))
                                           if r["set"] in train_sets and r["retrieved"]], "cos")
    # gate threshold: reader's best probability over the cosine-ranked list, from the training sample
    t_gate = scoring.threshold_for(cal, "p")
    for name in sets:
        rs = [r for r in held if r["set"] == name]
        lines.append(scoring.row(f"{name} / bi-encoder alone (threshold: same sample)", scoring.figures(rs, "cos", t_cos), t_cos))
        if t_cos_all is not None:
            lines.append(scoring.row(f"{name} / bi-encoder alone (threshold: all training questions)",
                                     scoring.figures(rs, "cos", t_cos_all), t_cos_all))
        t_p = scoring.threshold_for(cal, "p")
        lines.append(scoring.row(f"{name} / reader alone", scoring.figures(rs, "p", t_p), t_p))
        key = blend(rs, chosen)
        t = scoring.threshold_for(cal, key)
        lines.append(scoring.row(f"{name} / blend a={chosen} (a from training sample)", scoring.figures(rs, key, t), t))
        lines.append(scoring.row(f"{name} / bi-encoder ranks, reader abstains",
                                 scoring.figures(rs, "cos", t_gate, gate="p"), t_gate))
        key = blend(rs, chosen_rank)
        lines.append(scoring.row(f"{name} / blend a={chosen_rank} ranks, bi-encoder abstains",
                                 scoring.figures(rs, key, t_cos, gate="cos"), t_cos))
        if t_cos_all is not None:
            lines.append(scoring.row(f"{name} / blend a={chosen_rank} ranks, bi-encoder abstains (all-training threshold)",
                                     scoring.figures(rs, key, t_cos_all, gate="cos"), t_cos_all))
            for top in (8, 12):
                key = blend(rs, chosen_rank, top)
                lines.append(scoring.row(f"{name} / same, reader over the bi-encoder's top {top} only",
                                         scoring.figures(rs, key, t_cos_all, gate="cos"), t_cos_all))
        for a in GRID:
            key = blend(rs, a)
            t = scoring.threshold_for(cal, key)
            f = scoring.figures(rs, key, t)
            lines.append(scoring.row(f"{name} / (grid) blend a={a}", f, t))
    print("\n".join(lines))
    json.dump(dict(chosen_a=chosen, cal_trust=cal_trust, chosen_rank_a=chosen_rank, rank_trust=rank_trust, table=lines), open(sys.argv[1].replace(".json", "-combine.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
