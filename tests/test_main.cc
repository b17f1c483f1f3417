// The main of every test binary. Each run gets its own temporary directory (TMPDIR and
// TEST_TMPDIR point into a fresh mkdtemp directory, removed afterwards), so tests that
// write fixed names under testing::TempDir() or temp_directory_path() never collide when
// ctest runs them in parallel or two builds (build, build-asan) test at once.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  std::string tmpl = (std::filesystem::temp_directory_path() / "dyad-test-XXXXXX").string();
  const bool own_tmp = ::mkdtemp(tmpl.data()) != nullptr;
  if (own_tmp) {
    ::setenv("TMPDIR", tmpl.c_str(), 1);
    ::setenv("TEST_TMPDIR", tmpl.c_str(), 1);
  }
  const int rc = RUN_ALL_TESTS();
  if (own_tmp) {
    std::error_code ec;
    std::filesystem::remove_all(tmpl, ec);
  }
  return rc;
}
