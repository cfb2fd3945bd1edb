// The API's accounts: signing in and out, the demo's accounts, a region's users, and its
// audit trail.
#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

#include "auth/password.hpp"
#include "auth/tokens.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/validation.hpp"
#include "http/api.hpp"
#include "http/handler_support.hpp"
#include "http/problem.hpp"

namespace lumbung::http {
namespace {

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

}  // namespace

Result<SignedIn> Api::SignIn(const std::string& username, const std::string& password,
                             const Request& request, std::int64_t* retry_after_seconds) {
  // Counted per account as sign-in matches it: without regard to case or surrounding spaces.
  std::string account_key;
  for (char c : username) {
    if (c == ' ' || c == '\t') continue;
    account_key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  auto wait = throttle_.Wait(account_key, request.remote_address);
  if (wait.count() > 0) {
    *retry_after_seconds = (wait.count() + 999) / 1000;
    auto seconds = std::to_string(*retry_after_seconds);
    return Error{ErrorCode::kTooManyRequests,
                 {"Terlalu banyak percobaan masuk. Coba lagi dalam " + seconds + " detik.",
                  "Too many sign-in attempts. Try again in " + seconds + " seconds."},
                 {}};
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
    return Error{ErrorCode::kUnauthenticated,
                 {"Nama pengguna atau kata sandi salah.", "The username or password is wrong."},
                 {}};
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
  return SignedIn{*user, std::move(cookie), session.csrf_token};
}

std::string Api::SignOut(const Request& request) {
  std::string_view id = CookieValue(request, kSessionCookie);
  if (!id.empty()) pool_.Acquire()->DeleteSession(auth::TokenDigest(id));
  std::string cookie = std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  if (sessions_.secure_cookie) cookie += "; Secure";
  return cookie;
}

Response Api::CreateSession(const Request& request, const Actor&) {
  auto body = JsonBody(request);
  if (!body) return Problem(request, body.error());
  std::vector<FieldError> errors;
  std::string username;
  std::string password;
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
  if (!errors.empty()) return Problem(request, msg::Invalid(std::move(errors)));

  std::int64_t retry_after = 0;
  auto signed_in = SignIn(username, password, request, &retry_after);
  if (!signed_in) {
    Response refusal = Problem(request, signed_in.error());
    if (retry_after > 0) refusal.With("Retry-After", std::to_string(retry_after));
    return refusal;
  }
  return JsonResponse(200, {{"user", UserJson(signed_in->user, true)},
                            {"csrf_token", signed_in->csrf_token}})
      .With("Set-Cookie", signed_in->cookie)
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
  Response response;
  response.status = 204;
  return response.With("Set-Cookie", SignOut(request));
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

Response Api::ListUsers(const Request& request, const Actor& actor, const std::string& code) {
  auto store = pool_.Acquire();
  if (!store->FindRegion(code)) return Problem(request, NotFoundRegion());
  if (!Allows(actor, Action::kManageUsers, {code})) return Deny(request, actor);
  Json items = Json::array();
  for (const auto& user : store->ListUsers(code)) items.push_back(UserJson(user, true));
  return JsonResponse(200, {{"items", items}, {"total", items.size()}})
      .With("Cache-Control", "private, no-store");
}

Result<User> Api::AddUserToRegion(Store& store, const std::string& code, User user,
                                  const std::string& password, std::vector<FieldError> errors) {
  auto user_errors = ValidateUser(user);
  errors.insert(errors.end(), user_errors.begin(), user_errors.end());
  if (auto problem = auth::PasswordProblem(password, user.username)) {
    errors.push_back(PasswordError(*problem));
  }
  auto grant_errors =
      CheckGrants(store, user.roles, [&](const std::string& region) { return region == code; });
  errors.insert(errors.end(), grant_errors.begin(), grant_errors.end());
  if (!errors.empty()) return msg::Invalid(std::move(errors));
  user.created_at = user.updated_at = FormatTimestamp(clock_());
  return store.InsertUser(user, auth::HashPassword(password));
}

Result<User> Api::SetUserDisabled(Store& store, const Actor& actor, Id user_id, bool disabled,
                                  std::int64_t expected_version) {
  auto user = store.FindUser(user_id);
  // One the actor does not manage does not exist for them.
  if (!user || !ManagesUser(store, actor, *user)) return msg::NotFound("Pengguna", "User");
  if (actor.user_id == user->id && disabled) {
    return msg::Conflict(
        {"Akun sendiri tidak dapat dinonaktifkan.", "You cannot disable your own account."});
  }
  user->disabled = disabled;
  user->updated_at = FormatTimestamp(clock_());
  auto updated = store.UpdateUser(*user, expected_version);
  // A disabled account's sessions end at once.
  if (updated && updated->disabled) store.DeleteSessionsOf(updated->id);
  return updated;
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
    } else if (key == "username" || key == "display_name" || key == "email" || key == "password") {
      errors.push_back(ExpectStringError(key));
    } else {
      errors.push_back(msg::UnknownField(key));
    }
  }
  auto created = AddUserToRegion(*store, code, std::move(user), password, std::move(errors));
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

}  // namespace lumbung::http
