"""Build time and page weight: the real catalogue, synthetic ×10 and ×100 catalogues made from the
real schema, and a plain Material site with default navigation and the same number of pages.

Prints figures; it is not a test. `make bench` (add --write to refresh BENCHMARKS.md,
--scales 1,10 to skip the slow ×100 run, --organisations 100 to add that many synthetic
organisations with 40 variants and 2 own modules each to every catalogue).
"""
from __future__ import annotations

import argparse
import copy
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

from macros.catalogue.paths import ROOT

GEMEENTEN = ROOT / "data" / "gemeenten.yaml"


def synthetic_organisations(count: int, dest: Path, module_ids: list[str]) -> None:
    """`count` fictional organisations beside the catalogue in `dest`: 40 variants (a third of them
    changed) and 2 own modules each, werkgebied spread over the real gemeenten."""
    yaml = YAML(typ="safe")
    gemeenten = [g for names in yaml.load(GEMEENTEN.read_text(encoding="utf-8"))["provinces"].values() for g in names]
    folder = dest / "organisaties"
    folder.mkdir(exist_ok=True)
    (dest / "gemeenten.yaml").write_text(GEMEENTEN.read_text(encoding="utf-8"), encoding="utf-8")
    for n in range(count):
        variants = []
        for i, module in enumerate(module_ids[(n * 7) % len(module_ids):] + module_ids):
            if len(variants) == 40:
                break
            if i % 3 == 0:
                variants.append({"module": module, "status": "aangepast", "local_name": f"Lokaal {n}-{i}",
                                 "duration": {"text": "8 gesprekken", "contacts": {"min": 6, "max": 8}},
                                 "note": "Synthetisch voorbeeld."})
            else:
                variants.append({"module": module, "status": "zoals-beschreven"})
        org = {"id": f"bench-org-{n:03d}", "name": f"Bench-organisatie {n}", "kind": "AMW", "example": True,
               "werkgebied": [gemeenten[(n * 3 + k) % len(gemeenten)] for k in range(4)],
               "contact": {"signup": "Synthetisch."}, "last_checked": "2026-11-24", "maintainers": ["@bench"],
               "variants": variants,
               "own_modules": [{"id": f"bench-eigen-{n:03d}-{k}", "name": f"Eigen module {n}-{k}",
                                "like": module_ids[k], "functions": ["begeleiding"], "target_groups": ["jongeren"],
                                "summary": "Synthetisch.", "goals": ["Een doel."]} for k in range(2)]}
        with (folder / f"{org['id']}.yaml").open("w", encoding="utf-8") as fh:
            YAML(typ="safe", pure=True).dump(org, fh)


def synthetic_catalogue(scale: int, dest: Path) -> Path:
    """The real catalogue with every described module copied `scale` times under new ids
    (35 described modules: ×100 gives about 3,500)."""
    yaml = YAML(typ="rt")
    data = yaml.load((ROOT / "data" / "modules.yaml").read_text(encoding="utf-8"))
    originals = [m for m in data["modules"] if m["status"] == "beschreven"]
    for n in range(1, scale):
        for module in originals:
            clone = copy.deepcopy(module)
            clone["id"] = f"{module['id']}-x{n}"
            clone["name"] = f"{module['name']} (variant {n})"
            data["modules"].append(clone)
    folder = dest / f"x{scale}"
    folder.mkdir()
    path = folder / "modules.yaml"
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return path


BUILD_CPU: dict[Path, float] = {}  # site -> CPU seconds (user + system) of its build, search indexing included


def build(site_dir: Path, config: Path, catalog: Path | None = None, cwd: Path = ROOT) -> float:
    """Wall seconds of one `mkdocs build`; its CPU seconds go into BUILD_CPU."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if catalog:
        env["AMW_CATALOG"] = str(catalog)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
                   cwd=cwd, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    BUILD_CPU[site_dir] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall


PLAIN_CONFIG = """site_name: Plain
theme:
  name: material
  font: false
plugins:
  - search
# The same Markdown extensions as the real site, so the comparison measures navigation and our
# generation pipeline, not Markdown features.
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: [includes]
      auto_append: [abbreviations.md]
"""


def plain_site(pages: int, dest: Path, sample: str, one_entry_nav: bool = False) -> Path:
    """A default Material site (navigation lists every page) with `pages` Markdown pages; with
    one_entry_nav the navigation names only the home page, as this site's nav names sections."""
    docs = dest / "docs"
    (docs / "p").mkdir(parents=True)
    (dest / "includes").mkdir()
    (dest / "includes" / "abbreviations.md").write_text(
        (ROOT / "docs" / "includes" / "abbreviations.md").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    for i in range(pages - 1):
        (docs / "p" / f"pagina-{i:05d}.md").write_text(f"# Pagina {i}\n\n{sample}\n", encoding="utf-8")
    config = dest / "mkdocs.yml"
    config.write_text(PLAIN_CONFIG + ("nav:\n  - index.md\n" if one_entry_nav else ""), encoding="utf-8")
    return config


def weigh(site_dir: Path) -> dict:
    sizes = [p.stat().st_size for p in site_dir.rglob("*.html")]
    total = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())
    index = site_dir / "search" / "search_index.json"
    return {"pages": len(sizes), "median": statistics.median(sizes), "max": max(sizes),
            "total": total, "search_index": index.stat().st_size if index.exists() else 0}


