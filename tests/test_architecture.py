"""The layout is the architecture: layers import only downwards, packages form no cycle, and the process-wide
state (environment, working directory, garbage collector) is touched only where it is meant to be.

Layers, lowest first (a module may import its own layer and those below):
base -> load -> model -> domain -> rules -> lint, graph -> report, site, export, authoring, api, audit, review -> cli, build, bench, bootstrap,
casefiles
"""
from __future__ import annotations

import ast
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent / "tools"
LAYERS = [
    {"base"},
    {"load"},
    {"model"},
    {"domain"},
    {"rules"},
    {"lint", "graph"},
    {"report", "site", "export", "authoring", "api", "audit", "review"},
    {"cli", "build", "bench", "casefiles", "bootstrap", "__main__"},
]
LAYER_OF = {pkg: i for i, layer in enumerate(LAYERS) for pkg in layer}


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(TOOLS.rglob("*.py")):
        rel = path.relative_to(TOOLS.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        out[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return out


MODULES = _modules()


def _imports(name: str, tree: ast.Module) -> set[str]:
    """Every tools module a module imports, at any depth (imports inside functions count too)."""
    found = set()
    package = name if (TOOLS.parent / name.replace(".", "/") / "__init__.py").exists() else name.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("tools")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            if base.startswith("tools"):
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES}
    return {m for m in found if m in MODULES and m != name}


def _package(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None  # "tools" itself: the version only


def test_every_module_has_a_layer():
    missing = sorted({_package(m) for m in MODULES if _package(m) and _package(m) not in LAYER_OF})
    assert missing == [], f"packages without a layer: {missing}"


def test_no_import_from_a_lower_layer_to_a_higher_one():
    wrong = []
    for name, tree in MODULES.items():
        src = _package(name)
        for target in _imports(name, tree):
            dst = _package(target)
            if src and dst and LAYER_OF[dst] > LAYER_OF[src]:
                wrong.append(f"{name} ({src}) imports {target} ({dst})")
    assert wrong == []


def test_no_cycle_between_packages_or_modules():
    import networkx as nx

    packages, modules = nx.DiGraph(), nx.DiGraph()
    for name, tree in MODULES.items():
        for target in _imports(name, tree):
            modules.add_edge(name, target)
            a, b = _package(name), _package(target)
            if a and b and a != b:
                packages.add_edge(a, b)
    assert list(nx.simple_cycles(packages)) == []
    assert list(nx.simple_cycles(modules)) == []


def test_the_layer_check_can_fail():
    """Control: a lower layer importing a higher one is seen (the analysis is not vacuous)."""
    tree = ast.parse("def f():\n    from tools.site.pages import Site\n")
    assert _imports("tools.domain.repair", tree) == {"tools.site.pages"}
    assert LAYER_OF["site"] > LAYER_OF["domain"]


def _module_level(tree):
    """Statements run at import time (function and class bodies excluded, class-level statements included)."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _is_environ(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") and \
        isinstance(node.value, ast.Name) and node.value.id == "os"


def test_nothing_reads_the_environment_at_import_time():
    readers = [name for name, tree in MODULES.items() if any(_is_environ(n) for n in _module_level(tree))]
    assert readers == []


def _calls(tree, owner: str, names: set) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == owner:
            out.append(f"{owner}.{node.func.attr}")
    return out


def test_process_state_is_left_alone():
    """No chdir, no change of our own environment, no global GC switches outside the scoped pause."""
    found = {}
    for name, tree in MODULES.items():
        bad = _calls(tree, "os", {"chdir", "putenv", "unsetenv"})
        bad += [c for c in _calls(tree, "gc", {"disable", "enable", "freeze", "unfreeze", "set_threshold"})
                if name != "tools.base.gc_scope"]
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            for t in targets:
                if isinstance(t, ast.Subscript) and _is_environ(t.value):
                    bad.append("os.environ[...] =")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("pop", "setdefault", "update", "clear") and _is_environ(node.func.value):
                bad.append(f"os.environ.{node.func.attr}")
        if bad:
            found[name] = bad
    assert found == {}
