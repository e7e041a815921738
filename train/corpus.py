"""Articles, passages and question sets, cut the way the engine cuts them.

Candidates at inference are the engine's passages: single sentences and runs of two or three
neighbouring sentences inside one paragraph, a run at most 60 words (index/.../Passages.java).
The reader is trained on passages of that shape so that it sees at training time what it will see
in the engine.
"""
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MAX_WORDS = 60
MAX_SENTENCES = 3

EVAL = Path("/work/shared/eval")
SHIPPED = Path(__file__).resolve().parent.parent / "corpus"


@dataclass(frozen=True)
class Passage:
    url: str
    paragraph: int
    text: str


def plain(text):
    """The scoring rule's comparison form: NFKC, plain quotes and dashes, collapsed space, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u2018\u2019\u201a\u201b\u2032]", "'", text)
    text = re.sub("[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def read_article(path):
    """Front matter (title, url) and body paragraphs of a corpus file."""
    raw = Path(path).read_text(encoding="utf-8")
    meta = {}
    body = raw
    if raw.startswith("---"):
        head, body = raw[3:].split("\n---", 1)
        for line in head.splitlines():
            if ":" in line:
                key, value = line.split(":", 1)
                meta[key.strip()] = value.strip().strip('"')
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", body)]
    return meta, [p for p in paragraphs if p]


# A sentence ends at . ! ? (and closing quotes/brackets) followed by space and a capital, digit or
# opening quote; a lone initial or a common abbreviation before the stop does not end one.
_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bSt|\bJr|\bSr|\bvs|\bNo|\bU\.S|\be\.g|\bi\.e|\bc|\bca|\bInc|\bCo|\bLt|\bGen|\bGov)\.$")


def sentences(paragraph):
    out, start = [], 0
    for m in _END.finditer(paragraph):
        left = paragraph[start:m.start()].rstrip("\"'\u201d\u2019)]")
        if _ABBREV.search(left):
            continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    if paragraph[start:].strip():
        out.append(paragraph[start:].strip())
    return out


def words(text):
    return len(text.split())


def is_prose(paragraph):
    # the engine keeps prose paragraphs and anything of 12+ words; navigation crumbs are neither
    return words(paragraph) >= 12 or (words(paragraph) >= 4 and paragraph[-1:] in ".!?:\"\u201d")


def passages_of(url, paragraphs):
    out = []
    for p_index, paragraph in enumerate(paragraphs):
        if not is_prose(paragraph):
            continue
        sents = sentences(paragraph)
        for i in range(len(sents)):
            for j in range(i, min(len(sents), i + MAX_SENTENCES)):
                text = " ".join(sents[i:j + 1])
                if j > i and words(text) > MAX_WORDS:
                    break
                out.append(Passage(url, p_index, text))
    return out


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def squad_lists():
    """{group: [article files]} for squad2-dev's five reading lists."""
    sources = json.loads((EVAL / "squad2-dev" / "sources.json").read_text())
    lists = {}
    for s in sources:
        lists.setdefault(s["group"], []).append(EVAL / "squad2-dev" / s["file"])
    return lists


def shipped_list():
    return sorted(p for p in SHIPPED.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")


def question_sets():
    """Every labelled question with the reading list ('squad-gN' or 'shipped') it is asked of."""
    out = []
    for q in read_jsonl(EVAL / "squad2-dev" / "questions.jsonl"):
        out.append(dict(q, set=f"squad-g{q['group']}", list=f"squad-g{q['group']}"))
    for name in ("dev", "extra"):
        for q in read_jsonl(EVAL / f"{name}.jsonl"):
            out.append(dict(q, set=name, list="shipped"))
    return out


def reading_lists():
    lists = {f"squad-g{g}": files for g, files in squad_lists().items()}
    lists["shipped"] = shipped_list()
    return lists
