"""`marsad eval` must agree with the project's referee (../shared/eval/score.py) on any predictions."""
from __future__ import annotations

import copy
import importlib.util
import json

from typer.testing import CliRunner

import marsad
from marsad.evaluation.report import as_dict, evaluate
from marsad.interfaces.cli import app


def _referee(shared):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _preds(shared):
    out = []
    for f in sorted((shared / "eval" / "texts").glob("*.txt")):
        out += [r.to_dict() for r in marsad.extract(f.read_text("utf-8"), article_id=f.stem)]
    return out


def _perturbed(preds):
    worse = copy.deepcopy(preds[1:])
    worse[0]["event_date"] = "1999-01-01"
    worse[1]["actor1"] = "Somebody Else"
    worse[2]["casualties"] = []
    worse.append({**copy.deepcopy(worse[3]), "evidence": {"trigger": [0, 5]}})
    return worse


def test_agrees_with_referee(shared):
    gold_path = shared / "eval" / "gold" / "seeds.json"
    gold = json.loads(gold_path.read_text("utf-8"))
    for preds in (_preds(shared), _perturbed(_preds(shared))):
        want = _referee(shared).score(gold, shared / "eval" / "texts", preds)
        assert as_dict(evaluate(gold_path, shared / "eval" / "texts", preds)) == want


def test_eval_command_runs_extraction(shared):
    res = CliRunner().invoke(app, ["eval", "--gold", str(shared / "eval" / "gold" / "seeds.json"),
                                   "--texts", str(shared / "eval" / "texts"), "--json"])
    assert res.exit_code == 0
    assert json.loads(res.output)["events"]["f1"] >= 0.9


def test_bad_gold_is_one_line(tmp_path):
    bad = tmp_path / "g.json"
    bad.write_text("{}", "utf-8")
    res = CliRunner().invoke(app, ["eval", "--gold", str(bad), "--texts", str(tmp_path)])
    assert res.exit_code == 2 and "not a marsad-gold/1 file" in res.output
