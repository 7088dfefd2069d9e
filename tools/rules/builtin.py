"""Import every rule module so that the registry is complete."""
from tools.rules import catalog, coverage, integrity, lists, loading, measures, repair, waivers  # noqa: F401
