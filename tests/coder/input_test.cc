// Bad input is skipped and counted with its position, never a crash.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder/input.h"

namespace dyad::coder {
namespace {

struct Read {
  Status status;
  InputCounts counts;
  std::vector<std::string> texts;
  std::vector<std::string> dates;
  std::vector<bool> new_docs;
};

Read ReadOf(std::string data, InputOptions opt = {}) {
  Read r;
  r.status = ReadTextString(std::move(data), "in.txt", opt, [&](const InputLine& l) {
    r.texts.emplace_back(l.text);
    r.dates.push_back(l.date ? l.date->ToString() : "");
    r.new_docs.push_back(l.new_document);
    return Status::OK();
  }, &r.counts);
  return r;
}

TEST(CoderInput, DocumentsAndDatesFromMetadataLines) {
  Read r = ReadOf("@date 2015-07-21\nKyrgyzstan ended the treaty.\nThe US warned it.\n"
                  "2015-10-31\tKerry visited Bishkek.\n\nAnother paragraph.\n",
                  InputOptions{1 << 20, *Date::ParseIso("2000-01-01")});
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.texts, (std::vector<std::string>{"Kyrgyzstan ended the treaty.\nThe US warned it.",
                                               "Kerry visited Bishkek.", "Another paragraph."}));
  EXPECT_EQ(r.dates, (std::vector<std::string>{"2015-07-21", "2015-10-31", "2015-07-21"}));
  EXPECT_EQ(r.new_docs, (std::vector<bool>{true, true, true}));
  EXPECT_EQ(r.counts.blank, 1u);
}

// Bug: every line was a paragraph of its own, so a hard-wrapped sentence was cut in two.
TEST(CoderInput, ASingleLineFeedIsNoParagraphBreak) {
  std::vector<uint64_t> lines;
  Read r;
  r.status = ReadTextString("@date 2015-07-21\nKazakhstan and Kyrgyzstan signed an\nagreement on trade.\n\n"
                            "Russia\nobjected.\n", "in.txt", {}, [&](const InputLine& l) {
    r.texts.emplace_back(l.text);
    lines.push_back(l.line);
    return Status::OK();
  }, &r.counts);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.texts, (std::vector<std::string>{"Kazakhstan and Kyrgyzstan signed an\nagreement on trade.",
                                               "Russia\nobjected."}));
  EXPECT_EQ(lines, (std::vector<uint64_t>{2, 5}));  // each paragraph's first line
  EXPECT_EQ(r.counts.paragraphs, 2u);
}

TEST(CoderInput, AParagraphIsCutAtTheLineLimitNeverBufferedWithoutBound) {
  InputOptions opt;
  opt.max_line_bytes = 64;
  std::string line(40, 'a');
  Read r = ReadOf(line + "\n" + line + "\n" + line + "\n", opt);
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.texts.size(), 3u);
  for (const std::string& t : r.texts) EXPECT_LE(t.size(), 64u);
}

TEST(CoderInput, InvalidUtf8IsSkippedWithItsColumn) {
  Read r = ReadOf("Russia protested.\nBad \xff\xfe byte.\nChina agreed.\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.texts.size(), 2u);
  EXPECT_EQ(r.counts.invalid_utf8, 1u);
  ASSERT_EQ(r.counts.messages.size(), 1u);
  EXPECT_EQ(r.counts.messages[0], "in.txt:2:5: invalid UTF-8 (skipped)");
}

TEST(CoderInput, ATenMegabyteLineIsSkippedAndCounted) {
  std::string huge(10u << 20, 'a');
  Read r = ReadOf("Russia protested.\n" + huge + "\nChina agreed.\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.texts, (std::vector<std::string>{"Russia protested.", "China agreed."}));
  EXPECT_EQ(r.counts.too_long, 1u);
  EXPECT_NE(r.counts.messages.at(0).find("in.txt:2:"), std::string::npos);
  EXPECT_NE(r.counts.messages.at(0).find("line longer than 1048576 bytes"), std::string::npos);
}

TEST(CoderInput, BinaryDataIsSkippedWithTheByte) {
  std::string bin("\x7f" "ELF\x02\x01\x01\x00\x00\x00 junk", 16);
  Read r = ReadOf(bin + "\nRussia protested.\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.texts.size(), 1u);
  EXPECT_EQ(r.counts.binary, 1u);
  EXPECT_EQ(r.counts.messages.at(0), "in.txt:1:1: binary data: control byte 0x7f (skipped)");
}

TEST(CoderInput, EmptyInputIsAnError) {
  Read r = ReadOf("");
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status.message(), "in.txt: empty input");
  r = ReadOf("\n   \n");
  EXPECT_EQ(r.status.message(), "in.txt: no text to code");
  r = ReadOf(std::string("\x00\x01\n", 3));
  EXPECT_EQ(r.status.message(), "in.txt: no text to code (1 lines skipped)");
}

TEST(CoderInput, ABadDateLineIsSkippedAndNamed) {
  Read r = ReadOf("@date 2015-02-30\nRussia protested.\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.counts.bad_metadata, 1u);
  EXPECT_NE(r.counts.messages.at(0).find("in.txt:1:7: bad @date '2015-02-30'"), std::string::npos);
}

}  // namespace
}  // namespace dyad::coder
