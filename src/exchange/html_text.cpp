#include "exchange/html_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace lumbung::exchange {
namespace {

// Whether the output is Markdown or plain text.
enum class Mode { kMarkdown, kPlain };

// How far apart two pieces of text must stand.
enum class Break { kNone, kLine, kParagraph };

struct NamedEntity {
  std::string_view name;
  char32_t code;
};

// The named character references that editors and people actually write. The full HTML list
// has over two thousand; anything else stays as written, escaped.
constexpr NamedEntity kNamedEntities[] = {
    {"nbsp", 0xA0},     {"amp", '&'},       {"lt", '<'},        {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},     {"AMP", '&'},       {"LT", '<'},
    {"GT", '>'},        {"QUOT", '"'},      {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"hellip", 0x2026}, {"bull", 0x2022},
    {"middot", 0xB7},   {"deg", 0xB0},      {"plusmn", 0xB1},   {"times", 0xD7},
    {"divide", 0xF7},   {"shy", 0xAD},      {"copy", 0xA9},     {"COPY", 0xA9},
    {"reg", 0xAE},      {"REG", 0xAE},      {"trade", 0x2122},  {"euro", 0x20AC},
    {"pound", 0xA3},    {"yen", 0xA5},      {"cent", 0xA2},     {"sect", 0xA7},
    {"para", 0xB6},     {"laquo", 0xAB},    {"raquo", 0xBB},    {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"sup1", 0xB9},     {"sup2", 0xB2},     {"sup3", 0xB3},     {"micro", 0xB5},
    {"iexcl", 0xA1},    {"iquest", 0xBF},   {"acute", 0xB4},    {"uml", 0xA8},
    {"cedil", 0xB8},    {"macr", 0xAF},     {"ordf", 0xAA},     {"ordm", 0xBA},
    {"not", 0xAC},      {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"dagger", 0x2020}, {"Dagger", 0x2021}, {"larr", 0x2190},   {"uarr", 0x2191},
    {"rarr", 0x2192},   {"darr", 0x2193},   {"harr", 0x2194},   {"le", 0x2264},
    {"ge", 0x2265},     {"ne", 0x2260},     {"asymp", 0x2248},  {"infin", 0x221E},
    {"minus", 0x2212},  {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"oelig", 0x153},   {"OElig", 0x152},
    {"scaron", 0x161},  {"Scaron", 0x160},  {"Yuml", 0x178},    {"fnof", 0x192},
    {"agrave", 0xE0},   {"aacute", 0xE1},   {"acirc", 0xE2},    {"atilde", 0xE3},
    {"auml", 0xE4},     {"aring", 0xE5},    {"aelig", 0xE6},    {"ccedil", 0xE7},
    {"egrave", 0xE8},   {"eacute", 0xE9},   {"ecirc", 0xEA},    {"euml", 0xEB},
    {"igrave", 0xEC},   {"iacute", 0xED},   {"icirc", 0xEE},    {"iuml", 0xEF},
    {"eth", 0xF0},      {"ntilde", 0xF1},   {"ograve", 0xF2},   {"oacute", 0xF3},
    {"ocirc", 0xF4},    {"otilde", 0xF5},   {"ouml", 0xF6},     {"oslash", 0xF8},
    {"ugrave", 0xF9},   {"uacute", 0xFA},   {"ucirc", 0xFB},    {"uuml", 0xFC},
    {"yacute", 0xFD},   {"thorn", 0xFE},    {"yuml", 0xFF},     {"szlig", 0xDF},
    {"Agrave", 0xC0},   {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Atilde", 0xC3},
    {"Auml", 0xC4},     {"Aring", 0xC5},    {"AElig", 0xC6},    {"Ccedil", 0xC7},
    {"Egrave", 0xC8},   {"Eacute", 0xC9},   {"Ecirc", 0xCA},    {"Euml", 0xCB},
    {"Igrave", 0xCC},   {"Iacute", 0xCD},   {"Icirc", 0xCE},    {"Iuml", 0xCF},
    {"ETH", 0xD0},      {"Ntilde", 0xD1},   {"Ograve", 0xD2},   {"Oacute", 0xD3},
    {"Ocirc", 0xD4},    {"Otilde", 0xD5},   {"Ouml", 0xD6},     {"Oslash", 0xD8},
    {"Ugrave", 0xD9},   {"Uacute", 0xDA},   {"Ucirc", 0xDB},    {"Uuml", 0xDC},
    {"Yacute", 0xDD},   {"THORN", 0xDE},
};

// Names browsers still decode without the closing semicolon ("&amp" as well as "&amp;").
constexpr std::string_view kLegacyNames[] = {"nbsp", "amp", "lt", "gt", "quot", "copy", "reg"};

// Windows-1252 meanings of the C1 code points 0x80..0x9F, which editors pasting from Word write
// as numeric references ("&#150;" for an en dash); browsers read them the same way.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), ToLower);
  return lower;
}

void AppendUtf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The character a numeric reference stands for, as browsers read it.
char32_t NumericCharacter(std::uint32_t code) {
  if (code >= 0x80 && code <= 0x9F) return kWindows1252[code - 0x80];
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0xFFFD;
  return code;
}

// A decoded character reference and the number of bytes it took.
struct Reference {
  char32_t code;
  std::size_t length;
};

// Reads the character reference at text[pos] == '&', or nothing when the '&' is literal.
std::optional<Reference> ReadReference(std::string_view text, std::size_t pos) {
  std::size_t i = pos + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    std::size_t digits_start = i;
    std::uint32_t code = 0;
    // Values past U+10FFFF all end up as U+FFFD, so saturate instead of overflowing.
    for (; i < text.size() && (hex ? IsHexDigit(text[i]) : IsAsciiDigit(text[i])); ++i) {
      char c = ToLower(text[i]);
      std::uint32_t digit = IsAsciiDigit(c) ? c - '0' : c - 'a' + 10;
      code = std::min<std::uint32_t>(code * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (i == digits_start) return std::nullopt;
    if (i < text.size() && text[i] == ';') ++i;
    return Reference{NumericCharacter(code), i - pos};
  }
  std::size_t name_start = i;
  while (i < text.size() && IsAsciiAlnum(text[i]) && i - name_start < 32) ++i;
  std::string_view name = text.substr(name_start, i - name_start);
  if (name.empty()) return std::nullopt;
  bool closed = i < text.size() && text[i] == ';';
  if (closed) {
    for (const auto& entity : kNamedEntities) {
      if (entity.name == name) return Reference{entity.code, i + 1 - pos};
    }
    return std::nullopt;
  }
  for (std::string_view legacy : kLegacyNames) {
    if (legacy == name) {
      for (const auto& entity : kNamedEntities) {
        if (entity.name == name) return Reference{entity.code, i - pos};
      }
    }
  }
  return std::nullopt;
}

// `text` with its character references decoded.
std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      if (auto reference = ReadReference(text, i)) {
        AppendUtf8(out, reference->code);
        i += reference->length;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// Escapes what a link destination must not contain; '&' gets a backslash so that no entity can
// form, since CommonMark decodes entities and backslash escapes in destinations alike.
std::string SafeUrl(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : url) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == '"' ||
        c == '\\' || c == '`') {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else if (c == '&') {
      out += "\\&";
    } else {
      out += c;
    }
  }
  return out;
}

// Whether a link's address may be kept: web addresses only, never javascript: or data:.
bool IsWebUrl(std::string_view url) {
  std::string lower = Lowercase(url.substr(0, 8));
  return lower.starts_with("http://") || lower.starts_with("https://");
}

// Builds the output: decides where breaks, list markers, emphasis and escapes go, and writes
// them only when text follows, so empty paragraphs, items and emphasis leave no trace.
class Writer {
 public:
  explicit Writer(Mode mode) : mode_(mode) {}

