#include "openpt/core/csv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "support/test_support.h"

namespace openpt {
namespace {

TEST(CsvReader, SplitsLinesAndCellsWithLineNumbers) {
  const std::string text =
      "\xEF\xBB\xBF"
      "a,b , c\r\n\r\n  \n1,,3\r\nlast,x";
  CsvReader csv(text, "t.csv");
  ASSERT_TRUE(csv.next());
  EXPECT_EQ(csv.line_number(), 1u);
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(csv.cell(0), "a");  // BOM stripped
  EXPECT_EQ(csv.cell(1), "b");  // spaces trimmed
  EXPECT_EQ(csv.cell(2), "c");  // CR stripped
  ASSERT_TRUE(csv.next());      // blank lines skipped, numbering continues
  EXPECT_EQ(csv.line_number(), 4u);
  EXPECT_EQ(csv.where(), "t.csv:4");
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(csv.cell(1), "");
  ASSERT_TRUE(csv.next());
  EXPECT_EQ(csv.line_number(), 5u);
  EXPECT_EQ(csv.cell(1), "x");
  EXPECT_FALSE(csv.next());
}

TEST(CsvReader, ExpectCellsNamesTheLine) {
  CsvReader csv("a,b\n1,2,3\n", "t.csv");
  ASSERT_TRUE(csv.next());
  EXPECT_TRUE(csv.expect_cells(2));
  ASSERT_TRUE(csv.next());
  auto ok = csv.expect_cells(2);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().where, "t.csv:2");
  EXPECT_NE(ok.error().message.find("3 columns, expected 2"), std::string::npos);
}

TEST(CsvReader, NumberErrorsNameLineAndColumn) {
  CsvReader csv("1.5,abc,inf,,nan,1e999\n", "n.csv");
  ASSERT_TRUE(csv.next());
  EXPECT_DOUBLE_EQ(*csv.number(0, "a"), 1.5);
  auto bad = csv.number(1, "b");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kBadInput);
  EXPECT_EQ(bad.error().where, "n.csv:1");
  EXPECT_NE(bad.error().message.find("column 2 (b): 'abc' is not a number"), std::string::npos);
  auto inf = csv.number(2, "c", CsvMissing::kAllowNaN);
  ASSERT_FALSE(inf);
  EXPECT_NE(inf.error().message.find("infinite"), std::string::npos);
  EXPECT_FALSE(csv.number(3, "d"));  // empty rejected unless allowed
  EXPECT_TRUE(std::isnan(*csv.number(3, "d", CsvMissing::kAllowNaN)));
  EXPECT_FALSE(csv.number(4, "e"));
  EXPECT_TRUE(std::isnan(*csv.number(4, "e", CsvMissing::kAllowNaN)));
  auto huge = csv.number(5, "f");
  ASSERT_FALSE(huge);
  EXPECT_NE(huge.error().message.find("out of range"), std::string::npos);
  EXPECT_FALSE(csv.number_f(5, "f"));
}

TEST(CsvParse, IsStrict) {
  EXPECT_EQ(*parse_csv_double("-2.5e-3"), -2.5e-3);
  EXPECT_EQ(*parse_csv_double("+4"), 4.0);
  EXPECT_EQ(*parse_csv_double(" 7 "), 7.0);
  EXPECT_FALSE(parse_csv_double("1.5x"));
  EXPECT_FALSE(parse_csv_double("1,5"));
  EXPECT_FALSE(parse_csv_double("0x10"));
  EXPECT_FALSE(parse_csv_double("-inf", CsvMissing::kAllowNaN));
  EXPECT_FALSE(parse_csv_double("Infinity", CsvMissing::kAllowNaN));
  EXPECT_EQ(*parse_csv_integer("42"), 42);
  EXPECT_FALSE(parse_csv_integer("4.2"));
  EXPECT_FALSE(parse_csv_integer("99999999999999999999"));
}

TEST(CsvFormat, ShortestTextRoundTripsExactly) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> dist(-1e3, 1e3);
  for (int i = 0; i < 2000; ++i) {
    const double d = dist(rng) * std::pow(10.0, i % 7 - 3);
    EXPECT_EQ(*parse_csv_double(format_csv_number(d)), d);
    const auto f = static_cast<float>(d);
    EXPECT_EQ(*parse_csv_float(format_csv_number(f)), f);
  }
  EXPECT_EQ(format_csv_number(0.1f), "0.1");
  EXPECT_EQ(format_csv_number(0.25), "0.25");
  EXPECT_EQ(format_csv_number(std::numeric_limits<double>::quiet_NaN()), "");
}

TEST(ReadTextFile, ReadsAndReportsMissingFiles) {
  testing::TempDir tmp;
  const auto path = tmp.write("a.txt", std::string("x\0y", 3));
  auto text = read_text_file(path, "a.txt");
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, std::string("x\0y", 3));
  auto missing = read_text_file(tmp.path() / "nope.txt", "nope.txt");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(missing.error().where, "nope.txt");
  auto dir = read_text_file(tmp.path(), "dir");
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().kind, ErrorKind::kBadInput);
  auto big = read_text_file(path, "a.txt", 2);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("too large"), std::string::npos);
}

}  // namespace
}  // namespace openpt
