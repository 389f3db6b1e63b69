"""Every command's ``--help`` is plain text, and every example it shows runs on the repository's data.

Examples are the lines after ``Example:``/``Examples:`` that start with ``reportnlp``; each runs in a
temporary directory that sees the repository's ``corpora/`` (outputs go under it), through the same click
group as the console script. An example that reads the State Council corpus is marked ``slow``.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import ROOT

from reportnlp.cli import main

COMMANDS = sorted(main.commands)


def _help(name: str) -> str:
    res = CliRunner().invoke(main, [name, "--help"])
    assert res.exit_code == 0, res.output
    return res.output


def examples() -> list:
    out = []
    for name in COMMANDS:
        cmd = main.commands[name]
        m = re.search(r"Examples?:\n(.*)", cmd.help or "", re.S)
        lines = [x.strip() for x in m.group(1).splitlines()] if m else []
        for line in lines:
            if line.startswith("reportnlp "):
                marks = [pytest.mark.slow] if "corpora/gwr" in line else []
                out.append(pytest.param(name, line, id=f"{name}: {line[10:60]}", marks=marks))
    return out


@pytest.mark.parametrize("name", COMMANDS)
def test_help_is_plain_text(name):
    text = _help(name)
    assert "``" not in text, text
    assert ":func:" not in text and ":class:" not in text


def test_the_group_lists_every_command():
    text = CliRunner().invoke(main, ["--help"]).output
    for name in COMMANDS:
        assert name in text


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_shows_an_example(name):
    assert any(p.values[0] == name for p in examples()), f"reportnlp {name} --help shows no example"


@pytest.mark.parametrize("name, line", examples())
def test_example_runs(name, line, tmp_path, monkeypatch):
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(line)[1:]
    for flag in ("-o", "--output", "--html", "--json", "--describe", "--explain", "--stats"):
        if flag in args:
            Path(args[args.index(flag) + 1]).parent.mkdir(parents=True, exist_ok=True)
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 0, (line, res.output)
    for flag in ("-o", "--output", "--html", "--json", "--describe", "--explain"):
        if flag in args:
            assert Path(args[args.index(flag) + 1]).exists(), (line, flag)  # may be empty


def test_plain_help_reaches_options_too():
    @click.command()
    @click.option("--x", help="as ``reportnlp clean``")
    def cmd(x):
        """Read as by ``reportnlp clean``."""

    group = click.Group(commands={"c": cmd})
    from reportnlp.cli import _plain_help

    _plain_help(group)
    assert cmd.help == "Read as by reportnlp clean." and cmd.params[0].help == "as reportnlp clean"
