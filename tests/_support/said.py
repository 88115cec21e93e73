"""Check that an error of regio says the same in the catalogue's English as at its raise site, and is Dutch too."""

from __future__ import annotations

from regio.errors import RegioError, for_reader
from regio.labels import LABELS


def catalogue_text(err: RegioError, lang: str) -> str:
    """The catalogue's words of ``err`` in ``lang`` with its values (values that are errors in the same language)."""
    entry = LABELS[f"error.{err.key}"]
    if lang != "en":
        return err.message(lang)
    params = {k: (v.message("en") if isinstance(v, RegioError) else v) for k, v in err.params.items()}
    return for_reader(entry["en"]).format(**params)  # the text for a Python user (who reads str(err))


def assert_said_in_both(err: RegioError, *dutch: str) -> str:
    """Assert the English entry gives the raise site's message and the Dutch one holds ``dutch``; return the Dutch."""
    assert err.key and f"error.{err.key}" in LABELS, f"no catalogue entry for {err!r}"
    assert catalogue_text(err, "en") == str(err)
    nl = err.message("nl")
    assert nl != str(err), f"not said in Dutch: {nl}"
    for words in dutch:
        assert words in nl, f"{words!r} not in {nl!r}"
    return nl


def cli_in_both(args: list[str], monkeypatch) -> tuple[str, str]:
    """Run ``regio ARGS`` refused with the default language and with ``--lang en``; return both outputs.

    Each must be one error line with exit code 2: ``fout: ...`` by default (Dutch), ``error: ...`` in English.
    """
    from click.testing import CliRunner

    from regio.cli import main

    monkeypatch.delenv("REGIO_LANG", raising=False)
    outputs = []
    for extra, word in (([], "fout: "), (["--lang", "en"], "error: ")):
        result = CliRunner().invoke(main, [*args, *extra])
        assert result.exit_code == 2, result.output
        assert result.output.startswith(word) and result.output.count("\n") == 1, result.output
        outputs.append(result.output)
    return outputs[0], outputs[1]
