// The JSON API v1: the handlers behind every route, and the dispatch that maps their results
// and failures to HTTP responses.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "auth/throttle.hpp"
#include "codec/json_codec.hpp"
#include "domain/accounts.hpp"
#include "domain/compliance.hpp"
#include "domain/dates.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace lumbung::http {

// Pages derived from the data, kept while the data's change counter stays the same.
class PageCache {
 public:
  // `capacity` bounds the number of pages kept; past it the cache starts afresh.
  explicit PageCache(std::size_t capacity = 4096) : capacity_(capacity) {}
  struct Entry {
    std::string version;
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzip_body;  // pages only: the body compressed, if worth it
    std::string etag;
  };
  std::optional<Entry> Find(const std::string& key, const std::string& version) const;
  void Put(const std::string& key, Entry entry);

 private:
  const std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

// The version of the data that cached pages were derived from. Writes through this server
// move it at once; writes by other processes (an import from the command line, another app
// server) are noticed through the database's change counter, read at most every 250 ms, so
// that serving a cached page costs no database round trip.
class DataVersion {
 public:
  DataVersion(StorePool& pool, std::chrono::nanoseconds recheck)
      : pool_(pool), recheck_nanoseconds_(recheck.count()) {}

  // The current version: equal values mean the data has not changed in between.
  std::string Current();
  // Records that this server changed the data.
  void Bump() { local_writes_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  StorePool& pool_;
  const std::int64_t recheck_nanoseconds_;
  std::atomic<std::int64_t> local_writes_{0};
  std::atomic<std::int64_t> database_counter_{-1};
  std::atomic<std::int64_t> checked_at_{0};
};

// How sign-in sessions behave.
struct SessionOptions {
  std::chrono::seconds idle_timeout{30 * 60};
  std::chrono::seconds absolute_timeout{12 * 60 * 60};
  bool secure_cookie = false;  // set behind TLS: the cookie then travels only over HTTPS
};

// An account the demo offers on its login page.
struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
  Text description;
};

// A session that a sign-in opened.
struct SignedIn {
  User user;
  std::string cookie;  // the Set-Cookie value that carries the session id
  std::string csrf_token;
};

// The JSON form of a region's standing against its yearly target.
Json ComplianceJson(const ComplianceReport& report);

class Api {
 public:
  // `recheck` bounds how long a write by another process may go unseen by cached pages.
  Api(StorePool& pool, Clock clock,
      std::chrono::nanoseconds recheck = std::chrono::milliseconds(250),
      SessionOptions sessions = {});

  // Answers one request; never throws.
  Response Handle(const Request& request);

  // Whether the request does slow work (a password hash) that the server should run off the
  // threads that serve everyone else.
  static bool IsSlow(const Request& request);

  const Router& router() const { return router_; }

  // Who sent the request, or the answer to give when their credentials are bad. Fills
  // `csrf_token` when a session cookie authenticated the request.
  Result<Actor> Authenticate(const Request& request, std::string* csrf_token);

  // Checks a password (throttled; unknown accounts cost the same work) and opens a session.
  // When the throttle refuses, `retry_after_seconds` says how long to wait.
  Result<SignedIn> SignIn(const std::string& username, const std::string& password,
                          const Request& request, std::int64_t* retry_after_seconds);
  // Creates a user of region `code` after every check (fields, password policy, roles only
  // inside the region); `errors` holds those already found in the input. The caller has
  // checked that the actor may manage the region's users.
  Result<User> AddUserToRegion(Store& store, const std::string& code, User user,
                               const std::string& password, std::vector<FieldError> errors);
  // Disables or enables a user the actor manages (not themselves), at `expected_version`;
  // disabling ends their sessions.
  Result<User> SetUserDisabled(Store& store, const Actor& actor, Id user_id, bool disabled,
                               std::int64_t expected_version);
  // Ends the request's session; returns the Set-Cookie value that clears the cookie.
  std::string SignOut(const Request& request);

  // The demo's accounts, empty outside demo mode.
  const std::vector<DemoLogin>& demo_logins() const { return demo_logins_; }
  // The version of the data that cached pages derive from.
  DataVersion& data_version() { return data_version_; }
  // A connection with the actor set, so that every change it makes is audited as theirs.
  StorePool::Lease StoreFor(const Actor& actor);
  const Clock& clock() const { return clock_; }

