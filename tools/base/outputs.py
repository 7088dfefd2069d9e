"""Writing generated files: canonical JSON bytes, and a whole folder of files replaced at once (never half-written).
Used by the exports and the static API alike."""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path


def json_bytes(data) -> bytes:
    """Stable JSON: sorted keys, Chinese as is, one-space indent, a final newline (byte-identical for equal data)."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def write_tree(files: dict, out_dir) -> None:
    """Write {relative path: bytes} into out_dir, replacing it whole: the files go into a temporary folder beside
    it, which takes out_dir's place only when every file is written."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for path, data in files.items():
            (tmp / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp / path).write_bytes(data)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
