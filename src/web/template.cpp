#include "web/template.hpp"

#include <algorithm>
#include <charconv>

namespace lumbung::web {

// One piece of a compiled template.
struct Templates::Node {
  enum class Kind { kText, kEscaped, kRaw, kSection, kInverted };
  Kind kind = Kind::kText;
  std::string text;               // the literal text of kText
  std::vector<std::string> path;  // the dotted name of the others; empty for {{.}}
  std::vector<Node> children;     // the body of a section
  bool test_only = false;         // a section on "list.0": shows its body, opens nothing
};

namespace {

using Node = Templates::Node;

constexpr int kMaxPartialDepth = 16;

// Compiles the sources of one language, inlining partials and catalogue texts.
class Compiler {
 public:
  Compiler(const std::map<std::string, std::string>& sources, const Catalog& catalog,
           Language language)
      : sources_(sources), catalog_(catalog), language_(language) {}

  std::vector<Node> Compile(const std::string& name, int depth) {
    auto found = sources_.find(name);
    if (found == sources_.end()) throw TemplateError("no template named '" + name + "'");
    if (depth > kMaxPartialDepth) {
      throw TemplateError("template '" + name + "': partials nest too deep (a cycle?)");
    }
    const std::string& text = found->second;
    // The open sections, innermost last; the root is the first.
    std::vector<std::vector<Node>> bodies(1);
    std::vector<Node> open;
    std::size_t at = 0;
    auto fail = [&](std::size_t position, const std::string& why) {
      int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + position, '\n'));
      throw TemplateError("template '" + name + "' line " + std::to_string(line) + ": " + why);
    };
    while (at < text.size()) {
      auto tag = text.find("{{", at);
      if (tag == std::string::npos) {
        AddText(bodies.back(), std::string_view(text).substr(at));
        break;
      }
      AddText(bodies.back(), std::string_view(text).substr(at, tag - at));
      bool triple = text.compare(tag, 3, "{{{") == 0;
      auto close = text.find(triple ? "}}}" : "}}", tag);
      if (close == std::string::npos) fail(tag, "a tag is not closed");
      std::string_view inner(text.data() + tag + (triple ? 3 : 2), close - tag - (triple ? 3 : 2));
      at = close + (triple ? 3 : 2);
      char sigil = inner.empty() ? '\0' : inner.front();
      if (triple) {
        bodies.back().push_back({Node::Kind::kRaw, "", Path(Trim(inner)), {}});
        continue;
      }
      switch (sigil) {
        case '!':
          break;
        case '&':
          bodies.back().push_back({Node::Kind::kRaw, "", Path(Trim(inner.substr(1))), {}});
          break;
        case '@': {
          std::string key(Trim(inner.substr(1)));
          const std::string* message = catalog_.Find(key, language_);
          if (message == nullptr) fail(tag, "no message '" + key + "' in the catalogue");
          std::string escaped;
          AppendEscaped(escaped, *message);
          AddText(bodies.back(), escaped);
          break;
        }
        case '>': {
          auto partial = Compile(std::string(Trim(inner.substr(1))), depth + 1);
          for (auto& node : partial) {
            if (node.kind == Node::Kind::kText) {
              AddText(bodies.back(), node.text);
            } else {
              bodies.back().push_back(std::move(node));
            }
          }
          break;
        }
        case '#':
        case '^': {
          Node section;
          section.kind = sigil == '#' ? Node::Kind::kSection : Node::Kind::kInverted;
          section.text = std::string(Trim(inner.substr(1)));
          section.path = Path(section.text);
          // "{{#items.0}}" asks whether the list has items; its body still speaks of the
          // page, not of the first item, so that item's values never leak into it.
          section.test_only =
              !section.path.empty() && section.path.size() > 1 &&
              section.path.back().find_first_not_of("0123456789") == std::string::npos;
          open.push_back(std::move(section));
          bodies.emplace_back();
          break;
        }
        case '/': {
          std::string closing(Trim(inner.substr(1)));
          if (open.empty() || open.back().text != closing) {
            fail(tag, "{{/" + closing + "}} closes no open section");
          }
          Node section = std::move(open.back());
          open.pop_back();
          section.children = std::move(bodies.back());
          section.text.clear();
          bodies.pop_back();
          bodies.back().push_back(std::move(section));
          break;
        }
        default:
          bodies.back().push_back({Node::Kind::kEscaped, "", Path(Trim(inner)), {}});
      }
    }
    if (!open.empty()) fail(text.size(), "section '" + open.back().text + "' is not closed");
    return std::move(bodies.front());
  }

 private:
  static std::string_view Trim(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
  }

  static std::vector<std::string> Path(std::string_view name) {
    std::vector<std::string> path;
    if (name == ".") return path;
    while (!name.empty()) {
      auto dot = name.find('.');
      path.emplace_back(name.substr(0, dot));
      name = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
    }
    return path;
  }

