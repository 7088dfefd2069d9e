"""Benxi social-credit policy-as-code tools: load -> model -> rules -> graph -> outputs."""

__version__ = "0.1.0"
