// The store interface: everything the domain asks of a database. Backends (SQLite now,
// PostgreSQL later) implement it in src/storage/; no SQL appears outside that folder.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/clinic.hpp"
#include "domain/model.hpp"
#include "domain/programme.hpp"
#include "domain/result.hpp"

namespace lumbung {

// How a list of innovations is ordered.
enum class InnovationSort {
  kNewest,  // most recently updated first (the default)
  kOldest,
  kTitle,       // A to Z
  kYearNewest,  // by starting year, newest first
  kRelevance,   // best match of the search words first; the newest without words
};

// A filtered, paginated request for innovations. Empty filters match everything.
struct InnovationQuery {
  std::string region_code;
  std::optional<Id> agency_id;
  std::optional<InnovationType> type;
  std::optional<Form> form;
  std::optional<Maturity> maturity;
  std::optional<Stage> stage;
  std::vector<RecordStatus> statuses;  // any of these; empty: all
  std::optional<int> year;
  std::optional<bool> digital;
  std::string affair;  // the main government affair (urusan utama), exactly
  std::optional<Id> replicated_from;
  // What a person searches for (search/analysis.hpp reads it): words that must all appear,
  // in any form of the word, in the title, product, summary, narrative or agency name.
  std::string text;
  InnovationSort sort = InnovationSort::kNewest;
  // Visibility, set by RestrictToVisible (domain/policy.hpp): when `restricted`, a record
  // matches only if its status is in `visible_everywhere`, or it belongs to one of
  // `visible_regions` or `visible_agencies`.
  bool restricted = false;
  std::vector<RecordStatus> visible_everywhere;
  std::vector<std::string> visible_regions;
  std::vector<Id> visible_agencies;
  int page = 1;       // from 1
  int per_page = 20;  // 1..100
};

// What a list shows of an innovation: enough for a result row, without the narrative.
struct InnovationSummary {
  Id id = 0;
  std::string region_code;
  Id agency_id = 0;
  std::string agency_name;
  std::string title;
  std::string product;
  std::string summary;
  std::optional<InnovationType> type;
  std::optional<Form> form;
  Maturity maturity = Maturity::kInitiative;
  Stage stage = Stage::kDrumUp;
  RecordStatus status = RecordStatus::kDraft;
  Continuation continuation = Continuation::kActive;
  bool digital = false;
  std::optional<int> year;
  std::string updated_at;
  std::optional<Id> replicated_from;
  // With search words: the passage of the narrative where they appear, plain text with each
  // matched word between kSnippetStart and kSnippetEnd. Empty otherwise.
  std::string snippet;
};

inline constexpr char kSnippetStart = '\x02';
inline constexpr char kSnippetEnd = '\x03';

// How a search was answered when its words as typed found nothing.
struct SearchFallback {
  // The search with its mistyped words replaced by the known words it was answered with
  // ("inovsi" -> "inovasi"); empty when the words were taken as typed.
  std::string corrected_text;
  // No record held every word, so records holding any of them are shown, best first.
  bool any_word = false;
};

// One page of a list and the number of matches across all pages.
struct InnovationPage {
  std::vector<InnovationSummary> items;
  long long total = 0;
  SearchFallback search;
};

// An innovation that looks like a given text, and how much: 1 for the same words, 0 for none
// in common, weighing rare words above common ones.
struct SimilarInnovation {
  InnovationSummary innovation;
  double score = 0;
};

// One value of a facet and how many records have it. `value` is what the list filter takes
// ("digital", "2024", an agency id); `label` names it where the value does not (an agency).
struct FacetValue {
  std::string value;
  std::string label;
  long long count = 0;
};

// The counts a catalogue shows beside its results. Each facet applies every filter of the
// query but its own, so that picking one value still shows how many the others would give.
// Values come most frequent first, except years (newest first) and digital (true, false).
struct InnovationFacets {
  long long total = 0;    // matches of the whole query
  SearchFallback search;  // as for the list of the same query
  std::vector<FacetValue> agency;
  std::vector<FacetValue> type;
  std::vector<FacetValue> form;
  std::vector<FacetValue> maturity;
  std::vector<FacetValue> stage;
  std::vector<FacetValue> year;
  std::vector<FacetValue> affair;
  std::vector<FacetValue> digital;
};

// A page of the catalogue with the facet counts of the same query.
struct FacetedPage {
  InnovationPage page;
  InnovationFacets facets;
};

// A signed-in browser session. The cookie carries the id; the store keeps only its digest.
struct SessionRecord {
  std::string id_digest;
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;  // seconds since the epoch
  std::int64_t last_seen = 0;
  std::string address;
};

// What an API token may do.
enum class TokenScope { kRead, kWrite };

// An API token for an integration; the store keeps only the token's digest.
struct ApiToken {
  Id id = 0;
  std::string digest;
  Id user_id = 0;
  std::string name;
  TokenScope scope = TokenScope::kRead;
  std::int64_t expires_at = 0;  // seconds since the epoch
  bool revoked = false;
  std::string created_at;
};

// One workflow step of an innovation.
struct InnovationEvent {
  Id id = 0;
  Id innovation_id = 0;
  std::string action;  // submit, approve, verify, reject, publish, archive, create
  RecordStatus from = RecordStatus::kDraft;
  RecordStatus to = RecordStatus::kDraft;
  std::optional<Id> user_id;
  std::string actor_name;
  std::string reason;
  std::string at;
};

// One entry of the audit trail. `prev_hash` and `hash` chain the entries: each hash covers
// the entry and the hash before it, so changing or removing any entry breaks the chain.
struct AuditEntry {
  Id id = 0;
  std::string at;
  std::optional<Id> user_id;
  std::string actor_name;
  std::string address;
  std::string action;
  std::string record_type;
  std::string record_id;
  std::string region_code;
  std::string before;  // JSON, or empty
  std::string after;   // JSON, or empty
  std::string prev_hash;
  std::string hash;
};

// Which audit entries to list, newest first.
struct AuditQuery {
  std::string region_code;
  std::string record_type;
  std::string record_id;
  std::optional<Id> user_id;
  std::string from;  // ISO 8601 timestamps, inclusive; empty for no bound
  std::string to;
  int limit = 100;
  std::optional<Id> before_id;  // for paging: entries older than this one
};

// A table as a whole installation is copied between databases (lumbung copy,
// storage/copy.hpp): its name, the columns copied, and what each holds.
enum class ColumnKind { kText, kInteger, kFlag, kJson };
struct StoredColumn {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
};
struct StoredTable {
  std::string name;
  std::string order;  // the columns rows are read in order of
  std::vector<StoredColumn> columns;
};
// One row's values, in the order of the table's columns, as text (flags "1" and "0", JSON in
// one canonical form); no value for NULL.
using StoredRow = std::vector<std::optional<std::string>>;

// One connection to a database. Not thread-safe: each thread holds its own (see StorePool).
// Reads return nothing when the record is absent; writes return an Error for conflicts and
// stale versions; a broken database throws StorageError.
class Store {
 public:
  virtual ~Store() = default;

