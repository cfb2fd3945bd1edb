// Turning the HTML of WYSIWYG editors into the Markdown and plain text Lumbung stores, so that
// nothing an outside source wrote can ever reach a page as markup.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lumbung::exchange {

// Markdown for the rich text in `html`: paragraphs, line breaks, "- " and "1. " list items,
// **strong**, *emphasis* and [links](https://...) to web addresses. Every other tag is dropped,
// with the contents of <script> and <style>; entities are decoded. Characters that a Markdown
// renderer would read as markup (\ < & [ ] *) are escaped with a backslash wherever they come
// from the text, so no tag, entity or link survives that the converter did not write itself.
std::string HtmlToMarkdown(std::string_view html);

// The same text without any markup and without escapes: paragraphs, line breaks and list items
// only. For fields that are plain text, such as summaries.
std::string HtmlToPlainText(std::string_view html);

// The opening of `plain_text` on one line, for a summary: whole sentences when they fit in
// `max_characters` (and fill at least a third of it), else cut at a word and ended with "…".
std::string OpeningText(std::string_view plain_text, std::size_t max_characters);

}  // namespace lumbung::exchange