  // Demo mode: the accounts GET /api/v1/demo-accounts lists. Without them it answers 404.
  void SetDemoLogins(std::vector<DemoLogin> logins) { demo_logins_ = std::move(logins); }

 private:
  std::vector<Route> Routes();

  Response Healthz(const Request& request, const Actor& actor);
  Response OpenApi(const Request& request, const Actor& actor);
  Response CreateSession(const Request& request, const Actor& actor);
  Response GetSession(const Request& request, const Actor& actor);
  Response DeleteSession(const Request& request, const Actor& actor);
  Response DemoAccounts(const Request& request, const Actor& actor);
  Response ListRegions(const Request& request, const Actor& actor);
  Response CreateRegion(const Request& request, const Actor& actor);
  Response GetRegion(const Request& request, const Actor& actor, const std::string& code);
  Response PatchRegion(const Request& request, const Actor& actor, const std::string& code);
  Response ListAgencies(const Request& request, const Actor& actor, const std::string& code);
  Response CreateAgency(const Request& request, const Actor& actor, const std::string& code);
  Response GetAgency(const Request& request, const Actor& actor, const std::string& id);
  Response PatchAgency(const Request& request, const Actor& actor, const std::string& id);
  Response DeleteAgency(const Request& request, const Actor& actor, const std::string& id);
  Response ListUsers(const Request& request, const Actor& actor, const std::string& code);
  Response CreateUser(const Request& request, const Actor& actor, const std::string& code);
  Response GetUser(const Request& request, const Actor& actor, const std::string& id);
  Response PatchUser(const Request& request, const Actor& actor, const std::string& id);
  Response ListAudit(const Request& request, const Actor& actor, const std::string& code);
  Response ListInnovations(const Request& request, const Actor& actor);
  Response CreateInnovation(const Request& request, const Actor& actor);
  Response GetInnovation(const Request& request, const Actor& actor, const std::string& id);
  Response PatchInnovation(const Request& request, const Actor& actor, const std::string& id);
  Response DeleteInnovation(const Request& request, const Actor& actor, const std::string& id);
  Response TransitionInnovation(const Request& request, const Actor& actor, const std::string& id);
  Response InnovationHistory(const Request& request, const Actor& actor, const std::string& id);
  Response SimilarInnovations(const Request& request, const Actor& actor, const std::string& id);
  Response SimilarToText(const Request& request, const Actor& actor);
  Response RegionDuplicates(const Request& request, const Actor& actor, const std::string& code);
  // The clinic (clinic_api.cpp).
  Response InnovationClinic(const Request& request, const Actor& actor, const std::string& id);
  Response RecordClinicEntry(const Request& request, const Actor& actor, const std::string& id);
  Response AdvanceStage(const Request& request, const Actor& actor, const std::string& id);
  Response ClinicQueue(const Request& request, const Actor& actor, const std::string& code);
  Response RegionCompliance(const Request& request, const Actor& actor, const std::string& code);

  // The region's programme (programme_api.cpp).
  Response ListActivities(const Request& request, const Actor& actor, const std::string& code);
  Response CreateActivity(const Request& request, const Actor& actor, const std::string& code);
  Response GetActivity(const Request& request, const Actor& actor, const std::string& id);
  Response PatchActivity(const Request& request, const Actor& actor, const std::string& id);
  Response DeleteActivity(const Request& request, const Actor& actor, const std::string& id);
  Response ListTeams(const Request& request, const Actor& actor, const std::string& code);
  Response CreateTeam(const Request& request, const Actor& actor, const std::string& code);
  Response GetTeam(const Request& request, const Actor& actor, const std::string& id);
  Response PatchTeam(const Request& request, const Actor& actor, const std::string& id);
  Response DeleteTeam(const Request& request, const Actor& actor, const std::string& id);
  Response EvaluationRound(const Request& request, const Actor& actor, const std::string& code);
  Response InnovationEvaluations(const Request& request, const Actor& actor, const std::string& id);
  Response RecordEvaluation(const Request& request, const Actor& actor, const std::string& id);
  Response SetContinuation(const Request& request, const Actor& actor, const std::string& id);

  std::int64_t NowSeconds() const;

  StorePool& pool_;
  Clock clock_;
  SessionOptions sessions_;
  Router router_;
  DataVersion data_version_;
  PageCache list_cache_;
  auth::LoginThrottle throttle_;
  std::atomic<bool> has_admin_{false};
  std::vector<DemoLogin> demo_logins_;
};

}  // namespace lumbung::http
