# A thin layer over the CMake presets; see README.md.
# make run  — build in Release and run the default scenario, writing out/
# make test — build in Release and run the whole test suite
# make asan — build with AddressSanitizer + UndefinedBehaviorSanitizer and run the tests
# make fuzz  — build the libFuzzer target (clang, instrumented yaml-cpp) and fuzz for FUZZ_SECONDS
# make bench, make format, make format-check

SCENARIO ?= scenarios/default.yaml
OUT ?= out
FUZZ_SECONDS ?= 180

.PHONY: deps build run test asan fuzz bench format format-check clean

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

fuzz:
	@scripts/install-deps --fuzz
	@fuzz/build-instrumented-yaml-cpp build/fuzz-deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz --target scenario_fuzzer
	fuzz/run $(FUZZ_SECONDS)

bench: build
	build/release/teamsim_bench --benchmark_counters_tabular=true

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

format-check:
	@git ls-files '*.h' '*.cc' | xargs clang-format --dry-run -Werror

clean:
	rm -rf build