  void Text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto byte = static_cast<unsigned char>(text[i]);
      // U+00A0 (no-break space) counts as a space here: "<p>&nbsp;</p>" is an empty paragraph.
      if (byte == 0xC2 && i + 1 < text.size() &&
          (static_cast<unsigned char>(text[i + 1]) == 0xA0 ||
           static_cast<unsigned char>(text[i + 1]) == 0xAD)) {
        // U+00AD (soft hyphen) only marks where a word may break: drop it.
        if (static_cast<unsigned char>(text[i + 1]) == 0xA0) pending_space_ = true;
        ++i;
        continue;
      }
      if (IsHtmlSpace(text[i])) {
        pending_space_ = true;
        continue;
      }
      if (byte < 0x20 || byte == 0x7F) continue;  // control characters show nothing
      BeforeContent();
      if (mode_ == Mode::kMarkdown && IsMarkdownSpecial(text[i])) out_ += '\\';
      out_ += text[i];
    }
  }

  void RequestBreak(Break kind) {
    if (kind == Break::kParagraph && !lists_.empty()) kind = Break::kLine;  // lists stay tight
    CloseAllStyles();
    pending_break_ = std::max(pending_break_, kind);
  }

  // <br>: a line break, and a blank line when two follow each other.
  void LineBreak() {
    RequestBreak(pending_break_ == Break::kLine ? Break::kParagraph : Break::kLine);
  }

  void OpenList(bool ordered, int start) {
    RequestBreak(Break::kParagraph);
    std::string indent = lists_.empty() ? std::string() : lists_.back().content_indent;
    lists_.push_back({ordered, start, indent, indent + "  "});
    item_pending_ = false;
  }

  void CloseList() {
    if (lists_.empty()) return;
    lists_.pop_back();
    item_pending_ = false;
    RequestBreak(Break::kParagraph);
  }

  void OpenItem() {
    if (lists_.empty()) OpenList(false, 1);
    RequestBreak(Break::kLine);
    item_pending_ = true;
  }

  void CloseItem() {
    item_pending_ = false;
    RequestBreak(Break::kLine);
  }

  void OpenStrong() { ++strong_; }
  void CloseStrong() { strong_ = std::max(0, strong_ - 1); }
  void OpenEmphasis() { ++emphasis_; }
  void CloseEmphasis() { emphasis_ = std::max(0, emphasis_ - 1); }

  void OpenLink(std::string url) {
    if (link_depth_++ == 0) link_url_ = std::move(url);
  }
  void CloseLink() {
    if (link_depth_ > 0 && --link_depth_ == 0) link_url_.clear();
  }

  std::string Finish() {
    CloseAllStyles();
    return std::move(out_);
  }

 private:
  // An open piece of inline markup: what opened it and what closes it.
  enum class Style { kLink, kStrong, kEmphasis };
  struct OpenStyle {
    Style style;
    std::string closer;
  };

  // A list being written: its kind, the next number, and the indentation of its markers and of
  // the lines that continue an item.
  struct List {
    bool ordered = false;
    int next = 1;
    std::string marker_indent;
    std::string content_indent;
  };

  static bool IsMarkdownSpecial(char c) {
    return c == '\\' || c == '<' || c == '&' || c == '[' || c == ']' || c == '*';
  }

  bool Wanted(Style style) const {
    switch (style) {
      case Style::kLink:
        return !link_url_.empty();
      case Style::kStrong:
        return strong_ > 0;
      case Style::kEmphasis:
        return emphasis_ > 0;
    }
    return false;
  }

  void CloseAllStyles() {
    while (!open_.empty()) {
      out_ += open_.back().closer;
      open_.pop_back();
    }
  }

  // Everything that has to be written before the next visible character, in order.
  void BeforeContent() {
    // Close markup that is no longer wanted, and what was opened inside it, so that markers
    // always nest; what is still wanted opens again below.
    auto unwanted = static_cast<std::size_t>(
        std::find_if(open_.begin(), open_.end(),
                     [this](const OpenStyle& open) { return !Wanted(open.style); }) -
        open_.begin());
    while (open_.size() > unwanted) {
      out_ += open_.back().closer;
      open_.pop_back();
    }
    bool line_start = out_.empty();
    if (!out_.empty() && pending_break_ != Break::kNone) {
      out_ += pending_break_ == Break::kParagraph ? "\n\n" : "\n";
      line_start = true;
      if (!lists_.empty() && !item_pending_) out_ += lists_.back().content_indent;
    }
    pending_break_ = Break::kNone;
    if (item_pending_) {
      if (!line_start) out_ += '\n';
      List& list = lists_.back();
      std::string marker = list.ordered ? std::to_string(list.next++) + ". " : "- ";
      out_ += list.marker_indent + marker;
      list.content_indent = list.marker_indent + std::string(marker.size(), ' ');
      item_pending_ = false;
      line_start = true;
    }
    if (pending_space_ && !line_start) out_ += ' ';
    pending_space_ = false;
    if (mode_ == Mode::kPlain) return;
    for (Style style : {Style::kLink, Style::kStrong, Style::kEmphasis}) {
      bool open = std::any_of(open_.begin(), open_.end(),
                              [style](const OpenStyle& o) { return o.style == style; });
      if (open || !Wanted(style)) continue;
      switch (style) {
        case Style::kLink:
          out_ += '[';
          open_.push_back({style, "](" + SafeUrl(link_url_) + ")"});
          break;
        case Style::kStrong:
          out_ += "**";
          open_.push_back({style, "**"});
          break;
        case Style::kEmphasis:
          out_ += '*';
          open_.push_back({style, "*"});
          break;
      }
    }
  }

  Mode mode_;
  std::string out_;
  Break pending_break_ = Break::kNone;
  bool pending_space_ = false;
  bool item_pending_ = false;  // an item began and its marker waits for the item's first text
  std::vector<List> lists_;
  std::vector<OpenStyle> open_;
  int strong_ = 0;
  int emphasis_ = 0;
  int link_depth_ = 0;
  std::string link_url_;  // empty when the current link, if any, is not kept
};

