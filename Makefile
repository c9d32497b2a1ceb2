# AMW kennisbank. `make serve` runs the site, `make test` runs all tests (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build validate schema codeowners test test-all lint bench clean offline

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)  ## Run the site on http://127.0.0.1:8000/kennisbank/, reloading on every edit
	AMW_STRICT=false $(BIN)/mkdocs serve --livereload --dirty

build: $(STAMP)  ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

offline: $(STAMP)  ## Build a copy that works opened from disk into site-offline/
	OFFLINE=true DIRECTORY_URLS=false $(BIN)/mkdocs build --strict --site-dir site-offline
	cd site-offline && rm -f ../amw-kennisbank-offline.zip && $(PYTHON) -m zipfile -c ../amw-kennisbank-offline.zip .

validate: $(STAMP)  ## Check data/modules.yaml and explain every mistake
	$(BIN)/python -m macros validate

codeowners: $(STAMP)  ## Rewrite .github/CODEOWNERS from the maintainers in data/organisaties/
	$(BIN)/python -m macros codeowners

schema: $(STAMP)  ## Rewrite data/modules.schema.json after changing macros/model.py
	$(BIN)/python -m macros schema

test: $(STAMP)  ## The quick check before a pull request (about 2 minutes; needs Debian's chromium)
	$(BIN)/python -m pytest -m "not full"

test-all: $(STAMP) lint  ## Everything CI runs: every page in the browser, serve, offline, ProperDocs
	$(BIN)/python -m pytest

lint: $(STAMP)  ## Code style (ruff) and the rooms of the house (import contracts)
	$(BIN)/ruff check macros tests bench
	$(BIN)/lint-imports

bench: $(STAMP)  ## Build-time and page-weight figures (not a test)
	$(BIN)/python bench/site_bench.py

clean:
	rm -rf site site-offline .pytest_cache
