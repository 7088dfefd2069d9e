"""Escaping for everything the site shows from YAML: YAML comes from public pull requests.

``md`` makes any value inert in Markdown: HTML is escaped (so ``<script>`` shows as text) and every character
that Markdown could read as syntax is backslash-escaped (so ``[x](javascript:…)`` is not a link). ``link`` makes
a link only for http(s) URLs; anything else is shown as escaped text. Which sources may be linked at all (official
publishers only) is decided by tools.site.plain with tools.domain.sources.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

# Python-Markdown's escapable characters, plus "|" (added by the tables extension). "<", ">", "&" and quotes are
# HTML-escaped first, so no tag, autolink or entity can form.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.I)


def md(value) -> str:
    """Inert Markdown text for a value from YAML (None -> empty)."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = html.escape(text, quote=True)  # & < > " ' -> entities; entities stay inert below
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\n", " ")


def is_safe_url(url) -> bool:
    return isinstance(url, str) and bool(_SAFE_URL.match(url.strip()))


def link(text, url) -> Markup:
    """A Markdown link that opens an http(s) source safely, or plain escaped text for anything else."""
    if not is_safe_url(url):
        return Markup(md(text))
    href = quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~-._")
    href = href.replace("(", "%28").replace(")", "%29").replace("'", "%27").replace("[", "%5B").replace("]", "%5D")
    return Markup(f'[{md(text)}]({href}){{: rel="noopener noreferrer" target="_blank" }}')


def code_block(text, lang: str = "") -> Markup:
    """A fenced code block showing text exactly (a fence longer than any run of backticks in it)."""
    text = str(text or "").replace("\r\n", "\n").rstrip("\n")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence}{lang}\n{text}\n{fence}")
