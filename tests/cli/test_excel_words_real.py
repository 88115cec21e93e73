"""Every Excel file a command writes, on the real data: each header cell of each sheet is words of the catalogue in
the chosen language (never a column's code name) and each sheet has the catalogue's name.

The commands that write Excel: population, density (the whole country, and a counts file of three provinces,
whose comparison is with the mean of the regions with data: columns named for that), access, allocate, recruit,
trainers (with an expansion plan) and model (per province, with the uncertainty's bands and sensitivity).
"""

from __future__ import annotations

import openpyxl
import pytest
from click.testing import CliRunner

from regio._columns import column_entry
from regio.cli import main
from regio.labels import LABELS, column_label, label


def _commands(tmp_path):
    counts = tmp_path / "tellingen.csv"
    counts.write_text("region,year,profession,count\nPV20,2018,huisarts,400\nPV21,2018,huisarts,300\n"
                      "PV22,2018,huisarts,350\n", encoding="utf-8")
    return {
        "population": ["population", "--level", "gemeente", "--age-bands", "--out", "{out}/population.csv"],
        "density": ["density", "-y", "2018", "--level", "provincie", "--out", "{out}"],
        "density_partial": ["density", "-y", "2018", "--level", "provincie", "--counts", str(counts),
                            "--out", "{out}"],
        "access": ["access", "--no-maps", "--out", "{out}"],
        "allocate": ["allocate", "-t", "100", "--level", "provincie", "--key", "need",
                     "--out", "{out}/allocation.csv"],
        "recruit": ["recruit", "--out", "{out}"],
        "trainers": ["trainers", "--expand", "1", "--out", "{out}"],
        "model": ["model", "--level", "provincie", "--uncertainty", "20", "--out", "{out}"],
    }


@pytest.mark.realdata
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_excel_header_and_sheet_name_is_words_of_the_catalogue(real_data, tmp_path, lang):
    sheet_names = {entry[lang] for key, entry in LABELS.items() if key.startswith("sheet.")}
    problems = []
    books = 0
    for name, args in _commands(tmp_path).items():
        out = tmp_path / lang / name
        res = CliRunner().invoke(main, ["--data-dir", str(real_data), *(a.format(out=out) for a in args),
                                        "--lang", lang], env={"REGIO_LANG": None, "COLUMNS": "100"})
        assert res.exit_code == 0, (name, res.output)
        written = sorted(out.glob("*.xlsx"))
        assert written, name
        for path in written:
            books += 1
            book = openpyxl.load_workbook(path, read_only=True)
            table, *others = book.sheetnames
            # the table's sheet: the catalogue's word, or the year it is of ("2024")
            if table not in sheet_names and not table.isdigit():
                problems.append(f"{path.name}: sheet {table!r}")
            assert others[-1] == label("sheet.columns", lang), path.name
            glossary = list(book[others[-1]].iter_rows(values_only=True))
            assert glossary[0] == (label("excel.column", lang), "Code", label("excel.meaning", lang))
            codes = [row[1] for row in glossary[1:]]
            header = next(book[table].iter_rows(max_row=1, values_only=True))
            assert len(header) == len(codes), path.name
            for code, cell in zip(codes, header, strict=True):
                if column_entry(code) is None:  # a code without words: its name would be its header
                    problems.append(f"{path.name}: column {code!r} has no label")
                elif cell != column_label(code, lang):
                    problems.append(f"{path.name}: header {cell!r} of {code!r} is not its label")
            for row in glossary[1:]:
                if not row[2]:
                    problems.append(f"{path.name}: column {row[1]!r} has no meaning")
            if len(others) == 2:  # the notes
                assert others[0] == label("sheet.notes", lang), path.name
                first = next(book[others[0]].iter_rows(max_row=1, values_only=True))
                assert first == (label("excel.notes", lang),), path.name
    assert books >= 16  # every command's tables (trainers four, model five, ...)
    assert not problems, "\n".join(problems)
