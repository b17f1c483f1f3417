#include "relations/dyad_table.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "base/file.h"

namespace dyad::relations {
namespace {

std::string Sample() {
  DyadTableBuilder b({"test", "v1", "2014-12-31", {"a.csv"}}, {{"n", ColumnType::kInt32}, {"x", ColumnType::kFloat64}});
  std::array<double, 2> r1{3, 1.25}, r2{4, std::nan("")}, r3{5, -2}, r4{6, 0.5};
  b.Add("USA", "CAN", 1950, r2);
  b.Add("CAN", "USA", 1950, r1);
  b.Add("USA", "CAN", 1949, r3);
  b.Add("USA", "", 2000, r4);
  return b.Serialize();
}

TEST(DyadTable, RowsAreFoundByDyadAndYearWithTheirValues) {
  auto t = DyadTable::FromBuffer(Sample(), "mem");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const DyadTable& d = **t;
  EXPECT_EQ(d.rows(), 4u);
  EXPECT_EQ(d.meta().dataset, "test");
  EXPECT_EQ(d.meta().files[0], "a.csv");
  EXPECT_EQ(d.min_year(), 1949);
  EXPECT_EQ(d.max_year(), 2000);
  auto [lo, hi] = d.Range("USA", "CAN", 1950);
  ASSERT_EQ(hi - lo, 1u);
  EXPECT_EQ(d.Value(lo, d.Column("n")), 4);
  EXPECT_TRUE(d.Missing(lo, d.Column("x"))) << "NaN in, missing out";
  auto all = d.Range("USA", "CAN");
  EXPECT_EQ(all.second - all.first, 2u);
  EXPECT_EQ(d.year(all.first), 1949) << "rows of a dyad are in year order";
  auto [clo, chi] = d.Range("CAN", "USA", 1950);
  ASSERT_EQ(chi - clo, 1u);
  EXPECT_EQ(d.Value(clo, d.Column("x")), 1.25);
  auto mono = d.Range("USA", "", 2000);
  ASSERT_EQ(mono.second - mono.first, 1u);
  EXPECT_EQ(d.b(mono.first), "");
  EXPECT_EQ(d.Range("USA", "MEX", 1950).second - d.Range("USA", "MEX", 1950).first, 0u);
  EXPECT_TRUE(d.Verify().ok());
}

TEST(DyadTable, MapsAFileAndDetectsDamage) {
  std::string path = testing::TempDir() + "/t.dyt";
  std::string bytes = Sample();
  ASSERT_TRUE(WriteFileAtomic(path, bytes).ok());
  auto t = DyadTable::Open(path);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE((*t)->Verify().ok());
  bytes[bytes.size() - 3] ^= 0x40;
  auto damaged = DyadTable::FromBuffer(bytes, "damaged");
  ASSERT_TRUE(damaged.ok());
  EXPECT_EQ((*damaged)->Verify().code(), StatusCode::kCorruption);
  EXPECT_EQ(DyadTable::FromBuffer(bytes.substr(0, bytes.size() - 8), "cut").status().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(DyadTable::FromBuffer("not a table at all, not at all.....", "junk").status().code(),
            StatusCode::kCorruption);
}

}  // namespace
}  // namespace dyad::relations
