"""regio.density on the real data directory: density_inputs, density_result, trend_result, `regio density`, Nivel.

Unit tests of the modules on hand-made data are in test_density_rates.py, test_density_smoothing.py,
test_density_trends.py, test_density_placing.py and test_density_run.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from regio.density import eb_global, eb_spatial, queen_neighbours
from regio.errors import DataNotFoundError, InputError
from regio.report.density import export_table

#: CBS 37259eng in the data directory; tests of interpolation leave it out.
REGISTER = "tables/population_regions_1jan_2012_2024_cbs37259eng.csv"


# ----------------------------------------------------------------------------- population of the regions

@pytest.mark.realdata
def test_incomplete_regional_population_page_is_not_used(real_data, data_without):
    # CBS 70072ned pages in the data list 2018 for Overijssel only: a province table of one row
    # would silently drop eleven provinces; it must raise and point at interpolation instead.
    import regio
    from regio.errors import UnknownYearError

    root = data_without(REGISTER)  # with CBS 37259eng every year 2012-2024 is complete
    with pytest.raises(UnknownYearError, match="interpolate"):
        regio.population("provincie", 2018, data_dir=root)
    full = regio.population("provincie", 2018, interpolate=True, data_dir=root)
    assert len(full) == 12
    assert len(regio.population("provincie", 2023, data_dir=root)) == 12  # a complete page is still used


# ----------------------------------------------------------------------------- smoothing

@pytest.fixture(scope="module")
def municipal(real_data):
    import regio

    pop = regio.population("gemeente", 2024)
    shapes = regio.boundaries("gemeente", 2024)
    return pop, shapes


@pytest.mark.realdata
def test_smoothing_pulls_small_municipalities_and_leaves_large_ones(municipal):
    pop, shapes = municipal
    p = pop["population"]
    rng = np.random.default_rng(3)
    # made-up counts with real differences between municipalities: true rates ~ Gamma(mean 70, sd 14)
    true_rate = rng.gamma(25, 70 / 25, size=len(p)) / 1e5
    counts = pd.Series(rng.poisson(p * true_rate), index=p.index).astype(float)
    small = p.nsmallest(5).index  # Schiermonnikoog, Vlieland, Ameland, Terschelling, Rozendaal
    counts[small[0]] = 0  # an empty island ...
    counts[small[1]] = 3  # ... and one with three GPs on about 1,200 inhabitants (250 per 100,000)
    large = p.nlargest(5).index
    crude = counts / p * 1e5
    national = counts.sum() / p.sum() * 1e5
    eb = eb_global(counts, p)["eb_per_100k"]
    pulled = (eb[small] - national).abs() / (crude[small] - national).abs()
    assert (pulled < 0.5).all(), pulled  # small ones at least halfway to the national rate
    assert ((eb[large] - crude[large]).abs() < 0.05 * crude[large]).all()  # large ones within 5 %
    nb = queen_neighbours(shapes)
    assert set(nb["focal"]) == set(p.index)  # everyone has a neighbour ...
    assert "GM0060" in nb.attrs["islands"]  # ... Ameland through the nearest-region fallback
    local = eb_spatial(counts, p, nb)
    assert local["eb_spatial_per_100k"].notna().all()
    shrink = local["shrinkage"]
    assert shrink[small].min() > shrink[large].max()
    assert ((local["eb_spatial_per_100k"][large] - crude[large]).abs() < 0.1 * crude[large]).all()


# ----------------------------------------------------------------------------- trend over mergers

@pytest.mark.realdata
def test_trend_over_mergers_conserves_counts(real_data, tmp_path):
    import regio
    from regio.density.run import trend_result

    p17 = regio.population("gemeente", 2017)
    p24 = regio.population("gemeente", 2024)
    rng = np.random.default_rng(5)
    rows = [("gemeente", 2017, p17), ("gemeente", 2024, p24)]
    lines = ["region,year,profession,count"]
    totals = {}
    for _, year, pop in rows:
        counts = rng.poisson(pop["population"] * 70e-5)
        totals[year] = int(counts.sum())
        lines += [f"{code},{year},huisarts,{n}" for code, n in zip(pop.index, counts, strict=True)]
    path = tmp_path / "counts.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    table, notes = trend_result("huisarts", level="gemeente", years=(2017, 2024), counts_path=path)
    assert len(table) == 342 and len(p17) == 388  # 2017 carried to the 2024 division
    assert table["count_2017"].sum() == pytest.approx(totals[2017])
    assert table["count_2024"].sum() == pytest.approx(totals[2024])
    assert table["population_2017"].sum() == pytest.approx(p17["population"].sum())
    prov, _ = trend_result("huisarts", level="provincie", years=(2017, 2024), counts_path=path)
    assert len(prov) == 12 and prov["count_2017"].sum() == pytest.approx(totals[2017])
    assert any("2024" in n for n in notes)


@pytest.mark.realdata
def test_a_merged_municipality_missing_a_predecessor_count_is_no_data(real_data, tmp_path):
    """Haren (GM0017) merged into Groningen (GM0014) in 2019: without Haren's 2017 count, Groningen has none."""
    import regio
    from regio.density.run import trend_result

    p17 = regio.population("gemeente", 2017).drop(index="GM0017")
    p24 = regio.population("gemeente", 2024)
    lines = ["region,year,profession,count"]
    lines += [f"{code},2017,huisarts,{round(n * 70e-5)}" for code, n in p17["population"].items()]
    lines += [f"{code},2024,huisarts,{round(n * 70e-5)}" for code, n in p24["population"].items()]
    path = tmp_path / "counts.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    table, notes = trend_result("huisarts", level="gemeente", years=(2017, 2024), counts_path=path)
    assert pd.isna(table.loc["GM0014", "count_2017"]) and table.loc["GM0014", "count_2024"] > 0
    text = " ".join(notes)
    assert "GM0014" in text and "GM0017" in text
    # the counts of Groningen's other predecessors (old Groningen, Ten Boer) are reported as not placed
    cw = regio.crosswalk(2017, 2024)
    others = sorted(set(cw.loc[cw["to_code"] == "GM0014", "from_code"]) - {"GM0017"})
    assert others == ["GM0009", "GM0014"]
    unplaced = sum(round(p17.loc[c, "population"] * 70e-5) for c in others)
    assert f"{unplaced} getelde artsen" in text
    assert table["count_2017"].sum() + unplaced == sum(round(n * 70e-5) for n in p17["population"])


