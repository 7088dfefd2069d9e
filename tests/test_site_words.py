"""Public pages speak plainly: no repository paths, commands, field names, record ids or evidence markers in what
a citizen reads (editor pages -- rules, coverage, data model, contributing, downloads, data API -- are exempt)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from tools.build import build
from tools.model.repository import load_repository
from tools.model.schemas import SCHEMAS

pytestmark = pytest.mark.slow
EDITOR = ("rules/", "coverage/", "data-model/", "contributing/", "downloads/", "data-api/", "404.html", "assets/", "search/")


class _Text(HTMLParser):
    """Visible text of a page: no scripts, styles, code, diagrams' sources or the search box."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code", "pre", "svg", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "pre", "svg", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _fields() -> set:
    out = set()

    def walk(schema):
        for name, rules in schema.items():
            if "_" in name:
                out.add(name)
            inner = rules.get("schema") if isinstance(rules, dict) else None
            if isinstance(inner, dict):
                nested = inner.get("schema") if inner.get("type") == "dict" else inner
                if isinstance(nested, dict):
                    walk(nested)

    for schema in SCHEMAS.values():
        walk(schema)
    return out


@pytest.fixture(scope="module")
def public_pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    assert build(ROOT, out) == 0
    pages = {}
    for page in out.rglob("*.html"):
        rel = page.relative_to(out).as_posix()
        if rel.startswith(EDITOR):
            continue
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[rel] = " ".join(parser.parts)
    return pages


def _hits(pages, pattern) -> dict:
    found = {}
    for rel, text in pages.items():
        m = pattern.findall(text)
        if m:
            found[rel] = sorted(set(m))[:5]
    return found


def test_no_repository_paths_or_commands(public_pages):
    assert len(public_pages) > 100
    assert _hits(public_pages, re.compile(r"shared/|\.yml\b|python -m tools|policies/|sanction_lists/")) == {}


def test_no_field_names_or_markers(public_pages):
    fields = re.compile(r"(?<![A-Za-z_])(" + "|".join(sorted(map(re.escape, _fields()), key=len, reverse=True))
                        + r")(?![A-Za-z_])")
    assert _hits(public_pages, fields) == {}
    assert _hits(public_pages, re.compile(r"\[[DRV]\]|\bnull\b")) == {}


def test_no_record_ids(public_pages):
    repo, _ = load_repository(ROOT)
    ids = [rid for rid in repo.by_id if "-" in rid]
    pattern = re.compile(r"(?<![A-Za-z0-9_-])(" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
                         + r")(?![A-Za-z0-9_-])")
    assert _hits(public_pages, pattern) == {}


def test_the_pattern_check_can_fail():
    """Control: text with a path, a field and an id is caught."""
    pages = {"x": "见 shared/reference/sources.md，effective_from 置 null，repair-regime-2026 [R]"}
    assert _hits(pages, re.compile(r"shared/")) and _hits(pages, re.compile(r"\[[DRV]\]|\bnull\b"))
