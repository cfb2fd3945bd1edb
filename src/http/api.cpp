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
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "domain/validation.hpp"
#include "http/openapi_document.hpp"
#include "http/problem.hpp"

namespace lumbung::http {
namespace {

constexpr int kMaxPerPage = 100;

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
  try {
    return Json::parse(request.body);
  } catch (const Json::parse_error& error) {
    std::string where = std::to_string(error.byte);
    return MalformedJson("error near byte " + where, "kesalahan di sekitar bita ke-" + where);
  }
}

std::optional<Id> ParseId(const std::string& text) {
  Id id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// The structural errors of an innovation's JSON plus the domain's errors for every other field,
// so that a person fixing a form learns of every problem in one answer.
Error InnovationErrors(Registry& registry, const Innovation& innovation,
                       std::vector<FieldError> structural) {
  for (auto& error : registry.CheckInnovation(innovation)) {
    bool named = std::any_of(structural.begin(), structural.end(),
                             [&](const FieldError& known) { return known.field == error.field; });
    if (!named) structural.push_back(std::move(error));
  }
  return msg::Invalid(std::move(structural));
}

// A replication may only point at an innovation its author may see; otherwise the answer would
// tell whether a hidden draft exists.
std::optional<FieldError> HiddenOrigin(Store& store, const Actor& actor,
                                       const Innovation& innovation) {
  if (!innovation.replicated_from) return std::nullopt;
  auto origin = store.FindInnovation(*innovation.replicated_from);
  if (origin && CanSee(actor, *origin)) return std::nullopt;
  return msg::NoSuchRecord("replicated_from", "Inovasi asal", "Original innovation");
}

Error NotFoundInnovation() { return msg::NotFound("Inovasi", "Innovation"); }
Error NotFoundAgency() { return msg::NotFound("Perangkat daerah", "Agency"); }
Error NotFoundRegion() { return msg::NotFound("Wilayah", "Region"); }

// Reads the list filters from the query string; every unknown or malformed one is named.
Result<InnovationQuery> ParseInnovationQuery(const Request& request) {
  auto pairs = ParseQuery(request.Query());
  if (!pairs) {
    return Error{ErrorCode::kMalformed,
                 {"Alamat berisi kode persen (%) yang rusak.",
                  "The address holds a broken percent (%) escape."},
                 {}};
  }
  InnovationQuery query;
  std::vector<FieldError> errors;
  auto integer = [&](const std::string& name, const std::string& value, int low, int high,
                     int& out) {
    int parsed = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error != std::errc() || end != value.data() + value.size()) {
      errors.push_back(msg::WrongType(name, "bilangan bulat", "a whole number"));
    } else if (parsed < low || parsed > high) {
      errors.push_back(msg::OutOfRange(name, low, high));
    } else {
      out = parsed;
    }
  };
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
    } else if (name == "page") {
      integer(name, value, 1, 1'000'000, query.page);
    } else if (name == "per_page") {
      integer(name, value, 1, kMaxPerPage, query.per_page);
    } else if (name == "sort") {
      if (value == "newest") {
        query.sort = InnovationSort::kNewest;
      } else if (value == "oldest") {
        query.sort = InnovationSort::kOldest;
      } else if (value == "title") {
        query.sort = InnovationSort::kTitle;
      } else if (value == "year") {
        query.sort = InnovationSort::kYearNewest;
      } else {
        errors.push_back(msg::UnknownValue(name, "newest, oldest, title, year"));
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
  return query;
}

constexpr std::string_view kSessionCookie = "lumbung_session";

FieldError ExpectStringError(const std::string& field) {
  return msg::WrongType(field, "teks", "a string");
}

// The password rule `code` (auth::PasswordProblem) in words.
FieldError PasswordError(const std::string& code) {
  if (code == "too_short") {
    return {"password",
            code,
            {"Kata sandi paling sedikit 10 karakter.", "A password has at least 10 characters."}};
  }
  if (code == "too_long") {
    return {"password",
            code,
            {"Kata sandi terlalu panjang (paling banyak 1024 bita).",
             "The password is too long (at most 1024 bytes)."}};
  }
  if (code == "same_as_username") {
    return {"password",
            code,
            {"Kata sandi tidak boleh sama dengan nama pengguna.",
             "The password cannot be the username."}};
  }
  return {"password",
          code,
          {"Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.",
           "This password is too common and easy to guess. Choose another."}};
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

bool ChangesState(const Request& request) {
  return request.method != Method::kGet && request.method != Method::kHead &&
         request.method != Method::kOptions;
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

Json UserJson(const User& user, bool with_personal_data) {
  Json roles = Json::array();
  for (const auto& grant : user.roles) {
    Json role = {{"role", ToString(grant.role)}};
    if (!grant.region_code.empty()) role["region_code"] = grant.region_code;
    if (grant.agency_id != 0) role["agency_id"] = grant.agency_id;
    if (grant.competition_id != 0) role["competition_id"] = grant.competition_id;
    roles.push_back(std::move(role));
  }
  Json out = {{"id", user.id},
              {"username", user.username},
              {"display_name", user.display_name},
              {"disabled", user.disabled},
              {"roles", roles},
              {"version", user.version}};
  if (with_personal_data) out["email"] = user.email;
  return out;
}

// Reads a list of role grants from JSON.
std::vector<FieldError> ReadRoles(const Json& value, std::vector<RoleGrant>& out) {
  std::vector<FieldError> errors;
  if (!value.is_array()) {
    errors.push_back(msg::WrongType("roles", "daftar (array)", "a list (array)"));
    return errors;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string at = "roles[" + std::to_string(i) + "]";
    const Json& item = value[i];
    if (!item.is_object() || !item.contains("role") || !item["role"].is_string()) {
      errors.push_back(msg::Required(at + ".role"));
      continue;
    }
    auto role = Parse<Role>(item["role"].get<std::string>());
    if (!role) {
      errors.push_back(msg::UnknownValue(at + ".role", AllowedList<Role>()));
      continue;
    }
    RoleGrant grant{*role, "", 0, 0};
    for (const auto& [key, field] : item.items()) {
      if (key == "role") continue;
      if (key == "region_code" && field.is_string()) {
        grant.region_code = field.get<std::string>();
      } else if (key == "agency_id" && field.is_number_integer()) {
        grant.agency_id = field.get<Id>();
      } else if (key == "competition_id" && field.is_number_integer()) {
        grant.competition_id = field.get<Id>();
      } else {
        errors.push_back(msg::UnknownField(at + "." + key));
      }
    }
    out.push_back(grant);
  }
  return errors;
}

// Every grant names exactly the scope its role needs, in a region `allowed` accepts.
std::vector<FieldError> CheckGrants(Store& store, const std::vector<RoleGrant>& roles,
                                    const std::function<bool(const std::string&)>& allowed) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    std::string at = "roles[" + std::to_string(i) + "]";
    const auto& grant = roles[i];
    auto unused = [&](bool region, bool agency, bool competition) {
      if (!region && !grant.region_code.empty())
        errors.push_back(msg::UnknownField(at + ".region_code"));
      if (!agency && grant.agency_id != 0) errors.push_back(msg::UnknownField(at + ".agency_id"));
      if (!competition && grant.competition_id != 0) {
        errors.push_back(msg::UnknownField(at + ".competition_id"));
      }
    };
    switch (grant.role) {
      case Role::kAdmin:
        // Only the command line makes admins of the installation.
        errors.push_back(msg::Inconsistent(
            at + ".role", {"Admin instalasi dibuat lewat 'lumbung user add' di server.",
                           "Installation admins are made with 'lumbung user add' on the server."}));
        break;
      case Role::kRegionAdmin:
      case Role::kFacilitator:
        unused(true, false, false);
        if (!store.FindRegion(grant.region_code) || !allowed(grant.region_code)) {
          errors.push_back(msg::NoSuchRecord(at + ".region_code", "Wilayah", "Region"));
        }
        break;
      case Role::kAgencyOperator:
      case Role::kAgencyHead: {
        unused(false, true, false);
        auto agency = store.FindAgency(grant.agency_id);
        if (!agency || !allowed(agency->region_code)) {
          errors.push_back(msg::NoSuchRecord(at + ".agency_id", "Perangkat daerah", "Agency"));
        }
        break;
      }
      case Role::kJuror:
        unused(false, false, true);
        if (grant.competition_id <= 0) errors.push_back(msg::Required(at + ".competition_id"));
        break;
    }
  }
  return errors;
}

// Whether the account is one of the demo's (demo/demo_accounts.cpp), whose passwords are
// published.
bool IsDemoAccount(const User& user) { return user.username.starts_with("demo-"); }

// The regions whose admins manage a user together: those of all the user's scoped roles.
std::set<std::string> RegionsOfUser(Store& store, const User& user) {
  std::set<std::string> regions;
  for (const auto& grant : user.roles) {
    if (!grant.region_code.empty()) regions.insert(grant.region_code);
    if (grant.agency_id != 0) {
      if (auto agency = store.FindAgency(grant.agency_id)) regions.insert(agency->region_code);
    }
  }
  return regions;
}

// Whether `actor` may manage `user`: an installation admin always; a region admin when the
// user works only in regions they manage and is no installation admin.
bool ManagesUser(Store& store, const Actor& actor, const User& user) {
  if (actor.Holds(Role::kAdmin)) return true;
  bool is_admin = std::any_of(user.roles.begin(), user.roles.end(),
                              [](const RoleGrant& g) { return g.role == Role::kAdmin; });
  auto regions = RegionsOfUser(store, user);
  if (is_admin || regions.empty()) return false;
  return std::all_of(regions.begin(), regions.end(), [&](const std::string& region) {
    return Allows(actor, Action::kManageUsers, {region});
  });
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
  if (entries_.size() >= kCapacity) entries_.clear();
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

Response Api::Index(const Request& request, const Actor&) {
  // Until the portal pages exist, the root says where the data and its description are.
  bool english = request.WantsEnglish();
  Json index = {{"name", "Lumbung"},
                {"description", english ? "The regional innovation information system."
                                        : "Sistem informasi inovasi daerah."},
                {"links",
                 {{"innovations", "/api/v1/innovations"},
                  {"regions", "/api/v1/regions"},
                  {"session", "/api/v1/session"},
                  {"openapi", "/api/openapi.json"},
                  {"health", "/healthz"}}}};
  return JsonResponse(200, index);
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

Response Api::CreateSession(const Request& request, const Actor&) {
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  std::vector<FieldError> errors;
  std::string username;
  std::string password;
  if (!body->is_object()) {
    errors.push_back(msg::WrongType("(body)", "objek JSON", "a JSON object"));
  } else {
    for (const auto& [key, value] : body->items()) {
      if ((key == "username" || key == "password") && value.is_string()) {
        (key == "username" ? username : password) = value.get<std::string>();
      } else {
        errors.push_back(key == "username" || key == "password" ? ExpectStringError(key)
                                                                : msg::UnknownField(key));
      }
    }
    if (username.empty()) errors.push_back(msg::Required("username"));
    if (password.empty()) errors.push_back(msg::Required("password"));
  }
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));

  // Counted per account as sign-in matches it: without regard to case or surrounding spaces.
  std::string account_key;
  for (char c : username) {
    if (c == ' ' || c == '\t') continue;
    account_key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto wait = throttle_.Wait(account_key, request.remote_address);
  if (wait.count() > 0) {
    auto seconds = std::to_string((wait.count() + 999) / 1000);
    return Problem(request,
                   {ErrorCode::kTooManyRequests,
                    {"Terlalu banyak percobaan masuk. Coba lagi dalam " + seconds + " detik.",
                     "Too many sign-in attempts. Try again in " + seconds + " seconds."},
                    {}})
        .With("Retry-After", seconds);
  }
  auto store = pool_.Acquire();
  auto user = store->FindUserByName(username);
  // The demo's accounts have published passwords: outside demo mode they do not exist.
  if (user && IsDemoAccount(*user) && demo_logins_.empty()) user.reset();
  bool valid = false;
  std::string stored = user && !user->disabled ? store->PasswordHashOf(user->id) : "";
  if (!stored.empty()) {
    valid = auth::VerifyPassword(password, stored);
    if (valid && auth::NeedsRehash(stored)) {
      Actor self;
      self.user_id = user->id;
      self.name = user->username;
      self.address = request.remote_address;
      store->SetActor(self);
      store->SetPasswordHash(user->id, auth::HashPassword(password));
    }
  } else {
    // The same work as a real check, so the answer's timing does not tell whether the
    // account exists.
    auth::VerifyAgainstDummy(password);
  }
  if (!valid) {
    throttle_.RecordFailure(account_key, request.remote_address);
    return Problem(request,
                   {ErrorCode::kUnauthenticated,
                    {"Nama pengguna atau kata sandi salah.", "The username or password is wrong."},
                    {}});
  }
  throttle_.RecordSuccess(account_key, request.remote_address);
  // A new id at every sign-in: an id planted before sign-in never becomes a session.
  std::string old_id(CookieValue(request, kSessionCookie));
  if (!old_id.empty()) store->DeleteSession(auth::TokenDigest(old_id));
  // Sign-ins are rare enough to sweep the sessions nobody will come back to.
  store->DeleteExpiredSessions(NowSeconds() - sessions_.absolute_timeout.count(),
                               NowSeconds() - sessions_.idle_timeout.count());
  std::string id = auth::NewToken();
  SessionRecord session{auth::TokenDigest(id), user->id,     auth::NewToken(),
                        NowSeconds(),          NowSeconds(), request.remote_address};
  store->InsertSession(session);
  std::string cookie = std::string(kSessionCookie) + "=" + id +
                       "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                       std::to_string(sessions_.absolute_timeout.count());
  if (sessions_.secure_cookie) cookie += "; Secure";
  return JsonResponse(200, {{"user", UserJson(*user, true)}, {"csrf_token", session.csrf_token}})
      .With("Set-Cookie", cookie)
      .With("Cache-Control", "no-store");
}

Response Api::GetSession(const Request& request, const Actor& actor) {
  if (actor.IsAnonymous()) return Problem(request, Unauthenticated());
  auto store = pool_.Acquire();
  auto user = store->FindUser(*actor.user_id);
  Json body = {{"user", UserJson(*user, true)}};
  std::string_view id = CookieValue(request, kSessionCookie);
  if (!id.empty()) {
    if (auto session = store->FindSession(auth::TokenDigest(id))) {
      body["csrf_token"] = session->csrf_token;
    }
  }
  return JsonResponse(200, body).With("Cache-Control", "no-store");
}

Response Api::DeleteSession(const Request& request, const Actor&) {
  std::string_view id = CookieValue(request, kSessionCookie);
  if (!id.empty()) pool_.Acquire()->DeleteSession(auth::TokenDigest(id));
  Response response;
  response.status = 204;
  std::string cookie = std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  if (sessions_.secure_cookie) cookie += "; Secure";
  return response.With("Set-Cookie", cookie);
}

Response Api::DemoAccounts(const Request& request, const Actor&) {
  if (demo_logins_.empty()) {
    return Problem(request, msg::NotFound("Akun demo (server tidak dalam mode demo)",
                                          "Demo accounts (the server is not in demo mode)"));
  }
  bool english = request.WantsEnglish();
  Json items = Json::array();
  for (const auto& login : demo_logins_) {
    items.push_back({{"username", login.username},
                     {"password", login.password},
                     {"role", login.role},
                     {"description", login.description.In(english)}});
  }
  return JsonResponse(200, {{"items", items}}).With("Cache-Control", "no-store");
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
  if (!actor.Holds(Role::kAdmin) && body->is_object()) {
    // Name, level, parent and the demo mark belong to the installation's admins.
    for (const auto& [key, value] : body->items()) {
      if (key != "requires_head_approval") {
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

Response Api::ListUsers(const Request& request, const Actor& actor, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kManageUsers, {code})) return Deny(request, actor);
  Json items = Json::array();
  for (const auto& user : store->ListUsers(code)) items.push_back(UserJson(user, true));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}})
      .With("Cache-Control", "private, no-store");
}

Response Api::CreateUser(const Request& request, const Actor& actor, const std::string& code) {
  auto store = StoreFor(actor);
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kManageUsers, {code})) return Deny(request, actor);
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  User user;
  std::string password;
  std::vector<FieldError> errors;
  if (!body->is_object()) {
    errors.push_back(msg::WrongType("(body)", "objek JSON", "a JSON object"));
  } else {
    for (const auto& [key, value] : body->items()) {
      if (key == "roles") {
        auto more = ReadRoles(value, user.roles);
        errors.insert(errors.end(), more.begin(), more.end());
      } else if ((key == "username" || key == "display_name" || key == "email" ||
                  key == "password") &&
                 value.is_string()) {
        std::string& target = key == "username"       ? user.username
                              : key == "display_name" ? user.display_name
                              : key == "email"        ? user.email
                                                      : password;
        target = value.get<std::string>();
      } else if (key == "username" || key == "display_name" || key == "email" ||
                 key == "password") {
        errors.push_back(ExpectStringError(key));
      } else {
        errors.push_back(msg::UnknownField(key));
      }
    }
  }
  auto user_errors = ValidateUser(user);
  errors.insert(errors.end(), user_errors.begin(), user_errors.end());
  if (auto problem = auth::PasswordProblem(password, user.username)) {
    errors.push_back(PasswordError(*problem));
  }
  auto grant_errors =
      CheckGrants(*store, user.roles, [&](const std::string& region) { return region == code; });
  errors.insert(errors.end(), grant_errors.begin(), grant_errors.end());
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  user.created_at = user.updated_at = FormatTimestamp(clock_());
  auto created = store->InsertUser(user, auth::HashPassword(password));
  if (!created) return Problem(request, created.error());
  return JsonResponse(201, UserJson(*created, true))
      .With("Cache-Control", "private, no-store")
      .With("Location", "/api/v1/users/" + std::to_string(created->id))
      .With("ETag", VersionTag(created->version));
}

