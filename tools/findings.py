"""The one result type every stage produces: a finding with a location."""
from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
SEVERITY_ZH = {ERROR: "错误", WARNING: "警告"}


@dataclass(frozen=True)
class Location:
    path: str  # relative to the repository root, POSIX separators
    line: int = 1  # 1-based
    column: int = 1  # 1-based


@dataclass
class Finding:
    rule: str
    severity: str
    location: Location
    message: str
    record: str | None = None  # id of the record the finding is about, if any
    waiver: str | None = None  # reason of the waiver that covers it, if any

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def blocking(self) -> bool:
        """An error that no waiver covers."""
        return self.severity == ERROR and self.waiver is None

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.message)

    def as_dict(self) -> dict:
        out = {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }
        if self.record:
            out["record"] = self.record
        if self.waiver is not None:
            out["waived"] = True
            out["waiver_reason"] = self.waiver
        return out


@dataclass
class Summary:
    files: int = 0
    records: int = 0
    errors: int = 0
    warnings: int = 0
    waived: int = 0
    by_rule: dict = field(default_factory=dict)

    @classmethod
    def of(cls, findings, files: int, records: int) -> "Summary":
        s = cls(files=files, records=records)
        for f in findings:
            s.by_rule[f.rule] = s.by_rule.get(f.rule, 0) + 1
            if f.waiver is not None:
                s.waived += 1
            elif f.severity == ERROR:
                s.errors += 1
            else:
                s.warnings += 1
        s.by_rule = dict(sorted(s.by_rule.items()))
        return s

    def line_zh(self) -> str:
        tallies = "，".join(f"{rule} {n}" for rule, n in self.by_rule.items())
        return (f"共检查 {self.files} 个文件、{self.records} 条记录：错误 {self.errors} 个，"
                f"警告 {self.warnings} 个，已豁免 {self.waived} 个" + (f"（{tallies}）" if tallies else ""))
