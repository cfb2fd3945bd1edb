#include "http/api.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <set>

#include "auth/password.hpp"
#include "auth/tokens.hpp"
#include "codec/json_codec.hpp"
#include "domain/innovation_actions.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "http/handler_support.hpp"
#include "http/openapi_document.hpp"
#include "http/problem.hpp"
#include "web/escape.hpp"

namespace lumbung::http {
namespace {

constexpr int kMaxPerPage = 100;
constexpr std::size_t kMaxSearchLength = 200;  // characters of `q`

// Reads the list filters from the query string; every unknown or malformed one is named.
// `facets` tells whether the answer should carry the facet counts (facets=true).
Result<InnovationQuery> ParseInnovationQuery(const Request& request, bool* facets) {
  auto pairs = QueryPairs(request);
  if (!pairs) return pairs.TakeError();
  InnovationQuery query;
  bool sorted = false;
  std::vector<FieldError> errors;
  auto integer = [&](const std::string& name, const std::string& value, int low, int high,
                     int& out) { ReadInteger(name, value, low, high, errors, out); };
  auto enumeration = [&]<typename E>(const std::string& name, const std::string& value,
                                     std::optional<E>& out) {
    out = Parse<E>(value);
    if (!out) errors.push_back(msg::UnknownValue(name, AllowedList<E>()));
  };
  for (const auto& [name, value] : *pairs) {
    if (name == "region") {
      query.region_code = value;
    } else if (name == "agency") {
      if (auto id = ParseId(value)) {
        query.agency_id = id;
      } else {
        errors.push_back(msg::WrongType(name, "nomor perangkat daerah", "an agency number"));
      }
    } else if (name == "type") {
      enumeration(name, value, query.type);
    } else if (name == "form") {
      enumeration(name, value, query.form);
    } else if (name == "maturity") {
      enumeration(name, value, query.maturity);
    } else if (name == "stage") {
      enumeration(name, value, query.stage);
    } else if (name == "status") {
      // A comma-separated list: status=verified,published.
      std::string_view rest = value;
      while (!rest.empty()) {
        auto comma = rest.find(',');
        std::string one(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        auto status = Parse<RecordStatus>(one);
        if (!status) {
          errors.push_back(msg::UnknownValue(name, AllowedList<RecordStatus>()));
          break;
        }
        query.statuses.push_back(*status);
      }
    } else if (name == "year") {
      int year = 0;
      integer(name, value, kFirstYear, 9999, year);
      if (year) query.year = year;
    } else if (name == "digital") {
      if (value == "true" || value == "false") {
        query.digital = value == "true";
      } else {
        errors.push_back(msg::WrongType(name, "true atau false", "true or false"));
      }
    } else if (name == "q") {
      if (!IsValidUtf8(value)) {
        errors.push_back(msg::BadUtf8(name));
      } else if (CountCharacters(value) > kMaxSearchLength) {
        errors.push_back(msg::TooLong(name, kMaxSearchLength));
      } else {
        query.text = value;
      }
    } else if (name == "affair") {
      if (!IsValidUtf8(value)) {
        errors.push_back(msg::BadUtf8(name));
      } else if (CountCharacters(value) > kMaxNameLength) {
        errors.push_back(msg::TooLong(name, kMaxNameLength));
      } else {
        query.affair = value;
      }
    } else if (name == "replicated_from") {
      if (auto id = ParseId(value)) {
        query.replicated_from = id;
      } else {
        errors.push_back(msg::WrongType(name, "nomor inovasi", "an innovation number"));
      }
    } else if (name == "facets") {
      if (value == "true" || value == "false") {
        *facets = value == "true";
      } else {
        errors.push_back(msg::WrongType(name, "true atau false", "true or false"));
      }
    } else if (name == "page") {
      integer(name, value, 1, 1'000'000, query.page);
    } else if (name == "per_page") {
      integer(name, value, 1, kMaxPerPage, query.per_page);
    } else if (name == "sort") {
      sorted = true;
      if (value == "relevance") {
        query.sort = InnovationSort::kRelevance;
      } else if (value == "newest") {
        query.sort = InnovationSort::kNewest;
      } else if (value == "oldest") {
        query.sort = InnovationSort::kOldest;
      } else if (value == "title") {
        query.sort = InnovationSort::kTitle;
      } else if (value == "year") {
        query.sort = InnovationSort::kYearNewest;
      } else {
        errors.push_back(msg::UnknownValue(name, "relevance, newest, oldest, title, year"));
      }
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (!errors.empty()) {
    Error error = msg::Invalid(std::move(errors));
    error.code = ErrorCode::kMalformed;
    return error;
  }
  // A search answers best match first unless asked otherwise.
  if (!sorted && !query.text.empty()) query.sort = InnovationSort::kRelevance;
  return query;
}

// POST /api/v1/similar only reads: its text is too long for an address.
bool ChangesState(const Request& request) {
  return request.method != Method::kGet && request.method != Method::kHead &&
         request.method != Method::kOptions && request.Path() != "/api/v1/similar";
}

// How the search words were taken: as typed, corrected, or any of them.
Json SearchJson(const std::string& text, const SearchFallback& fallback) {
  Json search = {{"query", text}, {"any_word", fallback.any_word}};
  search["corrected_query"] =
      fallback.corrected_text.empty() ? Json(nullptr) : Json(fallback.corrected_text);
  return search;
}

// A key that separates cached list pages by what their viewer may see.
std::string VisibilityKey(const Actor& actor) {
  if (actor.Holds(Role::kAdmin)) return "admin";
  bool sees_more = std::any_of(actor.roles.begin(), actor.roles.end(),
                               [](const RoleGrant& g) { return g.role != Role::kJuror; });
  return sees_more ? "user" + std::to_string(actor.user_id.value_or(0)) : "public";
}

}  // namespace

std::optional<PageCache::Entry> PageCache::Find(const std::string& key,
                                                const std::string& version) const {
  std::shared_lock lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end() || found->second.version != version) return std::nullopt;
  return found->second;
}

std::string DataVersion::Current() {
  auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  auto checked = checked_at_.load(std::memory_order_acquire);
  // One thread at a time re-reads the counter; the others use the last value meanwhile.
  if (now - checked >= recheck_nanoseconds_ &&
      checked_at_.compare_exchange_strong(checked, now, std::memory_order_acq_rel)) {
    database_counter_.store(pool_.Acquire()->ChangeCounter(), std::memory_order_release);
  }
  return std::to_string(local_writes_.load(std::memory_order_acquire)) + "." +
         std::to_string(database_counter_.load(std::memory_order_acquire));
}

void PageCache::Put(const std::string& key, Entry entry) {
  std::unique_lock lock(mutex_);
  // Pages for old counters are dead weight; dropping everything keeps the bound simple.
  if (entries_.size() >= capacity_) entries_.clear();
  entries_[key] = std::move(entry);
}

Api::Api(StorePool& pool, Clock clock, std::chrono::nanoseconds recheck, SessionOptions sessions)
    : pool_(pool),
      clock_(clock),
      sessions_(sessions),
      router_(Routes()),
      data_version_(pool, recheck) {}

bool Api::IsSlow(const Request& request) {
  return request.method == Method::kPost && request.Path() == "/api/v1/session";
}

std::int64_t Api::NowSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_().time_since_epoch()).count();
}

StorePool::Lease Api::StoreFor(const Actor& actor) {
  auto store = pool_.Acquire();
  store->SetActor(actor);
  return store;
}

Result<Actor> Api::Authenticate(const Request& request, std::string* csrf_token) {
  Actor actor = Actor::Public(request.remote_address);
  std::string_view authorization = request.Header("authorization");
  std::string_view session_id = CookieValue(request, kSessionCookie);
  if (authorization.empty() && session_id.empty()) return actor;

  auto store = pool_.Acquire();
  std::optional<User> user;
  if (!authorization.empty()) {
    // An integration's token: "Authorization: Bearer <token>".
    Error bad_token{ErrorCode::kUnauthenticated,
                    {"Token API tidak sah, kedaluwarsa, atau sudah dicabut.",
                     "The API token is not valid, has expired, or was revoked."},
                    {}};
    if (!authorization.starts_with("Bearer ")) return bad_token;
    auto token = store->FindTokenByDigest(auth::TokenDigest(authorization.substr(7)));
    if (!token || token->revoked || token->expires_at <= NowSeconds()) return bad_token;
    user = store->FindUser(token->user_id);
    if (!user || user->disabled || (IsDemoAccount(*user) && demo_logins_.empty())) {
      return bad_token;
    }
    actor.read_only = token->scope == TokenScope::kRead;
  } else {
    // A browser's session cookie; a stale one simply leaves the visitor anonymous.
    std::string digest = auth::TokenDigest(session_id);
    auto session = store->FindSession(digest);
    std::int64_t now = NowSeconds();
    if (!session) return actor;
    if (now - session->last_seen > sessions_.idle_timeout.count() ||
        now - session->created_at > sessions_.absolute_timeout.count()) {
      store->DeleteSession(digest);
      return actor;
    }
    user = store->FindUser(session->user_id);
    if (!user || user->disabled || (IsDemoAccount(*user) && demo_logins_.empty())) return actor;
    if (now - session->last_seen >= 60) store->TouchSession(digest, now);
    *csrf_token = session->csrf_token;
  }
  actor.user_id = user->id;
  actor.name = user->username;
  actor.roles = user->roles;
  // An agency's role holds in the agency's region too (domain/accounts.hpp RoleGrant).
  for (auto& grant : actor.roles) {
    if (grant.agency_id == 0 || !grant.region_code.empty()) continue;
    if (auto agency = store->FindAgency(grant.agency_id)) grant.region_code = agency->region_code;
  }
  return actor;
}

Response Api::Handle(const Request& request) {
  try {
    Match match = router_.Find(request.method, request.Path());
    if (match.route == nullptr) {
      if (match.allowed.empty()) return Problem(request, NoRoute());
      std::string allow;
      for (Method method : match.allowed) {
        if (!allow.empty()) allow += ", ";
        allow += MethodName(method);
      }
      return Problem(request, MethodNotAllowed()).With("Allow", allow);
    }
    std::string csrf_token;
    auto actor = Authenticate(request, &csrf_token);
    if (!actor) {
      return Problem(request, actor.error()).With("WWW-Authenticate", "Bearer");
    }
    bool writes = ChangesState(request);
    if (writes && !csrf_token.empty() && request.Path() != "/api/v1/session") {
      // A cookie travels with every request the browser makes, also those another site
      // triggers; the token in the header proves the page itself sent this one.
      if (!auth::ConstantTimeEquals(request.Header("x-csrf-token"), csrf_token)) {
        return Problem(request,
                       {ErrorCode::kForbidden,
                        {"Token CSRF tidak ada atau salah. Muat ulang halaman lalu coba lagi.",
                         "The CSRF token is missing or wrong. Reload the page and try "
                         "again."},
                        {}});
      }
    }
    if (writes && request.Path() != "/api/v1/session" && !has_admin_.load()) {
      // A new installation stays read-only until someone who runs the server names an admin.
      if (pool_.Acquire()->CountActiveAdmins() == 0) {
        return Problem(request, {ErrorCode::kConflict,
                                 {"Belum ada admin. Buat dulu di server: lumbung user add "
                                  "--username NAMA --role admin",
                                  "There is no admin yet. Create one on the server first: lumbung "
                                  "user add --username NAME --role admin"},
                                 {}});
      }
      has_admin_.store(true);
    }
    Response response = match.route->handler(request, *actor, match.params);
    // Bumped after the write is committed, so a page built from the old data in between
    // is never stored under the new version.
    if (writes) data_version_.Bump();
    return response;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s %s: %s\n", std::string(MethodName(request.method)).c_str(),
                 request.target.c_str(), error.what());
    return Problem(request, Internal());
  }
}