# ----------------------------------------------------------------------------- density_result and the professions

@pytest.mark.realdata
def test_density_result_level_is_the_confidence_and_a_region_level_there_says_where_it_belongs(real_data):
    from regio.density.run import density_inputs, density_result

    inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
    with pytest.raises(InputError, match=r"region level is chosen in density_inputs\(level=\.\.\.\)"):
        density_result(inputs, level="gemeente", spatial=False)
    wide = density_result(inputs, confidence=0.99, spatial=False).table
    old_name = density_result(inputs, level=0.99, spatial=False).table
    pd.testing.assert_series_equal(wide["lower_per_100k"], old_name["lower_per_100k"])
    assert (wide["lower_per_100k"] < density_result(inputs, spatial=False).table["lower_per_100k"]).all()


def test_unknown_profession_is_an_error(real_data):
    import regio

    with pytest.raises(InputError, match="Unknown profession 'tandarts'.*huisarts"):
        regio.physicians("tandarts")
    # a profession regio knows but the data directory lacks says how to get it
    with pytest.raises(DataNotFoundError, match=r"No counts for profession 'basisarts'.*regio data fetch"):
        regio.physicians("basisarts")


# ----------------------------------------------------------------------------- real data end to end

@pytest.fixture(scope="module")
def gp2018(real_data):
    from regio.density.run import density_inputs, density_result

    return density_result(density_inputs("huisarts", level="provincie", year=2018))


def _population_2019_by_hand(data_dir) -> pd.Series:
    """Inhabitants per province on 1 January 2019, straight from the 2017 and 2022 rows of the timeseries.

    Linear between 1-1-2017 and 1-1-2022 (2019 is 2/5 of the way); municipalities summed to their 2022
    province. Between 2017 and 2022 only Leerdam and Zederik changed province (into Vijfheerenlanden,
    Utrecht, 2019); every other merger stayed within one province.
    """
    import regio

    ts = pd.read_csv(data_dir / "tables" / "population_gemeente_timeseries.csv", dtype={"statcode": str})
    sums = {}
    for year in (2017, 2022):
        rows = ts[ts["year"] == year].set_index("statcode")["population"]
        province = regio.membership(year, levels=["provincie"])["provincie"].astype(str)
        if year == 2017:
            province = province.copy()
            province[["GM0545", "GM0707"]] = "PV26"
        assert rows.index.isin(province.index).all()
        sums[year] = rows.groupby(province.reindex(rows.index).to_numpy()).sum().astype(float)
    return sums[2017] + (sums[2022] - sums[2017]) * (2019 - 2017) / (2022 - 2017)


