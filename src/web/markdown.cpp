#include "web/markdown.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "web/escape.hpp"

namespace lumbung::web {
namespace {

// Whether the renderer writes HTML or the bare text.
enum class Output { kHtml, kPlainText };

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Real texts nest lists two or three deep; the bound keeps the copying of nested items, which
// grows with the depth, linear. A marker deeper than this is read as text.
constexpr std::size_t kMaxListDepth = 16;

constexpr std::string_view kReplacementCharacter = "\uFFFD";
constexpr std::string_view kEllipsis = "\u2026";

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }
bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view TrimEnd(std::string_view text) {
  while (!text.empty() && IsWhitespace(text.back())) text.remove_suffix(1);
  return text;
}

// The column after `c` at `column`; tabs stop every four columns, as in CommonMark.
std::size_t Advance(std::size_t column, char c) {
  return c == '\t' ? (column / 4 + 1) * 4 : column + 1;
}

// `text` as well-formed UTF-8 with "\n" line ends and no control characters other than tabs.
// The parsers below only ever cut at ASCII characters, which well-formed UTF-8 never holds
// inside a multibyte character, so nothing they cut, copy or escape splits one; and no broken
// sequence reaches a page to swallow the quote or bracket after it.
std::string CleanInput(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte == '\r') {
        out += '\n';
        i += i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
        continue;
      }
      if (byte >= 0x20 ? byte != 0x7F : byte == '\n' || byte == '\t') out += text[i];
      ++i;
      continue;
    }
    // The bounds of the second byte rule out overlong forms, surrogates and code points past
    // U+10FFFF (RFC 3629); a broken sequence becomes one U+FFFD up to the byte that broke it,
    // as browsers decode it.
    std::size_t length = 0;
    unsigned char lower = 0x80;
    unsigned char upper = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) lower = 0xA0;
      if (byte == 0xED) upper = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) lower = 0x90;
      if (byte == 0xF4) upper = 0x8F;
    }
    std::size_t read = 1;
    while (read < length && i + read < text.size()) {
      auto next = static_cast<unsigned char>(text[i + read]);
      if (next < lower || next > upper) break;
      lower = 0x80;
      upper = 0xBF;
      ++read;
    }
    if (length != 0 && read == length) {
      out.append(text.substr(i, length));
    } else {
      out += kReplacementCharacter;
    }
    i += read;
  }
  return out;
}

void AppendText(std::string& out, std::string_view text, Output output) {
  if (output == Output::kHtml) {
    AppendEscaped(out, text);
  } else {
    out += text;
  }
}

// Whether a link may point at `address`: web pages and e-mail only, so never javascript:, data:
// or vbscript:, however they are spelt.
bool IsAllowedAddress(std::string_view address) {
  for (std::string_view scheme : {"http://", "https://", "mailto:"}) {
    if (address.size() > scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), address.begin(),
                   [](char a, char b) { return a == ToLower(b); })) {
      return true;
    }
  }
  return false;
}

// The inline content of one paragraph, heading or item: text, line breaks, emphasis and links.
// Emphasis is paired as CommonMark does it (a delimiter stack with a bottom per kind of closer),
// which is what keeps it linear and the pairs properly nested, with one exception to its rules
// for which runs may open (see AddDelimiterRun). Links are read as CommonMark reads them too,
// without titles or <...> addresses.
class InlineParser {
 public:
  explicit InlineParser(std::string_view text) : text_(text) {
    delimiters_.emplace_back();  // the sentinel at index 0, below every real delimiter
    Parse();
  }

