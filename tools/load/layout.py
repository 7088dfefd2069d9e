"""Where records live in a repository: which files are records, of which kind, and what id their name implies."""
from __future__ import annotations

import os
from pathlib import Path

RECORD_ROOTS = ("policies", "catalogs", "sanction_lists", "procedures")
PROCEDURE_KINDS = {"collection_routes": "collection_route", "repair_regimes": "repair_regime"}
WAIVERS_FILE = "waivers.yml"
GROUP_FILES = {"catalogs": ("catalog.yml", "catalog_edition", "catalog_entry"),
               "measures": ("list.yml", "measure_list", "measure")}
NOT_A_RECORD = ("不在可识别的记录位置：文件应位于 policies/<地域>/、catalogs/<目录版本>/、"
                "sanction_lists/measures/<清单版本>/、sanction_lists/name_lists/、"
                "procedures/collection_routes/ 或 procedures/repair_regimes/")


def classify(rel: str):
    """(kind, group, expected id) for a record path, or (None, None, reason) when it is not a record location."""
    parts = rel.split("/")
    name = parts[-1]
    if not name.endswith(".yml"):
        return None, None, "记录文件的扩展名必须是 .yml"
    stem = name[:-4]
    if parts[0] == "policies" and len(parts) == 3:
        return "document", None, stem
    if parts[0] == "catalogs" and len(parts) == 3:
        group_file, group_kind, item_kind = GROUP_FILES["catalogs"]
        return (group_kind, None, parts[1]) if name == group_file else (item_kind, parts[1], stem)
    if parts[:2] == ["sanction_lists", "measures"] and len(parts) == 4:
        group_file, group_kind, item_kind = GROUP_FILES["measures"]
        return (group_kind, None, parts[2]) if name == group_file else (item_kind, parts[2], stem)
    if parts[:2] == ["sanction_lists", "name_lists"] and len(parts) == 3:
        return "list_regime", None, stem
    if parts[0] == "procedures" and len(parts) == 3 and parts[1] in PROCEDURE_KINDS:
        return PROCEDURE_KINDS[parts[1]], None, stem
    return None, None, NOT_A_RECORD


def record_files(root: Path) -> list[str]:
    """Relative POSIX paths of every YAML file under the record roots, sorted."""
    out = []
    base_len = len(os.path.join(str(root), ""))
    for top in RECORD_ROOTS:
        base = os.path.join(str(root), top)
        if not os.path.isdir(base):
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            rel_dir = dirpath[base_len:].replace(os.sep, "/")
            out.extend(f"{rel_dir}/{fn}" for fn in filenames if fn.endswith((".yml", ".yaml")) and not fn.startswith("."))
    return sorted(out)