@pytest.mark.realdata
def test_gp_2018_rates_recomputed_by_hand(gp2018, real_data):
    import regio

    raw = pd.read_csv(regio.data_dir() / "physicians" / "cbs84777NED_huisartsen_woonregio_provincie_2018.csv",
                      dtype={"region_code": str}).set_index("region_code")["medisch_geschoolden"]
    # counted on Friday 21 December 2018: the population of 1 January 2019 (ten days later) goes with them
    assert gp2018.inputs.reference_date == pd.Timestamp("2018-12-21") and gp2018.inputs.population_year == 2019
    assert gp2018.table.attrs["population_date"] == pd.Timestamp("2019-01-01")
    reg = pd.read_csv(real_data / REGISTER, dtype={"statcode": str})
    pop = reg[(reg["level"] == "provincie") & (reg["year"] == 2019)].set_index("statcode")["population_total"]
    t = gp2018.table
    assert len(t) == 12
    assert (t["population"] == pop.reindex(t.index)).all()  # CBS 37259eng, 1 January 2019, as published
    for code in t.index:
        assert t.loc[code, "count"] == raw[code]
        assert t.loc[code, "rate_per_100k"] == pytest.approx(raw[code] / pop[code] * 100_000, rel=1e-4)
    provinces = raw.drop(["NL01", "PV99"])
    assert t.attrs["national_per_100k"] == pytest.approx(provinces.sum() / pop.sum() * 100_000, rel=1e-5)
    assert provinces.sum() == 12_210
    assert pop.sum() == 17_282_163  # CBS, 1 January 2019
    # the counts are large: Byar; it agrees with the exact chi-square interval to within 0.5 %
    lo = stats.chi2.ppf(0.025, 2 * t["count"]) / 2 / t["population"] * 1e5
    assert (t["ci_method"] == "Byar").all()
    assert t["lower_per_100k"].to_numpy() == pytest.approx(lo.to_numpy(), rel=0.005)
    assert t.loc["PV24", "comparison"] == "below"  # Flevoland, 34.8 per 100,000
    written = export_table(gp2018)
    assert written.loc["PV24", "comparison"] == "below"
    assert written.loc["PV24", "comparison_label"] == "lager dan landelijk"
    assert export_table(gp2018, "en").loc["PV24", "comparison_label"] == "below national"
    assert t.loc["PV26", "rank"] == 1  # Utrecht


@pytest.mark.realdata
def test_gp_2018_rates_without_the_register_interpolate_the_population(real_data, data_without):
    from regio.density.run import density_inputs, density_result

    root = data_without(REGISTER)
    inputs = density_inputs("huisarts", level="provincie", year=2018, data_dir=root)
    assert inputs.population_interpolated
    t = density_result(inputs).table
    pop = _population_2019_by_hand(root)
    # regio rounds each interpolated municipality to whole people: within 1 per municipality of the exact line
    assert (t["population"] - pop.reindex(t.index)).abs().max() < 10


@pytest.mark.realdata
def test_the_national_rate_is_one_number_at_every_level(gp2018, real_data):
    """The country, landsdelen and provinces use the same (interpolated) population, so 'landelijk' agrees."""
    from regio.density.run import density_inputs, density_result

    national = gp2018.table.attrs["national_per_100k"]
    for level in ("land", "landsdeel"):
        res = density_result(density_inputs("huisarts", level=level, year=2018, with_shapes=False), spatial=False)
        assert res.table["population"].sum() == gp2018.table["population"].sum()
        assert res.totals.loc["TOTAAL", "rate_per_100k"] == pytest.approx(national)
    assert len(res.totals.index.unique()) == len(res.totals)


@pytest.mark.realdata
def test_gp_2018_unplaced_and_cbs_total_are_reported(gp2018):
    totals = gp2018.totals
    assert totals.loc["PV99", "count"] == 45 and totals.loc["PV99", "kind"] == "unplaced"
    assert totals.loc["TOTAAL+", "count"] == 12_255
    assert totals.loc["BRON", "count"] == 12_245 and totals.loc["BRON", "kind"] == "source total"
    text = " ".join(gp2018.notes)
    assert "PV99" in text and "12.245" in text and "12.210" in text
    assert "21-12-2018" in text and "1-1-2019" in text
    assert "17.282.163" in text  # CBS's national population of 1 January 2019
    assert "Woonplaats is niet werkplaats" in text
    assert "37259eng" in gp2018.source and "1-1-2019" in gp2018.source


