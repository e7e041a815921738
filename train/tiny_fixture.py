"""A tiny reader-shaped ONNX model and the probabilities PyTorch gives it, for the Java test.

The Java scorer's job is plumbing: tokenise question/passage pairs exactly as training did (bge's
WordPiece, [CLS] q [SEP] p [SEP], type ids, longest-first cut at max_length, padding), feed the
three inputs and read `probability` in the passages' order. A randomly initialised 1-layer,
16-wide BERT with bge's vocabulary exercises all of that in 2 MB; the test checks Java reproduces
these probabilities, which any tokenisation or batching slip would break.

usage: python tiny_fixture.py TOKENIZER.json OUT_DIR
"""
import json
import shutil
import sys
from pathlib import Path

import torch
from transformers import BertConfig, BertModel

from export import WithSigmoid
from reader_model import Reader
from train import batch_tensors, encoder

MAX_LEN = 32
CASES = [
    ("when was harvard founded?", ["Harvard was founded in 1636 by vote of the Great and General Court.",
                                   "Bread is baked.",
                                   "word " * 200]),
    ("a question far longer than the budget " * 10, ["short passage"]),
]


def main(tokenizer, out):
    torch.manual_seed(3)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    reader = Reader(1)
    reader.bert = BertModel(BertConfig(vocab_size=30522, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                                       intermediate_size=32, max_position_embeddings=MAX_LEN,
                                       initializer_range=0.5), add_pooling_layer=False)
    reader.head = torch.nn.Linear(16, 1)
    torch.nn.init.normal_(reader.head.weight, std=0.5)
    model = WithSigmoid(reader).eval()
    tok = encoder(tokenizer, MAX_LEN)
    sample = batch_tensors(tok, [("a b", "c d e")])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    torch.onnx.export(model, tuple(sample[k] for k in names), str(out / "model.onnx"), input_names=names,
                      output_names=["probability"], opset_version=17, dynamo=False,
                      dynamic_axes={**{k: {0: "batch", 1: "seq"} for k in names}, "probability": {0: "batch"}})
    model.eval()
    expected = []
    with torch.no_grad():
        for question, passages in CASES:
            p = model(**batch_tensors(tok, [(question, x) for x in passages])).tolist()
            expected.append(dict(question=question, passages=passages, probabilities=p))
    shutil.copy(tokenizer, out / "tokenizer.json")
    json.dump(dict(version="tiny-random-fixture", max_length=MAX_LEN, threshold=0.5, layers=1,
                   provenance="random weights (seed 3), bge-small-en-v1.5 tokenizer; a test fixture, not a reader"),
              open(out / "reader.json", "w"), indent=1)
    json.dump(expected, open(out / "expected.json", "w"), indent=1)
    print(json.dumps(expected)[:400])


if __name__ == "__main__":
    main(*sys.argv[1:3])
