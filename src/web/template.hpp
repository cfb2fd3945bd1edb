// Server-side HTML templates: a small Mustache dialect compiled once at start-up, with the
// message catalogue's texts filled in per language, so rendering a page only walks a tree.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "web/catalog.hpp"
#include "web/escape.hpp"

namespace lumbung::web {

// The values a template shows: objects, arrays, strings, numbers and booleans.
using View = nlohmann::json;

// A template that cannot be compiled: names the template and the line.
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Every template of the site, compiled for every language.
//
// The dialect: {{name}} (HTML-escaped), {{{name}}} (as is: only for HTML the server built
// itself), {{#name}}...{{/name}} (a list repeats, an object opens, true shows once),
// {{^name}}...{{/name}} (shown when the value is missing, false, empty or zero),
// {{>partial}}, {{! comment}}, {{.}} for the current value, dotted names (a.b), a list's
// item by number ({{#items.0}} tests that a list has items without opening the first), and
// {{@key}} for the catalogue's text of `key` in the page's language.
class Templates {
 public:
  // Compiles `sources` (name -> text). Throws TemplateError on bad syntax, an unknown
  // partial, or a message key the catalogue lacks.
  Templates(const std::map<std::string, std::string>& sources, const Catalog& catalog);
  ~Templates();
  Templates(Templates&&) noexcept;
  Templates& operator=(Templates&&) noexcept;

  // Renders the template `name`; throws TemplateError when there is no such template.
  std::string Render(std::string_view name, Language language, const View& view) const;

  struct Node;

 private:
  // Per language, the compiled templates by name.
  std::map<std::string, std::shared_ptr<const std::vector<Node>>, std::less<>> compiled_[2];
};

}  // namespace lumbung::web
