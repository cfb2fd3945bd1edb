#include "web/escape.hpp"

#include "domain/store.hpp"

namespace lumbung::web {

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

std::string SnippetHtml(std::string_view snippet) {
  std::string html;
  std::size_t start = 0;
  bool marked = false;
  for (std::size_t at = 0; at <= snippet.size(); ++at) {
    const bool end = at == snippet.size();
    if (!end && snippet[at] != kSnippetStart && snippet[at] != kSnippetEnd) continue;
    AppendEscaped(html, snippet.substr(start, at - start));
    start = at + 1;
    if (end) break;
    // A marker that opens what is open, or closes what is not, is dropped.
    const bool opens = snippet[at] == kSnippetStart;
    if (opens != marked) html += opens ? "<mark>" : "</mark>";
    marked = opens;
  }
  if (marked) html += "</mark>";
  return html;
}

}  // namespace lumbung::web
