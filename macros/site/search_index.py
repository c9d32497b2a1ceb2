"""The site's search index: Pagefind run over the built site (engine-free).

Pagefind reads the built HTML and writes a fragmented index into `<site>/pagefind/`: the browser
fetches only the few chunks a query needs, never the whole index. What is indexed, and how, is
marked up in the pages themselves (overrides/main.html): `data-pagefind-body` on the content of
pages that belong in search, the record's type, status and facets as filters, its one-line
summary as metadata, and weights for search terms and for described versus named modules.
The binary comes from PyPI (`pagefind_bin`, pinned in requirements.txt); nothing is fetched at
build time.
"""
from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"  # the index folder inside the site; the search script loads <root>/pagefind/pagefind.js
EXCLUDE_SELECTORS = [".headerlink", ".md-content__button"]  # permalinks and edit buttons: not content


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: str | Path, quiet: bool = True) -> list[str]:
    """Index the built site in site_dir with Pagefind (into site_dir/pagefind/); returns
    Pagefind's warnings, such as markup it does not understand."""
    site_dir = Path(site_dir)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
               "--exclude-selectors", ", ".join(EXCLUDE_SELECTORS)]
    if quiet:
        command.append("--quiet")
    result = subprocess.run(command, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or any(line.lower().startswith("error") for line in output.splitlines()):
        raise SearchIndexError(f"Pagefind kon de zoekindex niet maken:\n{output}")
    return sorted({line for line in output.splitlines() if line.strip()})


class LiveIndex:
    """Pagefind beside a full build: each page goes to Pagefind's indexing service as soon as it
    is written, so the index is made on the second core while the rest of the site renders,
    instead of in a pass over the whole site afterwards (index_site, used where only some pages
    are rebuilt).

    A small client of the service's protocol (base64-encoded JSON messages ending in a comma on
    stdin and stdout, as the pinned Pagefind speaks it). Pagefind's own Python client waits 0.1 s
    before reading each reply, which makes a few hundred pages take longer than the whole build.
    """

    def __init__(self) -> None:
        from pagefind.service import get_executable  # the binary pinned in requirements.txt
        self._process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self._replies: dict[int, dict] = {}
        self._errors: list[str] = []
        self._unread: list[bytes] = []  # the start of a reply that has not fully arrived
        self._sent = 0
        reply = self._wait(self._send({"type": "NewIndex", "config": {"exclude_selectors": EXCLUDE_SELECTORS}}))
        self._index_id = reply["index_id"]

    def _send(self, payload: dict) -> int:
        self._sent += 1
        message = {"message_id": self._sent, "payload": payload}
        self._process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self._process.stdin.flush()
        return self._sent

    def _receive(self, message_id: int | None = None) -> None:
        """Read the replies that have arrived; with a message_id, block until that one is in.
        Read between pages in the build's own thread: a reader thread woke for every reply and
        made the build wait for the interpreter lock after each file it wrote."""
        stdout = self._process.stdout.fileno()
        while message_id not in self._replies and 0 not in self._replies:
            blocking = message_id is not None
            if not blocking and not select.select([stdout], [], [], 0)[0]:
                return
            chunk = os.read(stdout, 1 << 20)
            if not chunk:
                self._replies[0] = {"type": "Error", "message": "Pagefind stopte onverwacht"}
                return
            if b"," not in chunk:
                self._unread.append(chunk)
                continue
            *messages, rest = (b"".join(self._unread) + chunk).split(b",")
            self._unread = [rest]
            for message in messages:
                reply = json.loads(base64.b64decode(message))
                payload = reply.get("payload") or {}
                if payload.get("type") == "Error":
                    self._errors.append(payload.get("message", ""))
                self._replies[reply.get("message_id") or 0] = payload

    def _wait(self, message_id: int) -> dict:
        self._receive(message_id)
        reply = self._replies.get(message_id) or self._replies[0]
        if reply.get("type") == "Error":
            raise SearchIndexError(f"Pagefind kon de zoekindex niet maken: {reply.get('message')}")
        return reply

    def add(self, html: str, url: str) -> None:
        """Hand over one page (url from the site root, e.g. '/modules/intake/'); does not wait."""
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_path": None,
                    "file_contents": indexed_part(html)})
        self._receive()  # keeps Pagefind's replies from filling the pipe

    def write(self, site_dir: str | Path) -> None:
        """Write the bundle into site_dir/pagefind/ once every page handed over is indexed. The
        files come back in the reply and are written here, complete before the service stops
        (with Pagefind's own WriteFiles, two builds once differed in one of its files)."""
        try:
            reply = self._wait(self._send({"type": "GetFiles", "index_id": self._index_id}))
            if self._errors:
                raise SearchIndexError("Pagefind kon de zoekindex niet maken:\n" + "\n".join(self._errors))
        finally:
            self.close()
        bundle = Path(site_dir) / BUNDLE
        files = {bundle / file["path"]: file["content"] for file in reply["files"]}
        for folder in {target.parent for target in files}:
            folder.mkdir(parents=True, exist_ok=True)
        for target, content in files.items():
            target.write_bytes(base64.b64decode(content))

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()


def indexed_part(html: str) -> str:
    """What Pagefind reads of a page: the head (language, and the data-pagefind-meta and -filter
    tags of overrides/main.html) and the article, which holds the data-pagefind-body. The
    navigation, header and footer around it are never indexed; handing them over too cost build
    time, and Pagefind keeps what it is given in memory until the index is written."""
    head_end, start, end = html.find("</head>"), html.find("<article"), html.rfind("</article>")
    if min(head_end, start, end) < 0:
        return html
    return f"{html[:head_end]}</head><body>{html[start:end]}</article></body></html>"


# How much a page's content weighs against others (Pagefind's data-pagefind-weight on the body):
# described modules, programmes and other records count fully; modules the sources only name and
# overview pages less, so for a shared word the described module comes first.
LOW_WEIGHT = 0.5


def page_markup(meta: dict, title: str) -> dict | None:
    """What overrides/main.html marks up for search on a page with this front matter, or None
    when the page stays out of search (continuation pages, pages about the site itself).
    Returns {"meta": [(key, value)], "filters": [(name, value)], "weight": float | None}."""
    kind = meta.get("kind")
    if not kind or meta.get("in_search") is False or (meta.get("search") or {}).get("exclude"):
        return None
    pairs = [("title", str(meta.get("title") or title)), ("kind", kind)]
    if meta.get("description"):
        pairs.append(("summary", " ".join(str(meta["description"]).split())))
    if meta.get("status"):
        pairs.append(("status", meta["status"]))
    if meta.get("search_terms"):  # the search dialog ranks an exact match on these first
        pairs.append(("terms", "|".join(str(t) for t in meta["search_terms"])))
    filters = [("type", kind)] + ([("status", meta["status"])] if meta.get("status") else [])
    for name, values in (meta.get("facets") or {}).items():
        filters += [(name, str(value)) for value in values]
    weight = LOW_WEIGHT if meta.get("rank") == "low" or kind == "Overzicht" else None
    return {"meta": pairs, "filters": filters, "weight": weight}
