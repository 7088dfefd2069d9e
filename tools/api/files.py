"""The files of the static API, ``api/v1/``: the payloads, their JSON Schemas, ``openapi.json`` and
``index.json`` (version, commit, build time and the SHA-256 of every file).

Written by ``tools build`` into the temporary site folder before it replaces ``site/`` (like the exports). The
time comes from the build (SOURCE_DATE_EPOCH or the commit), never the clock, and every file is JSON with sorted
keys, so two builds of one commit are byte-identical.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
from pathlib import Path

from tools.api.schemas import API_REVISION, API_VERSION, openapi, schema_documents, schema_path
from tools.api.payloads import Api
from tools.base.outputs import json_bytes as _json_bytes, write_tree
from tools.base.provenance import build_time, commit_id


def server_url(site_url: str | None) -> str:
    """Where v1 is served: under the site's address when mkdocs.yml gives one, else relative to openapi.json."""
    if not site_url:
        return "."
    return str(site_url).rstrip("/") + f"/api/v{API_VERSION}"


def api_files(repo, as_of: _dt.date, *, calculator: dict | None = None,
              site_url: str | None = None) -> tuple[dict, dict]:
    """(relative path -> (content, schema name or None) of every file except index.json, counts of what they hold).
    ``calculator``: the calculator page's data of the same build (computed here when not given)."""
    api = Api(repo, as_of)
    if calculator is None:
        from tools.site.calculator import calculator_data

        calculator = calculator_data(repo, as_of)
    files = {
        "lists.json": (api.lists(), "lists"),
        "measures.json": (api.measures_payload(), "measures"),
        "matters.json": (api.matters(), "matters"),
        "repair.json": (api.repair(calculator), "repair"),
        "catalog.json": (api.catalog(), "catalog"),
        "vocabulary.json": (api.vocabulary(), "vocabulary"),
    }
    for rec in api.regimes:
        files[f"lists/{rec.id}.json"] = (api.list_detail(rec), "list")
    for m in api.measures:
        files[f"measures/{m.id}.json"] = (api.measure_detail(m), "measure")
    out = {path: (_json_bytes(data), schema) for path, (data, schema) in files.items()}
    for name, doc in schema_documents().items():
        out[schema_path(name)] = (_json_bytes(doc), None)
    ids = {"lists": [r.id for r in api.regimes], "measures": [m.id for m in api.measures]}
    out["openapi.json"] = (_json_bytes(openapi(ids, server_url(site_url))), None)
    counts = {"lists": len(api.regimes), "measures": len(api.measures),
              "matters": len(files["matters.json"][0]["matters"]),
              "catalog_entries": sum(len(e["entries"]) for e in files["catalog.json"][0]["editions"])}
    return out, counts


def index(files: dict, counts: dict, as_of: _dt.date, root, when: _dt.datetime) -> dict:
    return {
        "api_version": API_VERSION, "as_of": as_of.isoformat(),
        "revision": API_REVISION, "generated_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit_id(root), "counts": counts,
        "files": [{"path": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                   "schema": schema_path(schema) if schema else None}
                  for path, (data, schema) in sorted(files.items())]}


def write_api(repo, out_dir, root, as_of: _dt.date | None = None, when: _dt.datetime | None = None, *,
              calculator: dict | None = None, site_url: str | None = None) -> dict:
    """Write every file of the API version into out_dir (replaced whole, never half-written); returns index.json."""
    out_dir = Path(out_dir)
    when = when or build_time(root)
    as_of = as_of or when.date()
    files, counts = api_files(repo, as_of, calculator=calculator, site_url=site_url)
    idx = index(files, counts, as_of, root, when)
    content = {path: data for path, (data, _) in files.items()}
    content["index.json"] = _json_bytes(idx)
    write_tree(content, out_dir)
    return idx


def write_site_api(repo, out_dir, root, as_of: _dt.date, when: _dt.datetime, pages: dict, config: dict) -> dict:
    """The API as ``tools build`` writes it: ``out_dir/v1/``, from the same build's pages (the calculator's data
    is reused, not computed again) and site address (mkdocs.yml's site_url)."""
    from tools.site.calculator import DATA

    calc = json.loads(pages[DATA]) if DATA in pages else None
    return write_api(repo, Path(out_dir) / f"v{API_VERSION}", root, as_of, when, calculator=calc,
                     site_url=config.get("site_url"))
