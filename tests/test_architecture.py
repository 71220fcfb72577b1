"""The kiosk's layers, read from its source with `ast` (nothing is imported): Qt only in kiosk/ui, a simulator
that stands alone, no import cycles, no module past 400 lines, and each package saying what it may import.

LAYERS is the one statement of which package may import which; each package's docstring names the same."""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parents[1] / "kiosk"
MAX_LINES = 400
QT = ("PySide6", "shiboken6")

BELOW_UI = (
    "kiosk.domain",
    "kiosk.settings",
    "kiosk.ledger",
    "kiosk.vipps",
    "kiosk.checkout",
    "kiosk.shop_ledger",
    "kiosk.diagnostics",
    "kiosk.host",
)

# What each package may import of the kiosk besides itself (a name covers its modules). Every module may also
# read the root package's `__version__`. A new package gets a row here and the same words in its docstring.
LAYERS: dict[str, tuple[str, ...]] = {
    "kiosk": (),
    "kiosk.__main__": ("kiosk.commands",),
    "kiosk.domain": (),
    "kiosk.settings": ("kiosk.domain", "kiosk.shop_ledger.address", "kiosk.simulator.demo"),
    "kiosk.ledger": ("kiosk.domain", "kiosk.settings"),
    "kiosk.vipps": ("kiosk.domain", "kiosk.settings"),
    "kiosk.checkout": ("kiosk.domain", "kiosk.settings", "kiosk.ledger", "kiosk.vipps", "kiosk.shop_ledger"),
    "kiosk.shop_ledger": ("kiosk.domain", "kiosk.settings", "kiosk.ledger"),
    "kiosk.diagnostics": ("kiosk.domain", "kiosk.settings", "kiosk.vipps", "kiosk.shop_ledger"),
    "kiosk.host": ("kiosk.domain",),
    "kiosk.ui": (*BELOW_UI, "kiosk.simulator"),
    "kiosk.ui.look": (),
    "kiosk.ui.language": ("kiosk.domain",),
    "kiosk.ui.models": ("kiosk.domain", "kiosk.ledger", "kiosk.shop_ledger", "kiosk.ui.language"),
    "kiosk.ui.workers": (*BELOW_UI, "kiosk.ui"),
    "kiosk.ui.screens": (*BELOW_UI, "kiosk.ui"),
    "kiosk.commands": (*BELOW_UI, "kiosk.ui", "kiosk.simulator"),
    "kiosk.simulator": (),
}
# These stay free of the two top layers, whatever their rows above may grow into.
NEVER_UI_OR_COMMANDS = ("kiosk.ledger", "kiosk.checkout", "kiosk.vipps", "kiosk.shop_ledger", "kiosk.settings")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # the module imported, dotted
    line: int
    at_import_time: bool  # at module level (not in a function) and not under `if TYPE_CHECKING:`

    def where(self) -> str:
        return f"{self.module}:{self.line} imports {self.target}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(KIOSK.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


