"""GP practices: the shared ZorgkaartNederland counts, a user's own list, placing practices in regions.

Unit tests use small made-up files (named ``made_up_*``); the tests of the class
``TestRealData`` read the real data directory.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import ClassVar

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from regio.data._placing import largest_overlap, lonlat_points, points_in
from regio.errors import CRSError, DataNotFoundError, InputError, UnknownYearError
from regio.levels import LEVELS
from regio.sources.practices import COUNT_FILES, read_practice_counts, read_practice_list

TOTAL = 4866  # practices in the ZorgkaartNederland listing of 2026-03-11 (PROVENANCE.md, section 8)


def write(tmp_path: Path, text: str, name: str = "made_up_practices.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "made_up_practices.xlsx") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def problem_lines(exc: pytest.ExceptionInfo) -> list[str]:
    return [line.strip() for line in str(exc.value).splitlines()[1:]]


# ----------------------------------------------------------------------------- a user's list: reading

def test_dutch_headers_postcodes_and_decimal_commas(tmp_path):
    path = write(tmp_path, "Naam;Postcode;Huisartsen;FTE\n"
                           "Praktijk A;1011 AB;3;2,4\n"
                           "Praktijk B;1011ab;1;0,8\n"
                           "Praktijk C;1012;2;1\n")
    table = read_practice_list(path)
    assert table["row"].tolist() == [2, 3, 4]
    assert table["pc4"].tolist() == ["1011", "1011", "1012"]
    assert table["postcode"].tolist()[:2] == ["1011AB", "1011AB"]
    assert table["gps"].tolist() == [3, 1, 2]
    assert str(table["gps"].dtype) == "int64"
    assert table["fte"].tolist() == pytest.approx([2.4, 0.8, 1.0])
    assert table.attrs["columns"] == {"name": "Naam", "postcode": "Postcode", "gps": "Huisartsen", "fte": "FTE"}
    assert table.attrs["derived"] is False


def test_english_headers_and_municipal_code_forms(tmp_path):
    path = write(tmp_path, "name,municipality_code,lng,latitude,gps,address\n"
                           "A,GM0363,,,1,Dam 1\n"
                           "B,gm0014,,,2,x\n"
                           "C,363,,,1,y\n"
                           "D,,4.9,52.37,1,z\n")
    table = read_practice_list(path)
    assert table["statcode"].tolist()[:3] == ["GM0363", "GM0014", "GM0363"]
    assert table[["lon", "lat"]].iloc[3].tolist() == [4.9, 52.37]
    assert table.attrs["ignored"] == ["address"]


def test_no_location_lists_every_row(tmp_path):
    path = write(tmp_path, "naam,postcode\nA,1011 AB\nB,\nC,\nD,1012 CD\n")
    with pytest.raises(InputError) as exc:
        read_practice_list(path)
    message = str(exc.value)
    assert str(path) in message
    assert "rows 3, 4: no location" in message
    assert "postcode (1011 AB)" in message and "lon and lat" in message


def test_bad_postcode_names_file_row_and_column(tmp_path):
    path = write(tmp_path, "naam,postcode\nA,1011 AB\nB,12AB\n")
    with pytest.raises(InputError) as exc:
        read_practice_list(path)
    assert str(path) in str(exc.value)
    assert problem_lines(exc) == ["row 3, column postcode (B): '12AB' is not a Dutch postcode: write 4 digits and "
                                  "2 letters, e.g. 1011 AB."]


def test_bad_pc4_and_municipal_code(tmp_path):
    path = write(tmp_path, "pc4,gemeentecode\n101,\n,GM12345\n")
    with pytest.raises(InputError) as exc:
        read_practice_list(path)
    lines = problem_lines(exc)
    assert lines[0].startswith("row 2, column pc4 (A): '101' is not a PC4 code")
    assert lines[1].startswith("row 3, column gemeentecode (B): 'GM12345' is not a municipal code")


def test_postcode_and_pc4_that_disagree(tmp_path):
    path = write(tmp_path, "postcode,pc4\n1011 AB,1012\n")
    with pytest.raises(InputError, match=r"row 2, column pc4 \(B\): PC4 1012 differs from the postcode '1011 AB'"):
        read_practice_list(path)


@pytest.mark.parametrize(("lon", "lat", "expected"), [
    ("2.35", "48.86", "row 2, column lat (C): lat 48.86 lies outside the Netherlands (50.7 to 53.6)"),
    ("52.37", "4.9", "lon and lat look swapped"),
    ("121000", "487000", "look like RD coordinates in metres (EPSG:28992)"),
    ("4.9", "", "row 2, column lon (B): lon without lat"),
    ("oost", "52.37", "row 2, column lon (B): 'oost' is not a number of degrees"),
])
def test_coordinates_outside_the_netherlands_or_malformed(tmp_path, lon, lat, expected):
    path = write(tmp_path, f"naam,lon,lat\nA,{lon},{lat}\n")
    with pytest.raises(InputError, match="problem") as exc:
        read_practice_list(path)
    assert expected in str(exc.value)
    assert str(path) in str(exc.value)


@pytest.mark.parametrize(("header", "expected"), [
    ("naam,postcode,postcode", "columns B and C are both named 'postcode': a duplicate header"),
    ("naam,lat,latitude,lon", "columns 'lat' (B) and 'latitude' (C) both give the lat; keep one"),
])
def test_duplicate_header(tmp_path, header, expected):
    path = write(tmp_path, f"{header}\nA,1011 AB,1011 AB,4.9\n")
    with pytest.raises(InputError) as exc:
        read_practice_list(path)
    assert f"row 1 (the header): {expected}" in str(exc.value)


def test_header_repeated_inside_the_list(tmp_path):
    path = write(tmp_path, "naam,postcode\nA,1011 AB\nnaam,postcode\nB,1012 CD\n")
    with pytest.raises(InputError, match=r"row 3: repeats the header \(row 1\), a duplicate header; delete the row"):
        read_practice_list(path)


def test_no_location_column(tmp_path):
    path = write(tmp_path, "naam,adres\nA,Dam 1\n")
    with pytest.raises(InputError, match=r"row 1 \(the header\): no column says where the practices are; the "
                                         r"columns are 'naam', 'adres'"):
        read_practice_list(path)


@pytest.mark.parametrize(("gps", "expected"), [
    ("2.5", "'2.5' is not a whole number of GPs"),
    ("-1", "'-1' is not a whole number of GPs"),
    ("", "row 2, column huisartsen (C): empty; fill in the number of GPs"),
    ("=B2+1", "It is a formula, and regio reads a cell's text, never evaluating it"),
])
def test_bad_gp_counts(tmp_path, gps, expected):
    path = write(tmp_path, f"naam,postcode,huisartsen\nA,1011 AB,{gps}\n")
    with pytest.raises(InputError) as exc:
        read_practice_list(path)
    assert expected in str(exc.value)


def test_every_problem_at_once(tmp_path):
    path = write(tmp_path, "naam,postcode,fte\nA,12AB,1\nB,1011 AB,veel\nC,,1\n")
    with pytest.raises(InputError) as exc:
        read_practice_list(path)
    assert str(exc.value).startswith(f"{path}: 3 problem(s) in the practice list; nothing was read:")
    assert [line.split(":")[0] for line in problem_lines(exc)] == ["row 2, column postcode (B)",
                                                                   "row 3, column fte (C)", "row 4"]


FORMULA_LIKE = ['=HYPERLINK("https://example.org","Praktijk A")', "+31 20 123 4567", "-Praktijk B", "@Praktijk C"]


def test_formula_like_text_stays_text_in_csv(tmp_path):
    lines = "".join(f'"{name.replace(chr(34), chr(34) * 2)}",1011 AB\n' for name in FORMULA_LIKE)
    table = read_practice_list(write(tmp_path, "naam,postcode\n" + lines))
    assert table["name"].tolist() == FORMULA_LIKE


def test_formula_like_text_stays_text_in_xlsx(tmp_path):
    # openpyxl stores '=HYPERLINK(...)' as a formula without a computed value: read as its text, never evaluated
    path = write_xlsx(tmp_path, [["naam", "pc4", "huisartsen"], *[[name, 1011, 2] for name in FORMULA_LIKE]])
    table = read_practice_list(path)
    assert table["name"].tolist() == FORMULA_LIKE
    assert table["pc4"].tolist() == ["1011"] * 4
    assert table["gps"].tolist() == [2] * 4


def test_xlsx_numbers_and_row_numbers(tmp_path):
    path = write_xlsx(tmp_path, [["Naam", "Postcode", "Longitude", "Latitude", "GPs"],
                                 ["A", "1011 AB", None, None, 3],
                                 [None, None, None, None, None],  # a blank row: skipped, recorded
                                 ["C", None, 4.9, 52.37, 1.0],
                                 ["D", "9999 Z", None, None, 1]])
    with pytest.raises(InputError) as exc:
        read_practice_list(path)
    assert problem_lines(exc) == ["row 5, column Postcode (B): '9999 Z' is not a Dutch postcode: write 4 digits and "
                                  "2 letters, e.g. 1011 AB."]
    path = write_xlsx(tmp_path, [["Naam", "Postcode", "Longitude", "Latitude", "GPs"],
                                 ["A", "1011 AB", None, None, 3],
                                 [None, None, None, None, None],
                                 ["C", None, 4.9, 52.37, 1.0]], name="made_up_ok.xlsx")
    table = read_practice_list(path)
    assert table["row"].tolist() == [2, 4]
    assert table["gps"].tolist() == [3, 1]
    assert table["lon"].iloc[1] == 4.9
    assert table.attrs["blank_rows"] == [3]


def test_other_spreadsheet_formats_are_refused(tmp_path):
    path = write(tmp_path, "", name="made_up_practices.xls")
    with pytest.raises(InputError, match=r"not \.xls; save it as \.xlsx or \.csv"):
        read_practice_list(path)
    with pytest.raises(DataNotFoundError):
        read_practice_list(tmp_path / "no_such_list.csv")


# ----------------------------------------------------------------------------- the shared counts: validation

def made_up_counts(tmp_path: Path, level: str, text: str) -> Path:
    folder = tmp_path / "made_up_data" / "practices"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / COUNT_FILES[level].name).write_text(text, encoding="utf-8")
    return folder.parent


def test_counts_are_read_and_labelled_derived(tmp_path):
    root = made_up_counts(tmp_path, "pc4", "pc4,n_practices\n1011,2\n1012,0\n")
    counts = read_practice_counts("pc4", data_dir=root)
    assert counts["n_practices"].to_dict() == {"1011": 2, "1012": 0}
    assert counts.attrs["derived"] is True
    assert "(derived)" in counts.attrs["source"] and "ZorgkaartNederland" in counts.attrs["source"]


@pytest.mark.parametrize(("text", "expected"), [
    ("pc4,n_practices\n1011,2\n1011,3\n", "row 3, column pc4: 1011 is also in row 2; keep one row per code."),
    ("pc4,n_practices\n1011,-2\n", "row 2, column n_practices: '-2' is not a whole number of practices"),
    ("pc4,n_practices\n1011,2.5\n", "row 2, column n_practices: '2.5' is not a whole number of practices"),
    ("pc4,n_practices\n1011,\n", "row 2, column n_practices: 'an empty cell' is not a whole number"),
    ("pc4,n_practices\n101,1\n", "row 2, column pc4: '101' is not a pc4 code (e.g. 1011)."),
    ("pc4,aantal\n1011,1\n", "row 1 (the header): missing column(s) n_practices; the columns are pc4, aantal."),
])
def test_counts_validation_names_file_row_and_column(tmp_path, text, expected):
    root = made_up_counts(tmp_path, "pc4", text)
    with pytest.raises(InputError) as exc:
        read_practice_counts("pc4", data_dir=root)
    assert expected in str(exc.value)
    assert "DERIVED_gp_practices_per_pc4_2026_zorgkaart.csv" in str(exc.value)
    assert "restore it from a full data directory" in str(exc.value)


def test_counts_of_a_level_without_a_file(tmp_path):
    with pytest.raises(InputError, match="No shared practice counts per provincie: they exist per pc4, gemeente"):
        read_practice_counts("province", data_dir=tmp_path)
    with pytest.raises(DataNotFoundError, match="Missing GP practice counts file"):
        read_practice_counts("gemeente", data_dir=tmp_path)


# ----------------------------------------------------------------------------- placing: pure functions

def test_largest_overlap_takes_the_largest_share():
    units = gpd.GeoDataFrame(geometry=[box(0, 0, 10, 10), box(0, 0, 10, 10)], index=["u1", "u2"], crs=28992)
    regions = gpd.GeoDataFrame(geometry=[box(0, 0, 5, 10), box(5, 0, 10, 10)], index=["B", "A"], crs=28992)
    table = largest_overlap(units, regions)
    assert table["region"].tolist() == ["A", "A"]  # a tie: the first code
    assert table["share"].tolist() == [0.5, 0.5]
    with pytest.raises(CRSError, match="expected EPSG:28992"):
        largest_overlap(units.to_crs(4326), regions)


def test_points_in_regions_with_a_tolerance():
    regions = gpd.GeoDataFrame(geometry=[box(0, 0, 100, 100)], index=["A"], crs=28992)
    pts = gpd.GeoSeries([Point(50, 50), Point(100, 50), Point(130, 50), Point(400, 50)], crs=28992)
    hit = points_in(pts, regions, tolerance=50)
    assert hit["region"].tolist()[:3] == ["A", "A", "A"]  # inside, on the edge, 30 m outside
    assert hit["region"].isna().tolist() == [False, False, False, True]
    assert hit["distance"].tolist()[:3] == [0.0, 0.0, 30.0]
    dam = lonlat_points([4.8930], [52.3731])
    assert dam.crs.to_epsg() == 28992
    assert round(dam.x.iloc[0] / 1000) == 121 and round(dam.y.iloc[0] / 1000) == 487


# ----------------------------------------------------------------------------- real data

PLACE_LEVELS = [name for name in LEVELS if name != "wijk"]


class TestRealData:
    """The shared counts and a user's list on the real data directory."""

    pytestmark = pytest.mark.realdata

    def test_municipalities(self, real_data):
        from regio.data import practices

        gm = practices("gemeente", 2024, data_dir=real_data)
        assert len(gm) == 342
        assert int(gm["n_practices"].sum()) == TOTAL
        assert int(gm.loc["GM0277", "n_practices"]) == 0  # Rozendaal: 0, not missing
        assert gm.loc["GM0277", "statnaam"] == "Rozendaal"
        assert int(gm.loc["GM0363", "n_practices"]) == 268  # Amsterdam
        assert gm["n_practices"].notna().all()
        assert str(gm["n_practices"].dtype) == "int64"
        assert gm.attrs["derived"] is True
        assert "derived" in gm.attrs["source"]
        assert gm.attrs["level"] == "gemeente" and gm.attrs["year"] == 2024

    def test_pc4_areas(self, real_data):
        from regio.data import practices

        pc4 = practices("pc4", data_dir=real_data)
        assert int(pc4["n_practices"].sum()) == TOTAL
        assert int((pc4["n_practices"] > 0).sum()) == 2084  # the areas listed; the others are 0
        assert pc4["n_practices"].notna().all()
        assert len(read_practice_counts("pc4", data_dir=real_data)) == 2084

    @pytest.mark.parametrize("level", PLACE_LEVELS)
    def test_every_level_sums_to_the_total(self, real_data, level):
        from regio.data import practices

        out = practices(level, 2024, data_dir=real_data)
        assert int(out["n_practices"].sum()) == TOTAL
        assert out["n_practices"].notna().all()
        assert out.index.is_unique
        assert out.attrs["derived"] is True and out.attrs["level"] == level

    def test_provinces(self, real_data):
        from regio.data import practices

        prov = practices("province", data_dir=real_data)
        assert len(prov) == 12
        assert prov.loc["PV21", "statnaam"] == "Fryslân"
        assert "summed from the municipalities to provincie" in prov.attrs["method"]

    @pytest.mark.parametrize("level", ["arbeidsmarktregio", "regioplusarbeidsmarktregio"])
    def test_labour_market_regions_equal_the_published_derived_file(self, real_data, level):
        from regio.data import practices

        summed = practices(level, data_dir=real_data)["n_practices"]
        published = read_practice_counts(level, data_dir=real_data)["n_practices"]
        assert summed.sort_index().to_dict() == published.sort_index().to_dict()

    def test_pc4_placement_reproduces_the_municipal_file(self, real_data):
        from regio.data.practices import pc4_municipalities

        table = pc4_municipalities(2024, data_dir=real_data)
        pc4 = read_practice_counts("pc4", data_dir=real_data)
        placed = pc4["n_practices"].groupby(table["gemeente"].reindex(pc4.index)).sum()
        published = read_practice_counts("gemeente", data_dir=real_data)["n_practices"]
        assert placed.reindex(published.index, fill_value=0).to_dict() == published.to_dict()

    def test_another_division_is_refused(self, real_data):
        from regio.data import practices

        with pytest.raises(UnknownYearError, match="municipal division of 2024"):
            practices("gemeente", 2021, data_dir=real_data)
        assert len(practices("gemeente", 2025, data_dir=real_data)) == 342  # the same division as 2024
        with pytest.raises(InputError, match="not per wijk"):
            practices("wijk", data_dir=real_data)

    USER_ROWS: ClassVar[list[list[object]]] = [
        ["naam", "postcode", "pc4", "gemeentecode", "lon", "lat", "huisartsen", "fte"],
        ['=HYPERLINK("https://example.org","Praktijk Dam")', "", "", "", 4.9, 52.37, 3, 2.5],  # Amsterdam
        ["Praktijk Noord", "1011 AB", "", "", "", "", 2, 1.5],  # PC4 1011: Amsterdam
        ["Praktijk Stad", "", 9711, "", "", "", 4, 3.0],  # PC4 9711: Groningen
        ["Praktijk Veluwe", "", "", "GM0277", "", "", 1, 0.8],  # Rozendaal, by code
        ["Praktijk Utrecht", "", "", "", "5,1214", "52,0907", 5, 4.0],  # Utrecht centre, decimal commas
    ]

    def _csv(self, tmp_path: Path) -> Path:
        path = tmp_path / "made_up_list.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f, delimiter=";").writerows(self.USER_ROWS)
        return path

    def _xlsx(self, tmp_path: Path) -> Path:
        rows = [[None if c == "" else c for c in row] for row in self.USER_ROWS]
        rows[5][4], rows[5][5] = 5.1214, 52.0907
        return write_xlsx(tmp_path, rows, name="made_up_list.xlsx")

    @pytest.mark.parametrize("kind", ["csv", "xlsx"])
    def test_a_users_list_is_placed_and_summed(self, real_data, tmp_path, kind):
        from regio.data import practices
        from regio.data.practices import place_practices

        path = self._csv(tmp_path) if kind == "csv" else self._xlsx(tmp_path)
        placed = place_practices(path, data_dir=real_data)
        assert placed["placed_in"].tolist() == ["GM0363", "GM0363", "GM0014", "GM0277", "GM0344"]
        assert placed["placed_by"].tolist() == ["lon/lat", "PC4 area", "PC4 area", "municipal code", "lon/lat"]
        assert placed["name"].iloc[0] == '=HYPERLINK("https://example.org","Praktijk Dam")'  # text, not evaluated
        gm = practices("gemeente", path=path, data_dir=real_data)
        assert len(gm) == 342
        assert gm.loc["GM0363", ["n_practices", "gps"]].tolist() == [2, 5]
        assert gm.loc["GM0363", "fte"] == pytest.approx(4.0)
        assert int(gm["n_practices"].sum()) == 5 and int(gm["gps"].sum()) == 15
        assert int(gm.loc["GM0034", "n_practices"]) == 0  # Almere: none in the list, 0
        assert gm.attrs["derived"] is False
        assert str(path) in gm.attrs["source"]
        assert "2 by the municipality containing their lon/lat" in gm.attrs["method"]
        prov = practices("provincie", path=path, data_dir=real_data)
        assert prov.loc["PV27", ["n_practices", "gps"]].tolist() == [2, 5]
        assert prov.loc["PV25", ["n_practices", "gps"]].tolist() == [1, 1]
        assert int(prov["gps"].sum()) == 15 and len(prov) == 12
        for level in ("land", "arbeidsmarktregio", "ggdregio"):
            assert int(practices(level, path=path, data_dir=real_data)["n_practices"].sum()) == 5

    def test_a_users_list_per_pc4(self, real_data, tmp_path):
        from regio.data import practices

        path = write(tmp_path, "naam,postcode,lon,lat,huisartsen\nA,1011 AB,,,2\nB,,4.8930,52.3731,1\nC,9711 AA,,,3\n")
        pc4 = practices("pc4", path=path, data_dir=real_data)
        assert pc4.loc[["1011", "1012", "9711"], "gps"].tolist() == [2, 1, 3]  # the Dam lies in 1012
        assert int(pc4["n_practices"].sum()) == 3
        only_code = write(tmp_path, "naam,gemeentecode\nA,GM0363\n", name="made_up_codes.csv")
        with pytest.raises(InputError, match=r"row\(s\) 2: only a municipal code"):
            practices("pc4", path=only_code, data_dir=real_data)

    def test_the_count_of_practices_not_placed_is_the_rows_listed(self, real_data, tmp_path):
        """Rows with only a municipal code are one problem listing several rows: the count is of rows."""
        from regio.data import practices

        path = write(tmp_path, "naam,gemeentecode,lon,lat\nA,GM0363,,\nB,GM0344,,\nC,,3.9,53.2\n")
        with pytest.raises(InputError) as exc:
            practices("pc4", path=path, data_dir=real_data)
        message = str(exc.value)
        assert message.startswith(f"{path}: 3 practice(s) cannot be placed; nothing was counted")
        assert "row(s) 2, 3: only a municipal code" in message and "row 4, columns lon/lat" in message
        assert exc.value.message("nl").startswith(f"{path}: 3 praktijk(en) niet te plaatsen")

    def test_every_pc4_of_a_list_is_placed_or_refused_never_dropped(self, real_data, tmp_path):
        """PC4 9999 is a real area (the highest postcode); a PC4 of no area is refused naming row and column."""
        from regio.data import pc4_points, practices
        from regio.sources.boundaries import read_boundaries

        areas = set(read_boundaries("pc4", 2020, data_dir=real_data, warn=False).index)
        missing = next(str(c) for c in range(1000, 10000) if str(c) not in areas)
        assert "9999" in areas
        path = write(tmp_path, "postcode,gps\n1011AB,3\n3511 CD,2\n9999,1\n")
        for level in ("pc4", "gemeente", "provincie"):
            counted = practices(level, path=path, data_dir=real_data)
            assert int(counted["n_practices"].sum()) == 3 and int(counted["gps"].sum()) == 6  # nothing lost
        assert int(pc4_points(2024, practices_path=path, data_dir=real_data).frame["n_practices"].sum()) == 3
        bad = write(tmp_path, f"postcode,gps\n1011AB,3\n{missing} AA,1\n", name="made_up_pc4.csv")
        for level in ("pc4", "gemeente"):
            with pytest.raises(InputError) as exc:
                practices(level, path=bad, data_dir=real_data)
            assert str(exc.value).startswith(f"{bad}: 1 practice(s) cannot be placed")
            assert f"row 3, column postcode (A): PC4 {missing} " in str(exc.value)

    def test_rows_that_cannot_be_placed_are_named(self, real_data, tmp_path):
        from regio.data import practices

        path = write(tmp_path, "naam,postcode,gemeentecode,lon,lat\n"
                               "A,1011 AB,,,\n"
                               "B,,GM0457,,\n"  # Weesp: joined Amsterdam in 2022
                               "C,5028 AA,,,\n"  # PC4 5028 has no polygon
                               "D,,,4.2,52.9\n")  # the North Sea, inside the box around the Netherlands
        with pytest.raises(InputError) as exc:
            practices("gemeente", path=path, data_dir=real_data)
        message = str(exc.value)
        assert message.startswith(f"{path}: 3 practice(s) cannot be placed; nothing was counted")
        assert "row 3, column gemeentecode (C): GM0457 is not a municipality of 2024" in message
        assert "row 4, column postcode (B): PC4 5028 has no polygon in boundaries/pc4_2020.geojson" in message
        assert "row 5, columns lon/lat (D/E): the point (4.2, 52.9) lies" in message
        assert message.index("row 3,") < message.index("row 4,") < message.index("row 5,")  # in row order
        assert "km outside every municipality of 2024" in message

    def test_a_users_list_in_an_older_division(self, real_data, tmp_path):
        from regio.data import practices

        path = write(tmp_path, "naam,gemeentecode,lon,lat\nA,GM0457,,\nB,,5.04,52.31\n")  # Weesp, twice
        gm = practices("gemeente", 2021, path=path, data_dir=real_data)
        assert int(gm.loc["GM0457", "n_practices"]) == 2
        assert len(gm) == 352

    def test_data_list_shows_the_practice_files(self, real_data):
        from regio.report.data_list import catalog_text
        from regio.sources.catalog import catalog

        table = catalog(real_data)
        files = table.loc[table["kind"] == "practices", "name"].tolist()
        assert files == sorted({spec.name for spec in COUNT_FILES.values()})
        text = catalog_text(table, real_data, lang="en")
        assert "Praktijken:\n  DERIVED" in catalog_text(table, real_data)
        assert "Practices:\n  DERIVED_gp_practices_per_arbeidsmarktregio_2026_zorgkaart.csv" in text
        assert "ZorgkaartNederland" in text


