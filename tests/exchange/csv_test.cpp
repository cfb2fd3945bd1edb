// The CSV reader and writer, and the line reader, on the corners RFC 4180 and real files have.
#include "exchange/csv.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace lumbung::exchange {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> MustRead(std::string_view text) {
  auto records = ReadCsv(text);
  EXPECT_TRUE(records) << (records ? "" : records.error().fields.at(0).message.en);
  return records ? *records : std::vector<CsvRecord>{};
}

std::string FailureField(std::string_view text) {
  auto records = ReadCsv(text);
  EXPECT_FALSE(records);
  if (records) return {};
  EXPECT_EQ(records.error().code, ErrorCode::kMalformed);
  EXPECT_FALSE(records.error().title.id.empty());
  EXPECT_FALSE(records.error().title.en.empty());
  return records.error().fields.at(0).field;
}

TEST(CsvReaderTest, PlainRecords) {
  auto records = MustRead("kode,nama\n11,ACEH\n1101,KABUPATEN SIMEULUE\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"kode", "nama"}));
  EXPECT_EQ(records[2].fields, (Fields{"1101", "KABUPATEN SIMEULUE"}));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvReaderTest, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto records =
      MustRead("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\"\",x\r\nnext,1,2\r\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(records[1].fields, (Fields{"two\r\nlines", "", "x"}));
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 4);  // the record before it took two lines
}

TEST(CsvReaderTest, LineEndingsByteOrderMarkAndBlankLines) {
  auto records = MustRead("\xEF\xBB\xBFh1,h2\r\n\r\n1,2\n\n\n3,4\r5,6");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields, (Fields{"h1", "h2"}));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[2].fields, (Fields{"3", "4"}));
  EXPECT_EQ(records[2].line, 6);
  EXPECT_EQ(records[3].fields, (Fields{"5", "6"}));  // no line end after the last record
  EXPECT_EQ(records[3].line, 7);
}

TEST(CsvReaderTest, EmptyFieldsAndEmptyInput) {
  auto records = MustRead("a,,\n,\n\"\"\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "", ""}));
  EXPECT_EQ(records[1].fields, (Fields{"", ""}));
  EXPECT_EQ(records[2].fields, (Fields{""}));
  EXPECT_TRUE(MustRead("").empty());
  EXPECT_TRUE(MustRead("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(MustRead("\r\n\n").empty());
}

TEST(CsvReaderTest, TextThatOnlyStartsLikeAByteOrderMarkIsKept) {
  auto records = MustRead(
      "\xEF\xBB"
      "x,y\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (Fields{"\xEF\xBBx", "y"}));
}

TEST(CsvReaderTest, ErrorsNameTheLine) {
  EXPECT_EQ(FailureField("a,b\n1,\"open\n2,3\n"), "line 2");
  EXPECT_EQ(FailureField("a,b\n1,2\n3,x\"y\n"), "line 3");
  EXPECT_EQ(FailureField("a,b\n\"closed\"after,2\n"), "line 2");
}

TEST(CsvReaderTest, RefusesALineOverTheLimit) {
  std::istringstream input("a,b\n" + std::string(100, 'x') + "\n");
  CsvReader reader(input, 50);
  CsvRecord record;
  auto first = reader.Next(record);
  ASSERT_TRUE(first);
  EXPECT_TRUE(*first);
  auto second = reader.Next(record);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().fields.at(0).field, "line 2");
  EXPECT_EQ(second.error().fields.at(0).code, "line_too_long");
}

TEST(CsvReaderTest, StartsCountingAtTheGivenLine) {
  std::istringstream input("x,y\n");
  CsvReader reader(input, kMaxLineBytes, 7);
  CsvRecord record;
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(record.line, 7);
}

TEST(CsvWriterTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvCell("plain text"), "plain text");
  EXPECT_EQ(CsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvCell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvCell("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvCell(""), "");
  EXPECT_EQ(CsvCell("\xEF\xBB\xBFx"), "\"\xEF\xBB\xBFx\"");  // else a reader takes it for a BOM
}

TEST(CsvWriterTest, AFirstCellStartingWithAByteOrderMarkSurvives) {
  std::ostringstream out;
  WriteCsvRecord(out, {"\xEF\xBB\xBF"
                       "data",
                       "b"});
  auto read = MustRead(out.str());
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].fields, (Fields{"\xEF\xBB\xBF"
                                    "data",
                                    "b"}));
}

TEST(CsvWriterTest, WritesWhatTheReaderReadsBack) {
  const std::vector<Fields> records = {
      {"id", "text", "list"},
      {"1", "comma, \"quote\"\nnew line\r\nand CRLF", "[\"a\",\"b\"]"},
      {"", "", ""},
      {"\xEF\xBB\xBF"
       "not a mark here",
       " padded ", "\u00E9"},
  };
  std::ostringstream out;
  for (const auto& record : records) WriteCsvRecord(out, record);
  auto read = MustRead(out.str());
  ASSERT_EQ(read.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) EXPECT_EQ(read[i].fields, records[i]);
  EXPECT_TRUE(out.str().starts_with("id,text,list\r\n"));
}

TEST(CsvWriterTest, ARecordOfOneEmptyCellIsNoBlankLine) {
  std::ostringstream out;
  WriteCsvRecord(out, {""});
  EXPECT_EQ(out.str(), "\"\"\r\n");
  auto read = MustRead(out.str());
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].fields, (Fields{""}));
}

TEST(LineReaderTest, ReadsLinesOfBothEndings) {
  std::istringstream input("\xEF\xBB\xBF{\"a\":1}\r\n\nlast");
  LineReader reader(input);
  std::string line;
  ASSERT_EQ(reader.Next(line), LineReader::Status::kLine);
  EXPECT_EQ(line, "{\"a\":1}");
  EXPECT_EQ(reader.line_number(), 1);
  ASSERT_EQ(reader.Next(line), LineReader::Status::kLine);
  EXPECT_EQ(line, "");
  ASSERT_EQ(reader.Next(line), LineReader::Status::kLine);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(reader.line_number(), 3);
  EXPECT_EQ(reader.Next(line), LineReader::Status::kEnd);
}

TEST(LineReaderTest, SkipsALineOverTheLimitAndGoesOn) {
  std::istringstream input("short\n" + std::string(20, 'x') + "\r\n" + std::string(10, 'y') +
                           "\r\nafter\n");
  LineReader reader(input, 10);
  std::string line;
  ASSERT_EQ(reader.Next(line), LineReader::Status::kLine);
  ASSERT_EQ(reader.Next(line), LineReader::Status::kTooLong);
  EXPECT_EQ(reader.line_number(), 2);
  ASSERT_EQ(reader.Next(line), LineReader::Status::kLine);  // exactly at the limit, CR aside
  EXPECT_EQ(line, std::string(10, 'y'));
  ASSERT_EQ(reader.Next(line), LineReader::Status::kLine);
  EXPECT_EQ(line, "after");
  EXPECT_EQ(reader.line_number(), 4);
}

}  // namespace
}  // namespace lumbung::exchange