  // Appends literal text, joining it to the text before so rendering copies fewer pieces.
  static void AddText(std::vector<Node>& body, std::string_view text) {
    if (text.empty()) return;
    if (!body.empty() && body.back().kind == Node::Kind::kText) {
      body.back().text += text;
    } else {
      body.push_back({Node::Kind::kText, std::string(text), {}, {}});
    }
  }

  const std::map<std::string, std::string>& sources_;
  const Catalog& catalog_;
  Language language_;
};

bool Truthy(const View* value) {
  if (value == nullptr || value->is_null()) return false;
  if (value->is_boolean()) return value->get<bool>();
  // nlohmann's empty() is false for every string, so strings are asked themselves.
  if (value->is_string()) return !value->get_ref<const std::string&>().empty();
  if (value->is_array() || value->is_object()) return !value->empty();
  if (value->is_number_integer()) return value->get<std::int64_t>() != 0;
  return true;
}

// Renders compiled nodes against a stack of values, innermost last.
class Renderer {
 public:
  explicit Renderer(std::string& out) : out_(out) {}

  void Render(const std::vector<Node>& nodes, std::vector<const View*>& stack) {
    for (const Node& node : nodes) {
      switch (node.kind) {
        case Node::Kind::kText:
          out_ += node.text;
          break;
        case Node::Kind::kEscaped:
        case Node::Kind::kRaw:
          Write(Lookup(node.path, stack), node.kind == Node::Kind::kEscaped);
          break;
        case Node::Kind::kSection: {
          const View* value = Lookup(node.path, stack);
          if (!Truthy(value)) break;
          if (node.test_only) {
            Render(node.children, stack);
          } else if (value->is_array()) {
            for (const View& item : *value) {
              stack.push_back(&item);
              Render(node.children, stack);
              stack.pop_back();
            }
          } else {
            stack.push_back(value);
            Render(node.children, stack);
            stack.pop_back();
          }
          break;
        }
        case Node::Kind::kInverted:
          if (!Truthy(Lookup(node.path, stack))) Render(node.children, stack);
          break;
      }
    }
  }

 private:
  // Finds the first name in the innermost value that has it, then follows the rest.
  static const View* Lookup(const std::vector<std::string>& path,
                            const std::vector<const View*>& stack) {
    if (path.empty()) return stack.back();
    const View* found = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      if ((*it)->is_object()) {
        auto member = (*it)->find(path.front());
        if (member != (*it)->end()) {
          found = &*member;
          break;
        }
      }
    }
    for (std::size_t i = 1; found != nullptr && i < path.size(); ++i) {
      if (found->is_array()) {
        // "items.0": the first item, which also tells a section whether the list is empty.
        std::size_t index = 0;
        auto [end, error] = std::from_chars(path[i].data(), path[i].data() + path[i].size(), index);
        bool number = error == std::errc() && end == path[i].data() + path[i].size();
        found = number && index < found->size() ? &(*found)[index] : nullptr;
        continue;
      }
      if (!found->is_object()) return nullptr;
      auto member = found->find(path[i]);
      found = member == found->end() ? nullptr : &*member;
    }
    return found;
  }

  void Write(const View* value, bool escape) {
    if (value == nullptr || value->is_null()) return;
    if (value->is_string()) {
      const auto& text = value->get_ref<const std::string&>();
      if (escape) {
        AppendEscaped(out_, text);
      } else {
        out_ += text;
      }
    } else if (value->is_boolean()) {
      out_ += value->get<bool>() ? "true" : "false";
    } else if (value->is_number()) {
      out_ += value->dump();
    }
  }

  std::string& out_;
};

}  // namespace

Templates::Templates(const std::map<std::string, std::string>& sources, const Catalog& catalog) {
  for (Language language : {Language::kIndonesian, Language::kEnglish}) {
    Compiler compiler(sources, catalog, language);
    for (const auto& [name, text] : sources) {
      compiled_[static_cast<int>(language)][name] =
          std::make_shared<const std::vector<Node>>(compiler.Compile(name, 0));
    }
  }
}

Templates::~Templates() = default;
Templates::Templates(Templates&&) noexcept = default;
Templates& Templates::operator=(Templates&&) noexcept = default;

std::string Templates::Render(std::string_view name, Language language, const View& view) const {
  const auto& compiled = compiled_[static_cast<int>(language)];
  auto found = compiled.find(name);
  if (found == compiled.end()) throw TemplateError("no template named '" + std::string(name) + "'");
  std::string out;
  out.reserve(16 * 1024);
  std::vector<const View*> stack{&view};
  Renderer(out).Render(*found->second, stack);
  return out;
}

}  // namespace lumbung::web