  void Render(Output output, std::string& out) const {
    for (const Token& token : tokens_) {
      switch (token.kind) {
        case TokenKind::kText:
          AppendText(out, token.text, output);
          break;
        case TokenKind::kLineBreak:
          out += output == Output::kHtml ? "<br>\n" : "\n";
          break;
        case TokenKind::kDelimiter:
          RenderDelimiter(delimiters_[token.index], output, out);
          break;
        case TokenKind::kLinkStart:
          if (token.index == kNone) {
            out += '[';  // a bracket that opened no link
          } else if (output == Output::kHtml && links_[token.index].allowed) {
            out += "<a href=\"";
            AppendEscaped(out, links_[token.index].address);
            out += "\" rel=\"nofollow noopener\">";
          }
          break;
        case TokenKind::kLinkEnd: {
          const Link& link = links_[token.index];
          // A link without text would be invisible; its address is the most honest text.
          if (link.allowed && link.empty) AppendText(out, link.address, output);
          if (output == Output::kHtml && link.allowed) out += "</a>";
          break;
        }
      }
    }
  }

 private:
  enum class TokenKind { kText, kLineBreak, kDelimiter, kLinkStart, kLinkEnd };
  enum class Emphasis { kEmphasis, kStrong };

  struct Token {
    TokenKind kind;
    std::string_view text = {};  // kText: the characters, a piece of text_
    std::size_t index = kNone;   // into delimiters_ or links_; kNone for a literal "["
  };

  // A run of '*' or '_' that may open or close emphasis. Besides its place on the delimiter
  // stack (a list linked by index, in the order of the text) it keeps the pairs it took part
  // in, as lists into matches_, to write the tags in the right order.
  struct Delimiter {
    char marker = '\0';
    bool can_open = false;
    bool can_close = false;
    std::size_t length = 0;     // of the whole run, for the rule of three
    std::size_t remaining = 0;  // the markers not used by any pair, shown as text
    std::size_t previous = kNone;
    std::size_t next = kNone;
    std::size_t first_open = kNone;   // pairs it opens, outermost first
    std::size_t first_close = kNone;  // pairs it closes, innermost first
    std::size_t last_close = kNone;
  };

  struct Match {
    Emphasis kind;
    std::size_t next_open;
    std::size_t next_close;
  };

  struct Link {
    std::string address;
    bool allowed;
    bool empty;  // nothing between the brackets
  };

  // An open "[" and the top of the delimiter stack when it was read.
  struct Bracket {
    std::size_t token;
    std::size_t delimiter_bottom;
  };

  void Parse() {
    std::size_t i = 0;
    while (i < text_.size()) {
      switch (text_[i]) {
        case '\\':
          i = AddEscape(i);
          break;
        case '\n':
          tokens_.push_back({TokenKind::kLineBreak});
          ++i;
          break;
        case '*':
        case '_':
          i = AddDelimiterRun(i);
          break;
        case '[':
          brackets_.push_back({tokens_.size(), tail_});
          tokens_.push_back({TokenKind::kLinkStart});
          ++i;
          break;
        case ']':
          i = CloseBracket(i);
          break;
        default: {
          std::size_t end = std::min(text_.find_first_of("\\\n*_[]", i), text_.size());
          AddText(i, end);
          i = end;
        }
      }
    }
    ProcessEmphasis(0);
  }

  // Adds text_[begin, end) as text, to the text before it when the two touch.
  void AddText(std::size_t begin, std::size_t end) {
    if (!tokens_.empty() && tokens_.back().kind == TokenKind::kText &&
        tokens_.back().text.data() + tokens_.back().text.size() == text_.data() + begin) {
      tokens_.back().text = {tokens_.back().text.data(), tokens_.back().text.size() + end - begin};
    } else {
      tokens_.push_back({TokenKind::kText, text_.substr(begin, end - begin)});
    }
  }

  std::size_t AddEscape(std::size_t i) {
    if (i + 1 < text_.size() && IsAsciiPunctuation(text_[i + 1])) {
      AddText(i + 1, i + 2);
      return i + 2;
    }
    if (i + 1 < text_.size() && text_[i + 1] == '\n') {
      // CommonMark's way of writing a line break; here every line ends in one anyway.
      tokens_.push_back({TokenKind::kLineBreak});
      return i + 2;
    }
    AddText(i, i + 1);
    return i + 1;
  }

