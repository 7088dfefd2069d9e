"""Import every rule module so that the registry is complete."""
from tools.rules import (catalog, coverage, graph_rules, integrity, lists, loading, measures,  # noqa: F401
                         repair, safety, waivers)
