"""Which of marsad's modules run compiled, and a guard against stale builds.

An install compiles the extraction path with Cython (see setup.py); the compiled
file sits beside its source and Python would load it first even after the source
changed. The finder below loads the source instead whenever it is newer than its
build, or everywhere when MARSAD_PURE is set, so an edit is never hidden by an
old build: it only runs slower until the next install.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from importlib.machinery import ModuleSpec

_EXTENSIONS = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def _built(folder: str, leaf: str) -> str | None:
    for suffix in _EXTENSIONS:
        path = os.path.join(folder, leaf + suffix)
        if os.path.isfile(path):
            return path
    return None


class FreshSourceFinder(importlib.abc.MetaPathFinder):
    """Loads `marsad.*` from its .py when the compiled build is older than it (or MARSAD_PURE is set)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if not fullname.startswith("marsad.") or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for folder in path:  # type: ignore[attr-defined]
            source = os.path.join(folder, leaf + ".py")
            if not os.path.isfile(source):
                continue
            built = _built(folder, leaf)
            if built is None:
                return None
            pure = bool(os.environ.get("MARSAD_PURE"))
            if not pure and os.path.getmtime(source) <= os.path.getmtime(built):
                return None
            if not pure:
                warnings.warn(f"marsad: {source} changed since it was compiled; running it as Python "
                              "(install again to compile it)", stacklevel=2)
            return importlib.util.spec_from_file_location(fullname, source)
        return None


def install() -> None:
    """Put the finder ahead of the path finder (once)."""
    if not any(isinstance(f, FreshSourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, FreshSourceFinder())


def compiled_modules() -> list[str]:
    """The loaded marsad modules that run compiled."""
    return sorted(name for name, mod in list(sys.modules.items())
                  if name.startswith("marsad.") and str(getattr(mod, "__file__", "")).endswith(_EXTENSIONS))
