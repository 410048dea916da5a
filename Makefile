# `make demo` and `make test` work on a fresh clone: the first target that needs .venv creates it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lock schemas clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -qq --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/frontwatch demo

# pytest exits 5 when it collected no test: say so, and fail, rather than pass on nothing.
test: $(STAMP)
	@$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; exit $$rc

bench: $(STAMP)
	$(BIN)/frontwatch bench

schemas: $(STAMP)
	$(BIN)/frontwatch schemas --write

# Regenerate the hash-locked dependency set after editing requirements.in.
lock:
	$(BIN)/python -m pip install -qq pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build *.egg-info
