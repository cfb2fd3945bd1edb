// Escaping text for HTML, shared by the templates and the Markdown renderer.
#pragma once

#include <string>
#include <string_view>

namespace lumbung::web {

// Appends `text` escaped for HTML element content and attribute values (& < > " ').
void AppendEscaped(std::string& out, std::string_view text);

}  // namespace lumbung::web
