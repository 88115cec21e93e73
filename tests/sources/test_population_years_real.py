"""Published CBS population (37259eng) of every year 2012-2024 and the labour-market levels."""

from __future__ import annotations

import pytest

import regio
from regio.sources.population import read_register_population

pytestmark = pytest.mark.realdata

CBS = {2013: (408, 16_779_575), 2018: (380, 17_181_084), 2021: (352, 17_475_415),
       2023: (342, 17_811_291), 2024: (342, 17_942_942)}
COUNTS = {2012: 415, 2013: 408, 2014: 403, 2015: 393, 2016: 390, 2017: 388, 2018: 380, 2019: 355,
          2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342}


@pytest.mark.parametrize("year", range(2012, 2025))
def test_every_year_has_the_cbs_municipalities_and_total(real_data, year):
    reg = read_register_population()
    total = int(reg.loc[(reg["level"] == "land") & (reg["year"] == year), "population"].iloc[0])
    gm = regio.population("gemeente", year)
    assert len(gm) == COUNTS[year]
    assert int(gm["population"].sum()) == total
    assert "37259eng" in gm.attrs["source"]
    assert int(regio.population("provincie", year)["population"].sum()) == total
    assert len(regio.population("provincie", year)) == 12
    if year in CBS:
        assert (len(gm), total) == CBS[year]


def test_years_and_divisions(real_data):
    assert regio.population_years("gemeente") == list(range(2012, 2025))
    divs = regio.divisions()
    assert len(divs[2012]) == 415 and len(divs[2013]) == 408


@pytest.mark.parametrize(("alias", "level", "n"), [("regioplus", "regioplusarbeidsmarktregio", 28),
                                                   ("ra", "regioplusarbeidsmarktregio", 28),
                                                   ("am", "arbeidsmarktregio", 35),
                                                   ("arbeidsmarktregio", "arbeidsmarktregio", 35)])
def test_labour_market_levels(real_data, alias, level, n):
    assert regio.get_level(alias).name == level
    pop = regio.population(alias, 2024)
    assert len(pop) == n and int(pop["population"].sum()) == 17_942_942
    assert "derived" in pop.attrs["method"]


@pytest.mark.parametrize("level", ["gemeente", "provincie", "coropgebied", "landsdeel", "land"])
def test_register_names_are_dutch_in_every_year(real_data, level):
    english = ("Municipality", "Province", "(PV)", "(CR)", "(LD)", "The Hague", "The Netherlands")
    for year in (2012, 2018, 2024):
        names = regio.population(level, year)["statnaam"]
        assert not [n for n in names if any(e in n for e in english)], (level, year)
    gm = regio.population("gemeente", 2018)["statnaam"]
    assert gm["GM0518"] == "'s-Gravenhage" and gm["GM0014"] == "Groningen" and gm["GM0796"] == "'s-Hertogenbosch"
    assert regio.population("provincie", 2018).loc["PV21", "statnaam"] == "Fryslân"


def test_age_bands_of_a_year_without_them_are_interpolated_over_the_published_count(real_data):
    from regio.errors import UnknownYearError

    with pytest.raises(UnknownYearError, match=r"Years with age bands: .*--interpolate"):
        regio.population("gemeente", 2023, age_bands=True)
    gm = regio.population("gemeente", 2023, age_bands=True, interpolate=True)
    published = regio.population("gemeente", 2023)["population"]
    bands = [c for c in gm.columns if c.startswith("age_")]
    assert len(bands) == 5 and (gm[bands].sum(axis=1) == gm["population"]).all()
    assert gm["population"].sum() == published.sum() == 17_811_291  # the count is CBS's, only the shares move
    assert (gm["population"] == published.reindex(gm.index)).all()  # 2023 has the division of 2024
    b22 = regio.population("gemeente", 2022, age_bands=True)
    b24 = regio.population("gemeente", 2024, age_bands=True)
    share = gm.loc["GM0363", "age_65plus"] / gm.loc["GM0363", "population"]  # Amsterdam
    lo, hi = sorted(b.loc["GM0363", "age_65plus"] / b.loc["GM0363", "population"] for b in (b22, b24))
    assert lo - 1e-5 <= share <= hi + 1e-5
    assert "interpolated linearly between 2022 and 2024" in gm.attrs["method"]
