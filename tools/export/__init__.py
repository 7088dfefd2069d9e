"""Exports for other systems: JSON per record kind, the joint-sanction bundle, CSV, XLSX and index.json."""
from tools.export.files import FORMAT_VERSION, export, export_files  # noqa: F401
