"""The compiled build: a stale one never hides an edit, and it reads articles exactly as the source does."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import marsad
from marsad.compiled import FreshSourceFinder, compiled_modules

REPORTS = Path(__file__).parent / "extract" / "reports"


@pytest.fixture()
def module_dir(tmp_path: Path) -> Path:
    (tmp_path / "stage.py").write_text("X = 1\n")
    (tmp_path / f"stage{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    return tmp_path


def _age(path: Path, seconds: int) -> None:
    t = path.stat().st_mtime - seconds
    os.utime(path, (t, t))


def test_a_fresh_build_is_left_to_the_usual_import(module_dir, monkeypatch):
    monkeypatch.delenv("MARSAD_PURE", raising=False)
    _age(module_dir / "stage.py", 60)
    assert FreshSourceFinder().find_spec("marsad.fake.stage", [str(module_dir)]) is None


def test_a_source_newer_than_its_build_is_loaded_as_source_with_a_warning(module_dir, monkeypatch):
    monkeypatch.delenv("MARSAD_PURE", raising=False)
    _age(module_dir / f"stage{EXTENSION_SUFFIXES[0]}", 60)
    with pytest.warns(UserWarning, match="changed since it was compiled"):
        spec = FreshSourceFinder().find_spec("marsad.fake.stage", [str(module_dir)])
    assert spec is not None and spec.origin == str(module_dir / "stage.py")


def test_marsad_pure_loads_every_source_quietly(module_dir, monkeypatch):
    monkeypatch.setenv("MARSAD_PURE", "1")
    _age(module_dir / "stage.py", 60)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spec = FreshSourceFinder().find_spec("marsad.fake.stage", [str(module_dir)])
    assert spec is not None and spec.origin == str(module_dir / "stage.py")


@pytest.mark.parametrize("name", ["json", "marsad", "marsad.fake.stage"])
def test_other_modules_and_modules_without_a_build_are_not_touched(name, tmp_path):
    (tmp_path / "stage.py").write_text("X = 1\n")
    assert FreshSourceFinder().find_spec(name, [str(tmp_path)]) is None


def test_pure_python_and_the_installed_build_give_the_same_records():
    files = sorted(REPORTS.glob("*.txt"))
    here = [r.to_dict() for f in files for r in marsad.extract(f.read_text("utf-8"), "2019-01-01", f.stem)]
    script = ("import json, sys, marsad\n"
              "from marsad.compiled import compiled_modules\n"
              "files = sys.argv[1:]\n"
              "recs = [r.to_dict() for f in files for r in marsad.extract(open(f, encoding='utf-8').read(), "
              "'2019-01-01', f.rsplit('/', 1)[1][:-4])]\n"
              "print(json.dumps({'compiled': compiled_modules(), 'records': recs}, ensure_ascii=False))\n")
    env = {**os.environ, "MARSAD_PURE": "1"}
    out = subprocess.run([sys.executable, "-c", script, *map(str, files)], env=env, capture_output=True,
                         text=True, check=True, cwd=Path(__file__).parents[1])
    pure = json.loads(out.stdout)
    assert pure["compiled"] == []
    assert pure["records"] == json.loads(json.dumps(here, ensure_ascii=False))
    assert len(here) > 10


def test_compiled_modules_lists_only_marsad_extension_modules():
    assert all(name.startswith("marsad.") for name in compiled_modules())
