"""Column expressions the checks are written with (Polars): a blank cell, a date, an amount, a code's check character.

The check characters are the domain's arithmetic (``tools.domain.codes.uscc_check_value`` and ``id_check_value``)
applied to column expressions: the same function that checks one code in PII-001 checks a column here.
"""
from __future__ import annotations

import polars as pl

from tools.domain.codes import ID_CHARS, ID_FORMAT_TEXT, USCC_CHARS, USCC_FORMAT_TEXT, id_check_value, uscc_check_value

DATE = "_date:"  # the engine parses every date column once, into a column named DATE + name


def _table(chars: str, extra=()) -> pl.Series:
    """Byte -> value of a code character (null for bytes outside the code's alphabet)."""
    values = [None] * 256
    for i, c in enumerate(chars):
        values[ord(c)] = i
    for c, v in extra:
        values[ord(c)] = v
    return pl.Series("value", values, dtype=pl.Int64)


_USCC_VALUE = _table(USCC_CHARS)
_ID_VALUE = _table(ID_CHARS, (("x", 10),))
# dates as departments write them: 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105, with a midnight time
_DATE_SHAPE = r"^[0-9]{4}([-/.])[0-9]{1,2}[-/.][0-9]{1,2}$|^[0-9]{8}$|^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$"
_AMOUNT_SHAPE = r"^[0-9]+(\.[0-9]+)?$"
# an 18-character identity number inside text (group 2), not part of a longer run of digits and letters
ID_IN_TEXT = r"(^|[^0-9A-Za-z])([0-9]{17}[0-9Xx])([^0-9A-Za-z]|$)"


def normalized(name: str, strip: bool = True) -> pl.Expr:
    """How the engine reads every cell once: a blank cell as null, and (``strip``: codes, dates, amounts and
    controlled values, all short) without surrounding spaces. Free text keeps its spaces: stripping every long
    text costs more than the rest of the checks, and only a text of spaces alone matters (``blank_text``)."""
    c = pl.col(name).str.strip_chars() if strip else pl.col(name)
    return pl.when(c.str.len_bytes() == 0).then(None).otherwise(c)


def blank_to_null(name: str) -> pl.Expr:
    """An empty cell as null (a second, cheap pass after stripping: see the engine)."""
    return pl.when(pl.col(name).str.len_bytes() == 0).then(None).otherwise(pl.col(name)).alias(name)


def blank_text(name: str) -> pl.Expr:
    """A free-text cell that is empty or only spaces (evaluated where ``maybe_blank_text`` holds)."""
    return text(name).is_null() | (text(name).str.strip_chars().str.len_bytes() == 0)


def maybe_blank_text(name: str) -> pl.Expr:
    """A cheap superset of ``blank_text``: empty, or starting with a space, a full-width space or a tab (a text of
    spaces alone starts with one)."""
    c = text(name)
    return c.is_null() | c.str.starts_with(" ") | c.str.starts_with("\u3000") | c.str.starts_with("\t")


def text(name: str) -> pl.Expr:
    """A cell as text (already normalized by the engine)."""
    return pl.col(name)


def blank(name: str) -> pl.Expr:
    return text(name).is_null()


def present(name: str) -> pl.Expr:
    return text(name).is_not_null()


def quick_date(name: str) -> pl.Expr:
    """The usual shape, YYYY-MM-DD (or YYYY-M-D), parsed quickly; the engine parses the rest with parse_date."""
    return text(name).str.to_date("%Y-%m-%d", strict=False)


def parse_date(name: str) -> pl.Expr:
    """The cell as a date (null when blank or not a real date in one of the accepted shapes)."""
    c = text(name).str.replace(r"[ T]00:00(:00(\.0+)?)?$", "")
    iso = c.str.replace_all(r"[/.年月]", "-").str.replace("日$", "")
    shaped = c.str.contains(_DATE_SHAPE)
    return pl.when(shaped).then(pl.coalesce(iso.str.to_date("%Y-%m-%d", strict=False),
                                            c.str.to_date("%Y%m%d", strict=False)))


def date(name: str) -> pl.Expr:
    """The date the engine parsed from a date column (see :func:`parse_date`)."""
    return pl.col(DATE + name)


def bad_date(name: str) -> pl.Expr:
    return present(name) & date(name).is_null()


def amount(name: str) -> pl.Expr:
    """A non-negative decimal amount (万元), null when blank or not such a number."""
    c = text(name)
    return pl.when(c.str.contains(_AMOUNT_SHAPE)).then(c.cast(pl.Float64, strict=False))


def _values(c: pl.Expr, table: pl.Series, n: int) -> list:
    """The values of the first n characters of a code (null for a character outside the alphabet)."""
    raw = c.cast(pl.Binary)
    return [pl.lit(table).gather(raw.bin.get(i, null_on_oob=True).cast(pl.Int64)) for i in range(n)]


def _cell(x) -> pl.Expr:
    return text(x) if isinstance(x, str) else x


def uscc_ok(name) -> pl.Expr:
    """GB 32100: the right form and the right check character (a column name, or a text expression)."""
    c = _cell(name)
    v = _values(c, _USCC_VALUE, 18)
    return (c.str.len_bytes() == 18) & (uscc_check_value(v[:17]) == v[17]) & c.str.contains(USCC_FORMAT_TEXT)


def resident_id_ok(name) -> pl.Expr:
    """GB 11643: 18 characters and the right check digit (a column name, or a text expression)."""
    c = _cell(name)
    v = _values(c, _ID_VALUE, 18)
    return (c.str.len_bytes() == 18) & (id_check_value(v[:17]) == v[17]) & c.str.contains(ID_FORMAT_TEXT)


def masked(name: str) -> pl.Expr:
    """An identity number written with part of it hidden (210502********123X)."""
    return text(name).str.contains(r"[*＊●×]")


def one_of(name: str, values) -> pl.Expr:
    return text(name).is_in(list(values))
