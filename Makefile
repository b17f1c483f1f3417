# dyad: two commands do everything (see README).
#   make run   sets up, builds, and runs dyad's main job on its bundled data
#   make test  sets up, builds, and runs every test
BUILD ?= build
BUILD_TYPE ?= Release
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc)

.PHONY: all setup build run test test-fast test-slow asan fuzz bench clean format

all: build

setup:
	@scripts/setup

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@scripts/run-main $(BUILD)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-fast: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L fast

# `make asan`: the whole test suite built with g++ (the compiler of the normal build) under
# AddressSanitizer + UndefinedBehaviorSanitizer in build-asan (no benchmark programs), each
# GoogleTest binary run whole as one test (an instrumented process start costs seconds).
# `make fuzz`: the libFuzzer harnesses of fuzz/ in their own clang-14 build (only the
# modules they need), each run for FUZZ_SECONDS on its seed corpus (fuzz/README.md).
# Times on a 2-core machine: docs/RELIABILITY.md.
FUZZ_FLAGS = -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DDYAD_FUZZ=ON
FUZZ_SECONDS ?= 25
asan:
	$(MAKE) test BUILD=build-asan BUILD_TYPE=Asan CMAKE_FLAGS="$(CMAKE_FLAGS) -DDYAD_BENCH=OFF -DDYAD_TEST_WHOLE_BINARIES=ON"

fuzz: setup
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Asan $(FUZZ_FLAGS) $(CMAKE_FLAGS)
	cmake --build build-fuzz -j $(JOBS) --target fuzzers
	scripts/fuzz build-fuzz $(FUZZ_SECONDS)

bench: build
	@scripts/bench $(BUILD)

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc')

clean:
	rm -rf $(BUILD) build-asan build-fuzz
