"""Reading one record file's bytes safely, and the raw-text hints taken from them."""
from __future__ import annotations

import os
import re

from tools.base.findings import Finding, Location
from tools.load.yaml_loader import too_large

# Hints from the raw bytes, each a superset of what the text-scanning rules (PII-001, HTML-001) look for:
# six ASCII digits in a row (a credit code has them), eleven with at most one space or hyphen between any two (a
# mobile number, and inside an identity number, however grouped), or any full-width digit, and
# "<", "javascript:" or "data:" in any case (HTML-001). A C-speed translate and substring test first; the
# regular expression only runs over files that have such separators at all. Also "（待填写）" or "（占位" (DRAFT-002)
# and the character 读 (EVID-003: every phrase saying something was not read contains it).
_DIGIT_MASK = bytes(0x31 if 0x30 <= b <= 0x39 else 0x73 if b in b" -" else 0x20 for b in range(256))
_SPLIT_DIGITS = re.compile(rb"1(?:s?1){10}")
_FULLWIDTH_DIGIT = re.compile(rb"\xef\xbc[\x90-\x99]")
_TODO, _PLACEHOLDER, _READ = "（待填写）".encode(), "（占位".encode(), "读".encode()
_WIDE_SEPARATORS = ((b"\xe3\x80\x80", b" "), (b"\xc2\xa0", b" "), (b"\xef\xbc\x8d", b"-"))  # 全角空格, NBSP, －


def scan_hints(raw: bytes) -> set:
    flags = set()
    for wide, narrow in _WIDE_SEPARATORS:  # separators people type with a Chinese input method, as one byte
        if wide in raw:
            raw = raw.replace(wide, narrow)
    masked = raw.translate(_DIGIT_MASK)
    if b"111111" in masked or _SPLIT_DIGITS.search(masked) or _FULLWIDTH_DIGIT.search(raw):
        flags.add("digits")
    if _TODO in raw or _PLACEHOLDER in raw:
        flags.add("template")  # DRAFT-002: what the draft template leaves to replace
    if _READ in raw:
        flags.add("reads")  # EVID-003: every "not read" phrase has 读 in it
    low = raw.lower()
    if b"<" in raw or b"javascript:" in low or b"data:" in low:
        flags.add("markup")
    return flags


def problem(rule: str, rel: str, line: int, col: int, message: str, record=None) -> Finding:
    """A finding of the loading stage (its severity comes from the rule registry when the lint finalises)."""
    return Finding(rule=rule, severity=None, location=Location(rel, line, col), message=message, record=record)


def read_file(root, rel: str) -> tuple[bytes | None, Finding | None]:
    """The bytes of a file, or None and the finding that says why not (too large, unreadable)."""
    try:
        with open(os.path.join(root, rel), "rb") as fh:
            big = too_large(os.fstat(fh.fileno()).st_size)  # checked before reading: a huge file is never read
            if big is not None:
                return None, problem("YAML-013", rel, 1, 1, big.problems[0].message)
            return fh.read(), None
    except OSError as exc:
        return None, problem("YAML-002", rel, 1, 1, f"无法读取文件：{exc.strerror}")
