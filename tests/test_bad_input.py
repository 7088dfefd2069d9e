"""The bad-input corpus: every malformed file produces its exact finding (rule, path, line), nothing raises,
nothing outside the repository is reported, no payload runs, and the CLI exits 1 (0 for accepted inputs).

Cases stored as text are listed in tests/bad_input/manifest.yml; cases that need exact bytes (encodings, NUL,
CRLF, BOM) or sizes (4 MiB+ files, 100,000-level nesting, alias bomb) are generated below.
"""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from conftest import write
from tools.cli import main
from tools.load import yaml_loader
from tools.lint import lint
from tools.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad_input"
AS_OF = datetime.date(2026, 11, 25)
CLI_AS_OF = ["--as-of", AS_OF.isoformat()]


@dataclass
class Case:
    id: str
    place_at: str
    content: object  # bytes, or a function () -> bytes for the big ones
    rule: str
    line: int
    note: str = ""
    path: str | None = None
    extra: list = field(default_factory=list)  # [(place_at, bytes)]
    exit: int = 1
    waived: bool = False
    accepted: bool = False
    accepted_id: str | None = None  # the record an accepted file must load as
    rules_on_path: list | None = None
    message_contains: str | None = None
    marker: bool = False
    xfail: str | None = None
    max_seconds: float | None = None

    @property
    def finding_path(self) -> str:
        return self.path or self.place_at

    def bytes(self) -> bytes:
        return self.content() if callable(self.content) else self.content


# --- manifest cases -----------------------------------------------------------------------------------------

def _manifest() -> list:
    return yaml.safe_load((BAD / "manifest.yml").read_text(encoding="utf-8"))


def manifest_cases() -> list[Case]:
    out = []
    seen = {}
    for entry in _manifest():
        stem = entry["file"][:-4]
        seen[stem] = seen.get(stem, 0) + 1
        out.append(Case(
            id=stem if seen[stem] == 1 else f"{stem}-{seen[stem]}",
            place_at=entry["place_at"],
            content=(BAD / entry["file"]).read_bytes(),
            rule=entry["rule"],
            line=entry["line"],
            note=entry.get("note", ""),
            path=entry.get("path"),
            extra=[(e["place_at"], (BAD / e["file"]).read_bytes()) for e in entry.get("extra", [])],
            exit=entry.get("exit", 1),
            waived=entry.get("waived", False),
            accepted=entry.get("accepted", False),
            rules_on_path=entry.get("rules_on_path"),
            message_contains=entry.get("message_contains"),
            marker=entry.get("marker", False),
            xfail=entry.get("xfail"),
        ))
    return out


# --- generated cases ----------------------------------------------------------------------------------------

def document(rid: str, title: str = "某法（测试）", source: str = "测试") -> str:
    """A valid document record; line 2 is the title, line 9 the source, 15 lines in all."""
    return (f"id: {rid}\n"
            f"title: {title}\n"
            "doc_number: null\n"
            "issuer: [某机关]\n"
            "level: law\n"
            "jurisdiction: national\n"
            "issued: 2020-01-01\n"
            "status: in_force\n"
            f"source: {source}\n"
            "verified: true\n"
            "evidence: official_copy\n"
            "provisions:\n"
            "  - id: art-1\n"
            "    label: 第一条\n"
            "    summary: 要点。\n")


def ascii_document(rid: str, source: str = "test") -> str:
    return document(rid, title="Some law", source=source).replace("某机关", "Some body").replace("要点。", "gist")


