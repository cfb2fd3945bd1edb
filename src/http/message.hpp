// HTTP requests and responses as plain values, so handlers are functions tests can call
// without a socket. Only server.cpp converts them to and from the wire.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lumbung::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);

struct Request {
  Method method = Method::kGet;
  std::string target;  // path and query as sent: "/api/v1/innovations?page=2"
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;

  std::string_view Path() const;
  std::string_view Query() const;
  // The value of a header (case-insensitive name), or empty.
  std::string_view Header(std::string_view lower_case_name) const;
  // Whether the client asked for English (Accept-Language); Indonesian is the default.
  bool WantsEnglish() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // A body shared with a cache, sent without copying; when set, `body` is ignored.
  std::shared_ptr<const std::string> shared_body;

  // The bytes to send.
  const std::string& Body() const { return shared_body ? *shared_body : body; }

  Response& With(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// Decodes %XX escapes and '+' in a query component; nothing when an escape is broken.
std::optional<std::string> UrlDecode(std::string_view text);

// The decoded name=value pairs of a query string, in order; nothing when one is malformed.
std::optional<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query);

}  // namespace lumbung::http
