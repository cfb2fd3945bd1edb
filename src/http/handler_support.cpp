#include "http/handler_support.hpp"

#include <charconv>

#include "domain/messages.hpp"
#include "http/problem.hpp"
#include "storage/replicated.hpp"

namespace lumbung::http {

Response JsonResponse(int status, const Json& body) {
  Response response;
  response.status = status;
  response.body = body.dump();
  return response;
}

std::string VersionTag(std::int64_t version) {
  std::string tag = "\"";
  tag += std::to_string(version);
  tag += '"';
  return tag;
}

// The record version named by If-Match ("3" or W/"3"), or the error to answer with.
Result<std::int64_t> ExpectedVersion(const Request& request) {
  std::string_view tag = request.Header("if-match");
  if (tag.empty()) return msg::VersionRequired();
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
  }
  std::int64_t version = 0;
  auto [end, error] = std::from_chars(tag.data(), tag.data() + tag.size(), version);
  if (error != std::errc() || end != tag.data() + tag.size()) return msg::StaleVersion();
  return version;
}

// The request body as a JSON object, or the error to answer with.
Result<Json> JsonBody(const Request& request) {
  std::string_view type = request.Header("content-type");
  auto semicolon = type.find(';');
  std::string_view media = type.substr(0, semicolon);
  if (media != "application/json" && media != "application/merge-patch+json") return NotJson();
  Json body;
  try {
    body = Json::parse(request.body);
  } catch (const Json::parse_error& error) {
    std::string where = std::to_string(error.byte);
    return MalformedJson("error near byte " + where, "kesalahan di sekitar bita ke-" + where);
  }
  if (!body.is_object()) {
    return msg::Invalid({msg::WrongType("(body)", "objek JSON", "a JSON object")});
  }
  return body;
}

std::optional<Id> ParseId(const std::string& text) {
  Id id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

Error NotFoundInnovation() { return msg::NotFound("Inovasi", "Innovation"); }

Error NotFoundAgency() { return msg::NotFound("Perangkat daerah", "Agency"); }

Error NotFoundRegion() { return msg::NotFound("Wilayah", "Region"); }

FieldError ExpectStringError(const std::string& field) {
  return msg::WrongType(field, "teks", "a string");
}

// The value of one cookie in the Cookie header, or empty.
std::string_view CookieValue(const Request& request, std::string_view name) {
  std::string_view header = request.Header("cookie");
  while (!header.empty()) {
    auto semicolon = header.find(';');
    std::string_view pair = header.substr(0, semicolon);
    header =
        semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
  }
  return {};
}

Error Unauthenticated() {
  return {ErrorCode::kUnauthenticated,
          {"Masuk (login) dulu untuk melakukan ini.", "Sign in first to do this."},
          {}};
}

Error Forbidden() {
  return {ErrorCode::kForbidden,
          {"Anda tidak berwenang melakukan ini.", "You are not allowed to do this."},
          {}};
}

// 401 for the public, 403 for a signed-in user without the right.
Response Deny(const Request& request, const Actor& actor) {
  return Problem(request, actor.IsAnonymous() ? Unauthenticated() : Forbidden());
}

// Whether the account is one of the demo's (demo/demo_accounts.cpp), whose passwords are
// published.
Response ActionProblem(const Request& request, const Actor& actor, const Error& error) {
  if (error.code == ErrorCode::kForbidden) return Deny(request, actor);
  return Problem(request, error);
}

bool IsDemoAccount(const User& user) { return user.username.starts_with("demo-"); }

void ReadInteger(const std::string& field, const std::string& value, int low, int high,
                 std::vector<FieldError>& errors, int& out) {
  int parsed = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || end != value.data() + value.size()) {
    errors.push_back(msg::WrongType(field, "bilangan bulat", "a whole number"));
  } else if (parsed < low || parsed > high) {
    errors.push_back(msg::OutOfRange(field, low, high));
  } else {
    out = parsed;
  }
}

Result<std::vector<std::pair<std::string, std::string>>> QueryPairs(const Request& request) {
  auto pairs = ParseQuery(request.Query());
  if (!pairs) {
    return Error{ErrorCode::kMalformed,
                 {"Alamat berisi kode persen (%) yang rusak.",
                  "The address holds a broken percent (%) escape."},
                 {}};
  }
  return std::move(*pairs);
}

bool CacheMayServe() {
  const storage::ReadRouting* routing = storage::ReadRouting::Current();
  return routing == nullptr || routing->seen() == 0;
}

Response WithReadRouting(StorePool& pool, const Request& request,
                         const std::function<Response(const Request&)>& handler) {
  constexpr std::string_view kSeenCookie = "lumbung_seen";
  const bool reads_only = request.method == Method::kGet || request.method == Method::kHead;
  std::uint64_t seen = 0;
  const std::string_view cookie = CookieValue(request, kSeenCookie);
  std::from_chars(cookie.data(), cookie.data() + cookie.size(), seen);
  Response response;
  {
    storage::ReadRouting routing(reads_only, seen);
    response = handler(request);
  }
  if (!reads_only) {
    // SQLite has no position (0): one server, whose cache knows its own writes at once.
    // A replica replays within a second or two; the cookie outlives that with room to spare.
    const std::uint64_t position = pool.Acquire()->ReplicationPosition();
    if (position > 0)
      response.With("Set-Cookie", std::string(kSeenCookie) + "=" + std::to_string(position) +
                                      "; Path=/; Max-Age=300; HttpOnly; SameSite=Lax");
  }
  return response;
}

}  // namespace lumbung::http
