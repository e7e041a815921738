"""Fine-tune the reader on labelled questions: pointwise "this passage answers" plus a listwise term.

Each step takes a few questions with a handful of their candidates each: every positive (capped) and
hard negatives drawn from the bi-encoder's top 20 and the article's BM25 top 10. An unanswerable
question brings only negatives: SQuAD 2.0's unanswerables are near misses written against the very
paragraph, which is what the no-answer score has to learn. Loss = binary cross-entropy on every
pair + softmax cross-entropy of an answerable question's positives against its candidates.
The learning rate follows the wall clock (warm-up, then linear decay to the time budget), so a run
fits its budget on a busy machine.

usage: python train.py --pool pool.json --bge bge_small.pt --train squad-g1,...,extra --out DIR
"""
import argparse
import json
import random
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from tokenizers import Tokenizer

from reader_model import Reader

MAX_POSITIVES = 2
CANDIDATES = 8
QUESTIONS_PER_STEP = 4


def encoder(tokenizer_path, max_len):
    tok = Tokenizer.from_file(tokenizer_path)
    tok.enable_truncation(max_len, strategy="longest_first")
    tok.enable_padding()
    return tok


def batch_tensors(tok, pairs):
    encs = tok.encode_batch(pairs)
    return {k: torch.tensor([getattr(e, a) for e in encs])
            for k, a in (("input_ids", "ids"), ("attention_mask", "attention_mask"), ("token_type_ids", "type_ids"))}


def groups_for(record, rng):
    pool = {c["text"]: c for c in record["retrieved"] + record["lexical"] + record["positives"]}
    pos = [c for c in pool.values() if c["label"] == 1]
    neg = [c for c in pool.values() if c["label"] == 0]
    rng.shuffle(pos)
    pos = pos[:MAX_POSITIVES]
    # the bi-encoder's favourites first: those are the negatives the reader must beat at inference
    neg.sort(key=lambda c: -c["cos"])
    hard, rest = neg[:12], neg[12:]
    rng.shuffle(hard)
    rng.shuffle(rest)
    neg = (hard + rest)[:CANDIDATES - len(pos)]
    return [(record["question"], c["text"], float(c["label"])) for c in pos + neg]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", required=True)
    ap.add_argument("--bge", required=True)
    ap.add_argument("--tokenizer", required=True)
    ap.add_argument("--train", required=True, help="comma-separated sets: squad-g1..g5, dev, extra")
    ap.add_argument("--out", required=True)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--minutes", type=float, default=11)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--upweight-shipped", type=int, default=3, help="repeat dev/extra questions (few, news-domain)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--freeze-below", type=int, default=0,
                    help="keep layers under this index as bge learnt them: no backward through them")
    args = ap.parse_args()

    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    sets = set(args.train.split(","))
    records = [r for r in json.load(open(args.pool)) if r["set"] in sets]
    records = [r for r in records for _ in range(args.upweight_shipped if r["set"] in ("dev", "extra") else 1)]
    print(f"{len(records)} training questions from {sorted(sets)}", flush=True)

    tok = encoder(args.tokenizer, args.max_len)
    model = Reader.from_bge(torch.load(args.bge), args.layers)
    model.train()
    # the 11.7M-row vocabulary stays as bge learnt it: tuning it costs more optimiser time than the
    # four layers together and the few thousand questions here cannot move it far
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    if args.freeze_below:
        for p in model.bert.embeddings.parameters():
            p.requires_grad_(False)
        for layer in model.bert.encoder.layer[:args.freeze_below]:
            for p in layer.parameters():
                p.requires_grad_(False)
    head = list(model.head.parameters())
    body = [p for n, p in model.named_parameters() if not n.startswith("head.") and p.requires_grad]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.lr * 10}],
                            weight_decay=0.01)
    base = [g["lr"] for g in opt.param_groups]
    budget = args.minutes * 60
    start = time.time()
    step, seen, done = 0, 0, False
    for epoch in range(args.epochs):
        rng.shuffle(records)
        for i in range(0, len(records), QUESTIONS_PER_STEP):
            frac = (time.time() - start) / budget
            if frac >= 1:
                done = True
                break
            scale = min(1.0, frac / 0.06) * max(0.0, 1 - frac)
            for g, lr in zip(opt.param_groups, base):
                g["lr"] = lr * max(scale, 0.02)
            groups = [groups_for(r, rng) for r in records[i:i + QUESTIONS_PER_STEP]]
            flat = [x for g in groups for x in g]
            feeds = batch_tensors(tok, [(q, p) for q, p, _ in flat])
            labels = torch.tensor([y for _, _, y in flat])
            logits = model(**feeds)
            loss = F.binary_cross_entropy_with_logits(logits, labels)
            at, listwise = 0, []
            for g in groups:
                lg, lb = logits[at:at + len(g)], labels[at:at + len(g)]
                at += len(g)
                if lb.sum() > 0:
                    listwise.append(torch.logsumexp(lg, 0) - torch.logsumexp(lg[lb > 0], 0))
            if listwise:
                loss = loss + 0.5 * torch.stack(listwise).mean()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            seen += len(flat)
            if step % 25 == 0:
                el = time.time() - start
                print(f"epoch {epoch} step {step} pairs {seen} loss {loss.item():.3f} "
                      f"{seen / el:.1f} pairs/s {el / 60:.1f} min", flush=True)
        if done:
            break
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "reader.pt")
    json.dump(dict(layers=args.layers, max_len=args.max_len, train=sorted(sets), steps=step, pairs=seen,
                   minutes=round((time.time() - start) / 60, 1), lr=args.lr, seed=args.seed,
                   freeze_below=args.freeze_below,
                   epochs_done=round(seen / (len(records) * CANDIDATES), 2)),
              open(out / "train.json", "w"), indent=1)
    print("saved", out, flush=True)


if __name__ == "__main__":
    main()
