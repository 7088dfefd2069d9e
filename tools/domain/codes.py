"""Identification codes and their check characters, written once: the unified social credit code (GB 32100-2015)
and the resident identity number (GB 11643-1999).

The arithmetic (:func:`uscc_check_value`, :func:`id_check_value`) is written over anything that adds, multiplies
and takes a remainder, so the same function checks one code here (``uscc_valid``, ``resident_id_valid``, used by
the PII-001 lint rule) and a whole column of codes in the feed audit (``tools.audit.columns`` hands it the
engine's column expressions instead of integers). There is no second implementation of either check.
"""
from __future__ import annotations

import re

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100 表1: the 31 characters, in the order of their values
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # 3^(i) mod 31
ID_CHARS = "0123456789X"  # GB 11643: the check character's value, X standing for 10
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2^(17-i) mod 11

USCC_FORMAT = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
ID_FORMAT = re.compile(r"^[0-9]{17}[0-9Xx]$")
USCC_FORMAT_TEXT = USCC_FORMAT.pattern  # the same patterns for the engine's regular expressions
ID_FORMAT_TEXT = ID_FORMAT.pattern


def uscc_check_value(values):
    """GB 32100 7.3: the value of the check character from the values of the first 17 characters
    (C18 = 31 - MOD(Σ Ci × Wi, 31), 31 written as 0)."""
    total = sum(v * w for v, w in zip(values, USCC_WEIGHTS))
    return (31 - total % 31) % 31


def id_check_value(values):
    """GB 11643 5.2: the value of the check character from the first 17 digits (a1 ≡ 12 - Σ ai × Wi (mod 11),
    10 written as X)."""
    total = sum(v * w for v, w in zip(values, ID_WEIGHTS))
    return (12 - total % 11) % 11


def uscc_valid(s: str) -> bool:
    """An 18-character unified social credit code of the right form whose check character is right."""
    if not isinstance(s, str) or not USCC_FORMAT.match(s):
        return False
    return USCC_CHARS[uscc_check_value([USCC_CHARS.index(c) for c in s[:17]])] == s[17]


def resident_id_valid(s: str) -> bool:
    """An 18-character resident identity number (a lower-case x accepted) whose check digit is right."""
    if not isinstance(s, str) or not ID_FORMAT.match(s):
        return False
    return ID_CHARS[id_check_value([int(c) for c in s[:17]])] == s[17].upper()


def with_uscc_check(first17: str) -> str:
    """The code completed with its check character (for generated test data)."""
    return first17 + USCC_CHARS[uscc_check_value([USCC_CHARS.index(c) for c in first17])]


def with_id_check(first17: str) -> str:
    return first17 + ID_CHARS[id_check_value([int(c) for c in first17])]


def mask_id(s: str) -> str:
    """A resident identity number as it may be shown: the first six and the last four digits kept at most
    (210502********123X); shorter or odd values are shown as their length only."""
    s = str(s)
    if len(s) == 18:
        return s[:6] + "*" * 8 + s[-4:]
    return "*" * len(s)
