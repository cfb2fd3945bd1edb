// MarkdownToHtml and MarkdownToPlainText: each construct as a table of cases, attacks that must
// come out as text, what the HTML importer and the demo write, and random and pathological input
// that must neither crash, nor take long, nor produce anything but the few tags allowed.
#include "web/markdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace lumbung::web {
namespace {

using std::string_view_literals::operator""sv;

struct Case {
  const char* markdown;
  const char* html;
};

void ExpectRendered(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(MarkdownToHtml(c.markdown), c.html) << c.markdown;
}

constexpr const char* kLinkEnd = "\" rel=\"nofollow noopener\">";

TEST(MarkdownToHtmlTest, Paragraphs) {
  ExpectRendered({
      {"", ""},
      {"\n\n \t\n", ""},
      {"One", "<p>One</p>"},
      {"One\n\nTwo", "<p>One</p>\n<p>Two</p>"},
      {"One\n\n\n\nTwo\n", "<p>One</p>\n<p>Two</p>"},
      {"  indented  \n   lines ", "<p>indented<br>\nlines</p>"},
      {"a\nb", "<p>a<br>\nb</p>"},
      {"a  \r\nb\r\n\r\nc\rd", "<p>a<br>\nb</p>\n<p>c<br>\nd</p>"},
      {"a\\\nb", "<p>a<br>\nb</p>"},  // CommonMark's explicit line break
      {"    four spaces are no code", "<p>four spaces are no code</p>"},
  });
}

TEST(MarkdownToHtmlTest, BulletLists) {
  ExpectRendered({
      {"- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"},
      {"* a\n* b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"},
      {"- a\n* b", "<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>"},
      {"-   wide", "<ul>\n<li>wide</li>\n</ul>"},
      // Blank lines between items keep one list.
      {"- a\n\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"},
      // No text after the marker, or no space: text.
      {"-", "<p>-</p>"},
      {"-1 derajat", "<p>-1 derajat</p>"},
      {"**tebal** di awal", "<p><strong>tebal</strong> di awal</p>"},
  });
}

TEST(MarkdownToHtmlTest, NumberedLists) {
  ExpectRendered({
      {"1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>"},
      {"4. d\n5. e", "<ol start=\"4\">\n<li>d</li>\n<li>e</li>\n</ol>"},
      {"0. zero", "<ol start=\"0\">\n<li>zero</li>\n</ol>"},
      {"1. a\n1. b\n1. c", "<ol>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n</ol>"},
      {"123456789. nine", "<ol start=\"123456789\">\n<li>nine</li>\n</ol>"},
      {"1234567890. ten digits", "<p>1234567890. ten digits</p>"},
      {"10.000 orang", "<p>10.000 orang</p>"},
      {"1. a\n- b", "<ol>\n<li>a</li>\n</ol>\n<ul>\n<li>b</li>\n</ul>"},
  });
}

TEST(MarkdownToHtmlTest, ListsAndParagraphs) {
  ExpectRendered({
      {"Intro:\n\n1. a\n\nAfter", "<p>Intro:</p>\n<ol>\n<li>a</li>\n</ol>\n<p>After</p>"},
      // What an operator types: the list right under its introduction.
      {"Tujuan:\n- a\n- b", "<p>Tujuan:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"},
      {"Langkah:\n1. a", "<p>Langkah:</p>\n<ol>\n<li>a</li>\n</ol>"},
      // A year at the start of a line is no list.
      {"pada tahun\n2019. Lalu", "<p>pada tahun<br>\n2019. Lalu</p>"},
      // A line after an item's text continues it, indented or not.
      {"- first\n  second\n- next", "<ul>\n<li>first<br>\nsecond</li>\n<li>next</li>\n</ul>"},
      {"- a\nb", "<ul>\n<li>a<br>\nb</li>\n</ul>"},
      // A blank line inside an item makes paragraphs of it.
      {"- a\n\n  b\n- c", "<ul>\n<li><p>a</p><p>b</p></li>\n<li>c</li>\n</ul>"},
      {"- a\n\nb", "<ul>\n<li>a</li>\n</ul>\n<p>b</p>"},
  });
}

TEST(MarkdownToHtmlTest, NestedLists) {
  ExpectRendered({
      {"1. a\n   - x\n   - y\n2. b",
       "<ol>\n<li>a<ul>\n<li>x</li>\n<li>y</li>\n</ul></li>\n<li>b</li>\n</ol>"},
      {"- a\n  - b\n    1. c",
       "<ul>\n<li>a<ul>\n<li>b<ol>\n<li>c</li>\n</ol></li>\n</ul></li>\n</ul>"},
      {"- a\n  - b\n- c", "<ul>\n<li>a<ul>\n<li>b</li>\n</ul></li>\n<li>c</li>\n</ul>"},
      {"- a\n    - four", "<ul>\n<li>a<ul>\n<li>four</li>\n</ul></li>\n</ul>"},
      {"- a\n  - b\n\n  back in a",
       "<ul>\n<li><p>a</p><ul>\n<li>b</li>\n</ul><p>back in a</p></li>\n</ul>"},
  });
}

TEST(MarkdownToHtmlTest, Headings) {
  ExpectRendered({
      {"# A\n## B\n### C", "<h3>A</h3>\n<h4>B</h4>\n<h5>C</h5>"},
      {"#### D", "<p>#### D</p>"},
      {"#hashtag", "<p>#hashtag</p>"},
      {"## Judul ##", "<h4>Judul</h4>"},
      {"# C# #", "<h3>C#</h3>"},
      {"#", ""},
      {"Teks\n# Judul\nlagi", "<p>Teks</p>\n<h3>Judul</h3>\n<p>lagi</p>"},
      {"- a\n# Judul", "<ul>\n<li>a</li>\n</ul>\n<h3>Judul</h3>"},
      {"# **Tebal** dan <b>", "<h3><strong>Tebal</strong> dan &lt;b&gt;</h3>"},
  });
}

TEST(MarkdownToHtmlTest, HeadingLevelIsTheCallers) {
  EXPECT_EQ(MarkdownToHtml("# a\n## b", 2), "<h2>a</h2>\n<h3>b</h3>");
  EXPECT_EQ(MarkdownToHtml("### a", 5), "<h6>a</h6>");
  EXPECT_EQ(MarkdownToHtml("# a", 0), "<h1>a</h1>");
  EXPECT_EQ(MarkdownToHtml("# a", -7), "<h1>a</h1>");
  EXPECT_EQ(MarkdownToHtml("# a", 99), "<h6>a</h6>");
}

TEST(MarkdownToHtmlTest, Emphasis) {
  ExpectRendered({
      {"**b** *i* _u_", "<p><strong>b</strong> <em>i</em> <em>u</em></p>"},
      {"***both***", "<p><em><strong>both</strong></em></p>"},
      {"**bold *both*** plain", "<p><strong>bold <em>both</em></strong> plain</p>"},
      {"*a **b** c*", "<p><em>a <strong>b</strong> c</em></p>"},
      {"__tebal__", "<p><strong>tebal</strong></p>"},
      {"**Catatan:** Teks", "<p><strong>Catatan:</strong> Teks</p>"},
      {"kata**(x)**", "<p>kata<strong>(x)</strong></p>"},
      // CommonMark's rules for runs between punctuation and letters: this one closes nothing.
      {"**Catatan:**Teks", "<p>**Catatan:**Teks</p>"},
      {"in*tra*word", "<p>in<em>tra</em>word</p>"},
      {"**a\nb**", "<p><strong>a<br>\nb</strong></p>"},
      // Underscores inside words are part of them.
      {"kode_wilayah_baru", "<p>kode_wilayah_baru</p>"},
      {"é_x_é", "<p>é_x_é</p>"},
      {"(_a_)", "<p>(<em>a</em>)</p>"},
      // Stars between spaces are arithmetic.
      {"5 * 3 * 2", "<p>5 * 3 * 2</p>"},
      {"a ** b", "<p>a ** b</p>"},
  });
}

TEST(MarkdownToHtmlTest, UnbalancedMarkersStayText) {
  ExpectRendered({
      {"**a", "<p>**a</p>"},
      {"a**", "<p>a**</p>"},
      {"*a**", "<p><em>a</em>*</p>"},
      {"**a*", "<p>*<em>a</em></p>"},
      {"*a **b*", "<p>*a *<em>b</em></p>"},  // the nearest opener wins
      {"_a*", "<p>_a*</p>"},
      {"**", "<p>**</p>"},
      {"*\n*", "<p>*<br>\n*</p>"},
  });
}

TEST(MarkdownToHtmlTest, Links) {
  std::string a = std::string("<a href=\"https://a.id/") + kLinkEnd;
  ExpectRendered({
      {"[situs](http://www.iptek.org)",
       "<p><a href=\"http://www.iptek.org\" rel=\"nofollow noopener\">situs</a></p>"},
      {"[surat](mailto:humas@pdam.go.id)",
       "<p><a href=\"mailto:humas@pdam.go.id\" rel=\"nofollow noopener\">surat</a></p>"},
      {"[x](HTTPS://A.ID/)", "<p><a href=\"HTTPS://A.ID/\" rel=\"nofollow noopener\">x</a></p>"},
      {"[**tebal** tautan](https://a.id/)",
       ("<p>" + a + "<strong>tebal</strong> tautan</a></p>").c_str()},
      {"**[a](https://a.id/)**", ("<p><strong>" + a + "a</a></strong></p>").c_str()},
      {"[a\nb](https://a.id/)", ("<p>" + a + "a<br>\nb</a></p>").c_str()},
      // Parentheses in addresses, as Wikipedia has them, when they pair up.
      {"[w](https://id.wikipedia.org/wiki/A_(b))",
       "<p><a href=\"https://id.wikipedia.org/wiki/A_(b)\" rel=\"nofollow noopener\">w</a></p>"},
      {"([w](https://a.id/))", ("<p>(" + a + "w</a>)</p>").c_str()},
      // A link without text shows its address.
      {"[](https://a.id/)", ("<p>" + a + "https://a.id/</a></p>").c_str()},
  });
}

TEST(MarkdownToHtmlTest, WhatIsNoLinkStaysText) {
  ExpectRendered({
      {"[a] (https://a.id/)", "<p>[a] (https://a.id/)</p>"},
      {"[a](https://a.id/ \"title\")", "<p>[a](https://a.id/ &quot;title&quot;)</p>"},
      {"[a](https://a.id/", "<p>[a](https://a.id/</p>"},
      {"[a]", "<p>[a]</p>"},
      {"a]b[c", "<p>a]b[c</p>"},
      {"https://a.id/", "<p>https://a.id/</p>"},
      // Links do not nest: the inner one wins and the outer brackets are text.
      {"[a [b](https://b.id/) c](https://c.id/)",
       "<p>[a <a href=\"https://b.id/\" rel=\"nofollow noopener\">b</a> c](https://c.id/)</p>"},
      // Emphasis never pairs across a link's edges.
      {"*[a*](https://a.id/)",
       "<p>*<a href=\"https://a.id/\" rel=\"nofollow noopener\">a*</a></p>"},
      {"[*a](https://a.id/)*",
       "<p><a href=\"https://a.id/\" rel=\"nofollow noopener\">*a</a>*</p>"},
  });
}

TEST(MarkdownToHtmlTest, OtherSchemesShowOnlyTheText) {
  ExpectRendered({
      {"[klik](javascript:alert(1))", "<p>klik</p>"},
      {"[klik](JavaScript:alert(document.cookie))", "<p>klik</p>"},
      {"[klik](javascript&#58;alert(1))", "<p>klik</p>"},
      {"[klik](\\javascript:alert(1))", "<p>klik</p>"},
      {"[klik](data:text/html;base64,PHNjcmlwdD4=)", "<p>klik</p>"},
      {"[klik](vbscript:msgbox)", "<p>klik</p>"},
      {"[klik](//evil.example/)", "<p>klik</p>"},
      {"[klik](/relatif)", "<p>klik</p>"},
      {"[klik](http:evil)", "<p>klik</p>"},
      {"[klik](https://)", "<p>klik</p>"},
      {"[klik]()", "<p>klik</p>"},
      {"[](javascript:alert(1))", ""},
      {"[<img src=x onerror=alert(1)>](javascript:x)", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"},
  });
}

TEST(MarkdownToHtmlTest, AddressesCannotBreakTheAttribute) {
  ExpectRendered({
      {"[t](https://a.id/\"onmouseover=\"alert(1))",
       "<p><a href=\"https://a.id/&quot;onmouseover=&quot;alert(1)\" rel=\"nofollow "
       "noopener\">t</a></p>"},
      {"[t](https://a.id/'><script>)",
       "<p><a href=\"https://a.id/&#39;&gt;&lt;script&gt;\" rel=\"nofollow "
       "noopener\">t</a></p>"},
      {"[t](https://a.id/?x=1&y=2)",
       "<p><a href=\"https://a.id/?x=1&amp;y=2\" rel=\"nofollow noopener\">t</a></p>"},
      {"[t](https://a.id/\\))",
       "<p><a href=\"https://a.id/)\" rel=\"nofollow noopener\">t</a></p>"},
  });
}

TEST(MarkdownToHtmlTest, EveryOtherCharacterIsEscaped) {
  ExpectRendered({
      {"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"},
      {"<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"},
      {"a < b > c & d \" e ' f", "<p>a &lt; b &gt; c &amp; d &quot; e &#39; f</p>"},
      {"&amp; &lt;b&gt; &#60;", "<p>&amp;amp; &amp;lt;b&amp;gt; &amp;#60;</p>"},
      {"<!-- x --> <![CDATA[y]]>", "<p>&lt;!-- x --&gt; &lt;![CDATA[y]]&gt;</p>"},
      {"![gambar](https://a.id/p.gif)",
       "<p>!<a href=\"https://a.id/p.gif\" rel=\"nofollow noopener\">gambar</a></p>"},
      {"`kode` > kutipan | tabel |", "<p>`kode` &gt; kutipan | tabel |</p>"},
      {"> kutipan", "<p>&gt; kutipan</p>"},
      {"<p>", "<p>&lt;p&gt;</p>"},
      {"# <h1>", "<h3>&lt;h1&gt;</h3>"},
      {"- <li>", "<ul>\n<li>&lt;li&gt;</li>\n</ul>"},
  });
}

TEST(MarkdownToHtmlTest, BackslashEscapes) {
  ExpectRendered({
      {"\\*bukan\\* \\_miring\\_", "<p>*bukan* _miring_</p>"},
      {"\\*\\*bukan tebal\\*\\*", "<p>**bukan tebal**</p>"},
      {"\\[x\\](https://a.id/)", "<p>[x](https://a.id/)</p>"},
      {"\\\\ \\< \\& \\>", "<p>\\ &lt; &amp; &gt;</p>"},
      {"\\# bukan judul", "<p># bukan judul</p>"},
      {"\\- bukan daftar", "<p>- bukan daftar</p>"},
      {"1\\. bukan daftar", "<p>1. bukan daftar</p>"},
      {"C:\\Windows\\a", "<p>C:\\Windows\\a</p>"},
      {"akhir\\", "<p>akhir\\</p>"},
      {"\\\\*miring*", "<p>\\<em>miring</em></p>"},
  });
}

TEST(MarkdownToHtmlTest, Utf8) {
  ExpectRendered({
      {"Kabupaten Pangkajene – “Inovasi” 😀", "<p>Kabupaten Pangkajene – “Inovasi” 😀</p>"},
      {"**é**", "<p><strong>é</strong></p>"},
      // Broken sequences become U+FFFD, so that none can swallow the quote after it.
      {"a\xC3\"b", "<p>a\xEF\xBF\xBD&quot;b</p>"},
      {"\xFF\xFE", "<p>\xEF\xBF\xBD\xEF\xBF\xBD</p>"},
      {"\xE2\x82", "<p>\xEF\xBF\xBD</p>"},
      {"\xC0\xAF", "<p>\xEF\xBF\xBD\xEF\xBF\xBD</p>"},                  // overlong '/'
      {"\xED\xA0\x80", "<p>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD</p>"},  // a surrogate
      {"\xF4\x90\x80\x80", "<p>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD</p>"},
      // Control characters show nothing.
      {std::string("a\0b\x01\x7F"
                   "c",
                   6)
           .c_str(),
       "<p>a</p>"},  // c_str ends at the NUL
      {"a\x01\x1B\x7F"
       "b\tc",
       "<p>ab\tc</p>"},
  });
  EXPECT_EQ(MarkdownToHtml(std::string("a\0b", 3)), "<p>ab</p>");
}

// What HtmlToMarkdown (src/exchange/html_text.cpp) writes for the HTML of LAN's records, as its
// own tests pin it down, and how it must come out.
TEST(MarkdownToHtmlTest, WhatTheHtmlImporterWrites) {
  ExpectRendered({
      {"One\n\nTwo", "<p>One</p>\n<p>Two</p>"},
      {"a\nb\nc", "<p>a<br>\nb<br>\nc</p>"},
      {"Intro:\n\n1. a\n\nAfter", "<p>Intro:</p>\n<ol>\n<li>a</li>\n</ol>\n<p>After</p>"},
      {"4. d\n5. e", "<ol start=\"4\">\n<li>d</li>\n<li>e</li>\n</ol>"},
      {"- first\n  second\n- next", "<ul>\n<li>first<br>\nsecond</li>\n<li>next</li>\n</ul>"},
      {"1. a\n   - x\n   - y\n2. b",
       "<ol>\n<li>a<ul>\n<li>x</li>\n<li>y</li>\n</ul></li>\n<li>b</li>\n</ol>"},
      {"**bold to the end**", "<p><strong>bold to the end</strong></p>"},
      {"*stays inside*\n\n*the paragraph*",
       "<p><em>stays inside</em></p>\n<p><em>the paragraph</em></p>"},
      {"**x** and *y*", "<p><strong>x</strong> and <em>y</em></p>"},
      {"*ab*", "<p><em>ab</em></p>"},
      {"**bold *both*** plain", "<p><strong>bold <em>both</em></strong> plain</p>"},
      // From LAN's records: emphasis that touches punctuation.
      {"1. ***Sort*/*Seiri***: Kegiatan",
       "<ol>\n<li><strong><em>Sort</em>/<em>Seiri</em></strong>: Kegiatan</li>\n</ol>"},
      {"2. Jangka Menengah (2015) meliputi**:**",
       "<ol start=\"2\">\n<li>Jangka Menengah (2015) meliputi<strong>:</strong></li>\n</ol>"},
      {"*Multi Platform* (Komputer \\& Handphone); *Dashboard* Manajerial**.**",
       "<p><em>Multi Platform</em> (Komputer &amp; Handphone); <em>Dashboard</em> "
       "Manajerial<strong>.</strong></p>"},
      {"**one**\n\n**two**", "<p><strong>one</strong></p>\n<p><strong>two</strong></p>"},
      {"[site](http://www.iptek.org)",
       "<p><a href=\"http://www.iptek.org\" rel=\"nofollow noopener\">site</a></p>"},
      {"[\\[x\\]](http://a.id/c%20d%281%29?x=1\\&y=%3C2%3E)",
       "<p><a href=\"http://a.id/c%20d%281%29?x=1&amp;y=%3C2%3E\" rel=\"nofollow "
       "noopener\">[x]</a></p>"},
      {"[**bold** link](https://a.id)",
       "<p><a href=\"https://a.id\" rel=\"nofollow noopener\"><strong>bold</strong> "
       "link</a></p>"},
      {"\\<script>alert(1)\\</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"},
      {"AKI \\<70 / 100.000", "<p>AKI &lt;70 / 100.000</p>"},
      {"\\&lt;b\\&gt;", "<p>&amp;lt;b&amp;gt;</p>"},
      {"\\[x\\](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"},
      {"5 \\* 3 \\\\ 2", "<p>5 * 3 \\ 2</p>"},
      {"!\\[img\\](http://t.id/p.gif)", "<p>![img](http://t.id/p.gif)</p>"},
      {"\\& \\& >", "<p>&amp; &amp; &gt;</p>"},
      {"\u2013\u2014\u2019\u2018\u201C\u201D\"''",
       "<p>\u2013\u2014\u2019\u2018\u201C\u201D&quot;&#39;&#39;</p>"},
  });
}

// What the demo's composer writes (src/demo/composer.cpp).
TEST(MarkdownToHtmlTest, WhatTheDemoWrites) {
  ExpectRendered({
      {"**Layanan Cepat** adalah inovasi Dinas Kesehatan pada urusan kesehatan. Warga "
       "mendaftar daring.\n\nDireplikasi dari Kota Surabaya.",
       "<p><strong>Layanan Cepat</strong> adalah inovasi Dinas Kesehatan pada urusan kesehatan. "
       "Warga mendaftar daring.</p>\n<p>Direplikasi dari Kota Surabaya.</p>"},
      {"**Dasar hukum.** Undang-Undang Nomor 23 Tahun 2014; dan keputusan pimpinan.\n\n"
       "**Permasalahan.** Antrean panjang.",
       "<p><strong>Dasar hukum.</strong> Undang-Undang Nomor 23 Tahun 2014; dan keputusan "
       "pimpinan.</p>\n<p><strong>Permasalahan.</strong> Antrean panjang.</p>"},
      {"- Meningkatkan cakupan dari 40% menjadi sekurang-kurangnya 75%.\n- Memangkas waktu dari "
       "14 hari menjadi 3 hari.",
       "<ul>\n<li>Meningkatkan cakupan dari 40% menjadi sekurang-kurangnya "
       "75%.</li>\n<li>Memangkas "
       "waktu dari 14 hari menjadi 3 hari.</li>\n</ul>"},
      {"- Bagi masyarakat: layanan lebih cepat.\n- Bagi Dinas: beban loket berkurang.",
       "<ul>\n<li>Bagi masyarakat: layanan lebih cepat.</li>\n<li>Bagi Dinas: beban loket "
       "berkurang.</li>\n</ul>"},
      {"1. Survei.\n2. Uji coba.\n3. Evaluasi.",
       "<ol>\n<li>Survei.</li>\n<li>Uji coba.</li>\n<li>Evaluasi.</li>\n</ol>"},
  });
}

TEST(MarkdownToPlainTextTest, DropsTheMarks) {
  EXPECT_EQ(MarkdownToPlainText("**Tebal** dan *miring* _juga_", 300), "Tebal dan miring juga");
  EXPECT_EQ(MarkdownToPlainText("# Judul\n\nParagraf\nbaris.\n\n- a\n- b\n  1. c", 300),
            "Judul Paragraf baris. a b c");
  EXPECT_EQ(MarkdownToPlainText("[situs](https://a.id) dan [klik](javascript:x)", 300),
            "situs dan klik");
  EXPECT_EQ(MarkdownToPlainText("[](https://a.id)", 300), "https://a.id");
  EXPECT_EQ(MarkdownToPlainText("\\*5\\* \\\\ \\[x\\] 5 * 3 **", 300), "*5* \\ [x] 5 * 3 **");
  EXPECT_EQ(MarkdownToPlainText("", 300), "");
  EXPECT_EQ(MarkdownToPlainText(" \n\n ", 300), "");
}

TEST(MarkdownToPlainTextTest, IsNotHtml) {
  // Whoever shows it escapes it, so escaping here would show "&amp;" to the reader.
  EXPECT_EQ(MarkdownToPlainText("a < b & \"c\" \\<d>", 300), "a < b & \"c\" <d>");
}

TEST(MarkdownToPlainTextTest, CutsAtAWord) {
  EXPECT_EQ(MarkdownToPlainText("satu dua tiga", 13), "satu dua tiga");
  EXPECT_EQ(MarkdownToPlainText("satu dua tiga", 12), "satu dua\u2026");
  EXPECT_EQ(MarkdownToPlainText("satu dua tiga", 10), "satu dua\u2026");
  EXPECT_EQ(MarkdownToPlainText("satu dua tiga", 9), "satu dua\u2026");
  EXPECT_EQ(MarkdownToPlainText("satu dua tiga", 8), "satu\u2026");
  EXPECT_EQ(MarkdownToPlainText("satu, dua tiga", 9), "satu\u2026");
  EXPECT_EQ(MarkdownToPlainText("satu dua tiga", 1), "\u2026");
  EXPECT_EQ(MarkdownToPlainText("satu dua tiga", 0), "");
  // The marks do not count: "**" is not text.
  EXPECT_EQ(MarkdownToPlainText("**satu** dua", 8), "satu dua");
  // One long word is cut inside rather than leaving almost nothing.
  EXPECT_EQ(MarkdownToPlainText("a https://contoh.go.id/halaman/panjang", 12), "a https://c\u2026");
}

TEST(MarkdownToPlainTextTest, CountsCharactersNotBytes) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\u00E9\u00E9 ";  // two characters, four bytes, a space
  std::string expected;
  for (int i = 0; i < 10; ++i) expected += (i ? " " : "") + std::string("\u00E9\u00E9");
  EXPECT_EQ(MarkdownToPlainText(text, 30), expected + "\u2026");
  EXPECT_EQ(MarkdownToPlainText("\U0001F600\U0001F600\U0001F600", 3),
            "\U0001F600\U0001F600\U0001F600");
  EXPECT_EQ(MarkdownToPlainText("\U0001F600\U0001F600\U0001F600", 2), "\U0001F600\u2026");
}

// The number of characters of `text`, or npos when its lead and continuation bytes do not
// make UTF-8.
std::size_t CountUtf8Characters(const std::string& text) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++characters) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    if (byte >= 0x80 && byte < 0xC2) return std::string::npos;
    if (byte > 0xF4 || i + length > text.size()) return std::string::npos;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return std::string::npos;
    }
    i += length;
  }
  return characters;
}

