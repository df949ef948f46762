"""The engine stays Qt-free and light to import: both front ends depend on it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parent.parent / "desktop" / "engine"
HEAVY = ("numpy", "scipy", "nltk", "sumy", "PySide6", "langdetect", "punkt")


def test_engine_imports_no_qt() -> None:
    offenders = []
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in ("PySide6", "PyQt6", "shiboken6")
            ]
    assert offenders == []


def test_cli_start_up_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys, json, desktop.cli, desktop.engine;"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def _module_imports(module: str) -> set[str]:
    """The engine modules ``module`` imports at its top level, for type checking too (not those
    imported inside functions, on first use)."""
    path = ENGINE.parent.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = path.with_suffix("") / "__init__.py"
    found = set()
    nodes = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while nodes:
        node = nodes.pop()
        if isinstance(node, ast.If):
            nodes += node.body
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("desktop.engine.")}


def test_cutting_depends_on_the_model_not_on_ranking() -> None:
    """``select`` cuts a ranking as plain data (``model.Ranking``): neither ``rank`` nor the method
    registry is needed to load or type-check it."""
    seen, todo = set(), ["desktop.engine.select"]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += _module_imports(module)
    assert "desktop.engine.model" in seen
    assert not seen & {"desktop.engine.ranking", "desktop.engine.methods"}


def test_front_ends_use_only_the_engines_exported_names() -> None:
    """The window and the command line import ``desktop.engine`` and only what its ``__all__``
    exports: the engine's modules can move without touching them."""
    import desktop.engine

    exported = set(desktop.engine.__all__)
    front_ends = [
        *sorted(ENGINE.parent.glob("cli*.py")),
        *sorted((ENGINE.parent / "ui").rglob("*.py")),
    ]
    offenders = []
    for path in front_ends:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module, names = node.module or "", [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                module, names = "", [a.name for a in node.names]
            else:
                continue
            if module == "desktop.engine":
                offenders += [f"{path.name}: {n}" for n in names if n not in exported]
            else:
                offenders += [
                    f"{path.name}: {name}"
                    for name in (module, *names)
                    if name.startswith("desktop.engine.")
                ]
    assert offenders == []


def test_the_engines_face_loads_each_name_from_the_module_it_declares() -> None:
    """``desktop.engine`` imports its modules on first use: every exported name resolves, and its
    table of names agrees with the imports it declares for type checkers."""
    import desktop.engine

    declared = {}
    tree = ast.parse((ENGINE / "__init__.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.engine."):
            for alias in node.names:
                declared[alias.asname or alias.name] = (node.module, alias.name)
    assert set(declared) | {"load"} == set(desktop.engine.__all__)
    for name, (module, attribute) in declared.items():
        value = getattr(desktop.engine, name)
        assert value is getattr(sys.modules[module], attribute), name
    with pytest.raises(AttributeError):
        desktop.engine.no_such_name  # noqa: B018