// Elements whose contents never show: their text is skipped up to the matching end tag.
bool IsHiddenRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "title" || name == "textarea" ||
         name == "noscript" || name == "template" || name == "iframe" || name == "xmp" ||
         name == "noembed" || name == "noframes";
}

bool IsParagraphBlock(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",          "div",     "h1",      "h2",      "h3",         "h4",     "h5",       "h6",
      "blockquote", "pre",     "section", "article", "header",     "footer", "nav",      "aside",
      "main",       "address", "center",  "figure",  "figcaption", "form",   "fieldset", "dl",
      "hr",         "table",   "caption", "details", "summary",    "legend"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

bool IsLineBlock(std::string_view name) {
  return name == "tr" || name == "td" || name == "th" || name == "dt" || name == "dd";
}

// A tag as the tokenizer read it.
struct Tag {
  std::string name;  // lowercase
  bool end = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // names lowercase, decoded

  std::string_view Attribute(std::string_view attribute) const {
    for (const auto& [key, value] : attributes) {
      if (key == attribute) return value;
    }
    return {};
  }
};

// Reads the tag whose name starts at html[pos] (after "<" or "</"). Returns the position after
// its '>', or html.size() when the input ends inside the tag, which then counts as dropped.
std::size_t ReadTag(std::string_view html, std::size_t pos, Tag& tag) {
  std::size_t i = pos;
  while (i < html.size() && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>') {
    tag.name += ToLower(html[i++]);
  }
  while (i < html.size()) {
    while (i < html.size() && (IsHtmlSpace(html[i]) || html[i] == '/')) ++i;
    if (i >= html.size()) break;
    if (html[i] == '>') return i + 1;
    std::string name;
    while (i < html.size() && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>' &&
           html[i] != '=') {
      name += ToLower(html[i++]);
    }
    if (name.empty()) name += html[i++];  // a stray '=': skip it as a nameless attribute
    while (i < html.size() && IsHtmlSpace(html[i])) ++i;
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && IsHtmlSpace(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        // A quoted value may hold '>' and spaces; only its own quote ends it.
        char quote = html[i++];
        std::size_t close = html.find(quote, i);
        if (close == std::string_view::npos) return html.size();
        value = DecodeEntities(html.substr(i, close - i));
        i = close + 1;
      } else {
        std::size_t start = i;
        while (i < html.size() && !IsHtmlSpace(html[i]) && html[i] != '>') ++i;
        value = DecodeEntities(html.substr(start, i - start));
      }
    }
    tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  return html.size();
}

// Where the end tag "</name" of a raw-text element starts at or after `pos`, or npos.
std::size_t FindRawTextEnd(std::string_view html, std::size_t pos, std::string_view name) {
  for (std::size_t i = html.find("</", pos); i != std::string_view::npos;
       i = html.find("</", i + 2)) {
    std::size_t after = i + 2 + name.size();
    if (after <= html.size() && Lowercase(html.substr(i + 2, name.size())) == name &&
        (after == html.size() || IsHtmlSpace(html[after]) || html[after] == '>' ||
         html[after] == '/')) {
      return i;
    }
  }
  return std::string_view::npos;
}

void ApplyTag(const Tag& tag, Writer& writer) {
  const std::string& name = tag.name;
  if (name == "br") {
    writer.LineBreak();
  } else if (IsParagraphBlock(name)) {
    writer.RequestBreak(Break::kParagraph);
  } else if (IsLineBlock(name)) {
    writer.RequestBreak(Break::kLine);
  } else if (name == "ul" || name == "ol") {
    if (tag.end) {
      writer.CloseList();
    } else {
      int start = 1;
      std::string_view value = tag.Attribute("start");
      if (!value.empty() && value.size() < 7 &&
          std::all_of(value.begin(), value.end(), IsAsciiDigit)) {
        start = std::stoi(std::string(value));
      }
      writer.OpenList(name == "ol", start);
    }
  } else if (name == "li") {
    if (tag.end) {
      writer.CloseItem();
    } else {
      writer.OpenItem();
    }
  } else if (name == "strong" || name == "b") {
    if (tag.end) {
      writer.CloseStrong();
    } else {
      writer.OpenStrong();
    }
  } else if (name == "em" || name == "i") {
    if (tag.end) {
      writer.CloseEmphasis();
    } else {
      writer.OpenEmphasis();
    }
  } else if (name == "a") {
    if (tag.end) {
      writer.CloseLink();
    } else {
      std::string_view href = tag.Attribute("href");
      while (!href.empty() && IsHtmlSpace(href.front())) href.remove_prefix(1);
      while (!href.empty() && IsHtmlSpace(href.back())) href.remove_suffix(1);
      writer.OpenLink(IsWebUrl(href) ? std::string(href) : std::string());
    }
  }
}

std::string Convert(std::string_view html, Mode mode) {
  Writer writer(mode);
  std::size_t i = 0;
  std::size_t text_start = 0;
  auto flush_text = [&](std::size_t end) {
    if (end > text_start) writer.Text(DecodeEntities(html.substr(text_start, end - text_start)));
  };
  while (i < html.size()) {
    if (html[i] != '<' || i + 1 >= html.size()) {
      ++i;
      continue;
    }
    char next = html[i + 1];
    std::size_t resume;
    if (html.substr(i, 4) == "<!--") {
      std::size_t close = html.find("-->", i + 4);
      resume = close == std::string_view::npos ? html.size() : close + 3;
      flush_text(i);
    } else if (next == '!' || next == '?' ||
               (next == '/' && (i + 2 >= html.size() || !IsAsciiAlpha(html[i + 2])))) {
      // Doctypes, processing instructions, Word's <![if ...]> and "</ >" show nothing.
      std::size_t close = html.find('>', i + 2);
      resume = close == std::string_view::npos ? html.size() : close + 1;
      flush_text(i);
    } else if (IsAsciiAlpha(next) || next == '/') {
      flush_text(i);
      Tag tag;
      tag.end = next == '/';
      resume = ReadTag(html, i + (tag.end ? 2 : 1), tag);
      ApplyTag(tag, writer);
      if (!tag.end && IsHiddenRawText(tag.name)) {
        std::size_t end = FindRawTextEnd(html, resume, tag.name);
        resume = end == std::string_view::npos ? html.size() : end;
      }
    } else {
      ++i;  // a '<' that starts no tag ("a < b") is text
      continue;
    }
    i = resume;
    text_start = resume;
  }
  flush_text(html.size());
  return writer.Finish();
}

}  // namespace

