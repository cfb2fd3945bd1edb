// The small Markdown dialect of the narrative sections (background, design, goals ...) and its
// rendering to HTML that is safe to put on a public page: nothing in the text can become markup
// other than the few elements the renderer writes itself.
//
// The dialect is what HtmlToMarkdown (src/exchange/html_text.cpp) writes and what a person types
// into a textarea:
//   - paragraphs separated by blank lines; a single line break is kept as <br>;
//   - "- " and "* " bullet lists, "1. " numbered lists (the first number is kept), nested by
//     indenting under the item's text;
//   - "# ", "## " and "### " headings;
//   - **strong** and *emphasis*, also written __strong__ and _emphasis_ ("_" not inside words);
//   - [text](url) links to http:, https: and mailto: addresses; any other link shows its text;
//   - a backslash before an ASCII punctuation character writes that character as it is.
// Everything else is text: raw HTML, entities, images, code, tables and quotes are shown as
// written, escaped. Bytes that are not UTF-8 become U+FFFD and control characters are dropped.
// Both functions take time linear in the input and never fail.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lumbung::web {

// Renders `markdown` as HTML to place inside an element such as <div>; a "#" heading becomes an
// h`heading_level` (clamped to 1..6), "##" the level below it, and "###" the one below that.
std::string MarkdownToHtml(std::string_view markdown, int heading_level = 3);

// The text of `markdown` without its marks, on one line with single spaces, for summaries and
// meta descriptions; longer than `max_chars` characters, it is cut at a word and ended with "…"
// within that length. The result is plain text, not HTML: whoever shows it must escape it.
std::string MarkdownToPlainText(std::string_view markdown, std::size_t max_chars);

}  // namespace lumbung::web