  // Transactions. Writes outside one are atomic on their own.
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;  // must not throw: it runs from destructors

  // A number that changes whenever any connection commits a change to the records; readers
  // compare it to decide whether something they derived from the data is still current.
  virtual std::int64_t ChangeCounter() = 0;
  // How far the database's history has come: on a PostgreSQL primary the position of its
  // write-ahead log, on a streaming replica the position it has replayed up to, so that a
  // replica at or past a primary's position holds every change committed before it. Always 0
  // on SQLite, which has no replicas.
  virtual std::uint64_t ReplicationPosition() = 0;

  // Regions.
  virtual std::vector<Region> ListRegions() = 0;
  virtual std::optional<Region> FindRegion(std::string_view code) = 0;
  virtual Status InsertRegion(const Region& region) = 0;
  // Inserts the region or updates name, level, parent and time zone of an existing one; its
  // settings stay as they were (an import never resets them).
  virtual void UpsertRegion(const Region& region) = 0;
  // Replaces every field of an existing region but its code and creation time.
  virtual void UpdateRegion(const Region& region) = 0;

  // Agencies.
  virtual std::vector<Agency> ListAgencies(std::string_view region_code) = 0;
  virtual std::optional<Agency> FindAgency(Id id) = 0;
  // Matches the name without regard to case or repeated spaces.
  virtual std::optional<Agency> FindAgencyByName(std::string_view region_code,
                                                 std::string_view name) = 0;
  virtual Result<Agency> InsertAgency(const Agency& agency) = 0;
  virtual Result<Agency> UpdateAgency(const Agency& agency, std::int64_t expected_version) = 0;
  virtual Status DeleteAgency(Id id, std::int64_t expected_version) = 0;
  virtual long long CountInnovationsOfAgency(Id id) = 0;
  virtual long long CountRolesInAgency(Id id) = 0;

