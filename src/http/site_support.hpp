// Small pieces the page handlers share: form values, URLs, numbers.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace lumbung::http {

// The name=value pairs of a request: the form body of a POST, the query string of a GET.
// Malformed escapes leave the pairs empty.
using FormPairs = std::vector<std::pair<std::string, std::string>>;
FormPairs FormValues(const Request& request);
FormPairs QueryValues(const Request& request);

// The first value named `name`, or empty.
std::string First(const FormPairs& pairs, std::string_view name);
// Every value named `name`, in order.
std::vector<std::string> All(const FormPairs& pairs, std::string_view name);

// Escapes a query component: everything but letters, digits and -._~ becomes %XX.
std::string UrlEncode(std::string_view text);

// `path` when it is a path on this site ("/inovasi?q=x"), otherwise `fallback`: a return
// address from a form must never send the browser to another site.
std::string LocalPath(std::string_view path, std::string_view fallback);

// `text` without the spaces, tabs and carriage returns around it.
std::string Trim(std::string_view text);

// A whole number in [low, high], or nothing.
std::optional<long long> ParseNumber(std::string_view text, long long low, long long high);

// A number a form sends, as JSON: the number when it reads as one; otherwise the text, which
// the codec then reports as the wrong kind of value under the field's name.
nlohmann::json NumberOrText(const std::string& text);

// "1.234.567": thousands grouped with dots, as Indonesian writes them.
std::string GroupThousands(long long value);

}  // namespace lumbung::http
