"""The payloads of the static API (``api/v1``): what a department system at a service window reads.

Every value comes from the domain functions, never from a second reading of the records:

- the measures that follow from a list, and those for one business matter: ``domain.sanctions.measures_for_list``
  (the same function ``query``, ``decide``, the exports and the site use, so a list's measures here equal
  ``python -m tools query --list … --format json``);
- the rows of a measure and the lists each row applies to: ``domain.measures.rows`` and ``rows_for_list``;
- citations: ``domain.citations``; validity: ``domain.validity``; current editions: ``domain.editions``;
- repair rules by date: the data the site's calculator answers from (``tools.site.calculator.calculator_data``,
  itself made by ``domain.repair`` and ``domain.decide``), with its citation references resolved.

Drafts (``draft: true``) never appear: not as records, not as the editions or lists they belong to. Every payload
carries ``api_version`` and ``as_of`` (the day the answers hold for: the build's date). Ids are the records' ids.
"""
from __future__ import annotations

import datetime as _dt

from tools.api.schemas import API_VERSION, RESULTS
from tools.domain import durations, evidence
from tools.domain.citations import citation_info, citations_info
from tools.domain.editions import current_member, is_current
from tools.domain.measures import rows as measure_rows
from tools.domain.measures import rows_for_list
from tools.domain.repair import is_judicial
from tools.domain.sanctions import implementer_names, implementer_types, measures_for_list, row_duration
from tools.domain.validity import in_scope, valid_on
from tools.model import vocab
from tools.site.pages import page_uri
from tools.site.search import page_url


def published(rec) -> bool:
    """A record that may leave the repository: not a draft (measures of a draft list edition and entries of a
    draft catalog edition are left out where they are gathered)."""
    return rec is not None and rec.data.get("draft") is not True


def _iso(day) -> str | None:
    return day.isoformat() if isinstance(day, _dt.date) else None


def _zh(words: dict, key):
    return words.get(key) if isinstance(key, str) else None


def _page(rec) -> str:
    """The record's page on the site, relative to the site root (as MkDocs writes it: directory URLs)."""
    return page_url(page_uri(rec))


