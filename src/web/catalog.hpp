// The message catalogue: every text the web pages show, in Bahasa Indonesia and English.
#pragma once

#include <array>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lumbung::web {

// The languages of the pages; Indonesian is the default.
enum class Language { kIndonesian = 0, kEnglish = 1 };

// "id" or "en", as used in lang attributes and the language switch.
std::string_view LanguageCode(Language language);

// Texts by key and language.
class Catalog {
 public:
  // Reads lines of "key<TAB>Indonesian<TAB>English"; blank lines and lines starting with '#'
  // are skipped. Throws std::runtime_error naming the line of a malformed or repeated entry.
  static Catalog Parse(std::string_view text);

  // The text of `key`, or nullptr when the catalogue lacks it.
  const std::string* Find(std::string_view key, Language language) const;

  // The text of `key` (the key itself when missing, so a gap shows instead of crashing),
  // with each {name} replaced by its value.
  std::string Format(
      std::string_view key, Language language,
      std::initializer_list<std::pair<std::string_view, std::string>> values = {}) const;

  std::vector<std::string> Keys() const;

 private:
  std::map<std::string, std::array<std::string, 2>, std::less<>> texts_;
};

}  // namespace lumbung::web
