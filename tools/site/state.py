"""Hand-over between `python -m tools build` and the MkDocs hooks.

MkDocs imports tools/site/hooks.py by file path, as a module of its own, so state set on ``tools.site.hooks``
would not be seen there. Both sides import this module by name, so they share it: a build lints once.
"""

PRELOADED = None  # (lint result, rules, commit text, graph) while `tools build` runs MkDocs
