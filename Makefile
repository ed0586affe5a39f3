# A thin layer over the CMake presets; see README.md.
# make run  — build the teamsim binary in Release (not the tests or benchmarks) and run the
#             default scenario, writing out/
# make test — build everything in Release and run the whole test suite
# make package — build the Debian package build/release/teamsim_<version>_<arch>.deb
# make install — install into PREFIX (default /usr/local): bin/teamsim, share/teamsim/scenarios
# make asan — build with AddressSanitizer + UndefinedBehaviorSanitizer and run the tests
# make fuzz  — build the libFuzzer target (clang, instrumented yaml-cpp) and fuzz for FUZZ_SECONDS
# make bench, make format, make format-check

SCENARIO ?= scenarios/default.yaml
OUT ?= out
FUZZ_SECONDS ?= 180

PREFIX ?= /usr/local

.PHONY: deps configure build build-all run test package install asan fuzz bench format format-check clean

deps:
	@scripts/install-deps

configure: deps
	@cmake --preset release >/dev/null

# Only what running needs: the binary and its libraries.
build: configure
	@cmake --build --preset release --target teamsim

build-all: configure
	@cmake --build --preset release

run: build
	build/release/teamsim run $(SCENARIO) --out $(OUT)

test: build-all
	ctest --preset release

package: build
	@cd build/release && cpack -G DEB >/dev/null && ls teamsim_*.deb

install: build
	cmake --install build/release --prefix $(PREFIX)

asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan
	ctest --preset asan

fuzz:
	@scripts/install-deps --fuzz
	@fuzz/build-instrumented-yaml-cpp build/fuzz-deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz --target scenario_fuzzer hires_csv_fuzzer
	fuzz/run $(FUZZ_SECONDS)

bench: build-all
	build/release/teamsim_bench --benchmark_counters_tabular=true

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

format-check:
	@git ls-files '*.h' '*.cc' | xargs clang-format --dry-run -Werror

clean:
	rm -rf build
