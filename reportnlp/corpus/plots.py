"""Plots of the corpus-level results: a 2-D map of documents, a dendrogram, periods on a time line.

Each plot is written as PNG (matplotlib, the ``plot`` extra: ``pip install reportnlp[plot]``) or as a small
self-contained HTML page (an inline SVG, no script and nothing fetched), chosen by the file's extension
(``.png``, ``.html``/``.htm``, ``.svg``). The data behind each plot is computed here without matplotlib, so the
HTML pages need nothing beyond the core install.

>>> import numpy as np
>>> xy = map_coordinates(np.array([[0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [2.0, 2.0, 1.0]]))
>>> xy.shape
(3, 2)
>>> svg = svg_map(xy, ["a", "b", "c"], groups=[0, 0, 1], edges=[(0, 1)], title="map")
>>> svg.startswith("<svg") and svg.count("<circle") == 3 and "<line" in svg
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

import numpy as np

__all__ = [
    "PLOT_SUFFIXES",
    "dendrogram_png",
    "map_coordinates",
    "plot_kind",
    "svg_map",
    "svg_periods",
    "write_map",
    "write_periods",
]

PLOT_SUFFIXES = (".png", ".html", ".htm", ".svg")
_PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip


def plot_kind(path: str) -> str:
    """``png``, ``html`` or ``svg`` from the file name; ValueError for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        raise ValueError(
            f"a plot is written as {', '.join(PLOT_SUFFIXES)}, not {suffix or 'no suffix'!r}"
        )
    return {"png": "png", "html": "html", "htm": "html", "svg": "svg"}[suffix[1:]]


def map_coordinates(Z: np.ndarray) -> np.ndarray:
    """Two coordinates per row: the first two principal components of ``Z`` (zeros where there are fewer);
    signs fixed so that the largest loading is positive (the same map on every run)."""
    Z = np.asarray(Z, dtype=float)
    out = np.zeros((len(Z), 2))
    if len(Z) < 2:
        return out
    centred = Z - Z.mean(axis=0)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    m = min(2, len(s))
    for j in range(m):
        if vt[j][np.argmax(np.abs(vt[j]))] < 0:
            u[:, j] = -u[:, j]
    out[:, :m] = u[:, :m] * s[:m]
    return out


def _scale(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    vmin, vmax = float(np.min(values)), float(np.max(values))
    if vmax - vmin < 1e-12:
        return np.full(len(values), (lo + hi) / 2)
    return lo + (values - vmin) / (vmax - vmin) * (hi - lo)


def svg_map(
    xy: np.ndarray,
    labels: Sequence[str],
    *,
    groups: Optional[Sequence[int]] = None,
    edges: Sequence[tuple[int, int]] = (),
    title: str = "",
    width: int = 900,
    height: int = 640,
) -> str:
    """An SVG scatter of ``xy`` with a label per point, colour per group, and a line per edge."""
    pad = 50
    xs = _scale(xy[:, 0], pad, width - pad)
    ys = _scale(-xy[:, 1], pad + 20, height - pad)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2:.0f}" y="22" text-anchor="middle" font-size="15">{html.escape(title)}</text>',
    ]
    for i, j in edges:
        parts.append(
            f'<line x1="{xs[i]:.1f}" y1="{ys[i]:.1f}" x2="{xs[j]:.1f}" y2="{ys[j]:.1f}" '
            'stroke="#bbbbbb" stroke-width="1"/>'
        )
    for i, label in enumerate(labels):
        g = int(groups[i]) if groups is not None else 0
        colour = _PALETTE[g % len(_PALETTE)]
        name = html.escape(str(label))
        parts.append(
            f'<circle cx="{xs[i]:.1f}" cy="{ys[i]:.1f}" r="5" fill="{colour}">'
            f"<title>{name}" + (f" (group {g})" if groups is not None else "") + "</title></circle>"
        )
        # on the right half a label runs leftwards from its point, so it is not cut at the edge
        if xs[i] > width / 2:
            parts.append(
                f'<text x="{xs[i] - 7:.1f}" y="{ys[i] + 4:.1f}" text-anchor="end">{name}</text>'
            )
        else:
            parts.append(f'<text x="{xs[i] + 7:.1f}" y="{ys[i] + 4:.1f}">{name}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def svg_periods(
    years: Sequence[float],
    periods: Sequence[int],
    labels: Sequence[str],
    *,
    title: str = "",
    width: int = 1000,
    height: int = 220,
) -> str:
    """An SVG time line: one dot per document at its year, coloured by period, periods as bands."""
    pad = 40
    yrs = np.asarray(years, dtype=float)
    xs = _scale(yrs, pad, width - pad)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2:.0f}" y="22" text-anchor="middle" font-size="15">{html.escape(title)}</text>',
    ]
    for p in sorted(set(int(q) for q in periods)):
        sel = [i for i, q in enumerate(periods) if int(q) == p]
        x0, x1 = min(xs[i] for i in sel) - 6, max(xs[i] for i in sel) + 6
        colour = _PALETTE[p % len(_PALETTE)]
        first, last = int(min(yrs[sel])), int(max(yrs[sel]))
        parts.append(
            f'<rect x="{x0:.1f}" y="60" width="{x1 - x0:.1f}" height="80" fill="{colour}" opacity="0.15"/>'
        )
        parts.append(
            f'<text x="{(x0 + x1) / 2:.1f}" y="55" text-anchor="middle">period {p}: {first}–{last}</text>'
        )
    for i, label in enumerate(labels):
        colour = _PALETTE[int(periods[i]) % len(_PALETTE)]
        parts.append(
            f'<circle cx="{xs[i]:.1f}" cy="100" r="5" fill="{colour}">'
            f"<title>{html.escape(str(label))} ({yrs[i]:g})</title></circle>"
        )
    ticks = sorted(set(int(y) for y in yrs))
    step = max(1, math.ceil(len(ticks) / 20))
    for y in ticks[::step]:
        x = float(_scale(np.array([y, yrs.min(), yrs.max()], dtype=float), pad, width - pad)[0])
        parts.append(f'<text x="{x:.1f}" y="170" text-anchor="middle">{y}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _page(title: str, svg: str, table: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;font-size:13px}"
        "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style></head><body>\n"
        f"<h1>{html.escape(title)}</h1>\n{svg}\n{table}\n</body></html>\n"
    )


