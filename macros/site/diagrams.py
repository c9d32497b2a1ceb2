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


# Narrow variants: on a phone (CSS: max-width 600px) a figure shows a vertical drawing whose
# viewBox is about as wide as the screen, so 14px and 12px text stay at least 12px on a 390px phone.
NARROW_W = 320
LINE_H = 18


def _chars(px: float, font: int = 14, bold: bool = False) -> int:
    """How many characters of a system font fit in `px` (a safe average, not a measurement)."""
    return max(8, int(px / (font * (0.6 if bold else 0.55))))


def _top_text(x: float, top: float, lines: list[str], cls: str = "", anchor: str = "middle") -> str:
    """Lines of text from `top` downwards, LINE_H apart."""
    return "".join(f'<text x="{x:.0f}" y="{top + 13 + i * LINE_H:.0f}" text-anchor="{anchor}" '
                   f'class="{cls}">{escape(line)}</text>' for i, line in enumerate(lines))


def _stack(fid: str, items: list[tuple[str, str]], arrows: bool) -> tuple[int, int, str]:
    """Boxes one under the other across the narrow width: (name, explanation) each, with arrows
    downward between them when the order matters."""
    x, w, gap = 10, NARROW_W - 20, 30 if arrows else 12
    y, body = 10, []
    for i, (name, explanation) in enumerate(items):
        head = _lines(name, _chars(w - 24, 14, True))
        sub = _lines(explanation, _chars(w - 24, 12)) if explanation else []
        h = 14 + LINE_H * (len(head) + len(sub)) + (4 if sub else 0)
        body.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" class="amw-box"/>')
        body.append(_top_text(x + w / 2, y + 6, head, "amw-strong"))
        if sub:
            body.append(_top_text(x + w / 2, y + 10 + LINE_H * len(head), sub, "amw-small"))
        y += h
        if arrows and i < len(items) - 1:
            body.append(f'<line x1="{x + w / 2}" y1="{y + 2}" x2="{x + w / 2}" y2="{y + gap - 4}" '
                        f'class="amw-line" marker-end="url(#{fid}-n-arrow)"/>')
        y += gap
    if arrows:
        body.insert(0, _arrow_marker(f"{fid}-n-arrow"))
    return NARROW_W, int(y - gap + 10), "".join(body)


def _arrow_marker(marker_id: str) -> str:
    return (f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            'class="amw-arrowhead"/></marker></defs>')


def _svg(fid: str, title: str, desc: str, width: int, height: int, body: str, cls: str,
         hidden: bool) -> str:
    if hidden:  # the page's own list is the accessible source: the drawing stays out of the way
        return (f'<svg class="amw-diagram {cls}" viewBox="0 0 {width} {height}" aria-hidden="true" '
                f'focusable="false" xmlns="http://www.w3.org/2000/svg">{body}</svg>')
    return (f'<svg class="amw-diagram {cls}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{fid}-t {fid}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{fid}-t">{escape(title)}</title><desc id="{fid}-d">{escape(desc)}</desc>'
            f'{body}</svg>')


def _figure(fid: str, title: str, desc: str, width: int, height: int, body: str,
            narrow: tuple[int, int, str] | None = None, hidden: bool = False, cls: str = "",
            smallest: int = 12) -> str:
    """A figure with one drawing, or a wide and a narrow one that CSS swaps where the wide one's
    smallest text (`smallest` px in the drawing) would render below 12px."""
    if narrow is None:
        svgs = _svg(fid, title, desc, width, height, body, "", hidden)
    else:
        svgs = (_svg(fid, title, desc, width, height, body, "amw-diagram--wide", hidden)
                + _svg(f"{fid}-n", title, desc, *narrow, "amw-diagram--narrow", hidden))
        cls = f"{cls} amw-fit-{fit_width(width, smallest)}"
    figure_cls = f"amw-figure {cls}".strip()
    hide = ' aria-hidden="true"' if hidden else ""
    return f'<figure class="{figure_cls}"{hide}>{svgs}<figcaption>{escape(title)}</figcaption></figure>'


FIT_STEPS = range(400, 1420, 20)  # the container widths extra.css has a rule for


def fit_width(view_width: int, smallest_font: int) -> int:
    """The narrowest figure (in CSS px, rounded up to a FIT_STEPS value) in which the wide drawing
    still shows its smallest text at 12px; below it CSS shows the narrow drawing."""
    need = view_width * 12 / smallest_font
    return next((step for step in FIT_STEPS if step >= need), FIT_STEPS[-1])


def flow_diagram(title: str, steps: list[str]) -> str:
    box_w, box_h, gap = 150, 70, 36
    fid = _id(title, *steps)
    width = len(steps) * box_w + (len(steps) - 1) * gap + 20
    height = box_h + 20
    body = [_arrow_marker(f"{fid}-arrow")]
    for i, step in enumerate(steps):
        x = 10 + i * (box_w + gap)
        body.append(f'<rect x="{x}" y="10" width="{box_w}" height="{box_h}" rx="8" class="amw-box"/>')
        body.append(_text_block(x + box_w / 2, 10 + box_h / 2, step, 17))
        if i < len(steps) - 1:
            body.append(f'<line x1="{x + box_w + 2}" y1="{10 + box_h / 2}" x2="{x + box_w + gap - 4}" '
                        f'y2="{10 + box_h / 2}" class="amw-line" marker-end="url(#{fid}-arrow)"/>')
    desc = "Van links naar rechts: " + " → ".join(steps)
    return _figure(fid, title, desc, width, height, "".join(body),
                   narrow=_stack(fid, [(step, "") for step in steps], arrows=True), smallest=14)


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
    fid = _id(title, *map(str, layers))
    return _figure(fid, title, desc, width, height, "".join(body),
                   narrow=_stack(fid, [(name, explanation) for name, explanation in layers], arrows=False))


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
    fid = _id(title, *map(str, boxes))
    return _figure(fid, title, desc, width, box_h + 20, "".join(body),
                   narrow=_stack(fid, [(name, explanation) for name, explanation in boxes], arrows=False))


