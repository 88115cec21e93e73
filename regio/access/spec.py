"""What one access analysis is asked to do: :class:`AccessSpec`, the input of :func:`regio.access.run_access`.

The checks that need no data (the decay, positive distances, ascending bands,
a supply column that exists) run when the spec is made.

Examples
--------
>>> AccessSpec(catchment_km=3, decay="none")
AccessSpec(catchment_km=3.0, decay='none')
>>> AccessSpec(bands=(110, 75))
Traceback (most recent call last):
...
regio.errors.OptionError: bands= must be two ascending percentages such as 75 110, got (110.0, 75.0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from regio._display import spec_repr
from regio.access.fca import DECAYS
from regio.errors import OptionError, said_value

__all__ = ["SUPPLIES", "AccessSpec"]

#: The supply columns: practices (always there), GPs or FTE (from a list of your own practices that has them).
SUPPLIES: tuple[str, ...] = ("practices", "gps", "fte")


def _invalid(name: str, reason: str, key: str, **params: object) -> None:
    # the reason is itself a keyed message, so that it is said in the language of the whole message
    said = OptionError(reason, kind="reason", key=key, **params)
    raise OptionError(f"{name}= {reason}.", kind="invalid", key="access.invalid", option=name, reason=said)


@dataclass(frozen=True)
class AccessSpec:
    """An access analysis: where, how far, which supply and which bands.

    Attributes
    ----------
    year
        Municipal division and year of the CBS proximity indicators (2024).
    level
        Level of the region table (``gemeente``, ``pc4`` or any level made of
        municipalities: ``ggdregio``, ``regioplusarbeidsmarktregio``, …).
    catchment_km
        Catchment radius, straight line in km.
    decay
        ``gaussian`` or ``none`` (classic 2SFCA).
    need
        Weight the demand by relative GP use by age.
    supply
        ``practices`` (default), or ``gps`` / ``fte`` from ``practices_path``.
    practices_path
        A list of your own practices instead of the shared ZorgkaartNederland counts.
    norm_per_10k
        The norm in supply per 10,000 need-weighted inhabitants (default:
        the national level).
    bands
        Lower and upper provision limit in % of the norm.
    far_km
        Distance to the nearest practice beyond which inhabitants count as far.
    gps_path
        A counts file of your own GPs per region (columns region, year, count;
        see ``regio density --counts``): the table then also has GPs per
        100,000 inhabitants with their 95% interval (:mod:`regio.density`).
    """

    year: int = 2024
    level: str = "gemeente"
    catchment_km: float = 5.0
    decay: str = "gaussian"
    need: bool = False
    supply: str = "practices"
    practices_path: Path | None = None
    norm_per_10k: float | None = None
    bands: tuple[float, float] = (75.0, 110.0)
    far_km: float = 5.0
    gps_path: Path | None = None

    def __post_init__(self) -> None:
        """Check what needs no data."""
        set_ = object.__setattr__
        set_(self, "year", int(self.year))
        for name in ("catchment_km", "far_km"):
            value = float(getattr(self, name))
            if not math.isfinite(value) or value <= 0:
                _invalid(name, f"must be a positive number of km, got {getattr(self, name)!r}", "access.reason_km",
                         got=said_value(getattr(self, name)))
            set_(self, name, value)
        if self.decay not in DECAYS:
            _invalid("decay", f"must be one of {', '.join(DECAYS)}, got {self.decay!r}", "access.reason_one_of",
                     known=", ".join(DECAYS), got=said_value(self.decay))
        if self.supply not in SUPPLIES:
            _invalid("supply", f"must be one of {', '.join(SUPPLIES)}, got {self.supply!r}", "access.reason_one_of",
                     known=", ".join(SUPPLIES), got=said_value(self.supply))
        if self.supply != "practices" and self.practices_path is None:
            raise OptionError(f"supply={self.supply!r} needs a list of your own practices with a {self.supply} "
                              "column (practices_path=).", kind="supply_needs_list", key="access.supply_needs_list",
                              supply=self.supply)
        bands = tuple(float(b) for b in self.bands)
        if len(bands) != 2 or not all(math.isfinite(b) for b in bands) or not 0 <= bands[0] <= bands[1]:
            _invalid("bands", f"must be two ascending percentages such as 75 110, got {bands!r}", "access.reason_bands",
                     got=said_value(bands))
        set_(self, "bands", bands)
        if self.norm_per_10k is not None:
            norm = float(self.norm_per_10k)
            if not math.isfinite(norm) or norm <= 0:
                _invalid("norm_per_10k", f"must be a positive number per 10,000, got {self.norm_per_10k!r}",
                         "access.reason_norm", got=said_value(self.norm_per_10k))
            set_(self, "norm_per_10k", norm)
        for name in ("practices_path", "gps_path"):
            if getattr(self, name) is not None:
                set_(self, name, Path(getattr(self, name)))

    def __repr__(self) -> str:
        """Show the fields that differ from the defaults."""
        return spec_repr(self)

    @property
    def supply_column(self) -> str:
        """The column of :func:`regio.data.pc4_points` that holds the supply."""
        return "n_practices" if self.supply == "practices" else self.supply
