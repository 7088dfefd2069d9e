"""The one result type every stage produces: a finding with a location. Findings are immutable values.

The loader and the rules produce findings without a severity (the rule registry owns it); the lint's one
finalisation step returns new findings with severity, draft softening, waiver and normalised message.
"""
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


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str | None  # None until the lint's finalisation fills it in from the registry
    location: Location
    message: str
    record: str | None = None  # id of the record the finding is about, if any
    waiver: str | None = None  # reason of the waiver that covers it, if any
    field: str | None = None  # the data path in the record ("rows.0.basis"; "" the record itself), if known

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
        if self.field is not None:
            out["field"] = self.field or "."
        if self.waiver is not None:
            out["waived"] = True
            out["waiver_reason"] = self.waiver
        return out


@dataclass(frozen=True)
class Summary:
    files: int = 0
    records: int = 0
    errors: int = 0
    warnings: int = 0
    waived: int = 0
    by_rule: dict = field(default_factory=dict)

    @classmethod
    def of(cls, findings, files: int, records: int) -> "Summary":
        by_rule: dict = {}
        errors = warnings = waived = 0
        for f in findings:
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
            if f.waiver is not None:
                waived += 1
            elif f.severity == ERROR:
                errors += 1
            else:
                warnings += 1
        return cls(files, records, errors, warnings, waived, dict(sorted(by_rule.items())))

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 when an unwaived error remains (or, with strict, an unwaived warning)."""
        return 1 if self.errors or (strict and self.warnings) else 0

    def line_zh(self) -> str:
        tallies = "，".join(f"{rule} {n}" for rule, n in self.by_rule.items())
        return (f"共检查 {self.files} 个文件、{self.records} 条记录：错误 {self.errors} 个，"
                f"警告 {self.warnings} 个，已豁免 {self.waived} 个" + (f"（{tallies}）" if tallies else ""))
