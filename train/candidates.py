"""For every labelled question, the passages a reader will be asked about, with their labels.

Two pools per question:
- `retrieved`: the bi-encoder's top 20 passages of the question's reading list (bge-small int8, the
  engine's embedder, with its query instruction): what the reader sees at inference, and the pool
  every figure is scored on.
- `lexical`: the BM25 top 10 of the question's own article (of the whole list when it has none),
  extra hard negatives for training only.
A passage is labelled 1 when it is from the question's article and contains its answer phrase (the
scoring rule's test), 0 otherwise; passages of `also_urls` articles are scored correct but left out
of training, since only some of their passages answer.

usage: python candidates.py BGE_Q.onnx TOKENIZER.json OUT.json
"""
import json
import math
import re
import sys
from collections import Counter

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

import corpus

TOP_RETRIEVED = 20
TOP_LEXICAL = 10


class Embedder:
    def __init__(self, model, tokenizer):
        options = ort.SessionOptions()
        options.intra_op_num_threads = 2
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        self.tok = Tokenizer.from_file(tokenizer)
        self.tok.enable_truncation(256)
        self.tok.enable_padding()

    def __call__(self, texts, batch=32):
        out = []
        for i in range(0, len(texts), batch):
            encs = self.tok.encode_batch(texts[i:i + batch])
            feeds = {"input_ids": np.array([e.ids for e in encs], dtype=np.int64),
                     "attention_mask": np.array([e.attention_mask for e in encs], dtype=np.int64),
                     "token_type_ids": np.array([e.type_ids for e in encs], dtype=np.int64)}
            cls = self.session.run(None, feeds)[0][:, 0]
            out.append(cls / np.linalg.norm(cls, axis=1, keepdims=True))
        return np.concatenate(out)


_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = set("a an the of in on at to for by with from and or is are was were be been what which who whom "
            "whose when where why how did do does that this these those it its as into than then".split())


def terms(text):
    return [t for t in _TOKEN.findall(corpus.plain(text)) if t not in _STOP]


class BM25:
    def __init__(self, docs, k1=1.2, b=0.75):
        self.docs = [Counter(terms(d)) for d in docs]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / max(1, len(self.lengths))
        df = Counter(t for d in self.docs for t in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b

    def scores(self, query):
        q = set(terms(query))
        out = []
        for d, length in zip(self.docs, self.lengths):
            s = 0.0
            for t in q:
                f = d.get(t)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * length / self.avg))
            out.append(s)
        return np.array(out)


def label(question, passage):
    if not question.get("url"):
        return 0
    if passage.url == question["url"] and corpus.plain(question["answer"]) in corpus.plain(passage.text):
        return 1
    if passage.url in (question.get("also_urls") or []):
        return -1  # scored correct, not trained on
    return 0


def main(model, tokenizer, out_path):
    embed = Embedder(model, tokenizer)
    lists = {}
    for name, files in corpus.reading_lists().items():
        passages = []
        for f in files:
            meta, paragraphs = corpus.read_article(f)
            passages += corpus.passages_of(meta["url"], paragraphs)
        print(name, len(passages), "passages", flush=True)
        lists[name] = (passages, embed([p.text for p in passages]))
    squad_urls = {}
    for files in corpus.squad_lists().values():
        for f in files:
            meta, _ = corpus.read_article(f)
            squad_urls[meta["title"].replace(" ", "_")] = meta["url"]
    questions = corpus.question_sets()
    # Questions as asked, as the engine embeds them (BgeSmallEmbedder: no retrieval instruction).
    qvec = embed([q["question"] for q in questions])
    records = []
    for q, v in zip(questions, qvec):
        passages, pvec = lists[q["list"]]
        cos = pvec @ v
        top = np.argsort(-cos)[:TOP_RETRIEVED]
        article = q.get("url") or squad_urls.get(q.get("squad_title") or "")
        in_article = [i for i, p in enumerate(passages) if article is None or p.url == article]
        bm = BM25([passages[i].text for i in in_article]).scores(q["question"])
        lexical = [in_article[i] for i in np.argsort(-bm)[:TOP_LEXICAL]]
        positives = [i for i, p in enumerate(passages) if label(q, p) == 1]

        def row(i):
            p = passages[i]
            return dict(url=p.url, text=p.text, cos=float(cos[i]), label=label(q, p))

        records.append(dict(
            id=q["id"], set=q["set"], question=q["question"], kind=q["kind"], url=q.get("url"),
            also_urls=q.get("also_urls") or [], answer=q.get("answer"),
            retrieved=[row(i) for i in top],
            lexical=[row(i) for i in lexical if i not in set(top)],
            positives=[row(i) for i in positives if i not in set(top)]))
    with open(out_path, "w") as f:
        json.dump(records, f)
    answerable = [r for r in records if r["url"]]
    recall = sum(any(c["label"] != 0 for c in r["retrieved"]) for r in answerable) / len(answerable)
    print(f"{len(records)} questions; answer in retrieved top {TOP_RETRIEVED}: {recall:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
