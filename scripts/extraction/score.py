"""Scores ExtractPages' output (and any other extractor's) with the benchmark's own metric.

usage: python3 score.py BENCHMARK_CHECKOUT OUTPUT.json [OTHER.json ...]
"""
import json
import sys
from pathlib import Path

checkout = Path(sys.argv[1])
sys.path.insert(0, str(checkout))
from evaluate import metrics_from_tp_fp_fns, string_shingle_matching  # noqa: E402

truth = json.loads((checkout / 'ground-truth.json').read_text())
for name in sys.argv[2:]:
    found = json.loads(Path(name).read_text())
    if set(found) == {'version', 'output'}:
        found = found['output']
    scores = [string_shingle_matching(true=truth[key]['articleBody'],
                                      pred=found.get(key, {}).get('articleBody', ''))
              for key in truth]
    m = metrics_from_tp_fp_fns(scores)
    missing = sum(1 for key in truth if key not in found)
    print(f"{name:40s} F1 {m['f1']:.3f}  precision {m['precision']:.3f}  "
          f"recall {m['recall']:.3f}  pages not read {missing}")