  std::size_t AddDelimiterRun(std::size_t begin) {
    char marker = text_[begin];
    std::size_t end = begin;
    while (end < text_.size() && text_[end] == marker) ++end;
    char before = begin == 0 ? '\n' : text_[begin - 1];
    char after = end == text_.size() ? '\n' : text_[end];
    // CommonMark's flanking rules: a run opens when text follows it, and when that text starts
    // with punctuation only if space or punctuation stands before it; closing is the mirror.
    // They are what make "***Sort*/*Seiri***", which HtmlToMarkdown writes for
    // <b><i>Sort</i>/<i>Seiri</i></b>, come out as it went in.
    bool opens = !IsWhitespace(after) &&
                 (!IsAsciiPunctuation(after) || IsWhitespace(before) || IsAsciiPunctuation(before));
    bool closes = !IsWhitespace(before) &&
                  (!IsAsciiPunctuation(before) || IsWhitespace(after) || IsAsciiPunctuation(after));
    Delimiter delimiter;
    delimiter.marker = marker;
    if (marker == '*') {
      // One exception: stars may also open right after a word, before punctuation, since
      // editors bold a lone full stop or colon ("meliputi**:**"), which would otherwise show its
      // stars. Closing stays strict, and that keeps the case above right.
      delimiter.can_open = !IsWhitespace(after);
      delimiter.can_close = closes;
    } else {
      // Underscores also stand inside names ("kode_wilayah"), so only at a word's edge count.
      delimiter.can_open = opens && (!closes || IsAsciiPunctuation(before));
      delimiter.can_close = closes && (!opens || IsAsciiPunctuation(after));
    }
    if (!delimiter.can_open && !delimiter.can_close) {
      AddText(begin, end);
      return end;
    }
    delimiter.length = delimiter.remaining = end - begin;
    delimiter.previous = tail_;
    std::size_t index = delimiters_.size();
    delimiters_[tail_].next = index;
    delimiters_.push_back(delimiter);
    tail_ = index;
    tokens_.push_back({TokenKind::kDelimiter, {}, index});
    return end;
  }

  // Reads "](address)" at text_[i] == ']' when a bracket is open; else the ']' is text.
  std::size_t CloseBracket(std::size_t i) {
    if (brackets_.empty()) {
      AddText(i, i + 1);
      return i + 1;
    }
    // Whether or not a link follows, this bracket is done with.
    Bracket bracket = brackets_.back();
    brackets_.pop_back();
    std::size_t open = i + 1;
    if (open >= text_.size() || text_[open] != '(') {
      AddText(i, i + 1);
      return i + 1;
    }
    if (closing_.empty()) FindClosingParentheses();
    std::size_t close = closing_[open];
    if (close == kNone) {
      AddText(i, i + 1);
      return i + 1;
    }
    // The emphasis inside the link is paired now, so that none of it pairs across the link's
    // edges and the tags stay nested.
    ProcessEmphasis(bracket.delimiter_bottom);
    std::string address;
    for (std::size_t k = open + 1; k < close; ++k) {
      if (text_[k] == '\\' && k + 1 < close && IsAsciiPunctuation(text_[k + 1])) ++k;
      address += text_[k];
    }
    bool allowed = IsAllowedAddress(address);
    std::size_t link = links_.size();
    links_.push_back({std::move(address), allowed, bracket.token + 1 == tokens_.size()});
    tokens_[bracket.token].index = link;
    tokens_.push_back({TokenKind::kLinkEnd, {}, link});
    // A link cannot hold another: the brackets still open around this one are text.
    brackets_.clear();
    return close + 1;
  }

