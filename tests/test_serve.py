"""Code test: `make serve` survives an editor's mistakes. A YAML error and a wrong id in an article
show the Dutch error in the terminal and on the page, the preview keeps running, and it recovers
by itself once the file is fixed. Runs `mkdocs serve` on a copy of the project."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup
from conftest import project_copy

pytestmark = pytest.mark.full


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError as exc:
        return f"<unreachable: {exc}>"


def wait_for(url: str, predicate, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        body = fetch(url)
        if predicate(body):
            return body
        time.sleep(1)
    raise AssertionError(f"{url} kwam niet in de verwachte toestand:\n{body[:2000]}")


@pytest.fixture
def preview(tmp_path):
    project = project_copy(tmp_path)
    port = free_port()
    env = dict(os.environ, AMW_STRICT="false", NO_MKDOCS_2_WARNING="1",
               AMW_CATALOG=str(project / "data" / "modules.yaml"))
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/kennisbank/"
    try:
        wait_for(base + "modules/intake/", lambda b: "<h1" in b)
        yield project, base, tmp_path / "serve.log", process
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_a_yaml_mistake_shows_on_the_page_and_the_preview_recovers(preview):
    project, base, log, process = preview
    data = project / "data" / "modules.yaml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("\n  - id: intake\n", "\n  - id: intake\n\tname: x\n", 1), encoding="utf-8")
    page = wait_for(base + "praktijk/diversiteit/", lambda b: "kan niet worden bijgewerkt" in b)
    assert "data/modules.yaml:" in page and "tab" in page  # file:line and the Dutch hint
    assert process.poll() is None
    module_page = fetch(base + "modules/budgetbegeleiding/")  # generated pages: the last good catalogue
    heading = BeautifulSoup(module_page, "html.parser").find("h1", id="budgetbegeleiding")
    assert "kan niet worden bijgewerkt" in module_page and heading and "Budgetbegeleiding" in heading.text
    data.write_text(good, encoding="utf-8")
    wait_for(base + "praktijk/diversiteit/", lambda b: "kan niet worden bijgewerkt" not in b and "<h1" in b)
    assert "YAML-fout" in log.read_text(encoding="utf-8")


def test_a_wrong_id_in_an_article_shows_on_the_page_and_the_preview_recovers(preview):
    project, base, log, process = preview
    article = project / "docs" / "praktijk" / "diversiteit.md"
    good = article.read_text(encoding="utf-8")
    article.write_text(good + "\n\nZie {{ module('intaek') }}.\n", encoding="utf-8")
    page = wait_for(base + "praktijk/diversiteit/", lambda b: "onbekende module" in b)
    assert "intaek" in page and "Bedoelde je" in page and "docs/praktijk/diversiteit.md:" in page
    assert process.poll() is None
    article.write_text(good, encoding="utf-8")
    wait_for(base + "praktijk/diversiteit/", lambda b: "onbekende module" not in b and "<h1" in b)
    assert "onbekende module 'intaek'" in log.read_text(encoding="utf-8")


def test_an_edit_in_the_data_shows_on_its_pages(preview):
    project, base, log, process = preview
    data = project / "data" / "modules.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "  - id: budgetbegeleiding\n    name: Budgetbegeleiding\n",
        "  - id: budgetbegeleiding\n    name: Budgetbegeleiding op maat\n", 1), encoding="utf-8")
    wait_for(base + "modules/budgetbegeleiding/", lambda b: "Budgetbegeleiding op maat" in b)
    wait_for(base + "functies/begeleiding/", lambda b: "Budgetbegeleiding op maat" in b)