TEST(MarkdownToPlainTextTest, NeverCutsInsideACharacter) {
  std::mt19937 random(7);
  const char* pieces[] = {"a", "é", "€", "😀", " ", "**", "\n", "kata", "-", ","};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < 60; ++i) text += pieces[random() % std::size(pieces)];
    for (std::size_t max_chars = 0; max_chars < 70; max_chars += 3) {
      std::string plain = MarkdownToPlainText(text, max_chars);
      std::size_t characters = CountUtf8Characters(plain);
      ASSERT_NE(characters, std::string::npos) << text << " / " << max_chars;
      ASSERT_LE(characters, max_chars) << text << " / " << max_chars;
    }
  }
}

// The tags the renderer may write; anything else starting with '<' means markup got through.
bool IsAllowedTag(std::string_view tag) {
  static constexpr const char* kTags[] = {
      "p",  "/p", "br",  "ul", "/ul", "ol", "/ol", "li", "/li", "strong", "/strong", "em", "/em",
      "/a", "h1", "/h1", "h2", "/h2", "h3", "/h3", "h4", "/h4", "h5",     "/h5",     "h6", "/h6"};
  for (const char* allowed : kTags) {
    if (tag == allowed) return true;
  }
  if (tag.starts_with("ol start=\"")) {
    std::string_view number = tag.substr(10);
    return number.size() >= 2 && number.back() == '"' &&
           number.find_first_not_of("0123456789") == number.size() - 1;
  }
  if (tag.starts_with("a href=\"") && tag.ends_with("\" rel=\"nofollow noopener\"")) {
    std::string_view address = tag.substr(8, tag.size() - 8 - 26);
    std::string lower(address.substr(0, 8));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool web = lower.starts_with("http://") || lower.starts_with("https://") ||
               lower.starts_with("mailto:");
    return web && address.find_first_of("\"'<> \t\n") == std::string_view::npos;
  }
  return false;
}