Response Api::Healthz(const Request&, const Actor&) {
  Response response;
  response.body = R"({"status":"ok"})";
  response.With("Cache-Control", "no-store");
  return response;
}

Response Api::OpenApi(const Request&, const Actor&) {
  Response response;
  response.body = std::string(OpenApiDocument());
  response.With("Cache-Control", "public, max-age=3600");
  return response;
}

Response Api::ListRegions(const Request&, const Actor&) {
  auto store = pool_.Acquire();
  Json items = Json::array();
  for (const auto& region : store->ListRegions()) items.push_back(ToJson(region));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::CreateRegion(const Request& request, const Actor& actor) {
  if (!Allows(actor, Action::kManageRegions, {})) return Deny(request, actor);
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Region region;
  auto errors = FromJson(*body, region, JsonInput::kCreate);
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  auto store = StoreFor(actor);
  Registry registry(*store, clock_);
  auto created = registry.CreateRegion(region);
  if (!created) return Problem(request, created.error());
  return JsonResponse(201, ToJson(*created)).With("Location", "/api/v1/regions/" + created->code);
}

Response Api::GetRegion(const Request& request, const Actor&, const std::string& code) {
  auto store = pool_.Acquire();
  auto region = store->FindRegion(code);
  if (!region) return Problem(request, NotFoundRegion());
  return JsonResponse(200, ToJson(*region));
}

Response Api::PatchRegion(const Request& request, const Actor& actor, const std::string& code) {
  auto store = StoreFor(actor);
  auto region = store->FindRegion(code);
  if (!region) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kManageAgencies, {code})) return Deny(request, actor);
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  std::vector<FieldError> errors;
  if (!actor.Holds(Role::kAdmin)) {
    // Name, level, parent and the demo mark belong to the installation's admins.
    for (const auto& [key, value] : body->items()) {
      if (key != "requires_head_approval" && key != "target") {
        errors.push_back({key,
                          "read_only",
                          {"Hanya admin instalasi yang dapat mengubah isian ini.",
                           "Only the installation's admins may change this field."}});
      }
    }
  }
  if (errors.empty()) errors = FromJson(*body, *region, JsonInput::kUpdate);
  if (errors.empty()) errors = ValidateRegion(*region);
  if (errors.empty() && !region->parent_code.empty() && !store->FindRegion(region->parent_code)) {
    errors.push_back(msg::NoSuchRecord("parent_code", "Provinsi", "Province"));
  }
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  store->UpdateRegion(*region);
  return JsonResponse(200, ToJson(*store->FindRegion(code)));
}

