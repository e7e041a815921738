"""Score candidate pools with a reader and compute the figures of shared/eval/README.md.

A question's answer is what the engine would show: its retrieved top 20 ranked by the reader's
probability (or by cosine for the bi-encoder baseline), overlapping passages (sharing a sentence
with a better-ranked one of the same article) dropped, the first three shown; it abstains when the
best score is under the threshold. hit@1 and hit@3 count the ranking whether or not it abstained
(as bot/.../Evaluation.java does); trust counts a correct top 3 only when it answered.
"""
import numpy as np

import corpus

MAX_FALSE_ABSTAIN = 0.10


def correct(candidate):
    return candidate["label"] != 0  # 1: article and answer phrase; -1: an also_urls article


def shown(cands, key):
    """The top three after dropping passages that overlap a better-ranked one."""
    out, used = [], []
    for c in sorted(cands, key=lambda c: -c[key]):
        sents = set(corpus.sentences(c["text"]))
        if any(c["url"] == u and sents & s for u, s in used):
            continue
        out.append(c)
        used.append((c["url"], sents))
        if len(out) == 3:
            break
    return out


def best(record, key):
    return max((c[key] for c in record["retrieved"]), default=0.0)


def threshold_for(records, key, max_false_abstain=MAX_FALSE_ABSTAIN):
    """The highest threshold at which at most `max_false_abstain` of answerable questions abstain.
    A question abstains when best < threshold, so the threshold is the k-th smallest best score of
    the answerable questions, k = floor(max_false_abstain * n)."""
    scores = np.sort([best(r, key) for r in records if r["url"]])
    k = int(np.floor(max_false_abstain * len(scores)))
    return float(scores[k]) if k < len(scores) else float("inf")


def figures(records, key, threshold, gate=None):
    """Rank by `key`; abstain when the best `gate` score (default: `key`) is under `threshold`."""
    gate = gate or key
    ans = [r for r in records if r["url"]]
    una = [r for r in records if not r["url"]]
    hit1 = hit3 = fa = trusted = ab = 0
    for r in ans:
        top = shown(r["retrieved"], key)
        answered = best(r, gate) >= threshold
        rank = next((i + 1 for i, c in enumerate(top) if correct(c)), 0)
        hit1 += rank == 1
        hit3 += 1 <= rank <= 3
        fa += not answered
        trusted += answered and 1 <= rank <= 3
    for r in una:
        abstained = best(r, gate) < threshold
        ab += abstained
        trusted += abstained
    n = len(records)
    return dict(n=n, hit1=hit1 / max(1, len(ans)), hit3=hit3 / max(1, len(ans)), abstain=ab / max(1, len(una)),
                false_abstain=fa / max(1, len(ans)), trust=trusted / max(1, n))


def row(name, f, threshold):
    return (f"| {name} | {f['n']} | {f['hit1']:.3f} | {f['hit3']:.3f} | {f['abstain']:.3f} | "
            f"{f['false_abstain']:.3f} | {f['trust']:.3f} | {threshold:.3f} |")


HEADER = ("| set / scorer | questions | hit@1 | hit@3 | abstain | false abstain | trust | threshold |\n"
          "| --- | --- | --- | --- | --- | --- | --- | --- |")
