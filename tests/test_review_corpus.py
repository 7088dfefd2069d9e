"""The review on the labelled corpus (tests/review_corpus): every document in its own format, as .docx and as a
wrapped, paginated .pdf gives exactly the labelled findings (truth − known misses + known false) and the labelled
matches; precision and recall against the truth are printed (pytest -s, or the summary below with -rA)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from review_render import paragraphs_of, write_docx, write_pdf
from tools.model.repository import load_repository
from tools.review import match
from tools.review.corpus import format_score, known, load_labels, score, truth

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "review_corpus"
AS_OF = _dt.date(2026, 11, 29)
LABELS = load_labels(CORPUS)


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)[0]


@pytest.fixture(scope="module")
def library(repo):
    return match.build(repo, AS_OF)


def _rendered(fmt: str, tmp: Path) -> dict | None:
    if fmt == "source":
        return None
    out = {}
    for name in LABELS["documents"]:
        target = tmp / (Path(name).stem + "." + fmt)
        (write_docx if fmt == "docx" else write_pdf)(paragraphs_of(CORPUS / name), target)
        out[name] = target
    return out


def test_every_document_is_labelled_and_every_label_names_a_real_place():
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".md")}
    assert on_disk == set(LABELS["documents"])
    for x in known(LABELS, "known_misses"):
        assert x in truth(LABELS), f"a known miss must be a labelled finding: {x}"
    for x in known(LABELS, "known_false"):
        assert x not in truth(LABELS), f"a known false finding must not be labelled: {x}"


@pytest.mark.parametrize("fmt", ["source", "docx", "pdf"])
def test_corpus_findings_are_exactly_the_labels(fmt, repo, library, tmp_path, capsys):
    s = score(repo, CORPUS, AS_OF, _rendered(fmt, tmp_path), library=library)
    assert s.errors == {}
    expected = (truth(LABELS) - known(LABELS, "known_misses")) | known(LABELS, "known_false")
    missing, extra = sorted(expected - s.got), sorted(s.got - expected)
    assert (missing, extra) == ([], []), f"{fmt}: missing {missing}, unexpected {extra}"
    for name, doc in LABELS["documents"].items():
        for location, measure in (doc.get("matched") or {}).items():
            assert measure in s.matched.get((name, location), []), (fmt, name, location, s.matched.get((name, location)))
    with capsys.disabled():
        print("\n" + format_score(s, f"（{fmt}）"))
    # the figures follow from the ledger above: the test fails if a label or the tool changes without it
    n_truth = len(truth(LABELS))
    assert s.recall() == pytest.approx((n_truth - len(known(LABELS, "known_misses"))) / n_truth)


def test_bench_review_section_runs(tmp_path):
    """`tools bench` prints the review's figures (here once, on a short document): the section works."""
    from tools.bench import format_review, review_figures

    text = format_review(review_figures(tmp_path, runs=1, articles=40))
    assert "准确率" in text and "召回率" in text and "条/秒" in text
