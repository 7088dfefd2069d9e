"""What a rule function receives besides the repository: the as-of date, the dependency graph's parts (built
before the rules run) and the registry (for the rules that check the rules)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    as_of: _dt.date
    parts: object  # tools.graph.build.GraphParts: nodes and typed edges as plain lists
    rules: object  # tools.rules.registry.Registry
