"""Import every rule module so that the registry is complete."""
from tools.rules import integrity, loading, waivers  # noqa: F401