  // Innovations.
  virtual std::optional<Innovation> FindInnovation(Id id) = 0;
  virtual std::optional<Innovation> FindInnovationBySourceRef(std::string_view region_code,
                                                              std::string_view source_ref) = 0;
  virtual InnovationPage ListInnovations(const InnovationQuery& query) = 0;
  // The facet counts of a query; its page, page size and order do not matter.
  virtual InnovationFacets CountFacets(const InnovationQuery& query) = 0;
  // Both of the above from one reading of the data; a backend may share their work.
  virtual FacetedPage ListWithFacets(const InnovationQuery& query) {
    FacetedPage both;
    both.page = ListInnovations(query);
    both.facets = CountFacets(query);
    return both;
  }
  // The innovations most like `text` (a title, product and summary) among those `scope`
  // matches (its search words, page and order do not matter), most alike first, leaving out
  // `exclude` and anything scoring below `minimum`.
  virtual std::vector<SimilarInnovation> FindSimilar(const InnovationQuery& scope,
                                                     std::string_view text,
                                                     std::optional<Id> exclude, int limit,
                                                     double minimum) = 0;
  // Builds the full-text index again from the records: after a restore, or when the way
  // texts are read for search has changed. The records themselves do not change.
  virtual void RebuildSearchIndex() = 0;
  // Calls `visit` for every innovation of a region in id order, without loading all at once.
  virtual void ForEachInnovation(std::string_view region_code,
                                 const std::function<void(const Innovation&)>& visit) = 0;
  virtual Result<Innovation> InsertInnovation(const Innovation& innovation) = 0;
  virtual Result<Innovation> UpdateInnovation(const Innovation& innovation,
                                              std::int64_t expected_version) = 0;
  virtual Status DeleteInnovation(Id id, std::int64_t expected_version) = 0;
  virtual long long CountReplicationsOf(Id id) = 0;

  // Who the following changes are made by; recorded with each in the audit trail.
  virtual void SetActor(const Actor& actor) = 0;

  // Users. Every change is audited.
  virtual std::optional<User> FindUser(Id id) = 0;
  virtual std::optional<User> FindUserByName(std::string_view username) = 0;
  virtual std::string PasswordHashOf(Id user_id) = 0;
  virtual Result<User> InsertUser(const User& user, const std::string& password_hash) = 0;
  virtual Result<User> UpdateUser(const User& user, std::int64_t expected_version) = 0;
  virtual void SetPasswordHash(Id user_id, const std::string& password_hash) = 0;
  // Users holding a role in the region or one of its agencies; every user when empty.
  virtual std::vector<User> ListUsers(std::string_view region_code) = 0;
  virtual long long CountActiveAdmins() = 0;

