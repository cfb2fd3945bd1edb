#include "http/site_support.hpp"

#include <charconv>

namespace lumbung::http {

FormPairs FormValues(const Request& request) {
  if (request.Header("content-type").find("application/x-www-form-urlencoded") ==
      std::string_view::npos) {
    return {};
  }
  return ParseQuery(request.body).value_or(FormPairs{});
}

FormPairs QueryValues(const Request& request) {
  return ParseQuery(request.Query()).value_or(FormPairs{});
}

std::string First(const FormPairs& pairs, std::string_view name) {
  for (const auto& [key, value] : pairs) {
    if (key == name) return value;
  }
  return {};
}

std::vector<std::string> All(const FormPairs& pairs, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : pairs) {
    if (key == name) values.push_back(value);
  }
  return values;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + 8);
  for (unsigned char c : text) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string LocalPath(std::string_view path, std::string_view fallback) {
  // "//host" and "/\host" are other sites to a browser; control characters could split
  // the Location header.
  bool local = path.size() >= 1 && path[0] == '/' &&
               (path.size() == 1 || (path[1] != '/' && path[1] != '\\'));
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7F || c == '\\') local = false;
  }
  return std::string(local ? path : fallback);
}

std::string Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\r' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::optional<long long> ParseNumber(std::string_view text, long long low, long long high) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  if (value < low || value > high) return std::nullopt;
  return value;
}

nlohmann::json NumberOrText(const std::string& text) {
  constexpr long long kLargest = 9'000'000'000'000'000'000LL;
  if (auto number = ParseNumber(text, -kLargest, kLargest)) return *number;
  return text;
}

std::string GroupThousands(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out += '.';
    out += *it;
    ++count;
  }
  if (value < 0) out += '-';
  return {out.rbegin(), out.rend()};
}

}  // namespace lumbung::http