// Checks that `html` holds only allowed tags, properly nested, and only the five entities the
// renderer writes; returns what is wrong, or an empty string.
std::string CheckSafeHtml(const std::string& html) {
  std::vector<std::string> open;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '&') {
      bool known = false;
      for (const char* entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
        known = known || std::string_view(html).substr(i).starts_with(entity);
      }
      if (!known) return "a stray & at " + std::to_string(i);
    } else if (html[i] == '>') {
      return "a stray > at " + std::to_string(i);
    } else if (html[i] == '"' || html[i] == '\'') {
      return "a stray quote at " + std::to_string(i);
    } else if (html[i] == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string::npos) return "an unclosed tag at " + std::to_string(i);
      std::string tag = html.substr(i + 1, end - i - 1);
      if (!IsAllowedTag(tag)) return "the tag <" + tag + ">";
      std::string name = tag.substr(0, tag.find(' '));
      if (name[0] == '/') {
        if (open.empty() || open.back() != name.substr(1)) return "a misnested </" + name + ">";
        open.pop_back();
      } else if (name != "br") {
        if (name == "a" && std::find(open.begin(), open.end(), "a") != open.end()) {
          return "a link inside a link";
        }
        open.push_back(name);
      }
      i = end;
    }
  }
  if (!open.empty()) return "<" + open.back() + "> left open";
  if (CountUtf8Characters(html) == std::string::npos) return "not UTF-8";
  return {};
}