std::string HtmlToMarkdown(std::string_view html) { return Convert(html, Mode::kMarkdown); }

std::string HtmlToPlainText(std::string_view html) { return Convert(html, Mode::kPlain); }

std::string OpeningText(std::string_view plain_text, std::size_t max_characters) {
  std::string flat;
  for (char c : plain_text) {
    if (IsHtmlSpace(c)) {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += c;
    }
  }
  if (!flat.empty() && flat.back() == ' ') flat.pop_back();

  // Byte offsets where each character starts, to cut by characters and never inside one.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < flat.size(); ++i) {
    if ((static_cast<unsigned char>(flat[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (starts.size() <= max_characters) return flat;
  if (max_characters == 0) return {};

  // Whole sentences first: the last sentence end that still fits, if it says enough.
  std::size_t limit = starts[max_characters];
  for (std::size_t i = limit; i-- > 0;) {
    bool sentence_end = (flat[i] == '.' || flat[i] == '!' || flat[i] == '?') &&
                        i + 1 < flat.size() && flat[i + 1] == ' ';
    if (!sentence_end) continue;
    std::size_t characters = std::upper_bound(starts.begin(), starts.end(), i) - starts.begin();
    if (characters * 3 >= max_characters) return flat.substr(0, i + 1);
    break;
  }
  // Else cut at the last space that leaves room for the ellipsis.
  std::size_t room = starts[max_characters - 1];
  std::size_t space = flat.rfind(' ', room);
  std::size_t cut = space == std::string::npos || space == 0 ? room : space;
  while (cut > 0 && (flat[cut - 1] == ',' || flat[cut - 1] == ';' || flat[cut - 1] == ':')) --cut;
  return flat.substr(0, cut) + "\u2026";
}

}  // namespace lumbung::exchange