Response Api::GetUser(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = pool_.Acquire();
  auto user = parsed ? store->FindUser(*parsed) : std::nullopt;
  // A user's own account, or one the actor manages; otherwise it does not exist.
  bool allowed = user && (actor.user_id == user->id || ManagesUser(*store, actor, *user));
  if (!allowed) return Problem(request, msg::NotFound("Pengguna", "User"));
  return JsonResponse(200, UserJson(*user, true))
      .With("ETag", VersionTag(user->version))
      .With("Cache-Control", "private, no-store");
}

Response Api::PatchUser(const Request& request, const Actor& actor, const std::string& id) {
  auto parsed = ParseId(id);
  auto store = StoreFor(actor);
  auto user = parsed ? store->FindUser(*parsed) : std::nullopt;
  if (!user) return Problem(request, msg::NotFound("Pengguna", "User"));
  if (!ManagesUser(*store, actor, *user)) {
    return actor.IsAnonymous() ? Deny(request, actor)
                               : Problem(request, msg::NotFound("Pengguna", "User"));
  }
  auto version = ExpectedVersion(request);
  if (!version) return Problem(request, version.error());
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  std::vector<FieldError> errors;
  if (!body->is_object()) {
    errors.push_back(msg::WrongType("(body)", "objek JSON", "a JSON object"));
  } else {
    for (const auto& [key, value] : body->items()) {
      if (key == "roles") {
        user->roles.clear();
        auto more = ReadRoles(value, user->roles);
        errors.insert(errors.end(), more.begin(), more.end());
      } else if (key == "disabled" && value.is_boolean()) {
        user->disabled = value.get<bool>();
      } else if ((key == "display_name" || key == "email") && value.is_string()) {
        (key == "email" ? user->email : user->display_name) = value.get<std::string>();
      } else if (key == "disabled" || key == "display_name" || key == "email") {
        errors.push_back(msg::WrongType(key, "nilai lain", "another kind of value"));
      } else {
        errors.push_back(msg::UnknownField(key));
      }
    }
  }
  auto user_errors = ValidateUser(*user);
  errors.insert(errors.end(), user_errors.begin(), user_errors.end());
  auto grant_errors = CheckGrants(*store, user->roles, [&](const std::string& region) {
    return Allows(actor, Action::kManageUsers, {region});
  });
  errors.insert(errors.end(), grant_errors.begin(), grant_errors.end());
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  user->updated_at = FormatTimestamp(clock_());
  auto updated = store->UpdateUser(*user, *version);
  if (!updated) return Problem(request, updated.error());
  // A disabled account's sessions end at once.
  if (updated->disabled) store->DeleteSessionsOf(updated->id);
  return JsonResponse(200, UserJson(*updated, true))
      .With("ETag", VersionTag(updated->version))
      .With("Cache-Control", "private, no-store");
}

