"""regio access on the real data: the tables, their sums, the CBS columns, the command and the maps."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from regio.access import AccessSpec, run_access
from regio.errors import RegioWarning
from regio.report.access import export_regions

pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword")


@pytest.fixture(scope="module")
def classic(real_data):
    return run_access(AccessSpec(catchment_km=5, decay="none"), data_dir=real_data)


def _classic_2sfca(x, y, population, supply, radius):
    """Classic 2SFCA by brute force over all pairs (an independent computation)."""
    xy = np.column_stack([x, y])
    has = supply > 0
    sxy, s = xy[has], supply[has]
    reached = np.zeros(len(s))
    d = np.hypot(xy[:, None, 0] - sxy[None, :, 0], xy[:, None, 1] - sxy[None, :, 1]) <= radius
    reached = (d * population[:, None]).sum(axis=0)
    ratio = np.where(reached > 0, s / np.where(reached > 0, reached, 1), 0.0)
    return d.astype(float) @ ratio


def test_municipal_table_has_every_municipality_and_every_practice(classic):
    t = classic.regions
    assert len(t) == 342
    assert int(t["practices"].sum()) == 4866
    assert t.loc["GM0277", "practices"] == 0  # Rozendaal
    assert t.loc["GM0363", "practices"] == 268  # Amsterdam
    assert t.loc["GM0277", "statnaam"] == "Rozendaal"
    # the practices within reach of someone are all practices, and they are all shared out over the municipalities
    assert classic.facts.supply_reached == pytest.approx(4866)
    assert t["effective"].sum() == pytest.approx(4866)
    assert t["supply"].sum() == pytest.approx(4866)


def test_cbs_proximity_columns_equal_the_kerncijfers_file(classic, real_data):
    raw = pd.read_csv(real_data / "tables" / "kerncijfers_gemeente_2024.csv", dtype={"gemeentecode": str})
    raw = raw.set_index("gemeentecode").replace([-99997, -99995], np.nan)
    pairs = {"huisartsenpraktijk_afstand_km": "huisartsenpraktijk_gemiddelde_afstand_in_km",
             "huisartsenpost_afstand_km": "huisartsenpost_gemiddelde_afstand_in_km"}
    for ours, theirs in pairs.items():
        if theirs not in raw:
            pytest.fail(f"kerncijfers_gemeente_2024.csv has no column {theirs}")
        got = classic.regions[ours]
        want = pd.to_numeric(raw[theirs], errors="coerce").reindex(got.index)
        pd.testing.assert_series_equal(got, want, check_names=False)
    assert (classic.regions["proximity_year"] == 2024).all()


def test_the_remote_provinces_have_the_longest_distances(classic, real_data):
    from regio.data import membership

    province = membership(2024, levels=["provincie"], data_dir=real_data)["provincie"]
    t = classic.regions.assign(provincie=province)
    wadden = t["statnaam"].isin(["Texel", "Vlieland", "Terschelling", "Ameland", "Schiermonnikoog"])
    remote = wadden | t["provincie"].isin(["PV29", "PV20", "PV22"])  # Zeeland, Groningen, Drenthe
    d = t["huisartsenpraktijk_afstand_km"]
    assert d[remote].mean() > d[~remote].mean() + 0.3
    assert remote[d.nlargest(10).index].mean() >= 3 * remote.mean()  # 10 largest: remote 3 times as often


def test_pc4_access_equals_classic_2sfca_recomputed_from_the_table(classic):
    p = classic.pc4
    want = _classic_2sfca(p["x"].to_numpy(), p["y"].to_numpy(), p["population"].to_numpy(),
                          p["practices"].to_numpy().astype(float), 5_000.0)
    np.testing.assert_allclose(p["access_per_10k"].to_numpy(), want * 1e4, rtol=1e-9, atol=1e-12)


def test_pc4_access_equals_pysal_access_on_the_real_points(real_data):
    access = pytest.importorskip("access")
    from regio.access import catchment_pairs, decay_weights

    result = run_access(data_dir=real_data)  # Gaussian decay
    p = result.pc4
    ids = p.index.to_numpy()
    xy = p[["x", "y"]].to_numpy()
    pairs = catchment_pairs(xy, xy, 5_000.0, "none")
    cost = pd.DataFrame({"origin": ids[pairs.demand], "dest": ids[pairs.supply], "cost": pairs.distance_m})
    model = access.Access(demand_df=pd.DataFrame({"geoid": ids, "pop": p["population"].to_numpy()}),
                          demand_index="geoid", demand_value="pop",
                          supply_df=pd.DataFrame({"geoid": ids, "doc": p["practices"].to_numpy().astype(float)}),
                          supply_index="geoid", supply_value="doc", cost_df=cost, cost_origin="origin",
                          cost_dest="dest", cost_name="cost")
    theirs = model.enhanced_two_stage_fca(name="g", max_cost=5_000.0,
                                          weight_fn=lambda d: decay_weights(np.asarray(d), 5_000.0, "gaussian"))
    theirs = theirs.iloc[:, 0].reindex(p.index).fillna(0.0)
    np.testing.assert_allclose(p["access"].to_numpy(), theirs.to_numpy(), rtol=1e-9, atol=1e-15)


def test_band_and_needed_are_recomputable_and_sum_to_the_national_figure(classic):
    t = classic.regions
    norm = t["effective"].sum() / t["need"].sum() * 1e4
    assert classic.facts.norm_per_10k == pytest.approx(norm, rel=1e-12)
    pct = t["effective"] / (t["need"] * norm / 1e4) * 100
    np.testing.assert_allclose(t["provision_pct"], pct, rtol=1e-9)
    lo, hi = classic.facts.spec.bands
    band = np.where(pct < lo, "under", np.where(pct > hi, "over", "around"))
    assert t["band"].astype(str).tolist() == band.tolist()
    needed = (t["need"] * norm / 1e4 - t["effective"]).clip(lower=0)
    np.testing.assert_allclose(t["needed"], needed, rtol=1e-9, atol=1e-9)
    table = export_regions(classic)
    total = table.loc["NL01"]
    assert total["kind"] == "total"
    assert total["needed"] == pytest.approx(t["needed"].sum())
    assert total["practices"] == 4866
    assert total["provision_pct"] == pytest.approx(100.0)


@pytest.mark.parametrize(("level", "n"), [("ggdregio", 25), ("regioplusarbeidsmarktregio", 28), ("provincie", 12)])
def test_coarser_levels_conserve_practices_and_supply(real_data, level, n):
    r = run_access(AccessSpec(level=level), data_dir=real_data)
    assert len(r.regions) == n
    assert int(r.regions["practices"].sum()) == 4866
    assert r.regions["effective"].sum() == pytest.approx(r.facts.supply_reached)
    assert r.regions["population"].sum() == pytest.approx(17_942_942)
    assert r.regions["huisartsenpraktijk_afstand_km"].between(0.3, 5).all()


def test_pc4_level_and_need_weighting(real_data):
    r = run_access(AccessSpec(level="pc4", need=True), data_dir=real_data)
    assert int(r.regions["practices"].sum()) == 4866
    # the need weights move demand towards older areas: it is no longer the head count, and all supply is shared out
    assert not np.allclose(r.regions["demand"], r.regions["population"])
    assert r.regions["effective"].sum() == pytest.approx(r.facts.supply_reached)
    assert "huisartsenpraktijk_afstand_km" not in r.regions
    assert r.facts.proximity_year is None


def test_command_writes_tables_whose_access_is_recomputable(real_data, tmp_path, monkeypatch):
    from regio.cli import main

    monkeypatch.setenv("REGIO_DATA_DIR", str(real_data))
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["access", "--catchment-km", "5", "--decay", "none", "--out", str(out),
                                    "--lang", "en"])
    assert res.exit_code == 0, res.output
    pc4 = pd.read_csv(out / "access_pc4_2024.csv", dtype={"pc4": str, "gemeente": str}).set_index("pc4")
    want = _classic_2sfca(pc4["x"].to_numpy(), pc4["y"].to_numpy(), pc4["population"].to_numpy(),
                          pc4["practices"].to_numpy().astype(float), 5_000.0)
    np.testing.assert_allclose(pc4["access_per_10k"].to_numpy(), want * 1e4, rtol=1e-6)
    gm = pd.read_csv(out / "access_gemeente_2024.csv", dtype={"statcode": str}).set_index("statcode")
    assert (gm["kind"] == "region").sum() == 342
    assert gm.loc[gm["kind"] == "region", "practices"].sum() == 4866
    lowest = gm[gm["kind"] == "region"].sort_values("provision_pct").iloc[0]
    assert res.output.startswith(f"Lowest provision for need: {lowest['statnaam']} (")  # the answer comes first
    notes = (out / "access_gemeente_2024.notes.txt").read_text(encoding="utf-8")
    assert "derived" in notes and "estimate" in notes and "not GPs" in notes
    assert (out / "access_pc4_2024.html").stat().st_size < 2_000_000
    bad = CliRunner().invoke(main, ["access", "--catchment-km", "-1", "--out", str(out), "--lang", "en"])
    assert bad.exit_code == 2 and "--catchment-km must be a positive number" in bad.output


def test_maps_open_on_the_provision_band_and_render(real_data, tmp_path):
    from browser import render

    from regio import data
    from regio.report.access import write_access

    result = run_access(data_dir=real_data)
    with pytest.warns(RegioWarning, match="5028"):  # PC4 5028 has no polygon (the notes name it)
        pc4_shapes = data.boundaries("pc4", 2020, data_dir=real_data)
    written = write_access(result, tmp_path, shapes=data.boundaries("gemeente", 2024, data_dir=real_data),
                           pc4_shapes=pc4_shapes,
                           institutes=data.institutes(), png=True)
    page = render(written["html"], screenshot="access_gemeente_2024.png")
    assert page.regions == 342
    assert page.errors == []
    assert page.switch_labels[0] == "Voorziening naar zorgbehoefte"
    assert page.visible_legend.startswith("Voorziening naar zorgbehoefte")
    assert "Waar is de huisartsenzorg het krapst?" in page.title
    assert "afgeleid" in page.title  # the practices are a derived count
    pc4 = render(written["pc4_html"])
    assert pc4.regions > 4000 and pc4.errors == []
    assert written["pc4_html"].stat().st_size < 2_000_000
    assert written["png"].read_bytes()[1:4] == b"PNG"


def test_own_gp_counts_add_gps_per_100k_with_intervals(real_data, tmp_path):
    from regio import population

    pop = population("gemeente", 2024, data_dir=real_data)
    # a made-up counts file (a fixture): one GP per 1,500 inhabitants, rounded
    counts = pd.DataFrame({"region": pop.index, "year": 2024, "count": (pop["population"] / 1500).round()})
    path = tmp_path / "gps.csv"
    counts.to_csv(path, index=False)
    r = run_access(AccessSpec(gps_path=path), data_dir=real_data)
    t = r.regions
    assert t["gps"].sum() == counts["count"].sum()
    np.testing.assert_allclose(t["gps_per_100k"], t["gps"] / t["population"] * 1e5, rtol=1e-12)
    assert (t["gps_lower_per_100k"] <= t["gps_per_100k"]).all() and (t["gps_per_100k"] <= t["gps_upper_per_100k"]).all()
    assert set(t["gps_comparison"]) <= {"below", "similar", "above"}
    total = export_regions(r).loc["NL01"]
    assert total["gps"] == counts["count"].sum()


def test_the_notes_are_in_one_language_and_every_placeholder_is_filled(classic, real_data, tmp_path, monkeypatch):
    import openpyxl

    from regio.cli import main
    from regio.report.access import access_notes

    nl = access_notes(classic, "nl")
    assert nl[0].startswith("Methode: tweestaps-zoekgebiedmethode (2SFCA) op PC4-punten")
    assert not any("floating catchment" in line or "twee-staps" in line for line in nl)
    sources = next(line for line in nl if line.startswith("Bronnen: "))
    assert "punten: representatieve punten van boundaries/pc4_2020.geojson" in sources
    assert "; inwoners: population_pc4_age5_certegis.csv (CBS 83502NED, 1 januari 2021)" in sources
    assert "; praktijken: vermelding van ZorgkaartNederland van 11-3-2026, praktijken geteld per PC4 (afgeleid)" \
        in sources
    for english in ("points:", "population:", "practices:", "population_year", "representative", "January",
                    "listing", "largest area", "overlap of", "proximity:", "rounded percentages"):
        assert english not in sources, english
    en = access_notes(classic, "en")
    assert en[0].startswith("Method: two-step floating catchment (2SFCA) at PC4 points")
    sources = next(line for line in en if line.startswith("Sources: "))
    assert sources.startswith("Sources: points: representative points of boundaries/pc4_2020.geojson")
    assert "; practices: ZorgkaartNederland listing of 2026-03-11, practices counted per PC4 (derived)" in sources
    assert "population_year" not in sources and "; municipal population: CBS 37259eng" in sources
    # the written notes (the text file and the Excel notes sheet) fill every placeholder, {derived} included
    monkeypatch.setenv("REGIO_DATA_DIR", str(real_data))
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["access", "--out", str(out)], env={"REGIO_LANG": None})
    assert res.exit_code == 0, res.output
    notes = (out / "access_gemeente_2024.notes.txt").read_text(encoding="utf-8")
    assert "Bron: huisartsenpraktijken ZorgkaartNederland 11-3-2026 (afgeleid); inwoners per PC4" in notes
    assert "tweestaps-zoekgebiedmethode (2SFCA)" in notes and "Bronnen: punten: " in notes
    book = openpyxl.load_workbook(out / "access_gemeente_2024.xlsx", read_only=True)
    sheet_notes = [row[0] for row in book[book.sheetnames[1]].iter_rows(values_only=True)]
    assert any(str(line).startswith("Bronnen: punten: ") for line in sheet_notes)
    for text in [notes, *map(str, sheet_notes)]:
        assert "{" not in text and "}" not in text, text


def test_access_per_province_draws_its_maps_from_the_municipalities(real_data, tmp_path):
    """There is no province file of 2024: the map was a dead end (table printed, then an error, nothing written)."""
    from click.testing import CliRunner

    from regio.cli import main

    res = CliRunner().invoke(main, ["--data-dir", str(real_data), "-q", "access", "--level", "provincie", "--out",
                                    str(tmp_path)], env={"REGIO_LANG": None})
    assert res.exit_code == 0, res.output
    assert {"access_provincie_2024.html", "access_provincie_2024.png", "access_provincie_2024.xlsx"} <= {
        p.name for p in tmp_path.iterdir()}
    page = (tmp_path / "access_provincie_2024.html").read_text(encoding="utf-8")
    assert "Noord-Brabant" in page and "Fryslân" in page
    assert "afstandsverval Gaussisch" in page and "afstandsverval gaussian" not in page  # the legend in Dutch
