"""Rebuild bge-small-en-v1.5 as a PyTorch BertModel from the fp32 ONNX file in LangChain4j's jar.

The ONNX initializers keep biases and layer norms under their PyTorch names, but the weight matrices
are anonymous (onnx::MatMul_NNNN); the MatMul node that consumes each one carries the module path,
so we map by node name. ONNX stores them as [in, out]; nn.Linear wants [out, in].
The rebuilt model must reproduce the ONNX model's CLS vector before we trust it as a starting point.

usage: python bge_to_torch.py BGE.onnx TOKENIZER.json OUT.pt
"""
import sys

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import numpy_helper
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

BGE_SMALL = dict(vocab_size=30522, hidden_size=384, num_hidden_layers=12, num_attention_heads=12,
                 intermediate_size=1536, max_position_embeddings=512, type_vocab_size=2,
                 hidden_act="gelu", layer_norm_eps=1e-12)


def onnx_state_dict(path):
    graph = onnx.load(path).graph
    tensors = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    state = {name: arr for name, arr in tensors.items() if not name.startswith("onnx::")}
    for node in graph.node:
        if node.op_type != "MatMul":
            continue
        weight = next((i for i in node.input if i.startswith("onnx::")), None)
        if weight is None:
            continue  # attention score products, no weights
        # "/encoder/layer.0/attention/self/query/MatMul" -> "encoder.layer.0.attention.self.query.weight"
        module = node.name.strip("/").rsplit("/", 1)[0].replace("/", ".")
        state[module + ".weight"] = tensors[weight].T
    return state


def build(path):
    model = BertModel(BertConfig(**BGE_SMALL), add_pooling_layer=False)
    state = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in onnx_state_dict(path).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if "position_ids" not in m]
    if missing or unexpected:
        raise SystemExit(f"weights do not line up: missing {missing}, unexpected {unexpected}")
    return model.eval()


def verify(model, onnx_path, tokenizer_path):
    tok = Tokenizer.from_file(tokenizer_path)
    session = ort.InferenceSession(onnx_path, providers=["CPUExecutionProvider"])
    sentences = ["Why has Russia invited the Taliban to Moscow?",
                 "The Amazon rainforest covers most of the Amazon basin of South America.",
                 "A force is any interaction that, when unopposed, will change the motion of an object."]
    worst = 0.0
    for s in sentences:
        enc = tok.encode(s)
        feeds = {"input_ids": np.array([enc.ids], dtype=np.int64),
                 "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
                 "token_type_ids": np.array([enc.type_ids], dtype=np.int64)}
        want = session.run(None, feeds)[0][0, 0]
        with torch.no_grad():
            got = model(**{k: torch.from_numpy(v) for k, v in feeds.items()}).last_hidden_state[0, 0].numpy()
        cos = float(want @ got / np.linalg.norm(want) / np.linalg.norm(got))
        worst = max(worst, float(np.abs(want - got).max()))
        print(f"cos {cos:.6f} max|diff| {np.abs(want - got).max():.2e}  {s[:50]}")
    if worst > 1e-3:
        raise SystemExit(f"PyTorch rebuild differs from ONNX by {worst}")


if __name__ == "__main__":
    onnx_path, tokenizer_path, out = sys.argv[1:4]
    model = build(onnx_path)
    verify(model, onnx_path, tokenizer_path)
    torch.save(model.state_dict(), out)
    print("saved", out)