Response Api::ListAgencies(const Request& request, const Actor&, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  Json items = Json::array();
  for (const auto& agency : store->ListAgencies(code)) items.push_back(ToJson(agency));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}});
}

Response Api::CreateAgency(const Request& request, const Actor& actor, const std::string& code) {
  auto store = StoreFor(actor);
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kManageAgencies, {code})) return Deny(request, actor);
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Agency agency;
  auto errors = FromJson(*body, agency, JsonInput::kCreate);
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  agency.region_code = code;
  Registry registry(*store, clock_);
  auto created = registry.CreateAgency(agency);
  if (!created) return Problem(request, created.error());
  return JsonResponse(201, ToJson(*created))
      .With("Location", "/api/v1/agencies/" + std::to_string(created->id))
      .With("ETag", VersionTag(created->version));
}

Response Api::GetAgency(const Request& request, const Actor&, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto agency = parsed ? store->FindAgency(*parsed) : std::nullopt;
  if (!agency) return Problem(request, NotFoundAgency());
  return JsonResponse(200, ToJson(*agency)).With("ETag", VersionTag(agency->version));
}

Response Api::PatchAgency(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto agency = parsed ? store->FindAgency(*parsed) : std::nullopt;
  if (!agency) return Problem(request, NotFoundAgency());
  if (!Allows(actor, Action::kManageAgencies, {agency->region_code})) return Deny(request, actor);
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  auto errors = FromJson(*body, *agency, JsonInput::kUpdate);
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  Registry registry(*store, clock_);
  auto updated = registry.UpdateAgency(*agency, *version);
  if (!updated) return Problem(request, updated.error());
  return JsonResponse(200, ToJson(*updated)).With("ETag", VersionTag(updated->version));
}