  // For each "(" of the text, where the ")" that closes it stands, counting nested pairs, when
  // no white space comes between: a link's address ends there. Done once for the whole text
  // rather than by scanning from each "](", which a text full of "[](" would make quadratic.
  void FindClosingParentheses() {
    closing_.assign(text_.size(), kNone);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (c == '\\' && i + 1 < text_.size() && IsAsciiPunctuation(text_[i + 1])) {
        ++i;  // an escaped parenthesis counts as neither
      } else if (IsWhitespace(c)) {
        open.clear();
      } else if (c == '(') {
        open.push_back(i);
      } else if (c == ')' && !open.empty()) {
        closing_[open.back()] = i;
        open.pop_back();
      }
    }
  }

  // CommonMark's rule of three: "*a**b*" is one emphasis, not "*a*" and a stray "*b*".
  static bool CanPair(const Delimiter& opener, const Delimiter& closer) {
    if (opener.marker != closer.marker || !opener.can_open) return false;
    bool both_ways = opener.can_close || closer.can_open;
    return !(both_ways && (opener.length + closer.length) % 3 == 0 &&
             (opener.length % 3 != 0 || closer.length % 3 != 0));
  }

  // Pairs the delimiters above `bottom` on the stack, then takes them off it.
  void ProcessEmphasis(std::size_t bottom) {
    // For each kind of closer (marker, length modulo 3, whether it may open), the delimiter at
    // or below which no opener was found for it. Indexes grow along the stack, so comparing
    // with them stays right when that delimiter has been taken off meanwhile.
    std::array<std::size_t, 12> openers_bottom;
    openers_bottom.fill(bottom);
    std::size_t closer = delimiters_[bottom].next;
    while (closer != kNone) {
      Delimiter& close = delimiters_[closer];
      if (!close.can_close) {
        closer = close.next;
        continue;
      }
      std::size_t& floor = openers_bottom[(close.marker == '_' ? 6 : 0) + close.length % 3 * 2 +
                                          (close.can_open ? 1 : 0)];
      std::size_t opener = close.previous;
      while (opener > floor && !CanPair(delimiters_[opener], close)) {
        opener = delimiters_[opener].previous;
      }
      if (opener > floor) {
        Delimiter& open = delimiters_[opener];
        std::size_t used = open.remaining >= 2 && close.remaining >= 2 ? 2 : 1;
        open.remaining -= used;
        close.remaining -= used;
        RecordMatch(opener, closer, used == 2 ? Emphasis::kStrong : Emphasis::kEmphasis);
        // The delimiters between the pair can no longer pair with anything: that would cross.
        open.next = closer;
        close.previous = opener;
        if (open.remaining == 0) Unlink(opener);
        if (close.remaining == 0) {
          std::size_t next = close.next;
          Unlink(closer);
          closer = next;
        }
      } else {
        floor = close.previous;
        std::size_t next = close.next;
        if (!close.can_open) Unlink(closer);
        closer = next;
      }
    }
    delimiters_[bottom].next = kNone;
    tail_ = bottom;
  }

  void Unlink(std::size_t index) {
    const Delimiter& delimiter = delimiters_[index];
    delimiters_[delimiter.previous].next = delimiter.next;
    if (delimiter.next == kNone) {
      tail_ = delimiter.previous;
    } else {
      delimiters_[delimiter.next].previous = delimiter.previous;
    }
  }

  // Each later pair of the same delimiter encloses the earlier ones: its opening tag goes first
  // and its closing tag last.
  void RecordMatch(std::size_t opener, std::size_t closer, Emphasis kind) {
    std::size_t match = matches_.size();
    matches_.push_back({kind, delimiters_[opener].first_open, kNone});
    delimiters_[opener].first_open = match;
    Delimiter& close = delimiters_[closer];
    if (close.last_close == kNone) {
      close.first_close = match;
    } else {
      matches_[close.last_close].next_close = match;
    }
    close.last_close = match;
  }

  // A closer uses the markers at the start of its run and an opener those at the end, so the
  // closing tags come first, then the unused markers, then the opening tags.
  void RenderDelimiter(const Delimiter& delimiter, Output output, std::string& out) const {
    bool html = output == Output::kHtml;
    for (std::size_t m = delimiter.first_close; html && m != kNone; m = matches_[m].next_close) {
      out += matches_[m].kind == Emphasis::kStrong ? "</strong>" : "</em>";
    }
    out.append(delimiter.remaining, delimiter.marker);
    for (std::size_t m = delimiter.first_open; html && m != kNone; m = matches_[m].next_open) {
      out += matches_[m].kind == Emphasis::kStrong ? "<strong>" : "<em>";
    }
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Delimiter> delimiters_;
  std::size_t tail_ = 0;  // the top of the delimiter stack
  std::vector<Match> matches_;
  std::vector<Bracket> brackets_;
  std::vector<Link> links_;
  std::vector<std::size_t> closing_;  // see FindClosingParentheses; empty until a link is read
};

