"""Tools for the people who edit records: drafts from templates (scaffold), the Excel round trip (xlsx) and the
reviewers' map (owners -> CODEOWNERS)."""
