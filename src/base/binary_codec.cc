#include "base/binary_codec.h"

namespace dyad {
namespace {

constexpr uint64_t kOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kPrime = 0x100000001b3ull;

uint64_t Step(uint64_t h, uint64_t word) {
  h = (h ^ word) * kPrime;
  return (h << 29) | (h >> 35);
}

}  // namespace

uint64_t Checksum64(std::string_view bytes) {
  uint64_t h = kOffset;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = Step(h, w);
  }
  if (i < bytes.size()) {
    uint64_t w = 0;
    std::memcpy(&w, bytes.data() + i, bytes.size() - i);
    h = Step(h, w);
  }
  return (h ^ static_cast<uint64_t>(bytes.size())) * kPrime;
}

void ByteWriter::OptDate(const std::optional<Date>& d) {
  Int<uint8_t>(d.has_value());
  if (!d) return;
  Int<int32_t>(d->year());
  Int<uint8_t>(static_cast<uint8_t>(d->month()));
  Int<uint8_t>(static_cast<uint8_t>(d->day()));
  Int<uint8_t>(static_cast<uint8_t>(d->approximate() | (d->uncertain() << 1)));
}

std::optional<Date> ByteReader::OptDate() {
  if (Int<uint8_t>() == 0) return std::nullopt;
  const int32_t y = Int<int32_t>();
  const int m = Int<uint8_t>(), d = Int<uint8_t>(), flags = Int<uint8_t>();
  Result<Date> date = Date::Make(y, m, d);
  if (!date.ok()) return Fail(), std::nullopt;
  return date->WithApproximate(flags & 1).WithUncertain(flags & 2);
}

Interval ByteReader::Span() {
  std::optional<Date> start = OptDate(), end = OptDate();
  if (!start && !end) return Interval();  // the common case: always
  Result<Interval> i = Interval::Make(start, end);
  if (!i.ok()) return Fail(), Interval();
  return *i;
}

}  // namespace dyad
