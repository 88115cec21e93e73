"""Municipal mergers: derive the divisions and the steps between years, build crosswalks and carry counts.

Pure functions over DataFrames (split off :mod:`regio.geography`, which
re-exports them): they never touch files and never change their inputs. The
facade :mod:`regio.data` (:func:`regio.carry_to`) feeds them from the data
directory.

* :func:`derive_divisions` -- the municipal codes of every year from the known
  ones and the steps between them;
* :func:`derive_step` -- the step between two years from the population
  (whole mergers, splits);
* :func:`build_crosswalk`, :func:`carry` -- carry counts from one year's
  municipal division to another's, conserving totals.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from regio.errors import InputError, UnknownCodeError, UnknownYearError, format_codes
from regio.validate import check_unique_codes

__all__ = ["build_crosswalk", "carry", "derive_divisions", "derive_step"]

log = logging.getLogger(__name__)


# ----------------------------------------------------------------------------- mergers

def derive_divisions(
    known: Mapping[int, Iterable[str]],
    steps: pd.DataFrame,
    *,
    span: tuple[int, int] | None = None,
) -> dict[int, frozenset[str]]:
    """Municipal code sets for every year reachable through the crosswalk steps.

    Starting from the years whose division is known (boundary files,
    population tables), each step ``y -> y+1`` replaces the old codes it lists
    by the new ones; years between steps without changes keep the division.

    Parameters
    ----------
    known
        Code sets of some years.
    steps
        Consecutive-year steps with ``from_year, to_year, from_code, to_code``.
    span
        ``(first, last)`` years the steps cover: a year in between without
        rows has no changes. Default: from the first to the last step.

    Returns
    -------
    dict
        Year -> frozenset of codes, for the known years and all years
        reachable from them through ``steps`` (both directions).

    Examples
    --------
    GM0002 and GM0003 merge into GM0009 on 1 January 2022; 2021 has no changes:

    >>> import pandas as pd
    >>> steps = pd.DataFrame({"from_year": [2021, 2021], "to_year": [2022, 2022],
    ...                       "from_code": ["GM0002", "GM0003"], "to_code": ["GM0009", "GM0009"]})
    >>> divs = derive_divisions({2020: ["GM0001", "GM0002", "GM0003"]}, steps, span=(2020, 2022))
    >>> {year: sorted(codes) for year, codes in divs.items()}
    {2020: ['GM0001', 'GM0002', 'GM0003'], 2021: ['GM0001', 'GM0002', 'GM0003'], 2022: ['GM0001', 'GM0009']}
    >>> sorted(derive_divisions({2022: ["GM0001", "GM0009"]}, steps, span=(2020, 2022))[2020])  # backwards
    ['GM0001', 'GM0002', 'GM0003']
    """
    out = {int(y): frozenset(map(str, c)) for y, c in known.items()}
    consecutive = steps[steps["to_year"] == steps["from_year"] + 1]
    if span is None:
        span = (int(consecutive["from_year"].min()), int(consecutive["to_year"].max())) if len(consecutive) else (0, 0)
    by_year = dict(list(consecutive.groupby("from_year")))
    changed = True
    while changed:
        changed = False
        for y in range(span[0], span[1]):
            g = by_year.get(y)
            old = set(g["from_code"]) if g is not None else set()
            new = set(g["to_code"]) if g is not None else set()
            if y in out and y + 1 not in out:
                out[y + 1] = frozenset((out[y] - old) | new)
                changed = True
            elif y + 1 in out and y not in out:
                out[y] = frozenset((out[y + 1] - new) | old)
                changed = True
    return dict(sorted(out.items()))


def derive_step(
    before: pd.Series,
    after: pd.Series,
    *,
    allowed: pd.DataFrame | None = None,
    max_nodes: int = 1_000_000,
) -> pd.DataFrame:
    """Derive one year's municipal changes from the population on both sides of 1 January.

    Municipal changes take effect on 1 January, so the people counted on 31
    December in the old division are those counted on 1 January in the new
    one. Each municipality's difference between the two counts is what it
    lost or gained through the changes: a municipality that disappears loses
    all its people, a new one gains all of its own. The losses are assigned
    to the gains so that every count adds up exactly:

    * a municipality that disappears **goes wholly** to the one successor in
      which its people reappear (whole mergers, renamed codes);
    * of all assignments that add up exactly, the one is taken with the
      fewest **split** municipalities, then the fewest successors taking
      parts of them, then the fewest people of split parts in successors that
      also take whole municipalities, then the fewest people split (then the
      largest area shares of ``allowed``); a split municipality's people go to
      those successors in the numbers they gained (persons, not area);
    * a municipality that keeps its code stays itself, except for the people
      the counts show it losing (a boundary correction).

    Which successors a municipality may go to is limited to ``allowed`` (the
    area overlay of the two years' boundaries), where given. Without it the
    counts alone decide: whole mergers come out exactly, but in a year with
    splits another assignment may fit the numbers as well (counted in
    ``attrs["ties"]``) or be ranked first by the rule above although the
    boundaries would rule it out; give ``allowed`` where there are boundaries.

    Parameters
    ----------
    before
        Population on 31 December of year *y*, indexed by the municipal codes
        of *y*'s division (whole numbers).
    after
        Population on 1 January of *y* + 1, by the codes of its division.
    allowed
        ``from_code, to_code`` and optionally ``share`` (area share, used to
        choose between otherwise equal assignments): the successors each
        municipality may go to. Default: any.
    max_nodes
        Stop (``InputError``) after this many steps of the search.

    Returns
    -------
    pandas.DataFrame
        The changed municipalities only (others keep their code):
        ``from_code, to_code, weight`` (persons) and ``rule`` (``whole``,
        ``split`` or ``boundary``; a municipality keeping its code has a row
        to itself with the people it kept). ``attrs["ties"]``: how many
        other assignments fit the counts equally well (0: the step is
        determined); ``attrs["split"]``: the split municipalities.

    Raises
    ------
    InputError
        If the two totals differ (the counts are not of the same day), a count
        is not a whole number, no assignment within ``allowed`` explains the
        counts, or the search takes more than ``max_nodes`` steps.

    Examples
    --------
    Made-up counts: GM0002 and GM0003 merge into the new GM0009; GM0004 is
    split between GM0001 and GM0009; GM0005 keeps its code:

    >>> import pandas as pd
    >>> before = pd.Series({"GM0001": 5000, "GM0002": 1200, "GM0003": 800, "GM0004": 600, "GM0005": 70})
    >>> after = pd.Series({"GM0001": 5150, "GM0005": 70, "GM0009": 2450})
    >>> derive_step(before, after)
      from_code to_code  weight   rule
    0    GM0002  GM0009  1200.0  whole
    1    GM0003  GM0009   800.0  whole
    2    GM0004  GM0001   150.0  split
    3    GM0004  GM0009   450.0  split
    >>> derive_step(before, after).attrs["ties"]
    0
    """
    for name, counts in (("before", before), ("after", after)):
        check_unique_codes(counts.index, source=f"the counts {name} 1 January")
        values = pd.to_numeric(counts, errors="coerce")
        bad = values.isna() | (values % 1 != 0) | (values < 0)
        if bad.any():
            raise InputError(f"The counts {name} 1 January must be whole numbers of people; not for "
                             f"{format_codes(counts.index[bad])}.",
                             key="kernel.mergers.before_whole" if name == "before" else "kernel.mergers.after_whole",
                             codes=format_codes(counts.index[bad]))
    codes = before.index.union(after.index)
    delta = (after.reindex(codes, fill_value=0).astype("int64") - before.reindex(codes, fill_value=0).astype("int64"))
    if int(delta.sum()):
        raise InputError(f"The counts before and after 1 January differ by {int(delta.sum()):+,} people in total: "
                         "they are not the same people (give the population on 31 December and on the next "
                         "1 January).", key="kernel.mergers.not_same_people", delta=int(delta.sum()))
    loss = (-delta[delta < 0]).sort_index().sort_values(ascending=False, kind="stable")
    gain = delta[delta > 0].sort_index()
    src, rec = [str(c) for c in loss.index], [str(c) for c in gain.index]
    size = [int(x) for x in loss.to_numpy()]
    share: dict[tuple[str, str], float] | None = None
    if allowed is not None:
        w = allowed["share"] if "share" in allowed.columns else pd.Series(1.0, index=allowed.index)
        share = {(str(f), str(t)): float(s) for f, t, s in zip(allowed["from_code"], allowed["to_code"], w,
                                                               strict=True)}
    may = [[j for j in sorted(range(len(rec)), key=lambda j: -(share or {}).get((s, rec[j]), 0))
            if share is None or (s, rec[j]) in share] for s in src]
    best: list = [None, []]
    nodes = 0

    def leaf(assign: list, cap: list) -> None:
        split = [i for i, a in enumerate(assign) if a is None]
        left = [j for j, c in enumerate(cap) if c > 0]
        flows = _spread(split, left, size, cap, may, src, rec, share)
        if flows is None:
            return
        whole_to = {a for a in assign if a is not None}
        mixed = sum(cap[j] for j in left if j in whole_to)
        area = sum((share or {}).get((src[i], rec[a]), 0) for i, a in enumerate(assign) if a is not None)
        score = (len(split), len(left), mixed, sum(size[i] for i in split), -round(area, 9))
        if best[0] is None or score < best[0]:
            best[0], best[1] = score, [(list(assign), flows)]
        elif score == best[0]:
            best[1].append((list(assign), flows))

    def search(i: int, assign: list, cap: list, splits: int, most: int) -> None:
        nonlocal nodes
        nodes += 1
        if nodes > max_nodes:
            raise InputError(f"Deriving the municipal changes took more than {max_nodes:,} search steps "
                             f"({len(src)} municipalities losing people, {len(rec)} gaining): limit the "
                             "successors each may go to (allowed=).", key="kernel.mergers.search_limit",
                             steps=max_nodes, losing=len(src), gaining=len(rec))
        if i == len(src):
            leaf(assign, cap)
            return
        for j in may[i]:
            if cap[j] >= size[i]:
                cap[j] -= size[i]
                assign.append(j)
                search(i + 1, assign, cap, splits, most)
                assign.pop()
                cap[j] += size[i]
        if splits < most and may[i]:
            assign.append(None)
            search(i + 1, assign, cap, splits + 1, most)
            assign.pop()

    for most in range(len(src) + 1):
        search(0, [], [int(x) for x in gain.to_numpy()], 0, most)
        if best[0] is not None:
            break
    if best[0] is None and src:
        raise InputError(f"No assignment of the {len(src)} municipalities losing people "
                         f"({format_codes(src)}) to those gaining ({format_codes(rec)}) within the allowed "
                         "successors explains the counts.", key="kernel.mergers.no_assignment", n=len(src),
                         losing=format_codes(src), gaining=format_codes(rec))
    rows: list[tuple[str, str, float, str]] = []
    if src:
        assign, flows = best[1][0]
        for i, s in enumerate(src):
            kept = s in after.index
            if kept:
                rows.append((s, s, float(before[s]) - size[i], "boundary"))
            if assign[i] is not None:
                rows.append((s, rec[assign[i]], float(size[i]), "boundary" if kept else "whole"))
            else:
                rows += [(s, rec[j], float(f), "boundary" if kept else "split")
                         for (a, j), f in sorted(flows.items()) if a == i and f > 0]
    out = pd.DataFrame(rows, columns=["from_code", "to_code", "weight", "rule"])
    out = out.sort_values(["from_code", "to_code"], ignore_index=True)
    out.attrs["ties"] = len(best[1]) - 1 if src else 0
    out.attrs["split"] = sorted({s for s, r in zip(out["from_code"], out["rule"], strict=True) if r == "split"})
    return out


def _spread(split, left, size, cap, may, src, rec, share) -> dict[tuple[int, int], float] | None:
    """Flows from the split municipalities to the successors' gains left over, or None if they cannot fit."""
    if not split:
        return {} if not left else None
    reach = {(i, j) for i in split for j in may[i] if j in left}
    if any(not any((i, j) in reach for i in split) for j in left) or any(
            not any((i, j) in reach for j in left) for i in split):
        return None
    if len(split) == 1:
        return {(split[0], j): float(cap[j]) for j in left}
    # several split municipalities: iterative proportional fitting on the allowed pairs (area shares as seed)
    flow = {(i, j): (share or {}).get((src[i], rec[j]), 1.0) or 1.0 for i, j in reach}
    for _ in range(2000):
        for j in left:
            tot = sum(f for (a, b), f in flow.items() if b == j)
            for key in [k for k in flow if k[1] == j]:
                flow[key] *= cap[j] / tot
        worst = 0.0
        for i in split:
            tot = sum(f for (a, b), f in flow.items() if a == i)
            worst = max(worst, abs(tot - size[i]))
            for key in [k for k in flow if k[0] == i]:
                flow[key] *= size[i] / tot
        if worst < 0.01:
            return flow
    return None


def _normalise_shares(rows: pd.DataFrame) -> pd.DataFrame:
    total = rows.groupby("from_code")["weight"].transform("sum")
    return rows.assign(share=rows["weight"] / total)[["from_code", "to_code", "share"]]


def _step(kind: str, rows: pd.DataFrame, old: frozenset[str], new: frozenset[str],
          label: str | InputError) -> pd.DataFrame:
    if kind == "exact":
        listed = _normalise_shares(rows)
        same = sorted(old - set(rows["from_code"]))
    else:  # area overlay: persisting codes map to themselves; vanished ones by area share
        gone = old - new
        listed = _normalise_shares(rows[rows["from_code"].isin(gone)])
        same = sorted(old - gone)
        lost = gone - set(listed["from_code"])
        if lost:
            raise UnknownCodeError(f"{label}: municipalities {format_codes(lost)} disappear but the area "
                                   "overlay has no successor for them.", key="kernel.mergers.no_successor",
                                   label=label, codes=format_codes(lost))
    ident = pd.DataFrame({"from_code": same, "to_code": same, "share": 1.0})
    step = pd.concat([listed, ident], ignore_index=True)
    stray = set(step["to_code"]) - new
    if stray:
        raise UnknownCodeError(f"{label}: the crosswalk leads to codes that are not in the new division: "
                               f"{format_codes(stray)}.", key="kernel.mergers.stray", label=label,
                               codes=format_codes(stray))
    return step


def _check_part(rows: pd.DataFrame, old: frozenset[str], new: frozenset[str], label: str | InputError) -> None:
    """Refuse to cut an overlay step where a vanished municipality's successors were formed only later."""
    gone = rows[rows["from_code"].isin(old - new)]
    later = gone[~gone["to_code"].isin(new)]
    if len(later):
        raise UnknownYearError(
            f"{label}: municipalities that vanished by then ({format_codes(later['from_code'].unique())}) lead in "
            f"the overlay to municipalities formed only after it ({format_codes(later['to_code'].unique())}), so "
            "the step cannot be cut there. Carry the counts to a year at the end of the overlay step instead.",
            key="kernel.mergers.cut_step", label=label, vanished=format_codes(later['from_code'].unique()),
            formed=format_codes(later['to_code'].unique()),
        )


def build_crosswalk(
    from_year: int,
    to_year: int,
    *,
    divisions: Mapping[int, frozenset[str]],
    exact: pd.DataFrame,
    overlay: pd.DataFrame | None = None,
    exact_span: tuple[int, int] | None = None,
    derived: pd.DataFrame | None = None,
    derived_years: Iterable[int] = (),
) -> pd.DataFrame:
    """Compose the steps from the division of ``from_year`` to that of ``to_year``.

    Consecutive-year steps of ``exact`` (address-weighted grenswijzigingen) are
    used where they exist (within ``exact_span``, where a year without rows
    means no change); outside it the steps of ``derived`` (from
    :func:`derive_step`: persons moving, worked out from the population) for
    the years in ``derived_years``; otherwise steps of ``overlay`` (area
    overlap between boundary vintages), in which municipalities that keep
    their code map to themselves and vanished ones are split by area share. A
    ``to_year`` inside an overlay step (2016, between the boundary files of
    2015 and 2017) takes the part of the step up to it: the municipalities
    that vanished by ``to_year`` go to their successors in the overlay, which
    must exist in ``to_year``'s division.

    Parameters
    ----------
    from_year, to_year
        The divisions to go from and to; ``to_year`` not earlier than ``from_year``.
    divisions
        Municipal codes per year (from :func:`derive_divisions`); both years
        and every year on the way must be in it.
    exact
        Address-weighted steps ``from_year, to_year, from_code, to_code, weight``;
        the weights of one ``from_code`` are normalised to shares. Codes a step
        does not list keep their code.
    overlay
        Area-overlap steps with the same columns, used for years outside
        ``exact_span`` (default: none).
    exact_span
        ``(first, last)`` years that ``exact`` covers (default: its first and
        last year).
    derived
        Derived steps with the columns of ``exact`` (``weight`` in persons)
        and optionally ``basis`` (what they were derived from, for the path);
        like ``exact``, codes a step does not list keep their code.
    derived_years
        The years *y* whose step *y* -> *y* + 1 ``derived`` gives (a year
        without rows: no change); used outside ``exact_span``.

    Returns
    -------
    pandas.DataFrame
        ``from_code, to_code, share`` with shares of each ``from_code`` summing
        to 1, and ``attrs["path"]`` listing the steps taken.

    Raises
    ------
    UnknownYearError
        If no chain of steps connects the two years, ``to_year`` is earlier,
        or an overlay step cannot be cut at ``to_year`` (a municipality that
        vanished by then goes to one formed later).
    UnknownCodeError
        If a step leads to codes outside the next division, or vanished
        municipalities have no successor in the area overlay.

    Examples
    --------
    GM0002 merges into GM0009 in 2022; GM0003 too, except for 5% of its
    addresses, which go to GM0001:

    >>> import pandas as pd
    >>> steps = pd.DataFrame({"from_year": [2021] * 3, "to_year": [2022] * 3,
    ...                       "from_code": ["GM0002", "GM0003", "GM0003"],
    ...                       "to_code": ["GM0009", "GM0009", "GM0001"], "weight": [1000, 950, 50]})
    >>> divs = derive_divisions({2020: ["GM0001", "GM0002", "GM0003"]}, steps, span=(2020, 2022))
    >>> cw = build_crosswalk(2020, 2022, divisions=divs, exact=steps, exact_span=(2020, 2022))
    >>> cw
      from_code to_code  share
    0    GM0001  GM0001   1.00
    1    GM0002  GM0009   1.00
    2    GM0003  GM0001   0.05
    3    GM0003  GM0009   0.95
    >>> cw.attrs["path"]
    ['2020->2021 (grenswijzigingen)', '2021->2022 (grenswijzigingen)']
    >>> build_crosswalk(2022, 2020, divisions=divs, exact=steps)
    Traceback (most recent call last):
    ...
    regio.errors.UnknownYearError: Cannot carry counts back from 2022 to 2020: splitting merged municipalities ...
    """
    from_year, to_year = int(from_year), int(to_year)
    if to_year < from_year:
        raise UnknownYearError(
            f"Cannot carry counts back from {from_year} to {to_year}: splitting merged "
            "municipalities cannot be undone. Carry both years forward to the later division.",
            key="kernel.mergers.backwards", from_year=from_year, to_year=to_year,
        )
    if exact_span is None:
        exact_span = (int(exact["from_year"].min()), int(exact["to_year"].max())) if len(exact) else (0, 0)
    overlay = overlay if overlay is not None else pd.DataFrame(columns=exact.columns)
    for y in (from_year, to_year):
        if y not in divisions:
            raise UnknownYearError(
                f"The municipal division of {y} is unknown (known: {', '.join(map(str, sorted(divisions)))}).",
                key="kernel.mergers.unknown_division", year=y, known=", ".join(map(str, sorted(divisions))),
            )
    derived_years = {int(d) for d in derived_years}
    derived = derived if derived is not None else pd.DataFrame(columns=exact.columns)
    y = from_year
    total = pd.DataFrame({"from_code": sorted(divisions[y]), "to_code": sorted(divisions[y]), "share": 1.0})
    path: list[str] = []
    while y < to_year:
        if exact_span[0] <= y < exact_span[1]:
            nxt, kind, rows = y + 1, "exact", exact[(exact["from_year"] == y) & (exact["to_year"] == y + 1)]
        elif y in derived_years:
            nxt, kind, rows = y + 1, "derived", derived[(derived["from_year"] == y) & (derived["to_year"] == y + 1)]
        else:
            cand = overlay[overlay["from_year"] == y]
            if cand.empty:
                raise UnknownYearError(f"No crosswalk step starts in {y} (on the way from {from_year} to {to_year}).",
                                       key="kernel.mergers.no_step", year=y, from_year=from_year, to_year=to_year)
            nxt = int(cand["to_year"].min())
            kind, rows = "overlay", cand[cand["to_year"] == nxt]
            if nxt > to_year:  # the target lies inside this overlay step: take the part of it up to the target
                kind, full, nxt = "overlay part", nxt, to_year
            elif nxt not in divisions:
                raise UnknownYearError(
                    f"No crosswalk from {y} to {to_year}: the area overlay goes from {y} to {nxt}, a municipal "
                    f"division that is unknown (known: {', '.join(map(str, sorted(divisions)))}). Add the "
                    f"boundaries or population of {nxt} to the data directory, or carry to another year.",
                    key="kernel.mergers.overlay_unknown", year=y, to_year=to_year, next=nxt,
                    known=", ".join(map(str, sorted(divisions))))
        if nxt not in divisions:
            raise UnknownYearError(f"The municipal division of {nxt} is unknown.",
                                   key="kernel.mergers.division_unknown", year=nxt)
        # the step's name in messages, said in the user's language (a RegioError as a value of the message)
        label = InputError(f"crosswalk {y}->{nxt}", key="kernel.mergers.step", start=y, end=nxt)
        if kind == "overlay part":
            _check_part(rows, divisions[y], divisions[nxt],
                        InputError(f"{label} (part of the area overlay {y}->{full})", key="kernel.mergers.step_part",
                                   start=y, end=nxt, full=full))
        step = _step({"overlay part": "overlay", "derived": "exact"}.get(kind, kind), rows, divisions[y],
                     divisions[nxt], label)
        joined = total.merge(step, left_on="to_code", right_on="from_code", suffixes=("", "_s"))
        total = (pd.DataFrame({"from_code": joined["from_code"], "to_code": joined["to_code_s"],
                               "share": joined["share"] * joined["share_s"]})
                 .groupby(["from_code", "to_code"], as_index=False)["share"].sum())
        basis = rows["basis"].iloc[0] if kind == "derived" and "basis" in rows.columns and len(rows) else "population"
        how = {"exact": "grenswijzigingen", "overlay": "area overlay", "derived": f"derived from {basis}"}.get(kind)
        how = how or f"part of the area overlay {y}->{full}"
        path.append(f"{y}->{nxt} ({how})")
        y = nxt
    total.attrs["path"] = path
    return total


def carry(
    frame: pd.DataFrame | pd.Series,
    crosswalk: pd.DataFrame,
    *,
    columns: Iterable[str] | None = None,
    source: str | None = None,
) -> pd.DataFrame:
    """Carry counts from an old division to a new one through a crosswalk.

    Whole-number columns stay whole: each old municipality's count is split
    over its successors by largest remainder, so every old count is conserved
    exactly; other numeric columns are split proportionally.

    Missing is not zero: a new municipality with a predecessor that has no
    value (missing from ``frame`` or NaN) gets no value (NaN) in that column.
    ``attrs["incomplete_by_column"]`` lists them per column (column -> new
    code -> the old codes without a value), ``attrs["incomplete"]`` over all
    columns (as :func:`regio.geography.aggregate` does), and ``attrs["unplaced"]`` the part of
    the other predecessors' values that went into them (column -> amount), so
    nothing is lost unreported. New municipalities none of whose predecessors
    are in ``frame`` are not in the result (``frame`` covers part of the division).

    Parameters
    ----------
    frame
        Counts indexed by old municipal code.
    crosswalk
        From :func:`build_crosswalk`.
    columns
        Columns to carry (default: all numeric).
    source
        Name for messages.

    Returns
    -------
    pandas.DataFrame
        Indexed by new code (``statcode``), with the carried columns (those
        with a missing value become ``Int64`` or float).

    Raises
    ------
    UnknownCodeError
        Listing codes of ``frame`` that are not in the crosswalk's old division.

    Examples
    --------
    >>> cw = pd.DataFrame({"from_code": ["A", "B", "B"], "to_code": ["A", "A", "C"], "share": [1, .5, .5]})
    >>> carry(pd.DataFrame({"n": [3, 5]}, index=["A", "B"]), cw)["n"].to_dict()
    {'A': 6, 'C': 2}

    Without a count for ``A``, the new ``A`` has none either:

    >>> out = carry(pd.DataFrame({"n": [5]}, index=["B"]), cw)
    >>> out["n"].tolist(), out.attrs["incomplete"], out.attrs["unplaced"]
    ([<NA>, 2], {'A': ['A']}, {'n': 3.0})
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    check_unique_codes(frame.index, source=source)
    unknown = frame.index.difference(pd.Index(crosswalk["from_code"].unique()))
    if len(unknown):
        where = f" of {source}" if source else ""
        odd = [c for c in unknown if not re.fullmatch(r"GM\d{4}", str(c))]
        hint = (f"Municipal codes are written like GM0363 (Amsterdam), not {odd[0]!r}: make the index such CBS codes."
                if odd else "They do not exist in the division of the start year; check the year of the data.")
        raise UnknownCodeError(f"{len(unknown)} code(s){where} are not in the crosswalk: {format_codes(unknown)}. "
                               + hint, key="kernel.mergers.not_in_crosswalk_odd" if odd
                               else "kernel.mergers.not_in_crosswalk", n=len(unknown),
                               source=InputError(where, key="kernel.of_source", source=source) if source else "",
                               codes=format_codes(unknown), odd=odd[0] if odd else "")
    cols = list(columns) if columns is not None else list(frame.select_dtypes("number").columns)
    cw = crosswalk[crosswalk["from_code"].isin(frame.index)].reset_index(drop=True)
    # every predecessor of a reached successor, also those without a row in ``frame``
    reached = crosswalk[crosswalk["to_code"].isin(cw["to_code"])]
    incomplete: dict[str, set[str]] = {}
    by_column: dict[str, dict[str, list[str]]] = {}
    out, lost = {}, {}
    for col in cols:
        values = pd.to_numeric(frame[col])
        v = values.reindex(cw["from_code"]).to_numpy(dtype=float)
        absent = reached[values.reindex(reached["from_code"]).isna().to_numpy()]
        this: dict[str, set[str]] = {}
        for to_code, from_code in zip(absent["to_code"], absent["from_code"], strict=True):
            this.setdefault(str(to_code), set()).add(str(from_code))
            incomplete.setdefault(str(to_code), set()).add(str(from_code))
        if this:
            by_column[str(col)] = {k: sorted(x) for k, x in sorted(this.items())}
        bad = cw["to_code"].isin(absent["to_code"]).to_numpy()
        quota = np.nan_to_num(v) * cw["share"].to_numpy(dtype=float)
        known = values.dropna()
        whole = bool(known.eq(known.round()).all())
        if whole:
            quota = _integer_split(cw["from_code"].to_numpy(), cw["to_code"].to_numpy(), np.nan_to_num(v), quota)
        part = pd.Series(quota, index=cw["to_code"].to_numpy()).groupby(level=0).sum()
        lost[col] = float(quota[bad].sum())
        part[part.index.isin(absent["to_code"])] = np.nan
        out[col] = (part.round().astype("int64" if not part.isna().any() else "Int64")) if whole else part
    result = pd.DataFrame(out)
    result.index.name = "statcode"
    result = result.sort_index()
    result.attrs["incomplete"] = {k: sorted(v) for k, v in sorted(incomplete.items())}
    result.attrs["incomplete_by_column"] = by_column
    result.attrs["unplaced"] = {c: x for c, x in lost.items() if x}
    return result


def _integer_split(from_codes: np.ndarray, to_codes: np.ndarray, values: np.ndarray, quota: np.ndarray) -> np.ndarray:
    """Round quotas to whole numbers per old code, conserving each old code's value."""
    base = np.floor(quota + 1e-9)
    rem = quota - base
    frame = pd.DataFrame({"f": from_codes, "t": to_codes, "rem": rem, "base": base, "v": values})
    left = (frame.groupby("f")["v"].transform("first") - frame.groupby("f")["base"].transform("sum")).round()
    # rank remainders within each old code: largest first, ties by new code
    frame = frame.assign(left=left)
    frame = frame.sort_values(["f", "rem", "t"], ascending=[True, False, True])
    rank = frame.groupby("f").cumcount()
    frame["base"] += (rank < frame["left"]).astype(float)
    return frame.sort_index()["base"].to_numpy()