@pytest.mark.realdata
def test_cli_density_prints_and_writes(real_data, data_without, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "huisarts",
                                    "--level", "provincie", "--year", "2018", "--out", str(tmp_path), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "Flevoland" in res.output and "PV99" in res.output and "NL01" in res.output
    written = pd.read_csv(tmp_path / "density_huisarts_provincie_2018.csv", dtype={"statcode": str})
    assert written.loc[written["kind"] == "region", "count"].sum() == 12_210
    assert (tmp_path / "density_huisarts_provincie_2018.xlsx").is_file()
    bad = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "tandarts",
                                    "--year", "2018", "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "tandarts" in bad.output
    no_interp = CliRunner().invoke(main, ["--data-dir", str(data_without(REGISTER)), "density", "--year", "2018",
                                          "--no-interpolate", "--out", str(tmp_path)])
    assert no_interp.exit_code == 2 and "interpolate" in no_interp.output


@pytest.mark.realdata
def test_density_csv_has_the_same_numbers_and_codes_in_every_language(real_data, tmp_path):
    """Only words differ between --lang nl and en: the names of the total rows and the *_label columns."""
    from click.testing import CliRunner

    from regio.cli import main

    tables, shown = {}, {}
    for lang in ("nl", "en"):
        res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--year", "2018",
                                        "--out", str(tmp_path / lang), "--lang", lang])
        assert res.exit_code == 0, res.output
        shown[lang] = res.output
        tables[lang] = pd.read_csv(tmp_path / lang / "density_huisarts_provincie_2018.csv", dtype=str,
                                   keep_default_na=False)
    nl, en = tables["nl"], tables["en"]
    assert list(nl.columns) == list(en.columns)
    words = ["statnaam", "comparison_label", "band_label"]
    assert {"comparison", "comparison_label", "band", "band_label"} <= set(nl.columns)
    same = [c for c in nl.columns if c not in words]
    pd.testing.assert_frame_equal(nl[same], en[same])  # every number and every code, as written
    regions = nl["kind"] == "region"
    assert set(nl.loc[regions, "comparison"]) <= {"below", "similar", "above"}
    assert set(nl.loc[regions, "band"]) <= {"under", "around", "over"}
    assert nl.loc[regions, "statnaam"].equals(en.loc[regions, "statnaam"])  # region names are names
    flevoland = nl.index[nl["statcode"] == "PV24"][0]
    assert nl.loc[flevoland, "comparison"] == "below"
    assert nl.loc[flevoland, "comparison_label"] == "lager dan landelijk"
    assert en.loc[flevoland, "comparison_label"] == "below national"
    assert en.loc[flevoland, "band_label"] == "well below national"
    # people read words: the terminal and the Excel file
    assert "lager dan landelijk" in shown["nl"] and "below national" in shown["en"]
    assert "below national" not in shown["nl"]
    xlsx = pd.read_excel(tmp_path / "en" / "density_huisarts_provincie_2018.xlsx", index_col=0)
    # Excel for people: headers and cells in words (the codes stay in the CSV; the glossary names them)
    assert xlsx.loc["PV24", "Comparison"] == "below national" and "Comparison (code)" not in xlsx.columns
    assert xlsx.loc["PV24", "Row kind"] == "region"


# ----------------------------------------------------------------------------- one sector, labour-market rows

@pytest.mark.realdata
def test_umc_sector_2023_is_named_partial_and_not_added_up_over_levels(real_data, tmp_path):
    # the 2023 extract holds one sector (UMCs) for 8 of 12 provinces, with PV and LD rows
    from click.testing import CliRunner

    from regio.cli import main
    from regio.density.run import density_inputs, density_result
    from regio.maps.density import _titles

    result = density_result(density_inputs("big_totaal", level="provincie", year=2023))
    assert result.inputs.sector == "Universitair medische centra"
    assert result.inputs.population_year == 2024  # counted on 22 December 2023
    title, _, caveat = _titles([result], "nl")
    assert "alleen sector Universitair medische centra" in title
    assert "niet in te delen" not in caveat  # LD99 (465) is a landsdeel row, not a province's
    assert "Geen aantal voor 4 van de 12" in caveat and "niet met heel Nederland" in caveat
    assert "LD99" not in result.totals.index and "TOTAAL+" not in result.totals.index
    assert result.table["count"].notna().sum() == 8 and result.table["count"].sum() == 17_470
    text = " ".join(result.notes)
    assert "8 van de 12" in text and "geen landelijk cijfer" in text and "LD99" in text
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                    "--year", "2023", "--out", str(tmp_path), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "Universitair medische centra only" in res.output and "8 of 12 regions" in res.output
    wrong = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                      "--year", "2023", "--sector", "Huisartsenpraktijk", "--out", str(tmp_path)])
    assert wrong.exit_code == 2 and "Universitair medische centra" in wrong.output