void RenderInline(std::string_view text, Output output, std::string& out) {
  InlineParser(text).Render(output, out);
}

// A list item's marker at the start of a line's text.
struct ItemMarker {
  char kind;                   // '-' or '*' for bullets, '.' for numbers
  std::uint32_t start = 1;     // nine digits fit
  std::size_t content_column;  // where the item's text starts, which its next lines indent to
  std::string_view content;
};

// Reads "- text", "* text" or "12. text" from `rest`, the line after its indentation of
// `column` columns. A marker with nothing after it is text, like a lone "-".
std::optional<ItemMarker> ReadItemMarker(std::string_view rest, std::size_t column) {
  ItemMarker marker{};
  std::size_t width = 0;
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '*')) {
    marker.kind = rest[0];
    width = 1;
  } else {
    // Nine digits at most, as in CommonMark, so that the number fits.
    std::size_t digits = 0;
    while (digits < rest.size() && digits < 10 && IsDigit(rest[digits])) ++digits;
    if (digits == 0 || digits > 9 || digits >= rest.size() || rest[digits] != '.') {
      return std::nullopt;
    }
    marker.kind = '.';
    marker.start = 0;
    for (std::size_t k = 0; k < digits; ++k) {
      marker.start = marker.start * 10 + static_cast<std::uint32_t>(rest[k] - '0');
    }
    width = digits + 1;
  }
  std::size_t i = width;
  std::size_t content_column = column + width;
  while (i < rest.size() && IsSpaceOrTab(rest[i])) {
    content_column = Advance(content_column, rest[i++]);
  }
  if (i == width || i == rest.size()) return std::nullopt;
  // Text pushed far from its marker keeps the extra spaces as part of it (CommonMark), so that
  // the next lines need not indent as far.
  bool far = content_column - (column + width) > 4;
  marker.content_column = far ? column + width + 1 : content_column;
  marker.content = rest.substr(i);
  return marker;
}

struct Heading {
  std::size_t rank;  // the number of '#'
  std::string_view text;
};

// Reads "# text" to "### text" from a line's text; "####" and more stay text, and a closing run
// of '#' after a space is dropped, as in CommonMark.
std::optional<Heading> ReadHeading(std::string_view rest) {
  std::size_t rank = 0;
  while (rank < rest.size() && rank < 4 && rest[rank] == '#') ++rank;
  if (rank == 0 || rank > 3 || (rank < rest.size() && !IsSpaceOrTab(rest[rank]))) {
    return std::nullopt;
  }
  std::string_view text = rest.substr(rank);
  while (!text.empty() && IsSpaceOrTab(text.front())) text.remove_prefix(1);
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == '#') --end;
  if (end == 0) {
    text = {};
  } else if (IsSpaceOrTab(text[end - 1])) {
    text = TrimEnd(text.substr(0, end));
  }
  return Heading{rank, text};
}

// Reads the text line by line into paragraphs, headings and lists, and writes them out. Open
// lists keep their items until they close, since whether an item's paragraphs get <p> depends
// on what follows; everything else is written as soon as it ends.
class BlockRenderer {
 public:
  BlockRenderer(Output output, int heading_level)
      : output_(output), heading_level_(heading_level) {}

