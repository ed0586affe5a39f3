# A thin layer over the CMake presets; see README.md.
# make run  — build in Release and run the default scenario, writing out/
# make test — build in Release and run the whole test suite
# make asan — build with AddressSanitizer + UndefinedBehaviorSanitizer and run the tests
# make bench, make format, make format-check

SCENARIO ?= scenarios/default.yaml
OUT ?= out

.PHONY: deps build run test asan bench format format-check clean

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release

run: build
	build/release/teamsim run $(SCENARIO) --out $(OUT)

test: build
	ctest --preset release

asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan
	ctest --preset asan

bench: build
	build/release/teamsim_bench --benchmark_counters_tabular=true

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

format-check:
	@git ls-files '*.h' '*.cc' | xargs clang-format --dry-run -Werror

clean:
	rm -rf build
