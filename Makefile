# The two commands in the README: `make demo` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup build content demo test test-unit check-dist bench clean

help:
	@echo "make demo   install what is missing, build, scan the embedded sample image"
	@echo "make test   install what is missing, build, run every test"

# Every step after setup runs on Node >= 22: the machine's, or the npm-packaged Node 24.
NODE := bash scripts/with-node.sh

setup:
	@bash scripts/setup.sh

build: setup
	$(NODE) npm run build --silent

# Current SCAP content into scapgate's content store (needs the built CLI; docs/content.md).
content: build
	@$(NODE) bash scripts/install-content.sh

demo: content
	@$(NODE) bash scripts/demo.sh

test: setup
	$(NODE) npm run typecheck
	$(NODE) npm run lint
	$(NODE) npm run format:check
	$(NODE) npm run build --silent
	$(NODE) bash scripts/install-content.sh
	$(NODE) npm test
	$(NODE) bash scripts/check-dist.sh

bench: build
	$(NODE) npm run bench

clean:
	rm -rf scapgate-out
