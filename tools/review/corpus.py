"""Scoring the review on a labelled corpus (tests/review_corpus): the findings people expect against those the
tool gives, as precision and recall per finding type. Used by the corpus test and by ``tools bench``.

The labels (expected.yml) are the truth; known_misses and known_false record where the tool is known to differ,
so that a test can require exactly truth − misses + false and still report honest figures.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from tools.review.checks import TYPES


@dataclass
class Score:
    truth: set  # {(file, location, type)}
    got: set
    matched: dict = field(default_factory=dict)  # (file, location) -> measure ids the tool matched
    errors: dict = field(default_factory=dict)  # file -> why it could not be read

    def counts(self, kind: str | None = None) -> tuple[int, int, int]:
        """(true positives, false positives, false negatives), for one type or all."""
        t = {x for x in self.truth if kind is None or x[2] == kind}
        g = {x for x in self.got if kind is None or x[2] == kind}
        return len(t & g), len(g - t), len(t - g)

    def precision(self, kind: str | None = None) -> float:
        tp, fp, _ = self.counts(kind)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, kind: str | None = None) -> float:
        tp, _, fn = self.counts(kind)
        return tp / (tp + fn) if tp + fn else 1.0


def load_labels(folder: Path) -> dict:
    import yaml

    return yaml.safe_load((Path(folder) / "expected.yml").read_text(encoding="utf-8"))


def truth(labels: dict) -> set:
    return {(name, loc, kind) for name, doc in labels["documents"].items()
            for loc, kinds in (doc.get("expected") or {}).items() for kind in kinds}


def known(labels: dict, key: str) -> set:
    return {(x["file"], x["location"], x["type"]) for x in labels.get(key) or []}


def score(repo, folder: Path, as_of: _dt.date, files: dict | None = None, library=None) -> Score:
    """Review the corpus (``files``: label name -> path to review instead, e.g. the .docx made from it)."""
    from tools.review import review

    labels = load_labels(folder)
    names = list(labels["documents"])
    paths = [Path(files[n]) if files else Path(folder) / n for n in names]
    result = review(paths, repo, as_of, library=library)
    got, matched, errors = set(), {}, {}
    for name, doc in zip(names, result.documents):
        if doc.error:
            errors[name] = doc.error
        for p in doc.provisions:
            matched[(name, p.location)] = p.matched_all
            got |= {(name, p.location, f.type) for f in p.findings}
    return Score(truth(labels), got, matched, errors)


def format_score(s: Score, label: str = "") -> str:
    tp, fp, fn = s.counts()
    lines = [f"审查工具在标注语料上{label}：提示 {len(s.got)} 个，应有 {len(s.truth)} 个；"
             f"准确率 {s.precision():.1%}（{tp}/{tp + fp}），召回率 {s.recall():.1%}（{tp}/{tp + fn}）"]
    for kind in TYPES:
        tp, fp, fn = s.counts(kind)
        if tp or fp or fn:
            lines.append(f"  {kind:<20} 准确率 {s.precision(kind):6.1%}  召回率 {s.recall(kind):6.1%}  "
                         f"（对 {tp}，误报 {fp}，漏报 {fn}）")
    return "\n".join(lines)
