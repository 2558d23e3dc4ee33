"""Charts as SVG, rendered on the server: no JavaScript, no fonts or scripts from elsewhere.

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>``; series differ by colour
*and* by dash pattern and marker shape, so they read in greyscale and for colour-blind people; the
page shows the same numbers in a table next to it. Colours have at least 4.5:1 contrast on white.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from markupsafe import Markup

# Okabe-Ito based, darkened to >= 4.5:1 on white.
PALETTE = {
    "met": ("#006b4f", ""),
    "missing": ("#b00020", "6 3"),
    "not_recorded": ("#8a4b00", "2 3"),
    "unknown": ("#3b4cc0", "10 3 2 3"),
    "blocking": ("#b00020", ""),
    "rate": ("#1f1f1f", ""),
}
MARKERS = {"met": "circle", "missing": "square", "not_recorded": "diamond", "unknown": "triangle"}


@dataclass(frozen=True, slots=True)
class Series:
    key: str  # palette key
    label: str
    values: Sequence[float | None]


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f} {y - 4.5:.1f}l4.5 4.5-4.5 4.5-4.5-4.5z" fill="{colour}"/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f} {y - 4.5:.1f}l4.5 8h-9z" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def _heading(chart_id: str, title: str, description: str) -> str:
    return (
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>'
    )


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    steps = (1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000)
    for step in steps:
        if value <= step * 4:
            return step * 4
    return value


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[date],
    series: Sequence[Series],
    *,
    unit: str = "",
    markers: Sequence[tuple[date, str]] = (),
    width: int = 760,
    height: int = 280,
) -> Markup:
    """Lines over time; ``markers`` draws a labelled vertical rule (e.g. a rule-set version)."""
    left, right, top, bottom = 56, 16, 16, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_max(max((v for s in series for v in s.values if v is not None), default=0))
    n = len(labels)

    def x(i: float) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - plot_h * v / peak

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" class="chart" id="{chart_id}">',
        _heading(chart_id, title, description),
    ]
    for i in range(5):
        value = peak * i / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="tick">'
            f"{value:,.0f}{escape(unit)}</text>"
        )
    every = max(1, n // 8)
    for i, label in enumerate(labels):
        if i % every == 0 or i == n - 1:
            parts.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 18}" text-anchor="middle" class="tick">'
                f"{label:%d %b %y}</text>"
            )
    for when, text in markers:
        if n and labels[0] <= when <= labels[-1]:
            # position between the periods around the date
            index = sum(1 for d in labels if d <= when) - 1
            at = x(index)
            parts.append(
                f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{top}" y2="{top + plot_h}" class="event"/>'
                f'<text x="{at + 4:.1f}" y="{top + 12}" class="event-label">{escape(text)}</text>'
            )
    for s in series:
        colour, dash = PALETTE.get(s.key, ("#1f1f1f", ""))
        points = [(x(i), y(v)) for i, v in enumerate(s.values) if v is not None]
        if not points:
            continue
        path = " ".join(f"{'M' if j == 0 else 'L'}{px:.1f} {py:.1f}" for j, (px, py) in enumerate(points))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr} class="line">'
            f"<title>{escape(s.label)}</title></path>"
        )
        if n <= 60:
            parts.extend(_marker(MARKERS.get(s.key, "circle"), px, py, colour) for px, py in points)
    legend_x = left
    for s in series:
        colour, dash = PALETTE.get(s.key, ("#1f1f1f", ""))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        ly = height - 14
        parts.append(
            f'<line x1="{legend_x}" x2="{legend_x + 28}" y1="{ly}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
            + _marker(MARKERS.get(s.key, "circle"), legend_x + 14, ly, colour)
            + f'<text x="{legend_x + 34}" y="{ly + 4}" class="legend">{escape(s.label)}</text>'
        )
        legend_x += 44 + 7 * len(s.label)
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, float, str]],
    *,
    unit: str = "%",
    width: int = 760,
) -> Markup:
    """Horizontal bars: (label, value, link) per row; each bar is a link to the list behind it."""
    bar_h, gap, label_w, right = 22, 8, 330, 70
    height = len(rows) * (bar_h + gap) + gap
    peak = max((v for _, v, _ in rows), default=0) or 1
    plot_w = width - label_w - right
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" class="chart" id="{chart_id}">',
        _heading(chart_id, title, description),
    ]
    for i, (label, value, link) in enumerate(rows):
        top = gap + i * (bar_h + gap)
        length = plot_w * value / peak
        short = label if len(label) <= 44 else label[:43] + "…"
        parts.append(
            f'<a href="{escape(link)}"><text x="{label_w - 8}" y="{top + 15}" text-anchor="end" '
            f'class="bar-label">{escape(short)}<title>{escape(label)}</title></text>'
            f'<rect x="{label_w}" y="{top}" width="{max(length, 1):.1f}" height="{bar_h}" class="bar"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{top + 15}" class="bar-value">'
            f"{value:.1f}{escape(unit)}</text></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
