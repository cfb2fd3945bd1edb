#include "http/message.hpp"

namespace lumbung::http {

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      break;
  }
  return "OTHER";
}

std::string_view Request::Path() const {
  std::string_view view = target;
  return view.substr(0, view.find('?'));
}

std::string_view Request::Query() const {
  std::string_view view = target;
  auto mark = view.find('?');
  return mark == std::string_view::npos ? std::string_view() : view.substr(mark + 1);
}

std::string_view Request::Header(std::string_view lower_case_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_case_name) return value;
  }
  return {};
}

bool Request::WantsEnglish() const {
  // The first of "id" or "en" in the header wins; anything else falls back to Indonesian.
  std::string_view accept = Header("accept-language");
  for (std::size_t i = 0; i + 1 < accept.size(); ++i) {
    bool starts = i == 0 || accept[i - 1] == ',' || accept[i - 1] == ' ';
    if (!starts) continue;
    char a = static_cast<char>(accept[i] | 0x20);
    char b = static_cast<char>(accept[i + 1] | 0x20);
    bool ends = i + 2 == accept.size() || accept[i + 2] == '-' || accept[i + 2] == ',' ||
                accept[i + 2] == ';';
    if (!ends) continue;
    if (a == 'e' && b == 'n') return true;
    if (a == 'i' && b == 'd') return false;
  }
  return false;
}

std::optional<std::string> UrlDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      int high = hex(text[i + 1]);
      int low = hex(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> pairs;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    auto name = UrlDecode(part.substr(0, eq));
    auto value = UrlDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1));
    if (!name || !value) return std::nullopt;
    pairs.emplace_back(std::move(*name), std::move(*value));
  }
  return pairs;
}

}  // namespace lumbung::http
