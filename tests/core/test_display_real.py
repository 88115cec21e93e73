"""Results show what they are in a notebook, not thousands of rows of frames."""

from __future__ import annotations

import pytest


@pytest.mark.realdata
def test_results_have_short_reprs_and_html_views(real_data):
    from regio.allocation.run import AllocationSpec, run_allocation
    from regio.density.run import density_inputs, density_result

    inputs = density_inputs("huisarts", level="provincie", year=2018, with_shapes=False)
    result = density_result(inputs, spatial=False)
    allocation = run_allocation(AllocationSpec(1026), data_dir=real_data, with_shapes=False)
    for obj, words in ((inputs, "huisarts, provincie 2018"), (result, ".totals"), (allocation, "1,026 over")):
        text = repr(obj)
        assert len(text) < 200 and words in text, text
    page = result._repr_html_()
    assert "<table" in page and "Fryslân" in page and "Woonplaats is niet werkplaats" in page
