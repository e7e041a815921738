"""The bi-encoder alone on each fold's held-out sets (cosine ranking, threshold from the fold's training sets).
usage: cd WORK && python biencoder_baseline.py   (reads pool.json from candidates.py)"""
import sys, json
sys.path.insert(0, __import__('os').path.dirname(__file__))
import scoring
P = json.load(open('pool.json'))
folds = {"A": ("squad-g1,squad-g2,squad-g3,squad-g4,extra", "squad-g5,dev"),
         "B": ("squad-g2,squad-g3,squad-g4,squad-g5,dev", "squad-g1,extra")}
print(scoring.HEADER)
for name, (tr, ho) in folds.items():
    cal = [r for r in P if r["set"] in tr.split(",")]
    t = scoring.threshold_for(cal, "cos")
    for s in ho.split(","):
        print(scoring.row(f"fold {name}: {s} / bi-encoder alone", scoring.figures([r for r in P if r["set"] == s], "cos", t), t))