def _cell(value: Any) -> str:
    """A table cell as the CSV writes it: a float to six significant digits (not ``4.056640209170974``)."""
    return f"{value:.6g}" if isinstance(value, float) else str(value)


def _table(rows: Sequence[dict[str, Any]]) -> str:
    if not rows:
        return ""
    keys = list(rows[0])
    head = "".join(f"<th>{html.escape(str(k))}</th>" for k in keys)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(r[k]))}</td>" for k in keys) + "</tr>"
        for r in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _matplotlib():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as err:  # pragma: no cover - depends on the install
        raise RuntimeError(
            "PNG plots need matplotlib: pip install 'reportnlp[plot]' (or write the plot as .html)"
        ) from err
    for font in ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimHei", "Source Han Sans SC"):
        from matplotlib import font_manager

        if any(f.name == font for f in font_manager.fontManager.ttflist):
            plt.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
            break
    return plt


def write_map(
    path: str,
    xy: np.ndarray,
    labels: Sequence[str],
    *,
    groups: Optional[Sequence[int]] = None,
    edges: Sequence[tuple[int, int]] = (),
    title: str = "",
    rows: Sequence[dict[str, Any]] = (),
) -> None:
    """Write the 2-D map to ``path`` (PNG, SVG, or HTML with ``rows`` as a table under it)."""
    kind = plot_kind(path)
    if kind == "png":
        plt = _matplotlib()
        fig, ax = plt.subplots(figsize=(10, 7))
        for i, j in edges:
            ax.plot([xy[i, 0], xy[j, 0]], [xy[i, 1], xy[j, 1]], color="#bbbbbb", lw=0.8, zorder=1)
        colours = [_PALETTE[int(g) % len(_PALETTE)] for g in groups] if groups is not None else "C0"
        ax.scatter(xy[:, 0], xy[:, 1], c=colours, s=30, zorder=2)
        for (x, y), label in zip(xy, labels):
            ax.annotate(str(label), (x, y), xytext=(4, 3), textcoords="offset points", fontsize=8)
        ax.set_title(title)
        ax.set_xlabel("component 1")
        ax.set_ylabel("component 2")
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)
        return
    svg = svg_map(xy, labels, groups=groups, edges=edges, title=title)
    Path(path).write_text(
        svg if kind == "svg" else _page(title, svg, _table(rows)), encoding="utf-8"
    )


def write_periods(
    path: str,
    years: Sequence[float],
    periods: Sequence[int],
    labels: Sequence[str],
    *,
    title: str = "",
    rows: Sequence[dict[str, Any]] = (),
) -> None:
    """Write the periods on a time line to ``path`` (PNG, SVG, or HTML with ``rows`` as a table)."""
    kind = plot_kind(path)
    if kind == "png":
        plt = _matplotlib()
        fig, ax = plt.subplots(figsize=(12, 2.4))
        yrs = np.asarray(years, dtype=float)
        for p in sorted(set(int(q) for q in periods)):
            sel = np.array([int(q) == p for q in periods])
            colour = _PALETTE[p % len(_PALETTE)]
            ax.axvspan(yrs[sel].min() - 0.5, yrs[sel].max() + 0.5, color=colour, alpha=0.15)
            ax.scatter(
                yrs[sel],
                np.zeros(int(sel.sum())),
                color=colour,
                s=40,
                label=f"{int(yrs[sel].min())}–{int(yrs[sel].max())} ({int(sel.sum())})",
            )
        ax.set_yticks([])
        ax.set_title(title)
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
        plt.close(fig)
        return
    svg = svg_periods(years, periods, labels, title=title)
    Path(path).write_text(
        svg if kind == "svg" else _page(title, svg, _table(rows)), encoding="utf-8"
    )


def dendrogram_png(
    path: str, Z: np.ndarray, labels: Sequence[str], *, method: str = "ward", title: str = ""
) -> None:
    """A dendrogram of the rows of ``Z`` (scipy's hierarchy with ``method`` linkage) as PNG."""
    from scipy.cluster.hierarchy import dendrogram, linkage

    plt = _matplotlib()
    link = linkage(np.asarray(Z, dtype=float), method=method)
    fig, ax = plt.subplots(figsize=(max(8, len(labels) * 0.25), 5))
    dendrogram(link, labels=[str(x) for x in labels], ax=ax, leaf_font_size=8)
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