Response Api::ListAudit(const Request& request, const Actor& actor, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kReadAudit, {code})) return Deny(request, actor);
  auto pairs = ParseQuery(request.Query());
  AuditQuery query;
  query.region_code = code;
  std::vector<FieldError> errors;
  for (const auto& [name, value] : pairs ? *pairs : decltype(pairs)::value_type{}) {
    if (name == "record_type") {
      query.record_type = value;
    } else if (name == "record_id") {
      query.record_id = value;
    } else if (name == "user") {
      if (auto parsed = ParseId(value)) {
        query.user_id = parsed;
      } else {
        errors.push_back(msg::WrongType(name, "nomor pengguna", "a user number"));
      }
    } else if (name == "from" || name == "to") {
      // A date (the whole day) or a full timestamp.
      if (!ParseDate(value.substr(0, 10))) {
        errors.push_back(msg::BadDate(name));
      } else {
        (name == "from" ? query.from : query.to) =
            value.size() == 10 ? value + (name == "from" ? "T00:00:00Z" : "T23:59:59Z") : value;
      }
    } else if (name == "before") {
      if (auto parsed = ParseId(value)) {
        query.before_id = parsed;
      } else {
        errors.push_back(msg::WrongType(name, "nomor entri", "an entry number"));
      }
    } else if (name == "limit") {
      int limit = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (error != std::errc() || end != value.data() + value.size() || limit < 1 || limit > 500) {
        errors.push_back(msg::OutOfRange(name, 1, 500));
      } else {
        query.limit = limit;
      }
    } else {
      errors.push_back(msg::UnknownField(name));
    }
  }
  if (!pairs || !errors.empty()) {
    Error error = msg::Invalid(std::move(errors));
    error.code = ErrorCode::kMalformed;
    return Problem(request, error);
  }
  Json items = Json::array();
  for (const auto& entry : store->ListAudit(query)) {
    items.push_back({{"id", entry.id},
                     {"at", entry.at},
                     {"user_id", entry.user_id ? Json(*entry.user_id) : Json(nullptr)},
                     {"actor", entry.actor_name},
                     {"address", entry.address},
                     {"action", entry.action},
                     {"record_type", entry.record_type},
                     {"record_id", entry.record_id},
                     {"before", entry.before.empty() ? Json(nullptr) : Json::parse(entry.before)},
                     {"after", entry.after.empty() ? Json(nullptr) : Json::parse(entry.after)},
                     {"hash", entry.hash}});
  }
  return JsonResponse(200, {{"items", items}}).With("Cache-Control", "private, no-store");
}