class Api:
    """The payloads of one build: the repository on one day (``as_of``)."""

    def __init__(self, repo, as_of: _dt.date):
        self.repo, self.as_of = repo, as_of
        self.regimes = sorted((r for r in repo.of_kind("list_regime") if published(r)), key=lambda r: r.id)
        self.measures = sorted((m for m in repo.of_kind("measure") if self._usable_measure(m)), key=lambda r: r.id)
        self._usable_ids = {m.id for m in self.measures}

    def _usable_measure(self, m) -> bool:
        edition = self.repo.get(m.group, "measure_list") if m.group else None
        return published(m) and (edition is None or published(edition))

    def _cites(self, citations) -> list:
        return citations_info(self.repo, citations, self.as_of) if isinstance(citations, list) else []

    def envelope(self, **payload) -> dict:
        return {"api_version": API_VERSION, "as_of": self.as_of.isoformat(), **payload}

    # -- lists ---------------------------------------------------------------------------------------------------
    def joint_measures(self, regime, matter: str | None = None) -> list[dict]:
        """measures_for_list, without measures of a draft list edition."""
        return [m for m in measures_for_list(self.repo, regime, self.as_of, matter) if m["id"] in self._usable_ids]

    def list_item(self, rec) -> dict:
        d = rec.data
        period = d.get("listing_period") if isinstance(d.get("listing_period"), dict) else None
        removal = d.get("removal") if isinstance(d.get("removal"), dict) else None
        return {
            "id": rec.id, "name": rec.title,
            "domain": d.get("domain"), "domain_zh": _zh(vocab.DOMAINS, d.get("domain")),
            "jurisdiction": d.get("jurisdiction"), "jurisdiction_zh": _zh(vocab.JURISDICTIONS, d.get("jurisdiction")),
            "determined_by": d.get("determined_by"), "determined_by_zh": _zh(vocab.DETERMINED_BY, d.get("determined_by")),
            "authority": [{"name": a.get("name"), "lowest_level": a.get("lowest_level"),
                           "lowest_level_zh": _zh(vocab.AUTHORITY_LEVELS, a.get("lowest_level")),
                           "kind": a.get("kind"), "kind_zh": _zh(vocab.AUTHORITY_KINDS, a.get("kind"))}
                          for a in d.get("authority") or [] if isinstance(a, dict)],
            "standard": d.get("standard"),
            "standard_basis": self._cites(d.get("standard_basis")),
            "listing_period": None if period is None else {
                "duration": period.get("duration"),
                "duration_zh": durations.zh(period.get("duration")) or None,
                "from": period.get("from"), "from_zh": _zh(vocab.PERIOD_STARTS, period.get("from")),
                "description": period.get("description"), "basis": self._cites(period.get("basis"))},
            "removal": None if removal is None else {"description": removal.get("description"),
                                                     "basis": self._cites(removal.get("basis"))},
            "repair": self._repair(rec),
            "effective_from": _iso(d.get("effective_from")), "effective_to": _iso(d.get("effective_to")),
            "in_force": in_scope(self.repo, rec, self.as_of),
            "measure_ids": [m["id"] for m in self.joint_measures(rec)],
            "verified": d.get("verified") is True, "evidence": evidence.grade(d),
            "page": _page(rec),
        }

    def _repair(self, rec) -> dict | None:
        repair = rec.data.get("repair")
        if not isinstance(repair, dict):
            return None
        return {"repairable": repair.get("repairable") is True,
                "judicial": is_judicial(rec),
                "minimum_period": repair.get("minimum_period"),
                "minimum_period_zh": durations.zh(repair.get("minimum_period")) or None,
                "minimum_period_from": repair.get("minimum_period_from"),
                "follows_repair_regime": repair.get("follows_repair_regime") is True,
                "channels": list(repair.get("channels") or []), "materials": list(repair.get("materials") or []),
                "free_of_charge": repair.get("free_of_charge"),
                "time_limit_working_days": repair.get("time_limit_working_days"),
                "description": repair.get("description"), "basis": self._cites(repair.get("basis"))}

    def lists(self) -> dict:
        return self.envelope(lists=[self.list_item(r) for r in self.regimes])

    def list_detail(self, rec) -> dict:
        return self.envelope(list=self.list_item(rec), measures=self.joint_measures(rec))

    # -- measures ------------------------------------------------------------------------------------------------
    def measure_item(self, m) -> dict:
        d = m.data
        edition = self.repo.get(m.group, "measure_list") if m.group else None
        following = [(r, m.id in (r.data.get("measures") or [])) for r in self.regimes]
        rows = []
        for row in measure_rows(m):
            lists = [r.id for r, named in following
                     if any(x.path == row.path for x in rows_for_list(m, r.id, named))]
            rows.append({"row": row.path[1] if row.path else 0, "content": row.data.get("content"),
                         "target_description": row.data.get("target_description"), "lists": lists,
                         "implementers": implementer_names(row.data), "implementer_types": implementer_types(row.data),
                         "matters": list(row.data.get("matters") or []), "duration": row_duration(row.data),
                         "basis": self._cites(row.data.get("basis")), "evidence": evidence.effective(row.data, m)})
        return {"id": m.id, "name": m.title, "category": d.get("category"),
                "category_zh": _zh(vocab.MEASURE_CATEGORIES, d.get("category")),
                "measure_list": m.group, "measure_list_title": edition.title if edition is not None else None,
                "current": current_member(self.repo, m),
                "effective_from": _iso(d.get("effective_from")), "effective_to": _iso(d.get("effective_to")),
                "in_force": valid_on(d, self.as_of) and (edition is None or valid_on(edition.data, self.as_of)),
                "summary": d.get("summary"), "verified": d.get("verified") is True, "evidence": evidence.grade(d),
                "rows": rows,
                "page": _page(m)}

    def measures_payload(self) -> dict:
        return self.envelope(measures=[self.measure_item(m) for m in self.measures])

    def measure_detail(self, m) -> dict:
        return self.envelope(measure=self.measure_item(m))

    # -- business matters ----------------------------------------------------------------------------------------
    def matters(self) -> dict:
        """Each business matter the rows name -> the lists to check -> the measures (rows) to apply. A row applies
        to a matter when one of its matters contains the matter's words (measures_for_list), so 出境 also finds
        the row written 出境（人民法院决定限制出境并通知协助执行）."""
        names = sorted({x for m in self.measures for row in measure_rows(m)
                        for x in row.data.get("matters") or [] if isinstance(x, str)})
        out = []
        for name in names:
            lists = []
            for regime in self.regimes:
                found = self.joint_measures(regime, name)
                if found:
                    lists.append({"list": regime.id, "name": regime.title, "measures": found})
            out.append({"matter": name, "lists": lists})
        return self.envelope(matters=out)

    # -- catalog -------------------------------------------------------------------------------------------------
    def catalog(self) -> dict:
        """The entries of the current catalog editions (not superseded: domain.editions)."""
        editions = sorted((e for e in self.repo.of_kind("catalog_edition") if published(e) and is_current(self.repo, e)),
                          key=lambda e: e.id)
        out = []
        for e in editions:
            d = e.data
            categories = {c.get("id"): c.get("name") for c in d.get("categories") or [] if isinstance(c, dict)}
            entries = sorted((x for x in self.repo.of_kind("catalog_entry") if x.group == e.id and published(x)),
                             key=lambda x: x.id)
            out.append({"id": e.id, "title": e.title, "scope": d.get("scope"),
                        "scope_zh": _zh(vocab.CATALOG_SCOPES, d.get("scope")),
                        "jurisdiction": d.get("jurisdiction"), "edition": d.get("edition"),
                        "supersedes": d.get("supersedes"),
                        "effective_from": _iso(d.get("effective_from")), "effective_to": _iso(d.get("effective_to")),
                        "complete": d.get("complete") is True, "verified": d.get("verified") is True,
                        "evidence": evidence.grade(d),
                        "categories": [{"id": k, "name": v} for k, v in categories.items()],
                        "entries": [self._entry(x, categories) for x in entries],
                        "page": _page(e)})
        return self.envelope(editions=out)

    def _entry(self, x, categories: dict) -> dict:
        d = x.data
        period = d.get("publication_period") if isinstance(d.get("publication_period"), dict) else None
        return {"id": x.id, "name": x.title, "category": d.get("category"),
                "category_name": categories.get(d.get("category")),
                "information_kind": d.get("information_kind"),
                "information_kind_zh": _zh(vocab.INFORMATION_KINDS, d.get("information_kind")),
                "nature": d.get("nature"), "nature_zh": _zh(vocab.NATURES, d.get("nature")),
                "subjects": list(d.get("subjects") or []), "severity": d.get("severity"),
                "provider": list(d.get("provider") or []),
                "publication_period": None if period is None else {
                    "minimum": period.get("minimum"), "maximum": period.get("maximum"),
                    "follows_repair_regime": period.get("follows_repair_regime") is True,
                    "description": period.get("description"), "basis": self._cites(period.get("basis"))},
                "repair": self._repair(x),
                "basis": self._cites(d.get("basis")),
                "effective_from": _iso(d.get("effective_from")), "effective_to": _iso(d.get("effective_to")),
                "verified": d.get("verified") is True, "evidence": evidence.grade(d),
                "page": _page(x)}

    # -- repair rules by date ------------------------------------------------------------------------------------
    def repair(self, calc: dict) -> dict:
        """The repair rules the site's calculator answers from (``calc`` = calculator_data(repo, as_of)), with the
        citation references resolved and the timelines written as objects."""
        table = calc["citations"]
        resolved: dict = {}

        def cites(refs) -> list:
            out = []
            for i in refs or []:
                if i not in resolved:
                    resolved[i] = citation_info(self.repo, {"doc": table[i][0], "provision": table[i][1]}, self.as_of)
                if resolved[i] is not None:
                    out.append(resolved[i])
            return out

        def repair(value):
            if not value:
                return None
            return {**{k: v for k, v in value.items() if k != "basis"}, "basis": cites(value.get("basis"))}

        def timeline(runs):
            return [{"from": start, "regime": value} for start, value in runs]

        regimes = [{"id": r["id"], "name": r["name"], "information_kinds": r["kinds"],
                    "effective_from": r["from"], "effective_to": r["to"], "periods": r["periods"],
                    "period_start": {"from": r["start"]["from"], "from_zh": _zh(vocab.PERIOD_STARTS, r["start"]["from"]),
                                     "basis": cites(r["start"]["basis"]), "counting": cites(r["start"]["counting"])},
                    "basis": cites(r["basis"]),
                    "service": None if not r["service"] else {"time_limit_working_days": r["service"]["days"],
                                                              "basis": cites(r["service"]["basis"])},
                    "verified": r["verified"], "evidence": r["evidence"]} for r in calc["regimes"]]
        entries = [{"id": e["id"], "name": e["name"], "information_kind": e["kind"], "subjects": e["subjects"],
                    "severity": e["severity"], "current": e["current"], "basis": cites(e["basis"]),
                    "exclusions": {k: {"excluded": v["excluded"], "basis": cites(v["basis"])}
                                   for k, v in e["exclusions"].items()},
                    "repair": repair(e["repair"]), "verified": e["verified"], "evidence": e["evidence"]}
                   for e in calc["entries"]]
        lists = [{"id": x["id"], "name": x["name"], "judicial": x["judicial"],
                  "judicial_basis": cites(x["judicial_basis"]),
                  "listing_period": {**{k: v for k, v in x["period"].items() if k != "basis"},
                                     "basis": cites(x["period"]["basis"])},
                  "removal": None if not x["removal"] else {"description": x["removal"]["description"],
                                                             "basis": cites(x["removal"]["basis"])},
                  "repair": repair(x["repair"]), "verified": x["verified"], "evidence": x["evidence"]}
                 for x in calc["lists"]]
        return self.envelope(
            default_information=calc["default_information"], regimes=regimes,
            regime_in_force={k: timeline(v) for k, v in calc["regime_in_force"].items()},
            service_in_force={k: timeline(v) for k, v in calc["service_in_force"].items()},
            entries=entries, lists=lists, counting=cites(calc["counting"]), calendar=calc["calendar"])

    # -- words ---------------------------------------------------------------------------------------------------
    def vocabulary(self) -> dict:
        """The Chinese words of every code the payloads use."""
        return self.envelope(vocabularies={
            "authority_kinds": vocab.AUTHORITY_KINDS, "authority_levels": vocab.AUTHORITY_LEVELS,
            "catalog_scopes": vocab.CATALOG_SCOPES, "determined_by": vocab.DETERMINED_BY, "domains": vocab.DOMAINS,
            "evidence": vocab.EVIDENCE,
            "feedback_results": RESULTS, "implementer_types": vocab.IMPLEMENTER_TYPES,
            "information_kinds": vocab.INFORMATION_KINDS, "jurisdictions": vocab.JURISDICTIONS,
            "levels": vocab.LEVELS, "measure_categories": vocab.MEASURE_CATEGORIES, "natures": vocab.NATURES,
            "penalty_exclusions": vocab.PENALTY_EXCLUSIONS, "period_starts": vocab.PERIOD_STARTS,
            "repair_channels": vocab.REPAIR_CHANNELS, "repair_materials": vocab.REPAIR_MATERIALS,
            "severities": vocab.SEVERITIES, "subjects": vocab.SUBJECTS})