Response Api::DeleteAgency(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto agency = parsed ? store->FindAgency(*parsed) : std::nullopt;
  if (!agency) return Problem(request, NotFoundAgency());
  if (!Allows(actor, Action::kManageAgencies, {agency->region_code})) return Deny(request, actor);
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  Registry registry(*store, clock_);
  auto deleted = registry.DeleteAgency(*parsed, *version);
  if (!deleted) return Problem(request, deleted.error());
  Response response;
  response.status = 204;
  return response;
}

Response Api::ListInnovations(const Request& request, const Actor& actor) {
  // The page depends only on the query, on what the viewer may see and on the data, so it is
  // served from the cache for as long as the data has not changed.
  const bool cacheable = CacheMayServe();
  std::string version = cacheable ? data_version_.Current() : "fresh";
  std::string key = VisibilityKey(actor) + "?" + std::string(request.Query());
  auto cached = cacheable ? list_cache_.Find(key, version) : std::nullopt;
  if (!cached) {
    bool facets = false;
    auto query = ParseInnovationQuery(request, &facets);
    if (!query) return Problem(request, query.error());
    auto store = pool_.Acquire();
    if (!query->region_code.empty() && !store->FindRegion(query->region_code)) {
      Error error = msg::Invalid({msg::NoSuchRecord("region", "Wilayah", "Region")});
      return Problem(request, error);
    }
    RestrictToVisible(actor, *query);
    FacetedPage found;
    if (facets) {
      found = store->ListWithFacets(*query);
    } else {
      found.page = store->ListInnovations(*query);
    }
    const InnovationPage& page = found.page;
    Json items = Json::array();
    for (const auto& item : page.items) {
      items.push_back(ToJson(item));
      if (!item.snippet.empty()) items.back()["snippet_html"] = web::SnippetHtml(item.snippet);
    }
    Json body = {{"items", items},
                 {"page", query->page},
                 {"per_page", query->per_page},
                 {"total", page.total}};
    if (!query->text.empty()) body["search"] = SearchJson(query->text, page.search);
    // The counts come under the same visibility as the page: nobody learns of what they may
    // not see through a number beside a filter.
    if (facets) body["facets"] = ToJson(found.facets);
    PageCache::Entry entry;
    entry.version = version;
    entry.body = std::make_shared<const std::string>(body.dump());
    entry.etag = "\"l" + version + "-" +
                 std::to_string(std::hash<std::string>{}(*entry.body) & 0xFFFFFFFF) + "\"";
    if (cacheable) list_cache_.Put(key, entry);
    cached = std::move(entry);
  }
  // A signed-in viewer's list must not be kept by shared caches on the way.
  const char* cache_control = VisibilityKey(actor) == "public" ? "no-cache" : "private, no-cache";
  if (request.Header("if-none-match") == cached->etag) {
    Response not_modified;
    not_modified.status = 304;
    return not_modified.With("ETag", cached->etag).With("Cache-Control", cache_control);
  }
  Response response;
  response.shared_body = std::move(cached->body);
  return response.With("ETag", cached->etag).With("Cache-Control", cache_control);
}

