from django import template

from parks.figures import CHART_HEIGHT, CHART_PADDING, CHART_WIDTH, Series, chart_points

register = template.Library()


@register.inclusion_tag("includes/figure_chart.html")
def figure_chart(series: Series, chart_id: str):
    """Draw a series as an accessible SVG line chart, server-side."""
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