def sample_markdown() -> str:
    """The Markdown of a real module page, so plain pages carry a comparable amount of text."""
    from macros.catalogue.views import get_views
    from macros.site.markdown import fill_raw
    from macros.site.pages import PageRenderer
    pages = PageRenderer(get_views(ROOT / "data" / "modules.yaml")).pages()
    page = next(p for p in pages if p.src_uri == "modules/budgetbegeleiding.md")
    return fill_raw(page.content, page.raw).split("---\n", 2)[2]  # raw HTML passes through Markdown


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} kB".replace(",", ".")


def run(scales: list[int], organisations: int = 0) -> list[dict]:
    rows = []
    sample = sample_markdown()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for scale in scales:
            catalog = synthetic_catalogue(scale, tmp) if scale > 1 or organisations else None
            if organisations:
                ids = [m["id"] for m in YAML(typ="safe").load(catalog.read_text(encoding="utf-8"))["modules"]]
                synthetic_organisations(organisations, catalog.parent, ids)
            site_dir = tmp / f"site-x{scale}"
            seconds = build(site_dir, ROOT / "mkdocs.yml", catalog)
            ours = weigh(site_dir)
            plain_dir, flat_dir = tmp / f"plain-x{scale}", tmp / f"flat-x{scale}"
            plain_seconds = build(plain_dir / "site", plain_site(ours["pages"], plain_dir, sample), cwd=plain_dir)
            flat_seconds = build(flat_dir / "site", plain_site(ours["pages"], flat_dir, sample, True), cwd=flat_dir)
            plain = weigh(plain_dir / "site")
            records = sum(1 for p in (site_dir / "modules").iterdir() if p.is_dir())
            if organisations:
                records += organisations * 42  # variants and own modules
            cpu = {"ours": BUILD_CPU[site_dir], "plain": BUILD_CPU[plain_dir / "site"],
                   "flat": BUILD_CPU[flat_dir / "site"]}
            rows.append({"scale": scale, "organisations": organisations, "modules": records, "seconds": seconds,
                         "cpu": cpu,
                         "per_module_ms": seconds / records * 1000, **ours,
                         "plain_seconds": plain_seconds, "flat_seconds": flat_seconds, "plain": plain})
            print_row(rows[-1])
    return rows


def print_row(r: dict) -> None:
    label = f"×{r['scale']}" + (f" + {r['organisations']} org." if r["organisations"] else "")
    print(f"{label:<14} records {r['modules']:>5}  pagina's {r['pages']:>5}  bouw {r['seconds']:6.1f} s "
          f"({r['per_module_ms']:.0f} ms/module)  HTML mediaan {kb(r['median'])}, max {kb(r['max'])}, "
          f"totaal {kb(r['total'])}, zoekindex {kb(r['search_index'])}, CPU {r['cpu']['ours']:.1f} s")
    p = r["plain"]
    print(f"      plain Material, standaardnavigatie: bouw {r['plain_seconds']:6.1f} s  HTML mediaan "
          f"{kb(p['median'])}, max {kb(p['max'])}, totaal {kb(p['total'])}, zoekindex {kb(p['search_index'])}  "
          f"→ verhouding bouwtijd {r['seconds'] / r['plain_seconds']:.2f}×, CPU "
          f"{r['cpu']['ours'] / r['cpu']['plain']:.2f}×")
    print(f"      plain Material, navigatie met één ingang: bouw {r['flat_seconds']:6.1f} s  "
          f"→ verhouding bouwtijd {r['seconds'] / r['flat_seconds']:.2f}×, CPU "
          f"{r['cpu']['ours'] / r['cpu']['flat']:.2f}×")


def markdown_table(rows: list[dict]) -> str:
    lines = ["| Catalogus | Modules | Pagina's | Bouwtijd | ms per module | HTML mediaan | HTML max | Totaal | Zoekindex | Plain Material bouwtijd | Plain HTML mediaan | Plain HTML max | Plain zoekindex | Bouwtijd t.o.v. plain |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        p = r["plain"]
        name = "echt" if r["scale"] == 1 else f"×{r['scale']}"
        lines.append(f"| {name} | {r['modules']} | {r['pages']} | {r['seconds']:.1f} s | {r['per_module_ms']:.0f} | "
                     f"{kb(r['median'])} | {kb(r['max'])} | {kb(r['total'])} | {kb(r['search_index'])} | "
                     f"{r['plain_seconds']:.1f} s | {kb(p['median'])} | {kb(p['max'])} | {kb(p['search_index'])} | "
                     f"{r['seconds'] / r['plain_seconds']:.2f}× |")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--organisations", type=int, default=0)
    parser.add_argument("--write", action="store_true", help="print the Markdown table for BENCHMARKS.md")
    args = parser.parse_args()
    results = run([int(s) for s in args.scales.split(",")], args.organisations)
    if args.write:
        print()
        print(markdown_table(results))
