"""Incremental lint: parsed and validated records kept between runs, keyed by file content and tool version.

The cache lives under $XDG_CACHE_HOME (default ~/.cache)/benxi-credit/, one file per repository path. A file
whose bytes are unchanged is neither parsed nor validated again; cross-record rules still run on the whole
model. A missing, corrupt or foreign cache is ignored; TOOLS_NO_CACHE=1 turns the cache off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from tools.model.fast import cache_dir

_TOOL_DIRS = ("load", "model")


def enabled() -> bool:
    return not os.environ.get("TOOLS_NO_CACHE")


def _tool_version() -> str:
    """Changes whenever the code that parses or validates changes."""
    h = hashlib.sha256()
    base = Path(__file__).resolve().parent.parent
    for d in _TOOL_DIRS:
        for p in sorted((base / d).glob("*.py")):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _path(root) -> Path:
    key = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]
    return cache_dir() / f"lint-{key}.pickle"


class Blob(bytes):
    """A pickled record: what the cache stores, so that saving does not pickle records twice."""


def freeze(rec) -> Blob:
    return rec if isinstance(rec, Blob) else Blob(pickle.dumps(rec, protocol=pickle.HIGHEST_PROTOCOL))


def thaw(stored):
    return pickle.loads(stored) if isinstance(stored, Blob) else stored


def load(root) -> tuple[str, dict]:
    version = _tool_version()
    try:
        with open(_path(root), "rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, dict) and data.get("version") == version and isinstance(data.get("files"), dict):
            return version, data["files"]
    except Exception:  # missing, truncated, corrupt or from another tool version: start afresh
        pass
    return version, {}


def save(root, version: str, files: dict) -> None:
    path = _path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            frozen = {rel: (key, freeze(rec), own) for rel, (key, rec, own) in files.items()}
            pickle.dump({"version": version, "files": frozen}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: lint works, only slower next time


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()
