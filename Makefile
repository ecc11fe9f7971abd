# Two commands do everything (see README.md): `make book` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# otter-grader for instructors (`make assignments`); the test suite grades with it too. Not needed by `make book`.
INSTRUCTOR_STAMP := $(VENV)/.instructor-installed
BUILD_FLAGS := -W -n --keep-going
# The Nu HTML checker (`make vnu`, below), pinned.
VNU_VERSION := 26.9.27
VNU_SHA256 := 22f15dd39a33bed929d2a5c0cddf5946849a647eca9272bf4d5d00bc7e7a4d47
VNU := .vnu/$(VNU_VERSION)/vnu.jar
# The package is imported from this checkout (also by notebook kernels), even from a git worktree.
export PYTHONPATH := $(CURDIR)/src

.PHONY: book html test lab bench clean solutions

# (Re)create the environment when it is missing or older than the project's dependency list.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

$(INSTRUCTOR_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install -q -e ".[instructor]"
	touch $(INSTRUCTOR_STAMP)

book: $(STAMP) html pdf
	@echo "The book is built: open $(CURDIR)/_build/html/index.html (Russian edition: _build/html/ru/index.html)"

# Build only (strict: any warning, broken reference or failing cell fails it). The execution
# cache and Sphinx's environment know only the notebooks, so both are dropped (a clean build)
# when the package or the data changed since the last build (Python's bytecode caches are no change:
# tests that import modules the book does not would otherwise force a clean build).
html:
	@if [ -e _build/.inputs ] && [ -n "$$(find src data -type f -newer _build/.inputs -not -path '*/__pycache__/*' -not -path '*.egg-info/*' | head -n 1)" ]; then \
	  echo "The package or the data changed: rebuilding from scratch."; rm -rf _build; fi
	$(BIN)/jupyter-book build . --builder html $(BUILD_FLAGS)
	$(BIN)/python tools/build_ru.py
	touch _build/.inputs

# The strict build runs once, before the tests (REDREV_BOOK_BUILT=1 tells them so); the tests run on
# every core (pytest-xdist), each file whole on one worker unless its tests name their own group.
test: $(STAMP) $(INSTRUCTOR_STAMP) $(VNU) html
	REDREV_BOOK_BUILT=1 $(BIN)/python -m pytest -n auto --dist loadgroup --durations=25

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=.

# Measure build times, notebook times, page weights, requests and first-chart time against the
# budgets (README.md); e.g. `make bench BENCH_ARGS="--skip-env --runs 3"`.
bench: $(STAMP)
	$(BIN)/python tools/bench.py $(BENCH_ARGS)

# Instructors: worked answers and rubrics, exported to _build/solutions/ (not part of the book).
solutions: $(STAMP)
	$(BIN)/python tools/export_solutions.py

clean:
	rm -rf _build

# Instructors: graded assignments with otter-grader (instructors/README.md), e.g.
# `make assignments VARIANT="HIST 231, spring 2027"`; without VARIANT: the book's own questions.
.PHONY: assignments
assignments: $(INSTRUCTOR_STAMP)
	$(BIN)/python tools/make_assignments.py $(if $(filter-out undefined,$(origin VARIANT)),--variant '$(subst ','"'"',$(VARIANT))')

# The Nu HTML checker (tests/test_html_valid.py), pinned, from the npm registry into .vnu/ (git-ignored);
# it runs on Java (Debian: default-jre-headless). `make vnu` fetches it and prints its path.
.PHONY: vnu
vnu: $(VNU)
	@echo $(VNU)
$(VNU):
	rm -rf .vnu/tmp && mkdir -p .vnu/tmp $(dir $(VNU))
	cd .vnu/tmp && npm pack -q vnu-jar@$(VNU_VERSION) >/dev/null && tar xzf vnu-jar-$(VNU_VERSION).tgz package/build/dist/vnu.jar
	echo "$(VNU_SHA256)  .vnu/tmp/package/build/dist/vnu.jar" | sha256sum -c --quiet
	mv .vnu/tmp/package/build/dist/vnu.jar $(VNU) && rm -rf .vnu/tmp
# The PDF edition (README.md): _build/pdf/book.pdf and one PDF per page, printed by Debian's
# Chromium; the Russian edition too (_build/pdf/ru/) once it is built in _build/html/ru.
.PHONY: pdf
pdf: $(STAMP) html
	$(BIN)/python tools/make_pdf.py
	@if [ -d _build/html/ru ]; then $(BIN)/python tools/make_pdf.py --html _build/html/ru --out _build/pdf/ru; fi
# Translators: after the English prose changed, bring locale/ru/LC_MESSAGES/ up to date (new
# messages empty, changed ones fuzzy), then translate them; `make test` fails until none is left.
.PHONY: catalogs
catalogs: $(STAMP)
	$(BIN)/python tools/build_ru.py --gettext
	$(BIN)/sphinx-intl update -p _build/gettext -d locale -l ru