Response Api::CreateInnovation(const Request& request, const Actor& actor) {
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Innovation innovation;
  auto errors = FromJson(*body, innovation, JsonInput::kCreate);
  auto store = StoreFor(actor);
  auto created =
      CreateInnovationAs(*store, clock_, actor, std::move(innovation), std::move(errors));
  if (!created) return ActionProblem(request, actor, created.error());
  return JsonResponse(201, ToJson(*created))
      .With("Location", "/api/v1/innovations/" + std::to_string(created->id))
      .With("ETag", VersionTag(created->version));
}

Response Api::GetInnovation(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  // What the viewer may not see does not exist for them: a draft's id tells nothing.
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  std::string etag = VersionTag(innovation->version);
  if (request.Header("if-none-match") == etag) {
    Response not_modified;
    not_modified.status = 304;
    return not_modified.With("ETag", etag);
  }
  return JsonResponse(200, ToJson(*innovation)).With("ETag", etag);
}

Response Api::PatchInnovation(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  if (!Allows(actor, Action::kEditInnovation, SubjectOf(*innovation))) return Deny(request, actor);
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  Innovation changed = *innovation;
  auto errors = FromJson(*body, changed, JsonInput::kUpdate);
  auto updated = UpdateInnovationAs(*store, clock_, actor, *innovation, std::move(changed),
                                    std::move(errors), *version);
  if (!updated) return ActionProblem(request, actor, updated.error());
  return JsonResponse(200, ToJson(*updated)).With("ETag", VersionTag(updated->version));
}