@pytest.mark.realdata
def test_arbeidsmarktregio_rows_are_reported_not_a_crash(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                    "--year", "2022", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "Zuid-West Gelderland (RA)" in res.output and "Midden-Gelderland (RA)" in res.output
    assert "cbs84779NED_big_gelderland_2022_PARTIAL.csv" in res.output
    written = pd.read_csv(tmp_path / "density_big_totaal_provincie_2022.csv", dtype={"statcode": str})
    assert written.loc[written["kind"] == "region", "count"].sum() == 43_975  # Gelderland only, no RA added


# ----------------------------------------------------------------------------- the confidence level in the map

@pytest.mark.realdata
def test_map_tooltip_and_legend_follow_the_confidence_level(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "map", "density", "--year", "2018",
                                    "--confidence", "0.9", "--no-institutes", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "density_huisarts_provincie_2018.html").read_text(encoding="utf-8")
    assert "Per 100.000 (90%-interval)" in page and "90%-interval t.o.v." in page
    assert "95%" not in page
    assert "Aantallen van 21-12-2018 met de bevolking op 1-1-2019" in page


# ----------------------------------------------------------------------------- newest counts: own year's population

@pytest.fixture(scope="module")
def data_2024(real_data, tmp_path_factory):
    """A data directory like the real one whose GP extract also holds the 2018 counts relabelled as 2024.

    Built at test time from the real files (never committed): every folder is linked, except
    ``physicians/`` which holds the real 2018 file and a copy with period "2024 (peilmoment: laatste vrijdag
    voor kerst)" - counted on Friday 20 December 2024, ten days before 1 January 2025, which has no table.
    """
    root = tmp_path_factory.mktemp("data_2024")
    for entry in real_data.iterdir():
        if entry.name != "physicians":
            (root / entry.name).symlink_to(entry.resolve())
    phys = root / "physicians"
    phys.mkdir()
    name = "cbs84777NED_huisartsen_woonregio_provincie_2018.csv"
    text = (real_data / "physicians" / name).read_text(encoding="utf-8")
    (phys / name).write_text(text, encoding="utf-8")
    relabelled = text.replace("84777NED,2018 (peilmoment", "84777NED,2024 (peilmoment")
    assert relabelled.count("2024 (peilmoment") == text.count("2018 (peilmoment") > 10
    (phys / name.replace("2018", "2024")).write_text(relabelled, encoding="utf-8")
    return root


@pytest.mark.realdata
def test_newest_counts_fall_back_to_the_population_of_their_own_year(data_2024):
    import regio
    from regio.density.run import density_inputs, density_result

    inputs = density_inputs("huisarts", level="provincie", year=2024, data_dir=data_2024)
    assert inputs.reference_date == pd.Timestamp("2024-12-20")
    assert inputs.nearest_population_year == 2025 and inputs.population_year == 2024  # no 2025, no extrapolation
    published = regio.population("provincie", 2024, data_dir=data_2024)["population"]
    pd.testing.assert_series_equal(inputs.population["population"], published, check_names=False)
    result = density_result(inputs)
    assert result.table.attrs["population_date"] == pd.Timestamp("2024-01-01")
    assert result.table.attrs["population_nearest_date"] == pd.Timestamp("2025-01-01")
    assert result.table.attrs["population_fallback"]
    assert result.table["count"].sum() == 12_210
    text = " ".join(result.notes)
    assert "20-12-2024" in text and "1-1-2025" in text and "1-1-2024" in text
    assert "1-1-2024" in result.source
    en = density_result(density_inputs("huisarts", level="provincie", year=2024, lang="en", data_dir=data_2024),
                        lang="en")
    assert "1 January 2025" in " ".join(en.notes) and "1 January 2024" in " ".join(en.notes)
    # the 2018 counts still take the nearest 1 January (2019, interpolated): no fallback
    old = density_inputs("huisarts", level="provincie", year=2018, data_dir=data_2024)
    assert old.population_year == old.nearest_population_year == 2019


@pytest.mark.realdata
def test_newest_counts_on_the_command_line_and_in_the_atlas(data_2024, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main
    from regio.report.atlas import build_atlas

    res = CliRunner().invoke(main, ["--data-dir", str(data_2024), "density", "--year", "2024",
                                    "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "1-1-2025" in res.output and "Flevoland" in res.output
    items, skipped = build_atlas(tmp_path / "atlas", sections=["density"], data_dir=data_2024, progress=False)
    assert skipped == []
    maps = sorted(it.path for it in items if it.kind == "map")
    assert maps == ["density_huisarts_provincie_2018.html", "density_huisarts_provincie_2024.html"]
    newest = next(it for it in items if it.path == "density_huisarts_provincie_2024.html")
    assert "bevolking op 1-1-2024 (er is geen bevolking voor 1-1-2025)" in newest.description
    page = (tmp_path / "atlas" / newest.path).read_text(encoding="utf-8")
    assert "Aantallen van 20-12-2024 met de bevolking op 1-1-2024: er is geen bevolking voor 1-1-2025" in page


@pytest.mark.realdata
def test_population_errors_name_the_counts_date_and_the_population_date(real_data, data_without):
    from regio.density.run import density_inputs
    from regio.errors import UnknownYearError

    with pytest.raises(UnknownYearError, match=r"counts of 21 December 2018 → population 1 January 2019") as err:
        density_inputs("huisarts", level="pc4", year=2018)
    assert "1 January 2018" in str(err.value) and "2021" in str(err.value)  # the fallback tried, and what exists
    with pytest.raises(UnknownYearError, match=r"counts of 21 December 2018 → population 1 January 2019.*interpolat"):
        density_inputs("huisarts", level="provincie", year=2018, interpolate=False, data_dir=data_without(REGISTER))


# ----------------------------------------------------------------------------- counts summed to coarser levels

@pytest.mark.realdata
def test_gp_2018_by_landsdeel_and_for_the_country(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main
    from regio.density.run import density_inputs, density_result

    raw = pd.read_csv(real_data / "physicians" / "cbs84777NED_huisartsen_woonregio_provincie_2018.csv",
                      dtype={"region_code": str}).set_index("region_code")["medisch_geschoolden"]
    parts = {"LD01": ["PV20", "PV21", "PV22"], "LD02": ["PV23", "PV24", "PV25"],
             "LD03": ["PV26", "PV27", "PV28", "PV29"], "LD04": ["PV30", "PV31"]}  # CBS landsdelen
    ld = density_result(density_inputs("huisarts", level="landsdeel", year=2018))
    assert ld.table["count"].to_dict() == {code: float(raw[pv].sum()) for code, pv in parts.items()}
    assert ld.totals.loc["PV99", "count"] == 45 and ld.totals.loc["TOTAAL+", "count"] == 12_255
    nl = density_result(density_inputs("huisarts", level="land", year=2018))
    assert nl.table["count"].to_dict() == {"NL01": 12_210.0}
    assert nl.table.loc["NL01", "rate_per_100k"] == pytest.approx(12_210 / nl.table["population"].sum() * 1e5)
    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--year", "2018", "--level",
                                    "landsdeel", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "Noord-Nederland" in res.output and "12 aantallen per provincie opgeteld tot landsdeel" in res.output


# ----------------------------------------------------------------------------- partial counts: no national reference

@pytest.mark.realdata
def test_umc_sector_2023_has_no_national_wording_and_no_provision(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main
    from regio.density.run import density_inputs, density_result
    from regio.maps.density import density_map

    args = ["--data-dir", str(real_data), "density", "--profession", "big_totaal", "--year", "2023",
            "--out", str(tmp_path)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    out = res.output
    assert "dan landelijk" not in out and "ondervoorzien" not in out and "1.931" not in out
    assert "lager dan het gemiddelde" in out and "het gemiddelde van de 8 van de 12 regio's met gegevens" in out
    assert "Geen voorzieningsgraad" in out and "--norm-per-100k" in out
    written = pd.read_csv(tmp_path / "density_big_totaal_provincie_2023.csv")
    assert "national_per_100k" not in written and "needed" not in written
    rows = written[(written["kind"] == "region") & written["count"].notna()]
    mean = rows["count"].sum() / rows["population"].sum() * 1e5  # over the 8 provinces with a count
    assert rows["count"].sum() == 17_470 and written["mean_of_regions_with_data_per_100k"].dropna().iloc[0] == \
        pytest.approx(mean)
    normed = CliRunner().invoke(main, [*args, "--norm-per-100k", "150"])
    assert normed.exit_code == 0 and "ondervoorzien" in normed.output and "norm 150,0" in normed.output
    result = density_result(density_inputs("big_totaal", level="provincie", year=2023))
    _, frame, layers, _ = density_map([result], tiles=None)
    titles = [la.title for la in layers]
    assert "Vergeleken met het gemiddelde van de regio's met gegevens" in titles
    assert not any("landelijk" in ti or "Voorzieningsgraad" in ti for ti in titles)
    assert "t_need" not in frame and "t_prov" not in frame
    assert not any("landelijk" in la.note for la in layers)


@pytest.mark.realdata
def test_one_region_of_data_is_not_compared_with_itself(real_data, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--profession", "big_totaal",
                                    "--year", "2022", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "niet significant afwijkend" not in res.output and "rond de norm" not in res.output
    assert "geen vergelijking" in res.output
    land = CliRunner().invoke(main, ["--data-dir", str(real_data), "density", "--year", "2018", "--level", "land",
                                     "--out", str(tmp_path)])
    assert land.exit_code == 0, land.output
    assert "niet significant afwijkend" not in land.output and "rond de norm" not in land.output


# ----------------------------------------------------------------------------- Dutch output

@pytest.mark.realdata
def test_compare_year_summary_is_dutch_in_dutch(data_2024, tmp_path):
    from click.testing import CliRunner

    from regio.cli import main

    args = ["--data-dir", str(data_2024), "density", "--year", "2024", "--compare-year", "2018",
            "--out", str(tmp_path)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert "national:" not in res.output and "per 100,000" not in res.output
    # the same 12,210 GPs, against 1-1-2019 and 1-1-2024 inhabitants
    line = next(ln for ln in res.output.splitlines() if ln.startswith("- Landelijk van 2018 naar 2024"))
    assert "aantal 0,0%" in line and "+0" not in line and "-0" not in line
    rate_2018 = f"{12_210 / 17_282_163 * 1e5:.1f}".replace(".", ",")  # against CBS's 1 January 2019
    assert "inwoners +" in line and f"dichtheid {rate_2018} → " in line and "per 100.000" in line
    en = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert en.exit_code == 0, en.output
    assert any(ln.startswith("- National from 2018 to 2024: count 0.0%") for ln in en.output.splitlines())


@pytest.mark.realdata
def test_interpolation_note_is_dutch_in_dutch(real_data, data_without):
    from regio.density.run import density_inputs, density_result

    # was "Er is geen bevolkingstabel voor 2019: linear interpolation between 2017 and 2022 ..."
    gps = density_result(density_inputs("huisarts", level="provincie", year=2018,
                                        data_dir=data_without(REGISTER)), spatial=False)
    note = next(n for n in gps.notes if n.startswith("Er is geen bevolkingstabel voor 2019"))
    assert "linear interpolation" not in note and "summed from" not in note
    assert "2017" in note and "2022" in note and "geïnterpoleerd" in note


# ----------------------------------------------------------------------------- the national series (Nivel)

NIVEL = "physicians/nivel_gp_workforce_nl_2012_2025.csv"


def _nivel_by_hand(real_data) -> pd.DataFrame:
    """Working GPs and inhabitants on 1 January, straight from the two files: Nivel's total and CBS 37259eng."""
    nivel = pd.read_csv(real_data / NIVEL)
    gps = nivel[nivel["series"] == "werkzame_huisartsen_totaal"].set_index("year")["value"]
    pop = pd.read_csv(real_data / REGISTER, dtype={"statcode": str})
    pop = pop[(pop["level"] == "land") & (pop["date"] == pop["year"].astype(str) + "-01-01")]
    out = pd.DataFrame({"gps": gps, "population": pop.set_index("year")["population_total"]}).dropna()
    out["rate"] = out["gps"] / out["population"] * 100_000
    return out


@pytest.mark.realdata
def test_nivel_gives_every_year_2012_2023_at_land(real_data):
    from regio.density.run import density_inputs, density_result

    expected = _nivel_by_hand(real_data)
    assert list(expected.index) == list(range(2012, 2024))
    for year, row in expected.iterrows():
        result = density_result(density_inputs("huisarts", level="land", year=year, with_shapes=False,
                                               source="nivel"), spatial=False, lang="en")
        assert result.inputs.counts_source == "nivel", year
        assert result.inputs.population_year == year and result.inputs.reference_date == pd.Timestamp(year, 1, 1)
        table = result.table
        assert table.loc["NL01", "count"] == row["gps"] and table.loc["NL01", "population"] == row["population"]
        assert table.loc["NL01", "rate_per_100k"] == pytest.approx(row["rate"])
    # by default too, except 2018, which CBS has (test_2018_at_land_is_cbs_by_default_and_names_nivel)
    auto = density_inputs("huisarts", level="land", year=2012, with_shapes=False)
    assert auto.counts_source == "nivel" and auto.placed.counts["NL01"] == expected.loc[2012, "gps"]
    # the figures, as a check of the files
    assert expected.loc[2012, ["gps", "population"]].tolist() == [11_133, 16_730_348]
    assert expected.loc[2023, ["gps", "population"]].tolist() == [14_102, 17_811_291]
    assert round(expected.loc[2012, "rate"], 1) == 66.5 and round(expected.loc[2023, "rate"], 1) == 79.2


@pytest.mark.realdata
def test_nivel_counts_are_labelled_working_gps_in_notes_and_csv(real_data, tmp_path):
    from regio.density.run import density_inputs, density_result
    from regio.maps.density import density_title
    from regio.report.density import write_density

    for lang, words in (("nl", "werkzame huisartsen (Nivel)"), ("en", "working GPs (Nivel)")):
        result = density_result(density_inputs("huisarts", level="land", year=2023, with_shapes=lang == "en",
                                               lang=lang), spatial=False, lang=lang)
        text = " ".join(result.notes)
        assert words in text and "Nivel" in result.source
        assert ("2019" in text and "2020" in text) and ("herziening" in text or "revision" in text)
        assert ("Woonplaats is niet werkplaats" not in text and "Residence is not workplace" not in text)
        assert density_title([result], lang).lower().startswith(words.lower())
    written = write_density([result], tmp_path, "nivel", html_map=False, png=False)
    csv = pd.read_csv(tmp_path / "nivel.csv", dtype={"statcode": str})
    assert set(csv["counts_source"]) == {"nivel"}
    assert csv["source"].str.startswith("Nivel, Huisartsen en praktijken in kaart").all()
    assert csv.loc[csv["statcode"] == "NL01", "count"].tolist() == [14_102]
    notes = (tmp_path / "nivel.notes.txt").read_text(encoding="utf-8")
    assert "working GPs (Nivel)" in notes and len(written["tables"]) == 3


@pytest.mark.realdata
def test_2018_at_land_is_cbs_by_default_and_names_nivel(real_data):
    """The rule: CBS where CBS has the year (2018: provinces by residence), Nivel on --source nivel."""
    from regio.density.run import density_inputs, density_result

    expected = _nivel_by_hand(real_data)
    cbs = density_result(density_inputs("huisarts", level="land", year=2018, with_shapes=False, lang="en"),
                         spatial=False, lang="en")
    assert cbs.inputs.counts_source == "cbs" and cbs.table.loc["NL01", "count"] == 12_210
    text = " ".join(cbs.notes)
    assert "BIG registrations by place of residence (CBS)" in text and "working GPs (Nivel)" in text
    assert f"{expected.loc[2018, 'gps']:,.0f} on 1 January 2018" in text and "--source nivel" in text
    assert "--source auto takes CBS where CBS has the year" in text
    nivel = density_result(density_inputs("huisarts", level="land", year=2018, with_shapes=False,
                                          source="nivel"), spatial=False)
    assert nivel.inputs.counts_source == "nivel" and nivel.inputs.population_year == 2018
    assert nivel.table.loc["NL01", "rate_per_100k"] == pytest.approx(expected.loc[2018, "rate"])
    rate, pop = nivel.table.loc["NL01", "rate_per_100k"], expected.loc[2018, "population"]
    assert f"{rate:.1f} per 100,000 with the {pop:,.0f} inhabitants" in text


@pytest.mark.realdata
def test_nivel_is_refused_below_the_country(real_data):
    from regio.density.run import density_inputs
    from regio.errors import UnknownYearError

    with pytest.raises(InputError, match="Netherlands as a whole only .level land., not per provincie"):
        density_inputs("huisarts", level="provincie", year=2018, source="nivel", with_shapes=False)
    with pytest.raises(UnknownYearError, match="use --level land"):  # auto: only Nivel has 2012
        density_inputs("huisarts", level="provincie", year=2012, with_shapes=False)
    with pytest.raises(InputError, match="GPs .huisarts. only"):
        density_inputs("basisarts", level="land", year=2012, source="nivel", with_shapes=False)


@pytest.mark.realdata
def test_the_national_trend_2012_2023_is_one_series(real_data):
    from regio.density.run import trend_result

    expected = _nivel_by_hand(real_data)
    table, notes = trend_result("huisarts", level="land", years=(2012, 2023), lang="en")
    assert table.loc["NL01", "count_2012"] == expected.loc[2012, "gps"]
    assert table.loc["NL01", "rate_2023"] == pytest.approx(expected.loc[2023, "rate"])
    assert notes[-1] == "National from 2012 to 2023: count +26.7%, population +6.5%, rate 66.5 → 79.2 per 100,000."
    # CBS has 2018, Nivel both years: a trend never mixes the two
    table, notes = trend_result("huisarts", level="land", years=(2018, 2023), lang="en")
    assert table.loc["NL01", "count_2018"] == expected.loc[2018, "gps"]
    assert "category revision" in " ".join(notes)


@pytest.mark.realdata
def test_counts_carried_between_divisions_say_the_carry_rule_in_the_notes(real_data, tmp_path):
    import regio
    from regio.density.run import density_inputs, density_result

    codes = sorted(regio.divisions()[2014])  # made-up counts: 10 for every municipality of 2014 (a fixture)
    path = tmp_path / "made_up_counts_2014.csv"
    path.write_text("gemeente;jaar;aantal\n" + "".join(f"{c};2024;10\n" for c in codes), encoding="utf-8")
    inputs = density_inputs("huisarts", level="provincie", year=2024, counts_path=path, counts_division=2014,
                            with_shapes=False, lang="en")
    result = density_result(inputs, spatial=False, lang="en")
    assert result.table["count"].sum() == 10 * len(codes)  # conserved through the carry
    note = next(n for n in result.notes if n.startswith("Municipal counts carried from the 2014"))
    assert "derived from the CBS population (37259eng)" in note and "goes wholly to the successor" in note