SOURCES: dict[str, Path] = {module_name(path): path for path in sorted(KIOSK.rglob("*.py"))}
PACKAGES = sorted(name for name, path in SOURCES.items() if path.name == "__init__.py")


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class ImportReader(ast.NodeVisitor):
    """Every import of one module, with whether it runs when the module is imported."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.imports: list[Import] = []
        self._in_function = 0
        self._type_only = 0

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._in_function += 1
        self.generic_visit(node)
        self._in_function -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if not is_type_checking(node.test):
            self.generic_visit(node)
            return
        self._type_only += 1
        for child in node.body:
            self.visit(child)
        self._type_only -= 1
        for child in node.orelse:  # the `else:` of TYPE_CHECKING is what runs
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:  # relative: resolved against this module's package
            package = self.package.split(".")
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        for alias in node.names:  # `from kiosk.ui import screens` imports the module kiosk.ui.screens
            submodule = f"{base}.{alias.name}"
            self._add(submodule if submodule in SOURCES else base, node.lineno)

    def _add(self, target: str, line: int) -> None:
        at_import_time = not self._in_function and not self._type_only
        self.imports.append(Import(self.module, target, line, at_import_time))


def read_imports() -> list[Import]:
    found: list[Import] = []
    for name, path in SOURCES.items():
        reader = ImportReader(name, path.name == "__init__.py")
        reader.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        found += reader.imports
    return found


IMPORTS = read_imports()


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def layer_of(module: str) -> str:
    """The most specific row of LAYERS that holds the module."""
    return max((layer for layer in LAYERS if within(module, layer)), key=len)


def kiosk_imports() -> list[Import]:
    return [found for found in IMPORTS if within(found.target, "kiosk")]


def test_qt_is_imported_only_in_the_ui_package():
    outside = [
        found.where() for found in IMPORTS if found.target.split(".")[0] in QT and not within(found.module, "kiosk.ui")
    ]
    assert outside == [], "Qt outside kiosk/ui:\n" + "\n".join(outside)


def test_the_simulator_imports_nothing_else_of_the_kiosk():
    reaching_out = [
        found.where()
        for found in kiosk_imports()
        if within(found.module, "kiosk.simulator") and not within(found.target, "kiosk.simulator")
    ]
    assert reaching_out == [], "the simulator reaches into the kiosk:\n" + "\n".join(reaching_out)


def import_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import each other, as one cycle through it (Tarjan's strongly connected
    components, then a path back to the first module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:  # recursion depth is bounded by the number of kiosk modules
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(edges.get(node, ())):
            if after not in index:
                connect(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return [cycle_through(group, edges) for group in groups]


def cycle_through(group: list[str], edges: dict[str, set[str]]) -> list[str]:
    start, members = group[0], set(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:  # breadth first, so the cycle shown is a shortest one
        following = []
        for node in frontier:
            for after in sorted(edges.get(node, set()) & members):
                if after == start:
                    return [*paths[node], start]
                if after not in paths:
                    paths[after] = [*paths[node], after]
                    following.append(after)
        frontier = following
    raise AssertionError(f"no cycle through {group}")


def test_import_cycles_are_found_and_named():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert import_cycles(edges) == [["a", "b", "c", "a"], ["e", "e"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_level_import_cycle():
    edges: dict[str, set[str]] = {}
    for found in kiosk_imports():
        if found.at_import_time and found.target in SOURCES and found.target != found.module:
            edges.setdefault(found.module, set()).add(found.target)
    cycles = import_cycles(edges)
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_no_module_is_past_400_lines():
    long = {
        str(path.relative_to(KIOSK.parent)): lines
        for path in SOURCES.values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"past {MAX_LINES} lines: split them by job"


def test_every_package_has_a_row_of_layers():
    assert [package for package in PACKAGES if package not in LAYERS] == []
    assert [layer for layer in LAYERS if layer not in SOURCES] == []  # no row for a package that is gone


def package_docstring(package: str) -> str:
    return ast.get_docstring(ast.parse(SOURCES[package].read_text(encoding="utf-8"))) or ""


def named(name: str, text: str) -> bool:
    if name in BELOW_UI and "every layer below kiosk.ui" in " ".join(text.split()):
        return True  # the phrase a docstring may use for the whole group
    return re.search(rf"(?<![\w.]){re.escape(name)}(?!\.?\w)", text) is not None


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_says_its_job_and_what_it_may_import(package: str):
    docstring = package_docstring(package)
    assert len(docstring.split()) >= 8, f"{package} has no docstring saying its job"
    missing = [allowed for allowed in LAYERS[package] if not named(allowed, docstring)]
    assert missing == [], f"{package}'s docstring does not name what it may import: {missing}"
    if not LAYERS[package]:
        assert re.search(r"nothing (else )?of the kiosk", docstring), f"{package}: say it imports nothing of the kiosk"


def test_each_package_imports_only_what_its_row_allows():
    strays = [
        found.where()
        for found in kiosk_imports()
        if found.target != "kiosk"  # the root package's __version__
        and not within(found.target, layer_of(found.module))
        and not any(within(found.target, allowed) for allowed in LAYERS[layer_of(found.module)])
    ]
    assert strays == [], "imports the layers do not allow:\n" + "\n".join(strays)


def test_the_domain_imports_only_the_standard_library_and_itself():
    outside = [
        found.where()
        for found in IMPORTS
        if within(found.module, "kiosk.domain")
        and not within(found.target, "kiosk.domain")
        and found.target.split(".")[0] not in sys.stdlib_module_names
    ]
    assert outside == [], "the domain imports more than the standard library:\n" + "\n".join(outside)


def test_the_core_never_imports_the_ui_or_the_commands():
    for core in NEVER_UI_OR_COMMANDS:
        assert not any(within(allowed, top) for allowed in LAYERS[core] for top in ("kiosk.ui", "kiosk.commands"))
    upward = [
        found.where()
        for found in kiosk_imports()
        if any(within(found.module, core) for core in NEVER_UI_OR_COMMANDS)
        and (within(found.target, "kiosk.ui") or within(found.target, "kiosk.commands"))
    ]
    assert upward == [], "the core imports the UI or the commands:\n" + "\n".join(upward)