  // Sessions.
  virtual void InsertSession(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> FindSession(std::string_view id_digest) = 0;
  virtual void TouchSession(std::string_view id_digest, std::int64_t now) = 0;
  virtual void DeleteSession(std::string_view id_digest) = 0;
  virtual void DeleteSessionsOf(Id user_id) = 0;
  // Removes sessions created before `created_before` or idle since before `seen_before`.
  virtual void DeleteExpiredSessions(std::int64_t created_before, std::int64_t seen_before) = 0;

  // API tokens.
  virtual Result<ApiToken> InsertToken(const ApiToken& token) = 0;
  virtual std::optional<ApiToken> FindTokenByDigest(std::string_view digest) = 0;
  virtual std::vector<ApiToken> ListTokens(Id user_id) = 0;
  virtual Status RevokeToken(Id token_id) = 0;

  // The workflow history of innovations.
  virtual void AppendEvent(const InnovationEvent& event) = 0;
  virtual std::vector<InnovationEvent> ListEvents(Id innovation_id) = 0;

  // The clinic journal of innovations (domain/clinic.hpp): append-only, every entry audited.
  // Returns the entry with its id.
  virtual ClinicEntry AppendClinicEntry(const ClinicEntry& entry) = 0;
  // Oldest first.
  virtual std::vector<ClinicEntry> ListClinicEntries(Id innovation_id) = 0;

  // The region's programme (domain/programme.hpp). Every change is audited.
  virtual std::optional<Activity> FindActivity(Id id) = 0;
  // A region's activities of `year` (every year when 0), by date, latest first.
  virtual std::vector<Activity> ListActivities(std::string_view region_code, int year) = 0;
  virtual Activity InsertActivity(const Activity& activity) = 0;
  virtual Result<Activity> UpdateActivity(const Activity& activity,
                                          std::int64_t expected_version) = 0;
  virtual Status DeleteActivity(Id id, std::int64_t expected_version) = 0;
  virtual std::optional<Team> FindTeam(Id id) = 0;
  // A region's teams: the region's own first, then by agency, the latest decree first.
  virtual std::vector<Team> ListTeams(std::string_view region_code) = 0;
  virtual Team InsertTeam(const Team& team) = 0;
  virtual Result<Team> UpdateTeam(const Team& team, std::int64_t expected_version) = 0;
  virtual Status DeleteTeam(Id id, std::int64_t expected_version) = 0;
  // Records an innovation's evaluation of a year, replacing the one recorded before.
  virtual void PutEvaluation(const Evaluation& evaluation) = 0;
  // A region's evaluations of `year`, by innovation.
  virtual std::vector<Evaluation> ListEvaluations(std::string_view region_code, int year) = 0;
  // An innovation's evaluations, the latest year first.
  virtual std::vector<Evaluation> ListEvaluationsOf(Id innovation_id) = 0;

  // Copying a whole installation. BeginImport opens the write transaction the rows go in, in
  // which references are checked at the commit, so rows may come in any order; FinishImport
  // moves the counters that hand out ids past the rows inserted and commits. Rollback undoes.
  virtual void ForEachRow(const StoredTable& table,
                          const std::function<void(const StoredRow&)>& visit) = 0;
  virtual void BeginImport() = 0;
  virtual void InsertRow(const StoredTable& table, const StoredRow& row) = 0;
  virtual void FinishImport() = 0;

  // The audit trail: append-only.
  virtual void AppendAudit(AuditEntry entry) = 0;
  virtual std::vector<AuditEntry> ListAudit(const AuditQuery& query) = 0;
  // Every entry in order, for verifying the chain.
  virtual void ForEachAudit(const std::function<bool(const AuditEntry&)>& visit) = 0;
};

// A database failure the program cannot handle: disk full, corrupt file, lost server.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Rolls back a transaction unless it was committed.
class Transaction {
 public:
  explicit Transaction(Store& store) : store_(store) { store_.Begin(); }
  ~Transaction() {
    if (!done_) store_.Rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit() {
    store_.Commit();
    done_ = true;
  }

 private:
  Store& store_;
  bool done_ = false;
};

}  // namespace lumbung