def timeline(title: str, steps: list[list[tuple[str, str, str]]]) -> str:
    """A programme's steps left to right (narrow: top to bottom); modules side by side in a step
    stacked, each with its role and weeks. steps: [[(name, role, weeks text)]]. The page lists
    the same steps, so the drawing is hidden from assistive technology."""
    fid = _id(title, *map(str, steps))
    return _figure(fid, title, "", *_timeline_wide(fid, steps), narrow=_timeline_narrow(fid, steps),
                   hidden=True, cls="amw-timeline", smallest=13)


def _module_box(x: float, y: float, w: float, name: str, role: str, weeks: str) -> tuple[float, str]:
    head = _lines(name, _chars(w - 16, 14))
    sub = ", ".join(part for part in (role, weeks) if part)
    sub_lines = _lines(sub, _chars(w - 16, 13))
    h = 12 + LINE_H * (len(head) + len(sub_lines))
    cls = "amw-box" + (" amw-box--optional" if role == "optioneel" else "")
    return h, (f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="6" class="{cls}"/>'
               + _top_text(x + w / 2, y + 5, head)
               + _top_text(x + w / 2, y + 5 + LINE_H * len(head), sub_lines, "amw-small amw-muted"))


def _timeline_wide(fid: str, steps) -> tuple[int, int, str]:
    width, gap, stack_gap = 720, 30, 8
    col_w = (width - 20 - gap * (len(steps) - 1)) / len(steps)
    body, bottoms = [_arrow_marker(f"{fid}-arrow")], []
    for n, step in enumerate(steps):
        x = 10 + n * (col_w + gap)
        label = f"Stap {n + 1}" + (" (naast elkaar)" if len(step) > 1 else "")
        body.append(_top_text(x + col_w / 2, 6, _lines(label, _chars(col_w, 14, True)), "amw-strong"))
        y = 34
        for name, role, weeks in step:
            h, box = _module_box(x, y, col_w, name, role, weeks)
            body.append(box)
            y += h + stack_gap
        bottoms.append(y)
        if n < len(steps) - 1:
            body.append(f'<line x1="{x + col_w + 3:.0f}" y1="50" x2="{x + col_w + gap - 3:.0f}" y2="50" '
                        f'class="amw-line" marker-end="url(#{fid}-arrow)"/>')
    return width, int(max(bottoms) + 2), "".join(body)


def _timeline_narrow(fid: str, steps) -> tuple[int, int, str]:
    x, w, gap, stack_gap = 10, NARROW_W - 20, 34, 8
    y, body = 6, [_arrow_marker(f"{fid}-n-arrow")]
    for n, step in enumerate(steps):
        label = f"Stap {n + 1}" + (" (naast elkaar)" if len(step) > 1 else "")
        body.append(_top_text(x, y, [label], "amw-strong", anchor="start"))
        y += LINE_H + 8
        for name, role, weeks in step:
            h, box = _module_box(x, y, w, name, role, weeks)
            body.append(box)
            y += h + stack_gap
        if n < len(steps) - 1:
            body.append(f'<line x1="{x + w / 2:.0f}" y1="{y:.0f}" x2="{x + w / 2:.0f}" y2="{y + gap - 12:.0f}" '
                        f'class="amw-line" marker-end="url(#{fid}-n-arrow)"/>')
            y += gap - 6
    return NARROW_W, int(y + 2), "".join(body)


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
    return _figure(_id(title, *labels), title, desc, width, height, "".join(body),
                   narrow=_bars_narrow(labels, series, top_value, decimals))


def _bars_narrow(labels: list[str], series: dict[str, list[float]], top_value: float,
                 decimals: int) -> tuple[int, int, str]:
    """The bar chart on a phone: one row per label, bars sideways, the legend on top."""
    left, bar_h, room = 80, 14, NARROW_W - 80 - 50
    body, y = [], 6
    for s, name in enumerate(series):
        body.append(f'<rect x="10" y="{y + 3}" width="12" height="12" class="amw-s{s % 4}"/>'
                    + _top_text(28, y, [name], "amw-small", anchor="start"))
        y += LINE_H
    y += 8
    for g, label in enumerate(labels):
        body.append(_top_text(10, y + (len(series) * bar_h - LINE_H) / 2 + 2, [str(label)], "amw-small",
                              anchor="start"))
        for s, values in enumerate(series.values()):
            w = room * values[g] / top_value
            body.append(f'<rect x="{left}" y="{y:.0f}" width="{w:.1f}" height="{bar_h - 2}" class="amw-s{s % 4}"/>'
                        f'<text x="{left + w + 4:.1f}" y="{y + bar_h - 3:.0f}" class="amw-small">'
                        f'{escape(_fmt(values[g], decimals))}</text>')
            y += bar_h
        y += 10
    return NARROW_W, int(y), "".join(body)


def _fmt(value: float, decimals: int) -> str:
    """Dutch number format: 3,0 and 14,5."""
    return f"{value:.{decimals}f}".replace(".", ",")
