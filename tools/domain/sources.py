"""Sources: which publishers are official, and which live links a page's text makes.

``official_domains.yml`` (data, beside this module: the one copy) lists the official publishers. A URL on one of
those domains, or on a subdomain of one, may be a live link on a public page; a source anywhere else is a copy
(a reprint, a mirror, a news report) and is named as text. The site links by this list (tools.site.plain), the
lint checks hand-written pages by it (LINK-001) and the build refuses a site whose pages link elsewhere.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from tools.load.yaml_loader import load_bytes

OFFICIAL_FILE = Path(__file__).with_name("official_domains.yml")
# ASCII URL characters only, so a URL written straight before Chinese punctuation ends where it should.
URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&*+=%]+")
_EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# Markdown links: [text](url "title"), <https://…> autolinks, [ref]: url definitions; HTML href/src attributes.
_MD_LINKS = (re.compile(r"\]\(\s*<?([^)\s>]+)"), re.compile(r"<((?:https?:)?//[^>\s]+)>", re.I),
             re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)"))
_HREF = re.compile(r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I | re.S)


@lru_cache(maxsize=1)
def official_domains() -> tuple:
    """The official publishers' domains, lower case, as the data file lists them."""
    loaded = load_bytes(OFFICIAL_FILE.read_bytes())
    if not loaded.ok:
        raise ValueError(f"{OFFICIAL_FILE}: {loaded.problems}")
    return tuple(str(d).lower() for d in loaded.data.get("official_domains") or [])


def host(url: str) -> str:
    try:
        return (urlsplit(url if not url.startswith("//") else "http:" + url).hostname or "").lower()
    except ValueError:  # a malformed address (an unclosed IPv6 bracket): no host
        return ""


def is_official(url: str) -> bool:
    """An http(s) URL on an official publisher's domain or one of its subdomains."""
    if not re.match(r"^(?:https?:)?//", str(url), re.I):
        return False
    name = host(str(url))
    return bool(name) and any(name == d or name.endswith("." + d) for d in official_domains())


def is_external(url: str) -> bool:
    """A link that leaves the site (absolute http(s) or protocol-relative)."""
    return bool(_EXTERNAL.match(str(url).strip()))


def urls(text) -> list[str]:
    """The http(s) URLs written in a text."""
    return URL.findall(str(text or ""))


def _position(text: str, at: int) -> tuple[int, int]:
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def html_links(text: str, keep=None) -> list[tuple[int, int, str]]:
    """(line, column, href) of every <a href> in an HTML text (``keep(href)``: only those; the position is worked
    out for them alone, so scanning a page with many links stays linear)."""
    out = []
    for m in _HREF.finditer(text):
        href = next(g for g in m.groups() if g is not None).strip()
        if keep is None or keep(href):
            out.append((*_position(text, m.start()), href))
    return out


def leaves_for_unofficial(url: str) -> bool:
    return is_external(url) and not is_official(url)


def markdown_links(text: str) -> list[tuple[int, int, str]]:
    """(line, column, target) of every link a Markdown page makes: inline links, autolinks, reference
    definitions and raw HTML anchors, outside fenced code blocks and code spans (a URL shown as code is text).
    Indented lines are read too (admonition bodies are indented): write example URLs in a fenced block."""
    out, fence = [], None
    for number, line in enumerate(text.split("\n"), start=1):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        visible = _INLINE_CODE.sub(lambda c: " " * len(c.group(0)), line)
        here = {}  # url -> first column: "[r]: <url>" is both a definition and an autolink
        for pattern in _MD_LINKS:
            for found in pattern.finditer(visible):
                here.setdefault(found.group(1), found.start(1) + 1)
        for _, col, href in html_links(visible):
            here.setdefault(href, col)
        out += sorted((number, col, url) for url, col in here.items())
    return out


def unofficial_links(links) -> list[tuple[int, int, str]]:
    """The external links among (line, column, target) that do not go to an official publisher."""
    return [(line, col, url) for line, col, url in links if leaves_for_unofficial(url)]