// Pieces that make Markdown parsers stumble: markers, what starts blocks, HTML, addresses, and
// text with broken UTF-8 and control characters.
constexpr std::string_view kMarkers[] = {"*", "**", "***", "_",  "__", "[", "]",
                                         "(", ")",  "](",  "\\", "`",  "!", "."};
constexpr std::string_view kLineStarts[] = {"\n",   "\n\n", "\r",  "\r\n",  "- ",   "* ", "1. ",
                                            "12. ", "# ",   "## ", "#### ", "    ", "\t"};
constexpr std::string_view kMarkup[] = {"<", ">", "&", "\"", "'", "<script>", "&amp;"};
constexpr std::string_view kAddresses[] = {"https://a.id/", "](https://a.id/", "](mailto:a@b.id",
                                           "](javascript:x"};
constexpr std::string_view kText[] = {"kata", "x", "é", "\xFF", "\xE2\x82", "\0"sv, "\x01"};

std::vector<std::string_view> AllPieces() {
  std::vector<std::string_view> pieces;
  auto add = [&pieces](const auto& group) {
    pieces.insert(pieces.end(), std::begin(group), std::end(group));
  };
  add(kMarkers);
  add(kLineStarts);
  add(kMarkup);
  add(kAddresses);
  add(kText);
  return pieces;
}

