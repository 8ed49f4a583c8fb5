"""The `panj` command line: demo loading and serving an existing database."""

from unittest import mock

import pytest

from panj import cli


def test_it_loads_the_demo_without_serving(db, capsys):
    assert cli.main(["demo", "--no-serve"]) == 0
    assert "alice@demo.panj.org" in capsys.readouterr().out


def test_it_serves_on_the_port_asked_for(db):
    with mock.patch("waitress.serve") as serve:
        assert cli.main(["serve", "--port", "8123"]) == 0
    assert serve.call_args.kwargs["port"] == 8123
    assert serve.call_args.kwargs["host"] == "127.0.0.1"


def test_it_refuses_an_unknown_command():
    with pytest.raises(SystemExit):
        cli.main(["nonsense"])