Response Api::DeleteInnovation(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  if (!Allows(actor, Action::kDeleteInnovation, SubjectOf(*innovation)))
    return Deny(request, actor);
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  Registry registry(*store, clock_);
  auto deleted = registry.DeleteInnovation(*parsed, *version);
  if (!deleted) return Problem(request, deleted.error());
  Response response;
  response.status = 204;
  return response;
}

Response Api::TransitionInnovation(const Request& request, const Actor& actor,
                                   const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !CanSee(actor, *innovation)) return Problem(request, NotFoundInnovation());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  std::optional<Transition> transition;
  std::string reason;
  std::vector<FieldError> errors;
  for (const auto& [key, value] : body->items()) {
    if (key == "action" && value.is_string()) {
      transition = ParseTransition(value.get<std::string>());
      if (!transition) {
        errors.push_back(
            msg::UnknownValue("action", "submit, approve, verify, reject, publish, archive"));
      }
    } else if (key == "reason" && value.is_string()) {
      reason = value.get<std::string>();
    } else if (key == "action" || key == "reason") {
      errors.push_back(ExpectStringError(key));
    } else {
      errors.push_back(msg::UnknownField(key));
    }
  }
  if (!body->contains("action")) errors.push_back(msg::Required("action"));
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  auto moved = TransitionAs(*store, clock_, actor, *innovation, *transition, reason);
  if (!moved) return ActionProblem(request, actor, moved.error());
  return JsonResponse(200, ToJson(*moved)).With("ETag", VersionTag(moved->version));
}

Response Api::InnovationHistory(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto innovation = parsed ? store->FindInnovation(*parsed) : std::nullopt;
  if (!innovation || !Allows(actor, Action::kReadHistory, SubjectOf(*innovation))) {
    return Problem(request, NotFoundInnovation());
  }
  Json items = Json::array();
  for (const auto& event : store->ListEvents(*parsed)) {
    // Who took a step, and why, is staff business: the public sees the steps.
    items.push_back({{"action", event.action},
                     {"from", ToString(event.from)},
                     {"to", ToString(event.to)},
                     {"by", actor.IsAnonymous() ? Json(nullptr) : Json(event.actor_name)},
                     {"reason", actor.IsAnonymous() ? Json(nullptr) : Json(event.reason)},
                     {"at", event.at}});
  }
  return JsonResponse(200, {{"items", items}});
}

}  // namespace lumbung::http
