#include "web/catalog.hpp"

#include <stdexcept>

namespace lumbung::web {

std::string_view LanguageCode(Language language) {
  return language == Language::kEnglish ? "en" : "id";
}

Catalog Catalog::Parse(std::string_view text) {
  Catalog catalog;
  int line_number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto first = line.find('\t');
    auto second = first == std::string_view::npos ? first : line.find('\t', first + 1);
    if (second == std::string_view::npos || line.find('\t', second + 1) != std::string_view::npos ||
        first == 0 || second == first + 1 || second + 1 == line.size()) {
      throw std::runtime_error("messages line " + std::to_string(line_number) +
                               ": expected key<TAB>Indonesian<TAB>English");
    }
    std::string key(line.substr(0, first));
    std::array<std::string, 2> texts{std::string(line.substr(first + 1, second - first - 1)),
                                     std::string(line.substr(second + 1))};
    if (!catalog.texts_.emplace(key, std::move(texts)).second) {
      throw std::runtime_error("messages line " + std::to_string(line_number) + ": key '" + key +
                               "' appears twice");
    }
  }
  return catalog;
}

const std::string* Catalog::Find(std::string_view key, Language language) const {
  auto found = texts_.find(key);
  if (found == texts_.end()) return nullptr;
  return &found->second[static_cast<int>(language)];
}

std::string Catalog::Format(
    std::string_view key, Language language,
    std::initializer_list<std::pair<std::string_view, std::string>> values) const {
  const std::string* text = Find(key, language);
  if (text == nullptr) return std::string(key);
  std::string out;
  out.reserve(text->size() + 16);
  for (std::size_t i = 0; i < text->size(); ++i) {
    char c = (*text)[i];
    auto close = c == '{' ? text->find('}', i) : std::string::npos;
    if (close != std::string::npos) {
      std::string_view name(text->data() + i + 1, close - i - 1);
      bool replaced = false;
      for (const auto& [placeholder, value] : values) {
        if (placeholder == name) {
          out += value;
          replaced = true;
          break;
        }
      }
      if (replaced) {
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::vector<std::string> Catalog::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(texts_.size());
  for (const auto& [key, texts] : texts_) keys.push_back(key);
  return keys;
}

}  // namespace lumbung::web
