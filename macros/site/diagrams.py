"""Small SVG diagrams and charts rendered at build time: no script, no request to another origin.

Every figure carries a text alternative (<title>/<desc>) and follows the colour scheme via CSS
classes styled in docs/assets/css/extra.css.
"""
from __future__ import annotations

import hashlib
import textwrap
from html import escape


def _id(*parts) -> str:
    return "fig-" + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:8]


def _lines(label: str, width: int) -> list[str]:
    return textwrap.wrap(label, width) or [""]


def _text_block(x: float, y: float, label: str, width: int, cls: str = "") -> str:
    lines = _lines(label, width)
    start = y - (len(lines) - 1) * 9
    return "".join(f'<text x="{x}" y="{start + i * 18:.0f}" text-anchor="middle" '
                   f'dominant-baseline="middle" class="{cls}">{escape(line)}</text>'
                   for i, line in enumerate(lines))


def _figure(fid: str, title: str, desc: str, width: int, height: int, body: str) -> str:
    return (f'<figure class="amw-figure">'
            f'<svg class="amw-diagram" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{fid}-t {fid}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{fid}-t">{escape(title)}</title><desc id="{fid}-d">{escape(desc)}</desc>'
            f'{body}</svg><figcaption>{escape(title)}</figcaption></figure>')


def flow_diagram(title: str, steps: list[str]) -> str:
    box_w, box_h, gap = 150, 70, 36
    width = len(steps) * box_w + (len(steps) - 1) * gap + 20
    height = box_h + 20
    body = ['<defs><marker id="amw-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            'class="amw-arrowhead"/></marker></defs>']
    for i, step in enumerate(steps):
        x = 10 + i * (box_w + gap)
        body.append(f'<rect x="{x}" y="10" width="{box_w}" height="{box_h}" rx="8" class="amw-box"/>')
        body.append(_text_block(x + box_w / 2, 10 + box_h / 2, step, 17))
        if i < len(steps) - 1:
            body.append(f'<line x1="{x + box_w + 2}" y1="{10 + box_h / 2}" x2="{x + box_w + gap - 4}" '
                        f'y2="{10 + box_h / 2}" class="amw-line" marker-end="url(#amw-arrow)"/>')
    desc = "Van links naar rechts: " + " → ".join(steps)
    return _figure(_id(title, *steps), title, desc, width, height, "".join(body))


def layer_diagram(title: str, layers: list[list[str]]) -> str:
    width, row_h, gap = 640, 64, 10
    height = len(layers) * (row_h + gap) + 10
    body = []
    for i, (name, explanation) in enumerate(layers):
        y = 10 + i * (row_h + gap)
        inset = i * 24
        body.append(f'<rect x="{10 + inset}" y="{y}" width="{width - 20 - 2 * inset}" height="{row_h}" '
                    f'rx="8" class="amw-box amw-layer-{i % 3}"/>')
        body.append(_text_block(width / 2, y + 20, name, 60, "amw-strong"))
        body.append(_text_block(width / 2, y + 44, explanation, 80, "amw-small"))
    desc = "; ".join(f"{name}: {explanation}" for name, explanation in layers)
    return _figure(_id(title, *map(str, layers)), title, desc, width, height, "".join(body))


def box_diagram(title: str, boxes: list[list[str]]) -> str:
    """Side-by-side boxes (name and short explanation) for a typology: no order implied."""
    box_w, box_h, gap = 200, 110, 20
    width = len(boxes) * box_w + (len(boxes) - 1) * gap + 20
    body = []
    for i, (name, explanation) in enumerate(boxes):
        x = 10 + i * (box_w + gap)
        body.append(f'<rect x="{x}" y="10" width="{box_w}" height="{box_h}" rx="8" class="amw-box"/>')
        body.append(_text_block(x + box_w / 2, 34, name, 24, "amw-strong"))
        body.append(_text_block(x + box_w / 2, 78, explanation, 30, "amw-small"))
    desc = "; ".join(f"{name}: {explanation}" for name, explanation in boxes)
    return _figure(_id(title, *map(str, boxes)), title, desc, width, box_h + 20, "".join(body))


def bar_chart(title: str, labels: list[str], series: dict[str, list[float]], unit: str = "") -> str:
    width, height, left, bottom, top = 640, 300, 50, 50, 20
    decimals = 1 if any(v != int(v) for values in series.values() for v in values) else 0
    top_value = max((v for values in series.values() for v in values), default=1) or 1
    plot_h = height - bottom - top
    group_w = (width - left - 10) / max(len(labels), 1)
    bar_w = min(28, (group_w - 12) / max(len(series), 1))
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" class="amw-line"/>']
    for g, label in enumerate(labels):
        gx = left + g * group_w + (group_w - bar_w * len(series)) / 2
        for s, values in enumerate(series.values()):
            value = values[g]
            h = plot_h * value / top_value
            x = gx + s * bar_w
            y = height - bottom - h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" class="amw-s{s % 4}"/>')
            body.append(f'<text x="{x + bar_w / 2 - 1:.1f}" y="{y - 5:.1f}" text-anchor="middle" '
                        f'class="amw-small">{escape(_fmt(value, decimals))}</text>')
        body.append(f'<text x="{left + g * group_w + group_w / 2:.1f}" y="{height - bottom + 18}" '
                    f'text-anchor="middle" class="amw-small">{escape(str(label))}</text>')
    for s, name in enumerate(series):
        lx = left + s * 170
        body.append(f'<rect x="{lx}" y="{height - 18}" width="12" height="12" class="amw-s{s % 4}"/>'
                    f'<text x="{lx + 18}" y="{height - 8}" class="amw-small">{escape(name)}</text>')
    desc = "; ".join(f"{name}: " + ", ".join(f"{label} {_fmt(v, decimals)}{unit}" for label, v in zip(labels, values))
                     for name, values in series.items())
    return _figure(_id(title, *labels), title, desc, width, height, "".join(body))


def _fmt(value: float, decimals: int) -> str:
    """Dutch number format: 3,0 and 14,5."""
    return f"{value:.{decimals}f}".replace(".", ",")
