#include "exchange/names.hpp"

#include <algorithm>
#include <vector>

namespace lumbung::exchange {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// Abbreviations that stay in capitals inside a title-cased name.
constexpr std::string_view kAbbreviations[] = {"DKI",  "DI",  "RI",   "NTB",  "NTT",  "PT",
                                               "BUMD", "UPT", "UPTD", "PDAM", "DPRD", "RSUD"};
// Short words that stay in lower case unless they begin the name.
constexpr std::string_view kSmallWords[] = {"dan", "di", "ke", "dari", "atau", "of", "and"};

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsSpace(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// One word of capitals in title case, with each part after a hyphen, bracket, slash or
// apostrophe capitalised too ("TOLI-TOLI" becomes "Toli-Toli").
std::string TitleWord(const std::string& word, bool first) {
  if (std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
      std::end(kAbbreviations)) {
    return word;
  }
  std::string lower;
  for (char c : word) lower += Lower(c);
  if (!first &&
      std::find(std::begin(kSmallWords), std::end(kSmallWords), lower) != std::end(kSmallWords)) {
    return lower;
  }
  bool start = true;
  for (char& c : lower) {
    if (start && IsLower(c)) c = Upper(c);
    start = c == '-' || c == '(' || c == '/' || c == '\'' || c == '.';
  }
  return lower;
}

}  // namespace

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (const auto& word : Words(text)) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::string TitleCase(std::string_view name) {
  if (std::any_of(name.begin(), name.end(), IsLower)) return CollapseSpaces(name);
  auto words = Words(name);
  // Some official lists space out the letters of a name ("B A T A M"); three or more single
  // letters in a row are one word.
  std::vector<std::string> joined;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t run = i;
    while (run < words.size() && words[run].size() == 1 && IsUpper(words[run][0])) ++run;
    if (run - i >= 3) {
      std::string word;
      for (std::size_t k = i; k < run; ++k) word += words[k];
      joined.push_back(std::move(word));
      i = run;
    } else {
      joined.push_back(std::move(words[i++]));
    }
  }
  std::string out;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    if (i > 0) out += ' ';
    out += TitleWord(joined[i], i == 0);
  }
  return out;
}

std::string NameKey(std::string_view name) {
  std::string key = CollapseSpaces(name);
  std::transform(key.begin(), key.end(), key.begin(), Lower);
  return key;
}

AgencyKind GuessAgencyKind(std::string_view name) {
  auto words = Words(NameKey(name));
  auto has = [&words](std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  // "PT" and "Bank" name a company only at the start: "Program Bank Sampah" is no bank.
  std::string first = words.empty() ? std::string() : words[0];
  if (first == "pt" || first == "pt." || first == "bank") return AgencyKind::kRegionalCompany;
  if (has("perusahaan") || has("pdam") || has("perumda") || has("perseroda")) {
    return AgencyKind::kRegionalCompany;
  }
  if (has("kecamatan")) return AgencyKind::kDistrict;
  if (has("upt") || has("uptd")) return AgencyKind::kTechnicalUnit;
  return AgencyKind::kRegionalAgency;
}

TimeZone TimeZoneOfProvince(std::string_view province_code) {
  int code = 0;
  for (char c : province_code.substr(0, 2)) code = code * 10 + (c >= '0' && c <= '9' ? c - '0' : 0);
  if (code >= 81) return TimeZone::kWit;
  if ((code >= 51 && code <= 53) || (code >= 63 && code <= 65) || (code >= 71 && code <= 76)) {
    return TimeZone::kWita;
  }
  return TimeZone::kWib;
}

}  // namespace lumbung::exchange
