"""The published structure of the national base documents, pinned: an edit that breaks it fails.

Sources (shared/reference/sources.md §1): the catalog has 11 categories in 2021, 12 in 2022, 13 in 2024; the 2021
sanction-measure list has 3 categories and 14 measures.
"""
from __future__ import annotations

import pytest

from conftest import ROOT
from tools.model.repository import load_repository


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT)[0]


@pytest.mark.parametrize("edition,count", [("catalog-national-2021", 11), ("catalog-national-2022", 12),
                                           ("catalog-national-2024", 13)])
def test_catalog_category_counts(repo, edition, count):
    rec = repo.get(edition, "catalog_edition")
    assert rec is not None, f"{edition} is missing"
    assert len(rec.data["categories"]) == count


def test_catalog_editions_supersede_in_order(repo):
    assert repo.get("catalog-national-2022").data["supersedes"] == "catalog-national-2021"
    assert repo.get("catalog-national-2024").data["supersedes"] == "catalog-national-2022"


def test_measure_list_2021_has_three_categories_and_fourteen_measures(repo):
    lst = repo.get("national-2021", "measure_list")
    assert lst.data["measure_count"] == 14
    measures = [r for r in repo.of_kind("measure") if r.group == "national-2021"]
    assert len(measures) == 14
    assert {m.data["category"] for m in measures} == {"restrictive", "administrative", "voluntary"}


def test_content_targets(repo):
    assert len(repo.of_kind("document")) >= 40
    assert len(repo.of_kind("catalog_entry")) >= 30
    assert len(repo.of_kind("list_regime")) >= 8


def test_measures_and_regimes_rest_on_law_regulation_or_central_policy(repo):
    """Issue 4: each measure and list regime cites an article of that level (the customs regimes through
    海关稽查条例第九条, the regulation-level basis of credit-based customs supervision)."""
    from tools.domain.levels import LEGAL

    missing = set()
    for kind in ("measure", "list_regime"):
        for rec in repo.of_kind(kind):
            docs = [repo.get(c.get("doc"), "document") for _, c in rec.citations]
            if not {d.data.get("level") for d in docs if d} & LEGAL:
                missing.add(rec.id)
    assert not missing, missing
