"""One sector of a physician table: the one asked for, else the total over all sectors.

Pure logic over a tidy physician table (:func:`regio.physicians`), used by the
data layer (:func:`regio.data.gp_counts`), the density analysis and the atlas;
like :mod:`regio.levels` it belongs to no layer and imports none.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from regio.errors import InputError

__all__ = ["SectorChoice", "choose_sector", "is_total_sector"]


def is_total_sector(label: object) -> bool:
    """Tell whether a sector label stands for all sectors ("Totaal inclusief geen sector") or is missing."""
    return pd.isna(label) or str(label).strip().lower().startswith("totaal")


@dataclass
class SectorChoice:
    """The rows of one sector of a physician table (see :func:`choose_sector`).

    Attributes
    ----------
    rows
        The rows of that sector (rows without a sector go with the total).
    sector
        The sector's label as in the source; ``None`` when the table has no
        sectors.
    is_total
        Whether the sector is the total of all sectors (or there are none).
    """

    rows: pd.DataFrame
    sector: str | None
    is_total: bool


def choose_sector(physicians: pd.DataFrame, *, sector: str | None = None) -> SectorChoice:
    """Keep the rows of one sector: the one asked for, else the sector total.

    CBS 84777NED splits counts by sector (UMCs, GP practices, ...) and has a
    total over all sectors ("Totaal inclusief geen sector"). A sector is only
    a part of the profession, so without ``sector`` the total is taken; a
    table that holds a single non-total sector gives that sector, flagged
    with ``is_total=False`` so that titles and notes can say so.

    Parameters
    ----------
    physicians
        Tidy physician rows (a ``sector`` column is optional).
    sector
        A sector label as in the data (case does not matter), or ``"totaal"``.

    Returns
    -------
    SectorChoice
        The rows, the sector's label and whether it is the total.

    Raises
    ------
    InputError
        An unknown sector, several sectors without a total, or several
        different totals (each names the sectors present).

    Examples
    --------
    >>> phys = pd.DataFrame({"statcode": ["PV20", "PV20"], "count": [100, 30],
    ...                      "sector": ["Totaal inclusief geen sector", "Universitair medische centra"]})
    >>> choose_sector(phys).rows["count"].tolist()
    [100]
    >>> umc = choose_sector(phys, sector="universitair medische centra")
    >>> umc.sector, umc.is_total
    ('Universitair medische centra', False)
    """
    if "sector" not in physicians or physicians["sector"].isna().all():
        if sector is not None and str(sector).strip().lower() not in ("totaal", "total"):
            raise InputError(f"No sector {sector!r}: these counts are not split by sector.",
                             key="kernel.sector.not_split", sector=sector)
        return SectorChoice(physicians, None, True)
    labels = physicians["sector"].astype(object).where(physicians["sector"].notna())
    present = sorted({str(s).strip() for s in labels.dropna()})
    totals = [s for s in present if is_total_sector(s)]
    if sector is not None:
        wanted = str(sector).strip().lower()
        hit = totals if wanted in ("totaal", "total") else [s for s in present if s.lower() == wanted]
        if not hit:
            raise InputError(f"No counts for sector {sector!r}. Sectors in the data: {', '.join(present)}.",
                             key="kernel.sector.unknown", sector=sector, known=", ".join(present))
    elif totals:
        hit = totals
    elif len(present) == 1:
        hit = present
    else:
        raise InputError(f"The counts are split by sector without a total over all sectors: "
                         f"{', '.join(present)}. Choose one (sector=, --sector).", key="kernel.sector.no_total",
                         known=", ".join(present))
    if len(hit) > 1:
        raise InputError(f"Counts for more than one sector total ({', '.join(hit)}), e.g. from two CBS tables; "
                         "choose one (sector=, --sector) or keep one of the files.", key="kernel.sector.two_totals",
                         totals=", ".join(hit))
    chosen = hit[0]
    keep = labels.str.strip() == chosen
    if is_total_sector(chosen):
        keep = keep | labels.isna()
    return SectorChoice(physicians[keep.to_numpy()], chosen, is_total_sector(chosen))
