"""Flatpak modules for Precis's Python dependencies, from uv.lock: the versions we test with.

    uv run python packaging/flatpak_deps.py OUT_DIR

writes ``python3-requirements.json`` (what the app runs on) and ``python3-build-backend.json``
(hatchling, to install Precis itself; removed from the finished app) into OUT_DIR, next to a copy
of the manifest, as packaging/flatpak.sh does. Flatpak builds without network, so each package is
a file source with its URL and sha256, exactly as locked: the wheel for the runtime's Python
(``PYTHON``) on each architecture, a pure wheel where there is one, else the sdist. PySide6 is
not among them: the manifest's base app (io.qt.PySide.BaseApp) provides it, built against the
KDE runtime's Qt.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import tomllib
from appinfo import ROOT
from packaging.markers import Marker
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

PYTHON = (3, 12)  # org.kde.Platform 6.8 is built on org.freedesktop.Platform 24.08: Python 3.12
ARCHES = ("x86_64", "aarch64")
GLIBC_MINOR = 39  # freedesktop 24.08 ships glibc 2.40; manylinux wheels up to 2.39 run there
FROM_BASE_APP = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}


@dataclass(frozen=True)
class Source:
    url: str
    sha256: str
    arches: tuple[str, ...] = ()  # the architectures that need this file; empty: all

    @property
    def filename(self) -> str:
        return self.url.rsplit("/", 1)[1]


def environment(arch: str) -> dict[str, str]:
    version = ".".join(map(str, PYTHON))
    return {
        "python_version": version,
        "python_full_version": f"{version}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "sys_platform": "linux",
        "platform_system": "Linux",
        "os_name": "posix",
        "platform_machine": arch,
        "extra": "",
    }


def supported_tags(arch: str) -> list[Tag]:
    """Wheel tags the runtime's Python accepts on ``arch``, best first."""
    platforms = [f"manylinux_2_{m}_{arch}" for m in range(GLIBC_MINOR, 4, -1)]
    platforms += [f"manylinux2014_{arch}", f"manylinux2010_{arch}", f"manylinux1_{arch}"]
    return [
        *cpython_tags(PYTHON, platforms=platforms),
        *compatible_tags(PYTHON, f"cp{PYTHON[0]}{PYTHON[1]}", platforms),
    ]


class Lock:
    def __init__(self, text: str) -> None:
        self.packages: dict[str, list[dict]] = {}
        for package in tomllib.loads(text)["package"]:
            self.packages.setdefault(canonicalize_name(package["name"]), []).append(package)

    def package(self, name: str, version: str | None, arch: str) -> dict:
        candidates = self.packages[canonicalize_name(name)]
        if version is not None:
            return next(p for p in candidates if p["version"] == version)
        env = environment(arch)
        for package in candidates:
            markers = package.get("resolution-markers")
            if not markers or any(Marker(m).evaluate(env) for m in markers):
                return package
        raise LookupError(f"uv.lock has no {name} for Python {PYTHON} on {arch}")

    def closure(self, roots: list[dict], arch: str) -> dict[str, dict]:
        """The locked packages ``roots`` need on ``arch``, by name (PySide6 left out)."""
        env = environment(arch)
        found: dict[str, dict] = {}
        todo = list(roots)
        while todo:
            dep = todo.pop()
            name = canonicalize_name(dep["name"])
            if name in FROM_BASE_APP or name in found:
                continue
            if "marker" in dep and not Marker(dep["marker"]).evaluate(env):
                continue
            package = self.package(name, dep.get("version"), arch)
            found[name] = package
            todo += package.get("dependencies", [])
        return found


def pick(package: dict, arch: str) -> Source:
    """The locked file pip would install for the runtime's Python on ``arch``."""
    wheels = {}
    for wheel in package.get("wheels", []):
        for tag in parse_wheel_filename(wheel["url"].rsplit("/", 1)[1])[3]:
            wheels.setdefault(tag, wheel)
    entry = next((wheels[t] for t in supported_tags(arch) if t in wheels), package.get("sdist"))
    if entry is None:
        raise LookupError(f"{package['name']} {package['version']}: no file for Python {PYTHON}")
    return Source(entry["url"], entry["hash"].removeprefix("sha256:"))


def sources(lock: Lock, roots: list[dict], skip: set[str] = frozenset()) -> dict[str, list[Source]]:
    """Per package name, the files to fetch, each marked with the architectures it is for."""
    closures = {arch: lock.closure(roots, arch) for arch in ARCHES}
    names = set(closures[ARCHES[0]])
    if any(set(c) != names for c in closures.values()):
        # pip is given the names; each must have a file on every architecture.
        raise ValueError("the dependencies differ between architectures; install them by file")
    picked: dict[str, dict[str, list]] = {}
    for arch, closure in closures.items():
        for name, package in closure.items():
            if name not in skip:
                source = pick(package, arch)
                picked.setdefault(name, {}).setdefault(source.url, [source, []])[1].append(arch)
    return {
        name: [
            Source(s.url, s.sha256, () if len(arches) == len(ARCHES) else tuple(arches))
            for s, arches in by_url.values()
        ]
        for name, by_url in sorted(picked.items())
    }


def module(name: str, packages: dict[str, list[Source]], cleanup: bool) -> dict:
    pip = (
        'pip3 install --no-index --find-links="file://${PWD}" --prefix="${FLATPAK_DEST}" '
        "--no-build-isolation --no-deps "
    )
    wheels = [n for n, files in packages.items() if all(f.filename.endswith(".whl") for f in files)]
    sdists = [n for n in packages if n not in wheels]
    # Wheels first: sdists build with the setuptools wheel installed by the first command.
    commands = [pip + " ".join(group) for group in (wheels, sdists) if group]
    result: dict = {
        "name": name,
        "buildsystem": "simple",
        "build-commands": commands,
        "sources": [
            {"type": "file", "url": s.url, "sha256": s.sha256}
            | ({"only-arches": list(s.arches)} if s.arches else {})
            for files in packages.values()
            for s in files
        ],
    }
    if cleanup:
        result["cleanup"] = ["*"]
    return result


def modules(lock_text: str, pyproject_text: str) -> dict[str, dict]:
    """The two module files, by file name."""
    lock = Lock(lock_text)
    project = tomllib.loads(pyproject_text)
    name = canonicalize_name(project["project"]["name"])
    app = lock.package(name, None, ARCHES[0])
    runtime = sources(lock, app["dependencies"])
    backend = [
        {"name": re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0]}
        for requirement in project["build-system"]["requires"]
    ]
    build = sources(lock, backend, skip=set(runtime))
    return {
        "python3-requirements.json": module("python3-requirements", runtime, cleanup=False),
        "python3-build-backend.json": module("python3-build-backend", build, cleanup=True),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="flatpak_deps.py", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder for the module files")
    args = parser.parse_args(argv)
    found = modules(
        (ROOT / "uv.lock").read_text("utf-8"), (ROOT / "pyproject.toml").read_text("utf-8")
    )
    args.out.mkdir(parents=True, exist_ok=True)
    for filename, content in found.items():
        path = args.out / filename
        path.write_text(json.dumps(content, indent=2) + "\n", "utf-8")
        print(f"{path}: {len(content['sources'])} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