  void AddLine(std::string_view line) {
    std::size_t column = 0;
    std::size_t i = 0;
    for (; i < line.size() && IsSpaceOrTab(line[i]); ++i) column = Advance(column, line[i]);
    std::string_view rest = TrimEnd(line.substr(i));
    if (rest.empty()) {
      FlushParagraph();
      after_blank_ = true;
      return;
    }
    // The line belongs to the innermost open item whose text column it reaches. Markers and
    // headings count when they stand at most three columns further in; deeper, they are text.
    std::size_t reached = 0;
    while (reached < lists_.size() && column >= lists_[reached].content_column) ++reached;
    std::size_t base = reached == 0 ? 0 : lists_[reached - 1].content_column;
    bool handled = false;
    if (column - base <= 3) {
      if (auto marker = ReadItemMarker(rest, column)) {
        handled = AddItem(*marker, reached);
      } else if (auto heading = ReadHeading(rest)) {
        AddHeading(*heading, reached);
        handled = true;
      }
    }
    if (!handled) AddText(rest, reached);
    after_blank_ = false;
  }

  std::string Finish() {
    FlushParagraph();
    CloseListsTo(0);
    if (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  // One block of a list item; paragraphs get <p> only in an item with blank lines inside.
  struct ItemPart {
    bool paragraph;
    std::string html;
  };

  // A list being read and its last item, the one still open.
  struct OpenList {
    char kind;
    std::uint32_t start;
    std::size_t content_column;
    std::string items;  // the items before the open one, written out
    std::vector<ItemPart> item;
    bool loose = false;  // the open item has a blank line between its paragraphs
  };

  bool AddItem(const ItemMarker& marker, std::size_t level) {
    if (level < lists_.size()) {
      FlushParagraph();
      CloseListsTo(level + 1);
      OpenList& list = lists_.back();
      if (list.kind == marker.kind) {
        CloseItem(list);
        list.content_column = marker.content_column;
        paragraph_ = marker.content;
        return true;
      }
      CloseListsTo(level);  // "- a" then "1. b": a list of another kind starts
    } else {
      // A number that happens to start a line of a paragraph ("... pada tahun\n2019. Lalu")
      // does not start a list, unless it is 1 (CommonMark).
      bool interrupts = !paragraph_.empty() && lists_.empty();
      if (interrupts && marker.kind == '.' && marker.start != 1) return false;
      if (lists_.size() == kMaxListDepth) return false;
      FlushParagraph();
    }
    lists_.push_back({marker.kind, marker.start, marker.content_column, {}, {}});
    paragraph_ = marker.content;
    return true;
  }

  void AddHeading(const Heading& heading, std::size_t level) {
    FlushParagraph();
    CloseListsTo(level);
    if (heading.text.empty()) return;
    std::string html;
    if (output_ == Output::kHtml) {
      std::string tag = "h" + std::to_string(std::min<std::size_t>(
                                  static_cast<std::size_t>(heading_level_) + heading.rank - 1, 6));
      html = "<" + tag + ">";
      RenderInline(heading.text, output_, html);
      html += "</" + tag + ">";
    } else {
      RenderInline(heading.text, output_, html);
    }
    AddBlock(false, std::move(html));
  }

  void AddText(std::string_view text, std::size_t level) {
    // A line right after a paragraph's continues it, even when not indented (CommonMark's lazy
    // continuation): "- item\nmore" is one item.
    if (!paragraph_.empty()) {
      paragraph_ += '\n';
      paragraph_ += text;
      return;
    }
    CloseListsTo(level);
    if (after_blank_ && !lists_.empty()) lists_.back().loose = true;
    paragraph_ = text;
  }

  void FlushParagraph() {
    if (paragraph_.empty()) return;
    std::string html;
    RenderInline(paragraph_, output_, html);
    paragraph_.clear();
    AddBlock(true, std::move(html));
  }

  // Adds a finished block to the open item, or to the output when no list is open.
  void AddBlock(bool paragraph, std::string html) {
    if (!lists_.empty()) {
      lists_.back().item.push_back({paragraph, std::move(html)});
      return;
    }
    if (html.empty()) return;  // "[](javascript:x)" leaves nothing to show
    bool wrap = paragraph && output_ == Output::kHtml;
    if (wrap) out_ += "<p>";
    out_ += html;
    if (wrap) out_ += "</p>";
    out_ += '\n';
  }

  void CloseItem(OpenList& list) {
    bool html = output_ == Output::kHtml;
    if (html) list.items += "<li>";
    for (const ItemPart& part : list.item) {
      bool wrap = html && list.loose && part.paragraph;
      if (wrap) list.items += "<p>";
      list.items += part.html;
      if (wrap) list.items += "</p>";
      if (!html) list.items += '\n';
    }
    list.items += html ? "</li>\n" : "\n";
    list.item.clear();
    list.loose = false;
  }

  void CloseListsTo(std::size_t depth) {
    if (lists_.size() <= depth) return;
    FlushParagraph();  // it belongs to the innermost item
    while (lists_.size() > depth) {
      OpenList list = std::move(lists_.back());
      lists_.pop_back();
      CloseItem(list);
      if (output_ == Output::kPlainText) {
        AddBlock(false, std::move(list.items));
        continue;
      }
      std::string html;
      if (list.kind != '.') {
        html = "<ul>\n" + list.items + "</ul>";
      } else if (list.start == 1) {
        html = "<ol>\n" + list.items + "</ol>";
      } else {
        html = "<ol start=\"" + std::to_string(list.start) + "\">\n" + list.items + "</ol>";
      }
      AddBlock(false, std::move(html));
    }
  }

  Output output_;
  int heading_level_;
  std::string out_;
  std::string paragraph_;  // the open paragraph's lines, without indentation, joined by "\n"
  std::vector<OpenList> lists_;
  bool after_blank_ = false;
};

std::string Render(std::string_view markdown, Output output, int heading_level) {
  std::string text = CleanInput(markdown);
  BlockRenderer renderer(output, heading_level);
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t end = std::min(rest.find('\n'), rest.size());
    renderer.AddLine(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return renderer.Finish();
}

// `text` on one line: every run of white space becomes one space, none at the ends.
std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (!IsWhitespace(c)) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Cuts valid UTF-8 `text` to at most `max_chars` characters, the "…" included.
std::string Shorten(std::string text, std::size_t max_chars) {
  if (max_chars == 0) return {};
  // Where the first max_chars - 1 characters end, which leaves room for the "…", and whether
  // the text is longer than max_chars at all.
  std::size_t characters = 0;
  std::size_t room = 0;
  bool too_long = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (characters == max_chars - 1) room = i;
    if (characters == max_chars) {
      too_long = true;
      break;
    }
    ++characters;
  }
  if (!too_long) return text;
  // At the last space that fits; but one long word, such as a web address, is cut inside
  // rather than losing more than half of the room.
  std::size_t cut = room;
  if (text[room] != ' ') {
    std::size_t space = text.rfind(' ', room);
    if (space != std::string::npos && space >= room / 2) cut = space;
  }
  text.resize(cut);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == ',' || text.back() == ';' || text.back() == ':')) {
    text.pop_back();
  }
  text += kEllipsis;
  return text;
}

}  // namespace

std::string MarkdownToHtml(std::string_view markdown, int heading_level) {
  return Render(markdown, Output::kHtml, std::clamp(heading_level, 1, 6));
}

std::string MarkdownToPlainText(std::string_view markdown, std::size_t max_chars) {
  return Shorten(CollapseWhitespace(Render(markdown, Output::kPlainText, 1)), max_chars);
}

}  // namespace lumbung::web