def _big_document(size: int) -> bytes:
    head = document("too-big").encode()
    pad = b"# " + b"x" * 78 + b"\n"
    return head + pad * (size // len(pad) + 1)


def _nested(depth: int) -> bytes:
    return b"id: deep-nesting\nnote: " + b"[" * depth + b"]" * depth + b"\n"


def _alias_bomb() -> bytes:
    lines = ["id: alias-bomb", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


P = "policies/national/"

GENERATED = [
    Case("gbk", P + "gbk.yml", document("gbk", title="某法（GBK 编码）").encode("gbk"), "YAML-002", 2,
         note="the file is GBK; the first byte that is not UTF-8 is in the title on line 2"),
    Case("utf16-bom", P + "utf16-bom.yml", document("utf16-bom").encode("utf-16"), "YAML-002", 1,
         note="UTF-16 with a byte-order mark"),
    Case("utf16-le", P + "utf16-le.yml", document("utf16-le").encode("utf-16-le"), "YAML-002", 1,
         note="UTF-16 little-endian without a byte-order mark"),
    Case("utf16-be", P + "utf16-be.yml", document("utf16-be").encode("utf-16-be"), "YAML-002", 1,
         note="UTF-16 big-endian without a byte-order mark"),
    Case("invalid-utf8-mid", P + "invalid-utf8-mid.yml",
         document("invalid-utf8-mid").encode().replace("source: 测试".encode(), b"source: \xff\xfe\xfd"),
         "YAML-002", 9, note="bytes that are not UTF-8 in the middle of the file, on line 9"),
    Case("nul-start", P + "nul-start.yml", b"\x00\x00" + ascii_document("nul-start").encode(), "YAML-002", 1,
         note="NUL bytes at the start of the file"),
    Case("nul-mid-ascii", P + "nul-mid-ascii.yml",
         ascii_document("nul-mid-ascii", source="te\x00st").encode(), "YAML-001", 9,
         note="a NUL byte on line 9 of an ASCII-only file"),
    Case("nul-mid", P + "nul-mid.yml", document("nul-mid", source="测\x00试").encode(), "YAML-001", 9,
         note="a NUL byte on line 9, after Chinese text on lines 2 and 4 (libyaml reports a UTF-8 byte offset)"),
    Case("nul-tail", P + "nul-tail.yml", document("nul-tail").encode() + b"\x00" * 512, "YAML-001", 16,
         note="a record followed by NUL padding starting on line 16"),
    Case("crlf", P + "crlf.yml", document("crlf").replace("\n", "\r\n").encode(), "", 0, exit=0,
         accepted=True, accepted_id="crlf", note="CRLF line endings are accepted"),
    Case("bom", P + "bom.yml", b"\xef\xbb\xbf" + document("bom").encode(), "", 0, exit=0,
         accepted=True, accepted_id="bom", note="a UTF-8 byte-order mark is accepted"),
    Case("bom-crlf", P + "bom-crlf.yml", b"\xef\xbb\xbf" + document("bom-crlf").replace("\n", "\r\n").encode(),
         "", 0, exit=0, accepted=True, accepted_id="bom-crlf", note="a BOM and CRLF line endings together"),
    Case("crlf-duplicate-key", P + "crlf-duplicate-key.yml",
         document("crlf-duplicate-key").replace("verified: true\n", "verified: true\nstatus: repealed\n")
         .replace("\n", "\r\n").encode(), "YAML-004", 11,
         note="CRLF does not shift line numbers: a duplicate key on line 11"),
    Case("over-limit", P + "too-big.yml", lambda: _big_document(5 * 1024 * 1024 + 17), "YAML-013", 1,
         note="a valid record padded with comments to 5 MB, over the 4 MiB limit", max_seconds=10),
    Case("fifty-mb", P + "too-big.yml", lambda: _big_document(50 * 1024 * 1024), "YAML-013", 1,
         note="a 50 MB file", max_seconds=20),
    Case("deep-nesting", P + "deep-nesting.yml", lambda: _nested(100_000), "YAML-007", 2,
         note="a flow list nested 100,000 levels deep on line 2", max_seconds=10),
    Case("alias-bomb", P + "alias-bomb.yml", _alias_bomb(), "YAML-006", 2,
         note="billion laughs: 9^9 'lol' if the aliases were expanded; the first anchor is on line 2",
         max_seconds=5),
]

CASES = manifest_cases() + GENERATED


def params(cases=CASES):
    out = []
    for c in cases:
        marks = [pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else []
        out.append(pytest.param(c, id=c.id, marks=marks))
    return out


# --- helpers ------------------------------------------------------------------------------------------------

def place(repo: Path, case: Case, marker: Path) -> None:
    for rel, content in case.extra:
        write(repo, rel, content)
    content = case.bytes()
    if case.marker:
        content = content.replace(b"{MARKER}", str(marker).encode())
    write(repo, case.place_at, content)


def assert_paths_inside(repo: Path, paths) -> None:
    root = repo.resolve()
    for p in paths:
        assert not Path(p).is_absolute() and "\\" not in p, p
        full = (root / p).resolve()
        assert full == root or root in full.parents, f"finding outside the repository: {p}"
        assert full.exists(), f"finding on a file that does not exist: {p}"


def assert_no_traceback(*texts: str) -> None:
    for t in texts:
        assert "Traceback" not in t
        assert "内部错误" not in t
        assert 'File "' not in t


# --- the corpus itself ------------------------------------------------------------------------------------

def test_corpus_is_complete():
    manifest = _manifest()
    listed = {e["file"] for e in manifest} | {x["file"] for e in manifest for x in e.get("extra", [])}
    on_disk = {p.name for p in BAD.iterdir() if p.name != "manifest.yml"}
    assert listed == on_disk, "every corpus file is used by a case and every case's file exists"
    assert len(CASES) >= 30
    known = {r.id for r in all_rules()}
    for c in CASES:
        assert c.accepted or c.rule in known, f"{c.id}: unknown rule {c.rule}"
    for e in manifest:
        assert {"file", "place_at", "rule", "line", "note"} <= set(e), e


# --- every case, in process -----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", params())
def test_bad_input_finding(case: Case, mini_repo: Path, tmp_path: Path):
    marker = tmp_path / f"pwned-{case.id}"
    place(mini_repo, case, marker)

    start = time.monotonic()
    result = lint(mini_repo, as_of=AS_OF)  # must not raise
    elapsed = time.monotonic() - start

    if case.max_seconds is not None:
        assert elapsed < case.max_seconds, f"lint took {elapsed:.1f}s"
    assert not marker.exists(), "a YAML tag executed code"
    assert_paths_inside(mini_repo, [f.path for f in result.findings])

    # GRAPH-003 (a document nothing cites) is expected for a document placed on its own: housekeeping, not a verdict
    on_path = [f for f in result.findings if f.path == case.finding_path and f.rule != "GRAPH-003"]
    if case.accepted:
        assert on_path == [], [(f.rule, f.line, f.message) for f in on_path]
        rec = result.repo.get(case.accepted_id)
        assert rec is not None and rec.path == case.place_at
        assert rec.data["title"] == "某法（测试）"  # no BOM, no stray \r
        assert rec.data["issued"] == datetime.date(2020, 1, 1)
        assert rec.data["provisions"][0]["summary"] == "要点。"
        return

    got = [(f.rule, f.line) for f in on_path]
    matching = [f for f in on_path if f.rule == case.rule and f.line == case.line]
    assert matching, f"expected {case.rule} at {case.finding_path}:{case.line}; got {got}"
    f = matching[0]
    assert f.severity == all_rules()[case.rule].severity
    assert f.column >= 1
    assert (f.waiver is not None) == case.waived
    if case.message_contains:
        assert any(case.message_contains in m.message for m in matching), [m.message for m in matching]
    if case.rules_on_path is not None:
        assert {x.rule for x in on_path} == set(case.rules_on_path), got


# --- every case, through the CLI ----------------------------------------------------------------------------

# No xfail here: the exit status and the rule hold even where a case's line is known to be wrong.
@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_bad_input_cli(case: Case, mini_repo: Path, tmp_path: Path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    marker = tmp_path / f"pwned-{case.id}"
    place(mini_repo, case, marker)

    code = main(["--root", str(mini_repo), "lint", "--format", "json", *CLI_AS_OF])
    out, err = capsys.readouterr()

    assert_no_traceback(out, err)
    assert err == "" or not yaml_loader.LIBYAML  # without libyaml the CLI prints a one-line hint
    assert not marker.exists(), "a YAML tag executed code"
    doc = json.loads(out)
    assert code == case.exit, f"exit {code}; summary {doc['summary']}"
    assert (doc["summary"]["errors"] > 0) == (case.exit == 1)
    assert_paths_inside(mini_repo, [f["path"] for f in doc["findings"]])
    on_path = [f for f in doc["findings"] if f["path"] == case.finding_path and f["rule"] != "GRAPH-003"]
    if case.accepted:
        assert on_path == []
        return
    hits = [f for f in on_path if f["rule"] == case.rule]
    assert hits, f"expected {case.rule} on {case.finding_path}; got {[(f['rule'], f['line']) for f in on_path]}"
    if not case.xfail:
        assert case.line in {f["line"] for f in hits}
    assert any(bool(f.get("waived")) == case.waived for f in hits)


# --- side effects, crashes, time --------------------------------------------------------------------------------

@pytest.mark.parametrize("case", params([c for c in CASES if c.marker]))
def test_payload_would_run_under_unsafe_load(case: Case, tmp_path: Path):
    """Control for the no-side-effect checks: the payload is live, so 'marker does not exist' proves something."""
    marker = tmp_path / "control-marker"
    text = case.bytes().replace(b"{MARKER}", str(marker).encode()).decode("utf-8")
    yaml.unsafe_load(text)
    assert marker.exists()


def _run_cli(repo: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    return subprocess.run([sys.executable, "-m", "tools", "--root", str(repo), "lint", *CLI_AS_OF, *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_deep_nesting_in_a_subprocess(mini_repo: Path):
    """100,000 levels of nesting: the process exits 1 with YAML-007, not with a signal (libyaml's composer would
    overflow the C stack)."""
    write(mini_repo, "policies/national/deep-nesting.yml", _nested(100_000))
    write(mini_repo, "policies/national/deep-map.yml", b"id: deep-map\nnote: " + b"{a: " * 100_000 + b"}" * 100_000)
    proc = _run_cli(mini_repo, "--format", "json", timeout=60)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert_no_traceback(proc.stdout, proc.stderr)
    found = {(f["rule"], f["path"], f["line"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("YAML-007", "policies/national/deep-nesting.yml", 2) in found
    assert ("YAML-007", "policies/national/deep-map.yml", 2) in found


def test_all_bad_inputs_together_no_traceback(mini_repo: Path, tmp_path: Path):
    """Every bad input in one repository, every output format: exit 1, no traceback, nothing on stderr."""
    used = set()
    marker = tmp_path / "pwned-together"
    for case in CASES:
        paths = {case.place_at, *(rel for rel, _ in case.extra)}
        if paths & used:
            continue
        used |= paths
        place(mini_repo, case, marker)
    for fmt in ("text", "json", "github", "sarif"):
        proc = _run_cli(mini_repo, "--format", fmt)
        assert proc.returncode == 1, (fmt, proc.returncode, proc.stderr[-2000:])
        assert_no_traceback(proc.stdout, proc.stderr)
        assert proc.stderr == "" or not yaml_loader.LIBYAML
        assert not marker.exists()
        if fmt == "json":
            doc = json.loads(proc.stdout)
            assert_paths_inside(mini_repo, [f["path"] for f in doc["findings"]])
            rules = {f["rule"] for f in doc["findings"]}
            assert {"YAML-001", "YAML-002", "YAML-005", "YAML-006", "YAML-007", "YAML-013", "ID-003",
                    "SCHEMA-001", "REF-001", "LAYOUT-001"} <= rules


# --- tool defects the corpus found, now fixed (kept separate so each fails on its own) ---------------------------------

def test_bad_indentation_message_is_explained(mini_repo: Path):
    write(mini_repo, "policies/national/syntax-bad-indent.yml", (BAD / "syntax-bad-indent.yml").read_bytes())
    result = lint(mini_repo, as_of=AS_OF)
    [f] = [f for f in result.findings if f.rule == "YAML-001"]
    assert "此处不能出现" in f.message, f.message


def test_duplicate_id_does_not_invent_missing_provisions(mini_repo: Path):
    """Besides ID-002, a duplicated document id must not make valid citations of the original fail."""
    write(mini_repo, "policies/shenyang/example-law.yml", (BAD / "duplicate-id-other-file.yml").read_bytes())
    result = lint(mini_repo, as_of=AS_OF)
    errors = sorted((f.rule, f.path, f.line) for f in result.findings if f.severity == "error")
    assert errors == [("ID-002", "policies/shenyang/example-law.yml", 2)], errors


def test_pure_python_parser_reports_control_characters(mini_repo: Path, monkeypatch):
    """The loader supports running without libyaml (LIBYAML False): bad input must still be a finding."""
    monkeypatch.setattr(yaml_loader, "_Parser", yaml.SafeLoader)
    monkeypatch.setattr(yaml_loader, "LIBYAML", False)
    write(mini_repo, "policies/national/nul-mid.yml", ascii_document("nul-mid", source="te\x00st").encode())
    result = lint(mini_repo, as_of=AS_OF)
    assert ("YAML-001", "policies/national/nul-mid.yml", 9) in {(f.rule, f.path, f.line) for f in result.findings}


def test_every_loader_rule_is_covered():
    """The corpus reaches every rule the loader and schema can report."""
    loader_rules = {r.id for r in all_rules() if r.id.startswith(("YAML-", "SCHEMA-", "ID-", "LAYOUT-"))}
    covered = {c.rule for c in CASES}
    assert loader_rules <= covered, loader_rules - covered
