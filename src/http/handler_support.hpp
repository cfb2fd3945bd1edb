// Helpers the API's handler files share: JSON answers, record versions, request bodies, ids,
// and the common refusals.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codec/json_codec.hpp"
#include "domain/accounts.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"
#include "http/message.hpp"
#include "storage/database.hpp"

namespace lumbung::http {

// The cookie that carries a browser's session id.
inline constexpr std::string_view kSessionCookie = "lumbung_session";

// Reads `value` as a whole number from `low` to `high` into `out`; otherwise adds an error
// naming `field` to `errors` and leaves `out` as it was.
void ReadInteger(const std::string& field, const std::string& value, int low, int high,
                 std::vector<FieldError>& errors, int& out);

// The query string's pairs, or the refusal of a broken percent escape.
Result<std::vector<std::pair<std::string, std::string>>> QueryPairs(const Request& request);

// A JSON answer with `status`.
Response JsonResponse(int status, const Json& body);

// A record's version as an ETag: "3".
std::string VersionTag(std::int64_t version);

// The record version named by If-Match ("3" or W/"3"), or the error to answer with.
Result<std::int64_t> ExpectedVersion(const Request& request);

// The request body as a JSON object, or the error to answer with.
Result<Json> JsonBody(const Request& request);

// A record id from a path segment, or nothing when it is not a positive number.
std::optional<Id> ParseId(const std::string& text);

// The 404s of the three main records.
Error NotFoundInnovation();
Error NotFoundAgency();
Error NotFoundRegion();

// A field that must be a string is not.
FieldError ExpectStringError(const std::string& field);

// The value of one cookie in the Cookie header, or empty.
std::string_view CookieValue(const Request& request, std::string_view name);

// Who is asking is unknown: sign in first (401).
Error Unauthenticated();

// Known, but not allowed (403).
Error Forbidden();

// 401 for the public, 403 for a signed-in user without the right.
Response Deny(const Request& request, const Actor& actor);

// A refusal of a shared domain action (domain/innovation_actions.hpp, domain/clinic_actions.hpp)
// as an answer: one who is not signed in learns to sign in (401); one who is, that they may not
// (403); any other error as its problem.
Response ActionProblem(const Request& request, const Actor& actor, const Error& error);

// The activity or team (domain/programme.hpp) the path segment `id` names, when the actor may see
// the programme of its region; otherwise nothing, which the caller answers as not found.
template <typename Record>
std::optional<Record> VisibleProgramme(Store& store, const Actor& actor, const std::string& id,
                                       std::optional<Record> (Store::*find)(Id)) {
  auto parsed = ParseId(id);
  auto record = parsed ? (store.*find)(*parsed) : std::nullopt;
  if (!record || !Allows(actor, Action::kReadProgramme, {record->region_code})) {
    return std::nullopt;
  }
  return record;
}

// Whether the account is one of the demo's (demo/demo_accounts.cpp), whose passwords are
// published.
bool IsDemoAccount(const User& user);

// Whether a page cache may answer the request: not for a client that wrote in the last minutes
// (it carries lumbung_seen), whose reads must show its own writes even when another app server
// made them, before this one's cache learns of them.
bool CacheMayServe();

// Serves `request` with `handler` under a read routing (storage/replicated.hpp): a GET or HEAD
// may read from the replica once it has replayed the client's last write, whose position the
// cookie lumbung_seen carries; after any other request the cookie is set to the primary's
// position, so that the client's next reads, on any app server, see what it wrote.
Response WithReadRouting(StorePool& pool, const Request& request,
                         const std::function<Response(const Request&)>& handler);

}  // namespace lumbung::http
