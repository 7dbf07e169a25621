"""Build hook: the extraction path compiled by Cython where a C compiler is at hand.

The modules stay plain Python (no Cython syntax); compiling them takes the
interpreter's dispatch out of the per-article loops, about a quarter of the time.
Every extension is optional: without Cython, without a compiler, or with
MARSAD_PURE=1 set at install time, marsad installs and runs as pure Python.
`marsad.compiled` prefers a module's source when it is newer than its build.
"""
from __future__ import annotations

import os
from glob import glob

from setuptools import Extension, setup

# The per-article path: text layer, lexicons, extraction stages, linking's inner loops.
COMPILED = ["marsad/document.py", "marsad/pipeline.py", "marsad/record.py", "marsad/text/*.py",
            "marsad/knowledge/lexicon.py", "marsad/knowledge/gazetteer.py", "marsad/extract/*.py",
            "marsad/link/incidents.py", "marsad/link/reconcile.py", "marsad/link/wirecopy.py"]


def _sources() -> list[str]:
    return sorted(p for pattern in COMPILED for p in glob(pattern) if not p.endswith("__init__.py"))


def extensions() -> list[Extension]:
    if os.environ.get("MARSAD_PURE"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    mods = [Extension(p[:-3].replace("/", "."), [p], optional=True) for p in _sources()]
    try:
        return cythonize(mods, quiet=True, build_dir="build/cython", nthreads=os.cpu_count() or 1,
                         compiler_directives={"language_level": "3"})
    except Exception as exc:  # a Cython release that cannot read the code: install as Python
        print(f"marsad: not compiled ({exc}); installing as pure Python")
        return []


setup(ext_modules=extensions(), options={"build_ext": {"parallel": os.cpu_count() or 1}})
