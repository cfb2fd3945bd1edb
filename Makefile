# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing
# (scripts/install-deps.sh) before they build.

DB ?= sqlite:lumbung-data/lumbung.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test deps build build-debug check-format format lint-openapi bench clean

run: deps build
	./build/release/apps/lumbung/lumbung serve --demo --db $(DB) --listen $(LISTEN)

test: deps build-debug check-format lint-openapi
	ctest --preset debug

deps:
	@./scripts/install-deps.sh

build:
	@cmake --preset release >/dev/null
	cmake --build --preset release

build-debug:
	@cmake --preset debug >/dev/null
	cmake --build --preset debug

# Fails on C++ that clang-format would change.
check-format:
	@files=$$(git ls-files '*.cpp' '*.hpp'); \
	if [ -n "$$files" ]; then clang-format --dry-run --Werror $$files; fi
	@echo "format: ok"

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

# Lints the OpenAPI document with Redocly's validator (npm, pinned in tools/).
lint-openapi: deps
	cd tools && ./node_modules/.bin/redocly lint --format=stylish ../src/http/openapi.json

bench: deps build
	./bench/run.sh
	./bench/search.sh

clean:
	rm -rf build
