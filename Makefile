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

# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (g++: clang 14
# cannot compile the tree, it lacks C++20 lambda captures of structured bindings), and the
# libFuzzer harnesses of fuzz/ in their own clang build (only the modules they need);
# `make fuzz` runs each for FUZZ_SECONDS on its seed corpus (docs/RELIABILITY.md).
FUZZ_FLAGS = -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DDYAD_FUZZ=ON
FUZZ_SECONDS ?= 25
asan:
	$(MAKE) test BUILD=build-asan BUILD_TYPE=Asan

fuzz: setup
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Asan $(FUZZ_FLAGS) $(CMAKE_FLAGS)
	cmake --build build-fuzz -j $(JOBS) --target fuzzers
	scripts/fuzz build-fuzz $(FUZZ_SECONDS)

bench: build
	@scripts/bench $(BUILD)

format:
	clang-format -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc')

clean:
	rm -rf $(BUILD) build-asan
