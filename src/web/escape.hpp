// Escaping text for HTML, shared by the templates and the Markdown renderer.
#pragma once

#include <string>
#include <string_view>

namespace lumbung::web {

// Appends `text` escaped for HTML element content and attribute values (& < > " ').
void AppendEscaped(std::string& out, std::string_view text);

// A search snippet (domain/store.hpp: matched words between kSnippetStart and kSnippetEnd) as
// escaped HTML with each matched word in <mark>.
std::string SnippetHtml(std::string_view snippet);

}  // namespace lumbung::web
