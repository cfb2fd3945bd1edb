// HtmlToMarkdown, HtmlToPlainText and OpeningText: the tricky inputs one by one, then every rich
// text field of the real LAN records.
#include "exchange/html_text.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "codec/json_codec.hpp"
#include "support/test_support.hpp"

namespace lumbung::exchange {
namespace {

// The offset of the first '<' or '&' that no backslash escapes, or npos. Every such character
// from the text must be escaped, so finding one means markup could survive.
std::size_t FirstUnescapedMarkup(const std::string& markdown) {
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] != '<' && markdown[i] != '&') continue;
    std::size_t backslashes = 0;
    while (backslashes < i && markdown[i - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return i;
  }
  return std::string::npos;
}

TEST(HtmlToMarkdownTest, ParagraphsAndLineBreaks) {
  EXPECT_EQ(HtmlToMarkdown("<p>One</p><p>Two</p>"), "One\n\nTwo");
  EXPECT_EQ(HtmlToMarkdown("<div>One</div>\r\n<div>Two</div>"), "One\n\nTwo");
  EXPECT_EQ(HtmlToMarkdown("a<br />b<br>c"), "a\nb\nc");
  EXPECT_EQ(HtmlToMarkdown("a<br /><br />b"), "a\n\nb");
  EXPECT_EQ(HtmlToMarkdown("a<br><br><br><br>b"), "a\n\nb");
  EXPECT_EQ(HtmlToMarkdown("<p>line one\r\nline two</p>\r\n\r\n<p>next</p>"),
            "line one line two\n\nnext");
}

TEST(HtmlToMarkdownTest, DropsEmptyParagraphsAndTrimsSpaces) {
  EXPECT_EQ(HtmlToMarkdown("<p>a</p>\r\n\r\n<p>&nbsp;</p>\r\n<p> </p><p></p><p>b</p>"), "a\n\nb");
  EXPECT_EQ(HtmlToMarkdown("<p>&nbsp;</p>\r\n\r\n<p>&nbsp;</p>\r\n"), "");
  EXPECT_EQ(HtmlToMarkdown("  <p>  spaced \t out  </p>  "), "spaced out");
  EXPECT_EQ(HtmlToMarkdown("Tokoh&nbsp; Masyarakat"), "Tokoh Masyarakat");
  EXPECT_EQ(HtmlToMarkdown(""), "");
}

TEST(HtmlToMarkdownTest, Lists) {
  EXPECT_EQ(HtmlToMarkdown("<ul>\r\n\t<li>a</li>\r\n\t<li>b</li>\r\n</ul>"), "- a\n- b");
  EXPECT_EQ(HtmlToMarkdown("<ol><li>a</li><li>b</li></ol>"), "1. a\n2. b");
  EXPECT_EQ(HtmlToMarkdown("<p>Intro:</p><ol><li>a</li></ol><p>After</p>"),
            "Intro:\n\n1. a\n\nAfter");
  EXPECT_EQ(HtmlToMarkdown("<ol start=\"4\"><li>d</li><li>e</li></ol>"), "4. d\n5. e");
  // An item with nothing in it neither shows nor takes a number.
  EXPECT_EQ(HtmlToMarkdown("<ol><li>a</li><li>&nbsp;</li><li>b</li></ol>"), "1. a\n2. b");
  // Paragraphs inside an item keep to the item, indented.
  EXPECT_EQ(HtmlToMarkdown("<ul><li><p>first</p><p>second</p></li><li>next</li></ul>"),
            "- first\n  second\n- next");
}

TEST(HtmlToMarkdownTest, NestedLists) {
  EXPECT_EQ(HtmlToMarkdown("<ol><li>a<ul><li>x</li><li>y</li></ul></li><li>b</li></ol>"),
            "1. a\n   - x\n   - y\n2. b");
  EXPECT_EQ(HtmlToMarkdown("<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ul>"),
            "- a\n  - b\n    1. c");
}

TEST(HtmlToMarkdownTest, UnclosedTags) {
  EXPECT_EQ(HtmlToMarkdown("<ul><li>a<li>b"), "- a\n- b");
  EXPECT_EQ(HtmlToMarkdown("<p>one<p>two"), "one\n\ntwo");
  EXPECT_EQ(HtmlToMarkdown("<b>bold to the end"), "**bold to the end**");
  EXPECT_EQ(HtmlToMarkdown("<p><em>stays inside</p><p>the paragraph"),
            "*stays inside*\n\n*the paragraph*");
  // A tag the input ends inside shows nothing.
  EXPECT_EQ(HtmlToMarkdown("text<p class=\"open"), "text");
  EXPECT_EQ(HtmlToMarkdown("text<a href='x"), "text");
}

TEST(HtmlToMarkdownTest, StrongAndEmphasis) {
  EXPECT_EQ(HtmlToMarkdown("<strong>x</strong> and <em>y</em>"), "**x** and *y*");
  EXPECT_EQ(HtmlToMarkdown("<b> spaced </b>word"), "**spaced** word");
  EXPECT_EQ(HtmlToMarkdown("<i>a</i><b></b><i>b</i>"), "*ab*");
  EXPECT_EQ(HtmlToMarkdown("<b><b>twice</b></b>"), "**twice**");
  EXPECT_EQ(HtmlToMarkdown("<b>bold <i>both</i></b> plain"), "**bold *both*** plain");
  EXPECT_EQ(HtmlToMarkdown("<strong><p>one</p><p>two</p></strong>"), "**one**\n\n**two**");
}

TEST(HtmlToMarkdownTest, LinksOnlyToTheWeb) {
  EXPECT_EQ(HtmlToMarkdown("<a href=\"http://www.iptek.org\">site</a>"),
            "[site](http://www.iptek.org)");
  EXPECT_EQ(HtmlToMarkdown("<a href=\"javascript:alert(1)\">click</a>"), "click");
  EXPECT_EQ(HtmlToMarkdown("<a href=\"mailto:humas@pdam.go.id\">mail us</a>"), "mail us");
  EXPECT_EQ(HtmlToMarkdown("<a href=\" JavaScript:x\">x</a><a>no href</a>"), "xno href");
  EXPECT_EQ(HtmlToMarkdown("<a href=\"https://a.id/\"></a>empty"), "empty");
  // Characters that would end or break the destination are percent-encoded, and '&' escaped.
  EXPECT_EQ(HtmlToMarkdown("<a href=\"http://a.id/c d(1)?x=1&amp;y=<2>\">[x]</a>"),
            "[\\[x\\]](http://a.id/c%20d%281%29?x=1\\&y=%3C2%3E)");
  EXPECT_EQ(HtmlToMarkdown("<a href='https://a.id'><b>bold</b> link</a>"),
            "[**bold** link](https://a.id)");
}

TEST(HtmlToMarkdownTest, AttributesMayHoldAngleBrackets) {
  EXPECT_EQ(HtmlToMarkdown("<p title=\"a > b\" data-x='<c>'>text</p>"), "text");
  EXPECT_EQ(HtmlToMarkdown("<a title=\"x>y\" href=\"https://a.id/?q=1\">go</a>"),
            "[go](https://a.id/?q=1)");
  EXPECT_EQ(HtmlToMarkdown("<img src=x onerror=alert(1)>after"), "after");
}

TEST(HtmlToMarkdownTest, ScriptAndStyleVanishWithTheirContents) {
  EXPECT_EQ(HtmlToMarkdown("<script>alert('<b>x</b>')</script>ok"), "ok");
  EXPECT_EQ(HtmlToMarkdown("<SCRIPT type=\"text/javascript\">x</SCRIPT >ok"), "ok");
  EXPECT_EQ(HtmlToMarkdown("<style type=\"text/css\"><!-- p {font: 1px} --></style>ok"), "ok");
  EXPECT_EQ(HtmlToMarkdown("before<script>never closed"), "before");
  EXPECT_EQ(HtmlToMarkdown("a<!-- <b>hidden</b> -->b<!-- never closed"), "ab");
  EXPECT_EQ(HtmlToMarkdown("<!DOCTYPE html><?xml x?><![if !supportLists]>a<![endif]>"), "a");
  EXPECT_EQ(HtmlToMarkdown("<o:p></o:p><span style=\"color:red\">word</span>"), "word");
}

TEST(HtmlToMarkdownTest, EscapedTagsStayText) {
  EXPECT_EQ(HtmlToMarkdown("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "\\<script>alert(1)\\</script>");
  EXPECT_EQ(HtmlToMarkdown("AKI &lt;70 / 100.000"), "AKI \\<70 / 100.000");
  EXPECT_EQ(HtmlToMarkdown("a < b"), "a \\< b");
  EXPECT_EQ(HtmlToMarkdown("&amp;lt;b&amp;gt;"), "\\&lt;b\\&gt;");
}

TEST(HtmlToMarkdownTest, TextThatLooksLikeMarkdownIsEscaped) {
  EXPECT_EQ(HtmlToMarkdown("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
  EXPECT_EQ(HtmlToMarkdown("5 * 3 \\ 2"), "5 \\* 3 \\\\ 2");
  EXPECT_EQ(HtmlToMarkdown("![img](http://t.id/p.gif)"), "!\\[img\\](http://t.id/p.gif)");
}

TEST(HtmlToMarkdownTest, NamedEntities) {
  EXPECT_EQ(HtmlToMarkdown("&ndash;&mdash;&rsquo;&lsquo;&ldquo;&rdquo;&quot;&#39;&apos;"),
            "\u2013\u2014\u2019\u2018\u201C\u201D\"''");
  EXPECT_EQ(HtmlToMarkdown("&bull; &deg; &plusmn; &uuml; &hellip; &euro;"),
            "\u2022 \u00B0 \u00B1 \u00FC \u2026 \u20AC");
  EXPECT_EQ(HtmlToMarkdown("soft&shy;hyphen"), "softhyphen");
  EXPECT_EQ(HtmlToMarkdown("&amp; &AMP; &gt;"), "\\& \\& >");
}

TEST(HtmlToMarkdownTest, NumericEntities) {
  EXPECT_EQ(HtmlToMarkdown("&#8211;&#x2014;&#X41;&#65"), "\u2013\u2014AA");
  EXPECT_EQ(HtmlToMarkdown("&#150;&#146;"), "\u2013\u2019");  // Windows-1252, as browsers do
  EXPECT_EQ(HtmlToMarkdown("&#0;&#xD800;&#99999999999;"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(HtmlToMarkdown("a&#7;b"), "ab");  // control characters show nothing
  EXPECT_EQ(HtmlToMarkdown("&#60;b&#62;"), "\\<b>");
}

TEST(HtmlToMarkdownTest, MalformedEntitiesStayEscapedText) {
  EXPECT_EQ(HtmlToMarkdown("&bogus; &#; &#xZZ; & alone &amp"),
            "\\&bogus; \\&#; \\&#xZZ; \\& alone \\&");
  EXPECT_EQ(HtmlToMarkdown("&nbspx &ampersand"), "\\&nbspx \\&ampersand");
  for (const char* input : {"&bogus;", "&#;", "&;", "&#x;", "&&&", "&#38;#60;"}) {
    EXPECT_EQ(FirstUnescapedMarkup(HtmlToMarkdown(input)), std::string::npos) << input;
  }
}

TEST(HtmlToMarkdownTest, TablesBecomeLines) {
  EXPECT_EQ(HtmlToMarkdown("<table><tbody><tr><td><div><p>cell</p></div></td></tr></tbody>"
                           "</table><p>after</p>"),
            "cell\n\nafter");
  EXPECT_EQ(HtmlToMarkdown("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a\nb\nc");
}

TEST(HtmlToPlainTextTest, KeepsStructureWithoutMarkup) {
  EXPECT_EQ(HtmlToPlainText("<p><b>a</b> &lt;b&gt; [x]</p><ul><li>x</li></ul>"),
            "a <b> [x]\n\n- x");
  EXPECT_EQ(HtmlToPlainText("<a href=\"https://a.id\">link</a> &amp; more"), "link & more");
  EXPECT_EQ(HtmlToPlainText("<script>x</script><p>&nbsp;</p>"), "");
}

TEST(OpeningTextTest, ShortTextStaysWhole) {
  EXPECT_EQ(OpeningText("One sentence.\n\n- item", 300), "One sentence. - item");
  EXPECT_EQ(OpeningText("", 300), "");
}

TEST(OpeningTextTest, CutsAtASentenceThatSaysEnough) {
  std::string first(150, 'a');
  std::string text = first + ". " + std::string(200, 'b') + ".";
  EXPECT_EQ(OpeningText(text, 300), first + ".");
}

TEST(OpeningTextTest, CutsAtAWordWhenNoSentenceFits) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "kata ";
  std::string opening = OpeningText(text, 300);
  EXPECT_TRUE(opening.ends_with("kata\u2026")) << opening;
  EXPECT_LE(opening.size(), 300u + 2);  // the ellipsis is three bytes and one character
  // A short first sentence followed by a long one says too little on its own.
  std::string short_first = "Singkat. " + text;
  EXPECT_TRUE(OpeningText(short_first, 300).ends_with("\u2026"));
}

TEST(OpeningTextTest, CountsCharactersNotBytes) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\u00E9\u00E9 ";  // two characters, four bytes, a space
  // Ten words of two characters and the nine spaces between them leave room for the "…".
  std::string expected;
  for (int i = 0; i < 10; ++i) expected += (i ? " " : "") + std::string("\u00E9\u00E9");
  EXPECT_EQ(OpeningText(text, 30), expected + "\u2026");
}

TEST(HtmlToMarkdownTest, NoMarkupSurvivesInTheRealRecords) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  std::ifstream input(folder / "lan-innovations-2018.jsonl");
  ASSERT_TRUE(input);
  std::string line;
  int records = 0;
  int fields = 0;
  while (std::getline(input, line)) {
    Json record = Json::parse(line);
    ++records;
    for (const auto& [key, value] : record.items()) {
      if (!key.ends_with("_html") || !value.is_string()) continue;
      ++fields;
      const std::string& html = value.get_ref<const std::string&>();
      std::string markdown = HtmlToMarkdown(html);
      std::string where = "source_id " + record["source_id"].dump() + ", " + key;
      std::size_t bad = FirstUnescapedMarkup(markdown);
      EXPECT_EQ(bad, std::string::npos)
          << where << ": " << markdown.substr(bad == std::string::npos ? 0 : bad, 60);
      EXPECT_EQ(markdown.find("\n\n\n"), std::string::npos) << where;
      EXPECT_EQ(markdown.find(" \n"), std::string::npos) << where;
      EXPECT_EQ(markdown.find('\r'), std::string::npos) << where;
      if (!markdown.empty()) {
        EXPECT_NE(markdown.front(), ' ') << where;
        EXPECT_NE(markdown.back(), ' ') << where;
        EXPECT_NE(markdown.back(), '\n') << where;
      }
      // What had text keeps it: only tags, entities and spacing go.
      if (HtmlToPlainText(html).find_first_not_of(" \n") != std::string::npos) {
        EXPECT_FALSE(markdown.empty()) << where;
      }
    }
  }
  EXPECT_EQ(records, 200);
  EXPECT_EQ(fields, 1200);  // the other 400 of the 8 x 200 rich text fields are null
}

}  // namespace
}  // namespace lumbung::exchange
