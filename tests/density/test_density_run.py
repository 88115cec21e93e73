"""regio.density.run on hand-made inputs (no data directory): the notes of a result (real data: test_density_real)."""

from __future__ import annotations

import pandas as pd
import pytest

# ----------------------------------------------------------------------------- Dutch output, one and many

def _inputs_by_hand(counts: dict, pop: dict, *, sector_is_total: bool = True):
    from regio.density import PlacedCounts
    from regio.density.run import DensityInputs

    placed = PlacedCounts(counts=pd.Series(counts, dtype=float), unplaced=pd.Series(dtype=float), source_total=None,
                          from_level="provincie", sector=None if sector_is_total else "UMC",
                          sector_is_total=sector_is_total)
    population = pd.DataFrame({"statnaam": list(pop), "population": list(pop.values())}, index=list(pop))
    population.attrs.update({"source": "by hand", "method": "by hand", "method_nl": "met de hand"})
    return DensityInputs(profession="huisarts", level="provincie", year=2024, placed=placed, population=population,
                         shapes=None, physician_source="by hand", population_year=2024)


@pytest.mark.parametrize(("missing", "nl", "en"), [(1, "1 regio heeft geen aantal", "1 region has no count"),
                                                   (2, "2 regio's hebben geen aantal", "2 regions have no count")])
def test_notes_count_regions_in_the_singular_and_plural(missing, nl, en):
    from regio.density.run import density_result

    pop = {f"R{i}": 100_000 for i in range(5)}
    counts = {f"R{i}": 50 + i for i in range(5 - missing)}
    assert nl in " ".join(density_result(_inputs_by_hand(counts, pop), spatial=False).notes)
    assert en in " ".join(density_result(_inputs_by_hand(counts, pop), spatial=False, lang="en").notes)
    if missing == 1:
        assert "1 regio's" not in " ".join(density_result(_inputs_by_hand(counts, pop), spatial=False).notes)
