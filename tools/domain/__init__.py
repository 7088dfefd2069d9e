"""The domain core: what the rules of the plan mean, written once and called by every layer that needs it.

durations (ISO 8601 periods: parse, Chinese, add to a date), validity (a record or document in force on a day),
levels (the legal tiers a basis may rest on), measures (the rows of a measure, the lists it follows),
repair (who may repair, which repair regime and service apply on a day), plan (the plan's clauses, which rules
govern a kind of record, the coverage table), changes (what changed between editions or revisions).
The rules, the graph queries, the site, the exports and the command line all call these; none re-implements them.
"""
