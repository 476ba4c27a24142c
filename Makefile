# The two commands in the README: `make demo` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup build content demo test test-unit check-dist bench clean

help:
	@echo "make demo   install what is missing, build, scan the embedded sample image"
	@echo "make test   install what is missing, build, run every test"

setup:
	@bash scripts/setup.sh

build: setup
	npm run build --silent

# Current SCAP content into scapgate's content store (needs the built CLI; docs/content.md).
content: build
	@bash scripts/install-content.sh

demo: content
	@bash scripts/demo.sh

test: setup
	npm run typecheck
	npm run lint
	npm run format:check
	npm run build --silent
	bash scripts/install-content.sh
	npm test
	bash scripts/check-dist.sh

bench: build
	npm run bench

clean:
	rm -rf scapgate-out