@pytest.mark.realdata
def test_unplaceable_practices_are_said_in_dutch_and_english_on_the_command_line(real_data, tmp_path):
    """`regio access --practices` refuses a list it cannot place, row by row, in Dutch by default and in English."""
    from click.testing import CliRunner

    from regio.cli import main

    path = write(tmp_path, "naam,gemeentecode,lon,lat\nA,GM0363,,\nB,,3.9,53.2\n")  # a municipal code; a point at sea
    args = ["--data-dir", str(real_data), "access", "--practices", str(path)]
    dutch = CliRunner().invoke(main, args)
    assert dutch.exit_code == 2
    assert dutch.output.startswith(f"fout: {path}: 2 praktijk(en) niet te plaatsen; er is niets geteld:\n")
    assert "  rij(en) 2: alleen een gemeentecode, en die zegt niet in welk PC4-gebied" in dutch.output
    assert "  rij 3, kolommen lon/lat (C/D): het punt (3,9; 53,2) ligt " in dutch.output
    assert " km buiten elk PC4-gebied" in dutch.output and "row" not in dutch.output
    english = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert english.exit_code == 2
    assert english.output.startswith(f"error: {path}: 2 practice(s) cannot be placed; nothing was counted:\n")
    assert "  row 3, columns lon/lat (C/D): the point (3.9, 53.2) lies " in english.output