TEST(MarkdownRobustnessTest, RandomPiecesGiveSafeHtml) {
  const std::vector<std::string_view> pieces = AllPieces();
  std::mt19937 random(20240611);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (std::size_t count = random() % 40; count > 0; --count) {
      text += pieces[random() % pieces.size()];
    }
    std::string html = MarkdownToHtml(text, static_cast<int>(random() % 8));
    ASSERT_EQ(CheckSafeHtml(html), "") << "input: " << text << "\noutput: " << html;
    std::string plain = MarkdownToPlainText(text, random() % 50);
    ASSERT_NE(CountUtf8Characters(plain), std::string::npos) << text;
  }
}

TEST(MarkdownRobustnessTest, RandomBytesGiveSafeHtml) {
  std::mt19937 random(42);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes(random() % 200, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    std::string html = MarkdownToHtml(bytes);
    ASSERT_EQ(CheckSafeHtml(html), "") << html;
    ASSERT_NE(CountUtf8Characters(MarkdownToPlainText(bytes, 40)), std::string::npos);
  }
}

// Input built to make a careless parser recurse deeply or go quadratic; each must finish
// quickly and stay safe. Narrative fields hold at most 50,000 characters (kMaxNarrativeLength);
// these are that long and longer, so a quadratic step would take minutes, where each takes well
// under a second even under the sanitizers (the bound leaves room for a busy machine).
TEST(MarkdownRobustnessTest, PathologicalInputIsFastAndSafe) {
  constexpr std::size_t kSize = 50000;
  auto repeat = [](std::string_view piece, std::size_t times) {
    std::string text;
    for (std::size_t i = 0; i < times; ++i) text += piece;
    return text;
  };
  std::string nested_list;
  for (std::size_t depth = 0; depth < 200; ++depth) {
    nested_list += std::string(depth * 2, ' ') + "- a\n";
  }
  const std::vector<std::string> inputs = {
      repeat("*", kSize),
      repeat("*", kSize) + "a" + repeat("*", kSize),
      repeat("*a ", kSize),
      repeat("a* ", kSize) + repeat(" *a", kSize),
      repeat("_a", kSize) + repeat("a_", kSize),
      repeat("**a *", kSize),
      repeat("*_", kSize),
      repeat("[", kSize) + "a" + repeat("](https://a.id/)", kSize),
      repeat("[](", kSize),
      repeat("[a](", kSize) + repeat(")", kSize),
      "[a](" + repeat("(", kSize) + repeat(")", kSize) + ")",
      repeat("[a](https://a.id/ ", kSize),
      repeat("\\", kSize),
      repeat("- ", kSize) + "a",
      repeat("#", kSize) + " a",
      repeat("1", kSize) + ". a",
      repeat("\n", kSize),
      repeat("a\n", kSize),
      repeat("- a\n", kSize),
      repeat(" ", kSize) + "- a",
      nested_list,
      repeat("<", kSize),
      repeat("\xF0\x9F\x98", kSize),
  };
  for (const std::string& input : inputs) {
    auto start = std::chrono::steady_clock::now();
    std::string html = MarkdownToHtml(input);
    std::string plain = MarkdownToPlainText(input, 300);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 5.0) << input.substr(0, 40);
    EXPECT_EQ(CheckSafeHtml(html), "") << input.substr(0, 40);
  }
}

TEST(MarkdownRobustnessTest, DeepListsStopNestingButKeepTheText) {
  std::string text;
  for (std::size_t depth = 0; depth < 40; ++depth) text += std::string(depth * 2, ' ') + "- a\n";
  std::string html = MarkdownToHtml(text);
  EXPECT_EQ(CheckSafeHtml(html), "");
  std::size_t lists = 0;
  for (std::size_t at = html.find("<ul>"); at != std::string::npos;
       at = html.find("<ul>", at + 1)) {
    ++lists;
  }
  EXPECT_EQ(lists, 16u);
  // The lines past the sixteenth list continue the innermost item's text.
  std::string expected = "a";
  for (int i = 1; i < 16; ++i) expected += " a";
  for (int i = 16; i < 40; ++i) expected += " - a";
  EXPECT_EQ(MarkdownToPlainText(text, 1000), expected);
}

}  // namespace
}  // namespace lumbung::web
