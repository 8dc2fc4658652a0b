"""The per-article stages stay independent: a stage package imports only the article model, the language layer,
the actors, shared resources and itself, never another stage (nor the pipeline, store or faces); the store knows
actors only as the records it keeps."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "lagebild"
STAGES = ("clean", "entities", "time", "quotes", "events")
ALLOWED = frozenset({"model", "language", "actors", "resources"})
ACTOR_RECORDS = frozenset({"lagebild.actors.learned", "lagebild.actors.codes"})
"""What the store may know of the actors package: the records it keeps and names."""


def imported_modules(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, dotted module) of every import in ``path`` (a file under the package folder ``root``), relative ones
    made absolute, and of every ``importlib.import_module("...")`` with a literal name."""
    module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name == root.name:  # ``from .. import time``: the names are the modules
                out += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
            else:
                out.append((node.lineno, name))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.append((node.lineno, node.args[0].value))
    return out


def forbidden_imports(stage: str, root: Path = PACKAGE) -> list[str]:
    """``file:line -> module`` for every import of a lagebild package other than the stage's own and the allowed."""
    found = []
    for path in sorted((root / stage).rglob("*.py")):
        for line, name in imported_modules(path, root):
            parts = name.split(".")
            if parts[0] != root.name:
                continue
            top = parts[1] if len(parts) > 1 else ""
            if top != stage and top not in ALLOWED:
                found.append(f"{path.relative_to(root)}:{line} -> {name}")
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_other_stage(stage):
    assert (PACKAGE / stage / "__init__.py").exists()
    assert forbidden_imports(stage) == []


def test_the_check_sees_absolute_relative_and_importlib_imports(tmp_path):
    fake = tmp_path / "lagebild"
    (fake / "quotes").mkdir(parents=True)
    (fake / "quotes" / "__init__.py").write_text("")
    (fake / "quotes" / "stage.py").write_text(
        "import importlib\n"
        "from lagebild.entities import EntityStage\n"
        "from ..events import rules\n"
        "from .. import time\n"
        "from . import finder\n"
        "from lagebild.actors import ActorIndex\n"
        "import lagebild.language\n"
        "importlib.import_module('lagebild.clean')\n"
    )
    assert [f.split(" -> ")[1] for f in forbidden_imports("quotes", fake)] == [
        "lagebild.entities",
        "lagebild.events",
        "lagebild.time",
        "lagebild.clean",
    ]


def test_the_store_knows_actors_only_as_records():
    found = []
    for path in sorted((PACKAGE / "store").rglob("*.py")):
        for line, name in imported_modules(path):
            parts = name.split(".")
            if parts[0] != "lagebild" or len(parts) < 2:
                continue
            if parts[1] in STAGES or (parts[1] == "actors" and name not in ACTOR_RECORDS):
                found.append(f"{path.relative_to(PACKAGE)}:{line} -> {name}")
    assert found == []