Response Api::ListInnovations(const Request& request, const Actor& actor) {
  // The page depends only on the query, on what the viewer may see and on the data, so it is
  // served from the cache for as long as the data has not changed.
  std::string version = data_version_.Current();
  std::string key = VisibilityKey(actor) + "?" + std::string(request.Query());
  auto cached = list_cache_.Find(key, version);
  if (!cached) {
    auto query = ParseInnovationQuery(request);
    if (!query) return Problem(request, query.error());
    auto store = pool_.Acquire();
    if (!query->region_code.empty() && !store->FindRegion(query->region_code)) {
      Error error = msg::Invalid({msg::NoSuchRecord("region", "Wilayah", "Region")});
      return Problem(request, error);
    }
    RestrictToVisible(actor, *query);
    auto page = store->ListInnovations(*query);
    Json items = Json::array();
    for (const auto& item : page.items) items.push_back(ToJson(item));
    PageCache::Entry entry;
    entry.version = version;
    entry.body = std::make_shared<const std::string>(Json{
        {"items", items},
        {"page", query->page},
        {"per_page", query->per_page},
        {"total", page.total}}.dump());
    entry.etag = "\"l" + version + "-" +
                 std::to_string(std::hash<std::string>{}(*entry.body) & 0xFFFFFFFF) + "\"";
    list_cache_.Put(key, entry);
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
  // The agency names the region when the client leaves it out.
  if (innovation.region_code.empty() && innovation.agency_id > 0) {
    if (auto agency = store->FindAgency(innovation.agency_id)) {
      innovation.region_code = agency->region_code;
    }
  }
  if (!Allows(actor, Action::kCreateInnovation, SubjectOf(innovation))) {
    return Deny(request, actor);
  }
  // A hidden origin is reported exactly like a missing one, before anything else is checked.
  if (auto hidden = HiddenOrigin(*store, actor, innovation)) {
    innovation.replicated_from.reset();
    errors.push_back(*hidden);
  }
  Registry registry(*store, clock_);
  if (!errors.empty()) {
    return Problem(request, InnovationErrors(registry, innovation, std::move(errors)));
  }
  if (innovation.region_code.empty() && innovation.agency_id <= 0) {
    return Problem(request, msg::Invalid({msg::Required("agency_id")}));
  }
  auto created = registry.CreateInnovation(innovation);
  if (!created) return Problem(request, created.error());
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
  auto origin_before = innovation->replicated_from;
  auto errors = FromJson(*body, *innovation, JsonInput::kUpdate);
  // Only a changed origin is checked: one that was visible when linked may be hidden since.
  if (innovation->replicated_from != origin_before) {
    if (auto hidden = HiddenOrigin(*store, actor, *innovation)) {
      innovation->replicated_from.reset();
      errors.push_back(*hidden);
    }
  }
  Registry registry(*store, clock_);
  if (!errors.empty()) {
    return Problem(request, InnovationErrors(registry, *innovation, std::move(errors)));
  }
  // Moving a record to another agency needs the right to write there too.
  if (!Allows(actor, Action::kEditInnovation, SubjectOf(*innovation))) return Deny(request, actor);
  auto updated = registry.UpdateInnovation(*innovation, *version);
  if (!updated) return Problem(request, updated.error());
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
  if (!body->is_object()) {
    errors.push_back(msg::WrongType("(body)", "objek JSON", "a JSON object"));
  } else {
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
  }
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));
  if (!Allows(actor, ActionOf(*transition), SubjectOf(*innovation))) return Deny(request, actor);
  Registry registry(*store, clock_);
  auto moved = registry.Transition(*parsed, *transition, actor, reason);
  if (!moved) return Problem(request, moved.error());
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
    // Who took a step is staff business: the public sees the steps, not the names.
    items.push_back({{"action", event.action},
                     {"from", ToString(event.from)},
                     {"to", ToString(event.to)},
                     {"by", actor.IsAnonymous() ? Json(nullptr) : Json(event.actor_name)},
                     {"reason", event.reason},
                     {"at", event.at}});
  }
  return JsonResponse(200, {{"items", items}});
}

}  // namespace lumbung::http
