"""Key figures grouped into series (same metric and change) and laid out for a small SVG chart."""

from collections.abc import Iterable
from dataclasses import dataclass

from parks.models import KeyFigure

CHART_WIDTH = 480
CHART_HEIGHT = 180
CHART_PADDING = 36


@dataclass(frozen=True)
class Series:
    metric: str
    change: str
    points: tuple[KeyFigure, ...]

    @property
    def label(self) -> str:
        return self.latest.label

    @property
    def latest(self) -> KeyFigure:
        return self.points[-1]

    @property
    def dated_points(self) -> tuple[KeyFigure, ...]:
        return tuple(point for point in self.points if point.as_of is not None)

    @property
    def is_chartable(self) -> bool:
        return len(self.dated_points) >= 2


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    figure: KeyFigure


def figure_series(figures: Iterable[KeyFigure]) -> list[Series]:
    """Group figures by metric and change, each series oldest first (undated points first).

    Totals come before additions, and longer series before shorter ones: they say most about a park.
    """
    groups: dict[tuple[str, str], list[KeyFigure]] = {}
    for figure in figures:
        groups.setdefault((figure.metric, figure.change), []).append(figure)
    series = [
        Series(metric, change, tuple(sorted(points, key=_chronological)))
        for (metric, change), points in groups.items()
    ]
    return sorted(series, key=lambda s: (s.change != KeyFigure.Change.TOTAL, -len(s.points)))


def headline_figures(figures: Iterable[KeyFigure], *, limit: int = 2) -> list[KeyFigure]:
    """Return the latest point of the first `limit` series, for a park at a glance."""
    return [series.latest for series in figure_series(figures)[:limit]]


def chart_points(series: Series) -> list[ChartPoint]:
    """Place the dated points of a series on the chart: time across, value (from zero) up."""
    points = series.dated_points
    first, last = points[0].as_of.toordinal(), points[-1].as_of.toordinal()
    top = max(float(point.value) for point in points) or 1.0
    inner_width = CHART_WIDTH - 2 * CHART_PADDING
    inner_height = CHART_HEIGHT - 2 * CHART_PADDING
    return [
        ChartPoint(
            x=round(
                CHART_PADDING + inner_width * (p.as_of.toordinal() - first) / ((last - first) or 1),
                1,
            ),
            y=round(CHART_HEIGHT - CHART_PADDING - inner_height * float(p.value) / top, 1),
            figure=p,
        )
        for p in points
    ]


def chart_context(series: Series, chart_id: str) -> dict:
    """Return what the SVG line chart template draws a series with, server-side."""
    points = chart_points(series)
    return {
        "series": series,
        "chart_id": chart_id,
        "points": points,
        "polyline": " ".join(f"{point.x},{point.y}" for point in points),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "baseline": CHART_HEIGHT - CHART_PADDING,
        "left": CHART_PADDING,
        "right": CHART_WIDTH - CHART_PADDING,
        "top": CHART_PADDING,
        "top_label": max(points, key=lambda point: point.figure.value).figure.value_display,
    }


def _chronological(figure: KeyFigure):
    return (figure.as_of is not None, figure.as_of or figure.created_at.date(), figure.pk or 0)
