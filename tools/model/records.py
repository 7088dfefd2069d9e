"""The in-memory model: records with positions, and the repository that indexes them."""
from __future__ import annotations

from dataclasses import dataclass, field

from tools.base.findings import Location

# Fields that refer to another record: (kind, path pattern, kinds the target may be). "*" matches any list item.
REFERENCES = [
    ("document", ("replaced_by",), ("document",)),
    ("catalog_edition", ("document",), ("document",)),
    ("catalog_edition", ("supersedes",), ("catalog_edition",)),
    ("measure_list", ("document",), ("document",)),
    ("measure_list", ("supersedes",), ("measure_list",)),
    ("measure", ("targets", "*"), ("list_regime", "catalog_entry")),
    ("measure", ("rows", "*", "targets", "*"), ("list_regime", "catalog_entry")),
    ("list_regime", ("measures", "*"), ("measure",)),
    ("catalog_entry", ("collection", "route"), ("collection_route",)),
    ("catalog_entry", ("refines",), ("catalog_entry",)),
]


@dataclass
class Record:
    kind: str
    path: str  # relative POSIX path of the file
    data: dict
    locs: dict = field(default_factory=dict)
    tainted: set = field(default_factory=set)
    group: str | None = None  # the catalog edition or measure list a entry/measure belongs to (its folder)

    flags: set | None = None  # hints from the raw text ("digits", "markup", "template", "reads"; tools.load.files); None: unknown
    _citations: list | None = None
    _strings: list | None = None

    @property
    def citations(self) -> list:
        """(path, citation) pairs of the record, computed once: many rules walk them."""
        if self._citations is None:
            self._citations = list(iter_citations(self.data))
        return self._citations

    @property
    def strings(self) -> list:
        """(path, text) of every string value, computed once."""
        if self._strings is None:
            self._strings = list(iter_strings(self.data))
        return self._strings

    @property
    def id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None

    @property
    def title(self) -> str:
        return str(self.data.get("title") or self.data.get("name") or self.id or self.path)

    def loc(self, path: tuple = ()) -> Location:
        """Position of the value at path, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.locs and path:
            path = path[:-1]
        line, col = self.locs.get(path, (1, 1))
        return Location(self.path, line, col)

    def get(self, path: tuple, default=None):
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node


def iter_path(data, pattern: tuple, prefix: tuple = ()):
    """Yield (concrete path, value) for every value matching pattern ("*" = each list item)."""
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from iter_path(item, rest, prefix + (i,))
    elif isinstance(data, dict) and head in data:
        yield from iter_path(data[head], rest, prefix + (head,))


def _walk(data, prefix: tuple, take):
    """Depth-first, in document order, without recursion: (path, node) for every node ``take`` accepts;
    a node it accepts is not descended into. Scalars are never pushed, which is where the time goes."""
    out = []
    stack = [(prefix, data)]
    while stack:
        path, node = stack.pop()
        if take(node):
            out.append((path, node))
        elif isinstance(node, dict):
            stack.extend([(path + (k,), v) for k, v in node.items()
                          if isinstance(v, (dict, list)) or take(v)][::-1])
        elif isinstance(node, list):
            stack.extend([(path + (i,), v) for i, v in enumerate(node)
                          if isinstance(v, (dict, list)) or take(v)][::-1])
    return out


def _is_citation(node) -> bool:
    return isinstance(node, dict) and "doc" in node and "provision" in node


def iter_strings(data, prefix: tuple = ()) -> list:
    """(path, text) of every string value, in document order."""
    if isinstance(data, str):
        return [(prefix, data)]
    return _strings(data, prefix, []) if isinstance(data, (dict, list)) else []


def _strings(node, path: tuple, out: list) -> list:
    """iter_strings below a container: depth-first, recursive (the loader bounds the depth of a record), with no
    per-node call for scalars -- about twice as fast as the general walk, and every lint of the repository
    computes it for every record."""
    for k, v in (node.items() if isinstance(node, dict) else enumerate(node)):
        if isinstance(v, str):
            out.append((path + (k,), v))
        elif isinstance(v, (dict, list)):
            _strings(v, path + (k,), out)
    return out


def iter_citations(data, prefix: tuple = ()) -> list:
    """(path, citation dict) for every {doc, provision} citation anywhere in a record, in document order."""
    return _walk(data, prefix, _is_citation)


@dataclass
class Repository:
    root: str
    records: list = field(default_factory=list)
    files: int = 0
    waivers: Record | None = None
    by_id: dict = field(default_factory=dict)
    provisions: dict = field(default_factory=dict)  # doc id -> {provision id: (index, provision dict)}
    _kinds: tuple | None = field(default=None, repr=False)  # (record count, kind -> records), see of_kind
    _cited: dict = field(default_factory=dict, repr=False)  # (doc, provision) -> what it resolves to
    derived: dict = field(default_factory=dict, repr=False)  # memos of the domain layer, see Repository.memo

    def memo(self, key, compute):
        """A value derived from the records, computed once per repository state (cleared by index())."""
        try:
            return self.derived[key]
        except KeyError:
            value = self.derived[key] = compute()
            return value

    def index(self) -> None:
        self._kinds = None
        self._cited = {}
        self.derived = {}
        self.by_id = {}
        for rec in self.records:
            if rec.id is not None:
                self.by_id.setdefault(rec.id, rec)
        self.provisions = {}
        for rec in self.of_kind("document"):
            if self.by_id.get(rec.id) is not rec:
                continue  # a duplicated id (ID-002): citations resolve against the first record, like by_id
            table = {}
            for i, prov in enumerate(rec.data.get("provisions") or []):
                if isinstance(prov, dict) and isinstance(prov.get("id"), str):
                    table.setdefault(prov["id"], (i, prov))
            self.provisions[rec.id] = table

    def of_kind(self, kind: str):
        """Records of a kind; a second record with an already used id (ID-002) is left out, so that rules do
        not pile follow-on findings onto a file whose only problem is its id."""
        if self._kinds is None or self._kinds[0] != len(self.records):
            groups: dict = {}
            for r in self.records:
                if r.id is None or self.by_id.get(r.id) is r:
                    groups.setdefault(r.kind, []).append(r)
            self._kinds = (len(self.records), groups)
        return list(self._kinds[1].get(kind, ()))

    def get(self, record_id, kind=None) -> Record | None:
        rec = self.by_id.get(record_id)
        if rec is not None and kind is not None and rec.kind not in ((kind,) if isinstance(kind, str) else kind):
            return None
        return rec

    def cited(self, cit) -> tuple:
        """(document record, provision dict) a citation points at; either is None when it does not resolve.
        Remembered per (doc, provision) pair: thousands of records cite the same few hundred provisions."""
        doc, prov = cit.get("doc"), cit.get("provision")
        if not isinstance(doc, str):
            return None, None
        key = (doc, prov if isinstance(prov, str) else None)
        found = self._cited.get(key)
        if found is None:
            target = self.get(doc, "document")
            found = self._cited[key] = (target, self.provision(doc, key[1]) if target is not None else None)
        return found

    def provision(self, doc_id, provision_id):
        entry = self.provisions.get(doc_id, {}).get(provision_id)
        return entry[1] if entry else None

