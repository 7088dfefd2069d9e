"""Personal data in free text, found and masked in one place: resident identity numbers and unified social credit
codes whose check character is right (tools.domain.codes), and mainland mobile numbers -- also as people type
them: full-width digits, ``+86 138 0013 8000``, ``138-0013-8000``, an identity number split by spaces.

Used by the PII-001 rule (the records may not contain them), by the lint's last step (no finding message -- in
the terminal, CI logs, annotations or SARIF -- ever repeats one) and by the API's feedback check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tools.domain.codes import resident_id_valid, uscc_valid

_FULLWIDTH = str.maketrans("０１２３４５６７８９－", "0123456789-")
_SEP = r"[ \-\u00a0\u3000]"  # a space, a hyphen, a no-break or full-width space: one at a time
_ID = re.compile(rf"(?<![0-9A-Za-z])([0-9](?:{_SEP}?[0-9]){{16}}{_SEP}?[0-9Xx])(?![0-9A-Za-z])")
_USCC = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])")
_MOBILE = re.compile(rf"(?<![0-9+])((?:(?:\+|00)86{_SEP}?)?1[3-9][0-9]{_SEP}?[0-9]{{4}}{_SEP}?[0-9]{{4}})(?![0-9])")
_DIGITS = re.compile(r"[^0-9Xx]")
# A look that every datum passes (as written, before full-width digits are made plain): an identity or mobile number
# has eleven digits with at most one separator between two of them; a credit code has six digits in a row.
_QUICK = re.compile(r"[0-9０-９](?:[ \-\u00a0\u3000－]?[0-9０-９]){10}|[0-9０-９]{6}")
_WIDE = re.compile(r"[０-９－]")


@dataclass(frozen=True)
class Found:
    kind: str    # 居民身份证号码 / 统一社会信用代码 / 手机号码
    start: int
    end: int
    shown: str   # what may be shown: the first characters only

    def describe(self) -> str:
        return f"{self.kind}（{self.shown}…）"


def _plain(text: str) -> str:
    """Full-width digits and hyphens made plain (same length: positions stay valid for the original text)."""
    return text.translate(_FULLWIDTH) if _WIDE.search(text) else text


def find(text: str) -> list[Found]:
    """Every identity number, credit code and mobile number in the text, in order, not overlapping."""
    if not isinstance(text, str) or not _QUICK.search(text):
        return []
    return scan(text)


def scan(text: str) -> list[Found]:
    """``find`` without the quick look first (what the quick look must never hide: tests compare the two)."""
    plain = _plain(text)
    found: list[Found] = []

    def free(a, b):
        return all(b <= f.start or a >= f.end for f in found)

    for m in _ID.finditer(plain):
        digits = _DIGITS.sub("", m.group(1))
        if len(digits) == 18 and resident_id_valid(digits):
            found.append(Found("居民身份证号码", m.start(1), m.end(1), digits[:6]))
    for m in _USCC.finditer(plain):
        if free(m.start(1), m.end(1)) and uscc_valid(m.group(1)):
            found.append(Found("统一社会信用代码", m.start(1), m.end(1), m.group(1)[:4]))
    for m in _MOBILE.finditer(plain):
        if free(m.start(1), m.end(1)):
            digits = re.sub(r"[^0-9]", "", m.group(1))
            found.append(Found("手机号码", m.start(1), m.end(1), digits[-11:][:3]))
    return sorted(found, key=lambda f: f.start)


def describe(text: str) -> str | None:
    """What the first personal datum found is, without repeating it (居民身份证号码（110101…）), or None."""
    found = find(text)
    if not found:
        return None
    order = {"居民身份证号码": 0, "统一社会信用代码": 1, "手机号码": 2}
    return min(found, key=lambda f: order[f.kind]).describe()


def mask(text: str) -> str:
    """The text with every personal datum replaced by its kind and first characters."""
    found = find(text)
    if not found:
        return text
    out, at = [], 0
    for f in found:
        out += [text[at:f.start], f"〔{f.describe()}，已隐去〕"]
        at = f.end
    return "".join(out + [text[at:]])
