// Random input, built from the pieces that make parsers stumble, through every parser of the
// module. Under the sanitizers of the debug build this finds overruns; the assertions check
// that the guarantees hold for any input, not only for the cases written out elsewhere.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>

#include "exchange/csv.hpp"
#include "exchange/exchange_fixture.hpp"
#include "exchange/html_text.hpp"
#include "exchange/importer.hpp"

namespace lumbung::exchange {
namespace {

// Pieces random HTML is made of: tags, broken tags, entities, quotes, bytes that are not UTF-8.
constexpr const char* kHtmlPieces[] = {
    "<p>",      "</p>",       "<br />",   "<ul>",        "</ul>",   "<ol start=\"3\">",
    "</ol>",    "<li>",       "</li>",    "<b>",         "</b>",    "<em>",
    "</em>",    "<a href=\"", "https://", "javascript:", "\">",     "</a>",
    "<script>", "</script>",  "<style>",  "<!--",        "-->",     "<",
    ">",        "&",          "&amp;",    "&lt;",        "&#",      "&#x",
    "3C;",      "60;",        ";",        "&nbsp;",      "&bogus;", "\"",
    "'",        "=",          "\\",       "[",           "]",       "*",
    "(",        ")",          " ",        "\r\n",        "\t",      "kata",
    "\xC3\xA9", "\xFF",       "\xC2\xA0", "<div",        "</",      "<!",
    "<?",       "/>"};

std::string RandomHtml(std::mt19937& random) {
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kHtmlPieces) - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::string html;
  for (int i = length(random); i > 0; --i) html += kHtmlPieces[piece(random)];
  return html;
}

std::size_t FirstUnescapedMarkup(const std::string& markdown) {
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] != '<' && markdown[i] != '&') continue;
    std::size_t backslashes = 0;
    while (backslashes < i && markdown[i - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return i;
  }
  return std::string::npos;
}

TEST(RobustnessTest, NoRandomHtmlLeavesMarkup) {
  std::mt19937 random(20260615);
  for (int round = 0; round < 5000; ++round) {
    std::string html = RandomHtml(random);
    std::string markdown = HtmlToMarkdown(html);
    ASSERT_EQ(FirstUnescapedMarkup(markdown), std::string::npos) << html << "\n=>\n" << markdown;
    ASSERT_EQ(markdown.find("\n\n\n"), std::string::npos) << html;
    ASSERT_EQ(markdown.find(" \n"), std::string::npos) << html;
    if (!markdown.empty()) {
      ASSERT_NE(markdown.back(), '\n') << html;
      ASSERT_NE(markdown.front(), ' ') << html;
    }
    // Plain text and summaries of it must simply not break.
    std::string plain = HtmlToPlainText(html);
    std::string opening = OpeningText(plain, 40);
    ASSERT_LE(opening.size(), 40u * 4 + 3);
  }
}

TEST(RobustnessTest, RandomCsvEitherReadsOrNamesALine) {
  constexpr const char* kPieces[] = {",", "\"",  "\"\"",         "\r\n", "\n", "\r",
                                     "a", "b c", "\xEF\xBB\xBF", "\xFF", " "};
  std::mt19937 random(4180);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += kPieces[piece(random)];
    auto records = ReadCsv(text);
    if (records) {
      // What was read writes back to text that reads the same.
      std::ostringstream out;
      for (const auto& record : *records) WriteCsvRecord(out, record.fields);
      auto again = ReadCsv(out.str());
      ASSERT_TRUE(again) << text;
      ASSERT_EQ(again->size(), records->size()) << text;
      for (std::size_t i = 0; i < records->size(); ++i) {
        ASSERT_EQ((*again)[i].fields, (*records)[i].fields) << text;
      }
    } else {
      ASSERT_FALSE(records.error().fields.empty());
      ASSERT_TRUE(records.error().fields[0].field.starts_with("line ")) << text;
    }
  }
}

TEST(RobustnessTest, RandomImportsFailCleanlyOrSucceed) {
  testing::Workspace workspace;
  constexpr const char* kPieces[] = {"{",
                                     "}",
                                     "[",
                                     "]",
                                     "\"title\":",
                                     "\"agency_name\":",
                                     "\"type\":",
                                     "\"x\"",
                                     "\"process\"",
                                     ",",
                                     ":",
                                     "1",
                                     "null",
                                     "\n",
                                     "\xFF",
                                     "title,agency_name\n",
                                     "A,B\n",
                                     "\"",
                                     "\"nama_inovasi\":"};
  std::mt19937 random(38);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < 20; ++i) text += kPieces[piece(random)];
    auto report = workspace.Import(text);
    if (!report) {
      for (const auto& field : report.error().fields) {
        ASSERT_TRUE(field.field.starts_with("line ") || field.field == "...")
            << field.field << " for " << text;
        ASSERT_FALSE(field.message.id.empty());
        ASSERT_FALSE(field.message.en.empty());
      }
    }
  }
}

}  // namespace
}  // namespace lumbung::exchange
