// The template dialect and the message catalogue, as table-driven cases.
#include "web/template.hpp"

#include <gtest/gtest.h>

#include "web/catalog.hpp"
#include "web/files.hpp"
#include "web/gzip.hpp"

namespace lumbung::web {
namespace {

Catalog TestCatalog() {
  return Catalog::Parse(
      "# comment\n"
      "greeting\tSelamat datang\tWelcome\n"
      "count\tAda {n} inovasi\tThere are {n} innovations\n"
      "quote\tKata \"ya\" & <b>\t\"yes\" & <b>\n");
}

std::string RenderOne(const std::string& source, const View& view,
                      Language language = Language::kIndonesian,
                      std::map<std::string, std::string> more = {}) {
  more["page"] = source;
  Templates templates(more, TestCatalog());
  return templates.Render("page", language, view);
}

struct Case {
  const char* name;
  const char* source;
  const char* view;  // JSON
  const char* expected;
};

TEST(TemplateTest, RendersTheDialect) {
  const Case kCases[] = {
      {"plain text", "halo", "{}", "halo"},
      {"escaped variable", "<p>{{x}}</p>", R"({"x":"<script>&'\""})",
       "<p>&lt;script&gt;&amp;&#39;&quot;</p>"},
      {"raw variable", "{{{x}}}", R"({"x":"<b>ok</b>"})", "<b>ok</b>"},
      {"raw with ampersand", "{{& x}}", R"({"x":"<i>"})", "<i>"},
      {"missing is empty", "[{{nothing}}]", "{}", "[]"},
      {"numbers and booleans", "{{n}} {{b}}", R"({"n":42,"b":true})", "42 true"},
      {"dotted name", "{{a.b.c}}", R"({"a":{"b":{"c":"deep"}}})", "deep"},
      {"list repeats", "{{#xs}}<{{name}}>{{/xs}}", R"({"xs":[{"name":"a"},{"name":"b"}]})",
       "<a><b>"},
      {"list of strings uses dot", "{{#xs}}{{.}},{{/xs}}", R"({"xs":["a","b"]})", "a,b,"},
      {"object opens", "{{#o}}{{v}}{{/o}}", R"({"o":{"v":"in"}})", "in"},
      {"outer names stay visible", "{{#xs}}{{name}}{{sep}}{{/xs}}",
       R"({"sep":";","xs":[{"name":"a"}]})", "a;"},
      {"false hides", "{{#f}}no{{/f}}", R"({"f":false})", ""},
      {"empty string hides", "{{#s}}no{{/s}}", R"({"s":""})", ""},
      {"zero hides", "{{#n}}no{{/n}}", R"({"n":0})", ""},
      {"empty list hides", "{{#xs}}no{{/xs}}", R"({"xs":[]})", ""},
      {"inverted on missing", "{{^xs}}none{{/xs}}", "{}", "none"},
      {"inverted on empty list", "{{^xs}}none{{/xs}}", R"({"xs":[]})", "none"},
      {"inverted on a value", "{{^s}}none{{/s}}", R"({"s":"x"})", ""},
      {"first item tests a list once", "{{#xs.0}}[{{#xs}}{{.}}{{/xs}}]{{/xs.0}}",
       R"({"xs":["a","b"]})", "[ab]"},
      {"first item of an empty list", "{{#xs.0}}x{{/xs.0}}", R"({"xs":[]})", ""},
      {"comment", "a{{! nothing here }}b", "{}", "ab"},
      {"catalogue text", "{{@greeting}}!", "{}", "Selamat datang!"},
      {"catalogue text is escaped", "{{@quote}}", "{}", "Kata &quot;ya&quot; &amp; &lt;b&gt;"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(RenderOne(c.source, View::parse(c.view)), c.expected) << c.name;
  }
}

TEST(TemplateTest, CompilesEachLanguage) {
  EXPECT_EQ(RenderOne("{{@greeting}}", {}, Language::kEnglish), "Welcome");
  EXPECT_EQ(RenderOne("{{@greeting}}", {}, Language::kIndonesian), "Selamat datang");
}

TEST(TemplateTest, InlinesPartials) {
  EXPECT_EQ(RenderOne("<{{>part}}>", View{{"x", "1"}}, Language::kIndonesian, {{"part", "p{{x}}"}}),
            "<p1>");
}

TEST(TemplateTest, RefusesBrokenTemplatesNamingTheLine) {
  const std::pair<const char*, const char*> kBroken[] = {
      {"a\n{{x", "line 2"},
      {"{{#a}}b", "not closed"},
      {"{{/a}}", "closes no open section"},
      {"{{#a}}{{/b}}", "closes no open section"},
      {"{{@missing.key}}", "no message 'missing.key'"},
      {"{{>nowhere}}", "no template named 'nowhere'"},
  };
  for (const auto& [source, expected] : kBroken) {
    try {
      RenderOne(source, {});
      ADD_FAILURE() << source << " compiled";
    } catch (const TemplateError& error) {
      EXPECT_NE(std::string(error.what()).find(expected), std::string::npos)
          << source << ": " << error.what();
    }
  }
}

TEST(TemplateTest, RefusesPartialCycles) {
  std::map<std::string, std::string> sources = {{"a", "{{>b}}"}, {"b", "{{>a}}"}};
  EXPECT_THROW(Templates(sources, TestCatalog()), TemplateError);
}

TEST(CatalogTest, FormatsPlaceholders) {
  Catalog catalog = TestCatalog();
  EXPECT_EQ(catalog.Format("count", Language::kIndonesian, {{"n", "3"}}), "Ada 3 inovasi");
  EXPECT_EQ(catalog.Format("count", Language::kEnglish, {{"n", "3"}}), "There are 3 innovations");
  // A missing key shows itself rather than failing the page.
  EXPECT_EQ(catalog.Format("no.such", Language::kEnglish), "no.such");
}

TEST(CatalogTest, RefusesMalformedLines) {
  EXPECT_THROW(Catalog::Parse("key\tonly one\n"), std::runtime_error);
  EXPECT_THROW(Catalog::Parse("key\ta\tb\tc\n"), std::runtime_error);
  EXPECT_THROW(Catalog::Parse("key\ta\tb\nkey\tc\td\n"), std::runtime_error);
  EXPECT_THROW(Catalog::Parse("key\t\tb\n"), std::runtime_error);
}

// The shipped catalogue: every key in both languages, and every template compiles against it.
TEST(CatalogTest, ShippedFilesCompile) {
  std::map<std::string, std::string> templates;
  std::optional<Catalog> catalog;
  for (const auto& file : EmbeddedFiles()) {
    if (file.path == "messages.tsv") catalog = Catalog::Parse(file.content);
    if (file.path.starts_with("templates/")) {
      templates.emplace(std::string(file.path.substr(10, file.path.size() - 15)),
                        std::string(file.content));
    }
  }
  ASSERT_TRUE(catalog.has_value());
  ASSERT_GT(templates.size(), 8U);
  for (const auto& key : catalog->Keys()) {
    EXPECT_FALSE(catalog->Find(key, Language::kIndonesian)->empty()) << key;
    EXPECT_FALSE(catalog->Find(key, Language::kEnglish)->empty()) << key;
  }
  EXPECT_NO_THROW(Templates(templates, *catalog));
}

TEST(GzipTest, ProducesAGzipStream) {
  std::string text(10000, 'a');
  std::string packed = Gzip(text);
  ASSERT_GT(packed.size(), 10U);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_LT(packed.size(), 200U);
}

}  // namespace
}  // namespace lumbung::web
