"""Chinese numerals as laws write article numbers (第四十八条, 第一百一十条, 第一千零二十四条), both ways.

Department sheets write 第48条 or 三年; the records write article labels in Chinese numerals, as the official texts do.
"""
from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
_VALUE = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ARABIC = re.compile(r"第\s*([0-9０-９]+)\s*(条|款|项|章|节)")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def to_zh(n: int) -> str:
    """48 → 四十八, 110 → 一百一十, 1024 → 一千零二十四, 10 → 十 (1 to 9999)."""
    if not 0 < n < 10000:
        raise ValueError(f"{n} is outside 1..9999")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and out:
                out += "零"
            out += DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return out[1:] if out.startswith("一十") else out


def from_zh(text: str) -> int | None:
    """四十八 → 48, 十 → 10, 一百零五 → 105; None when the text is not such a numeral."""
    if not text or any(c not in _VALUE and c not in _UNITS for c in text):
        return None
    total, digit = 0, None
    for c in text:
        if c in _VALUE:
            digit = _VALUE[c]
        else:
            total += (1 if digit is None else digit) * _UNITS[c]
            digit = None
    return total + (digit or 0)


def articles_in_zh(text: str) -> str:
    """第48条第2款 → 第四十八条第二款 (full-width digits too); other text unchanged."""
    return _ARABIC.sub(lambda m: f"第{to_zh(int(m[1].translate(_FULLWIDTH)))}{m[2]}"
                       if 0 < int(m[1].translate(_FULLWIDTH)) < 10000 else m[0], text)
