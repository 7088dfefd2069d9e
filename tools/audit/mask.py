"""Personal data as the audit's outputs may show it: a natural person's name as its first character, identity
numbers as their first six and last four characters (210502********123X), in every column and inside text."""
from __future__ import annotations

import polars as pl

from tools.audit.read import ROW
from tools.model import shuanggongshi as sgs

_ID_ANYWHERE = r"([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])"


def mask_name(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr.str.len_chars() > 1).then(expr.str.slice(0, 1) + pl.lit("*").repeat_by(
        expr.str.len_chars() - 1).list.join("")).otherwise(expr)


def mask_ids(expr: pl.Expr) -> pl.Expr:
    return expr.str.replace_all(_ID_ANYWHERE, "${1}********${2}")


def masked_rows(df: pl.DataFrame, kind: str) -> pl.DataFrame:
    """The standard's columns (in its order) of the given rows, masked, with ROW first and ``_unit`` last."""
    out = [pl.col(ROW)]
    for col in sgs.columns(kind):
        c = pl.col(col.name)
        if col.name == sgs.SUBJECT_NAME:
            c = pl.when(pl.col("_type") == sgs.NATURAL).then(mask_name(c)).otherwise(c)
        elif col.kind == sgs.NAME:
            c = mask_name(c)
        if col.kind in (sgs.TEXT, sgs.NAME, sgs.ID_NUMBER, sgs.CODE):
            c = mask_ids(c)
        out.append(c.alias(col.name))
    return df.select(out + [pl.col("_unit")])
