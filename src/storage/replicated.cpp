#include "storage/replicated.hpp"

namespace lumbung::storage {
namespace {

thread_local ReadRouting* current_routing = nullptr;

// A connection to each, the primary's opened at once and the replica's when first read from.
// Inside a transaction everything stays on the primary: what the transaction wrote is there.
class ReplicatedStore final : public Store {
 public:
  ReplicatedStore(Database& primary, Database& replica)
      : primary_(primary.Connect()), replica_database_(replica) {}

  void Begin() override {
    ++depth_;
    primary_->Begin();
  }
  void Commit() override {
    primary_->Commit();
    --depth_;
  }
  void Rollback() override {
    primary_->Rollback();
    if (depth_ > 0) --depth_;
  }

  std::int64_t ChangeCounter() override { return Reader().ChangeCounter(); }
  std::uint64_t ReplicationPosition() override { return primary_->ReplicationPosition(); }

  std::vector<Region> ListRegions() override { return Reader().ListRegions(); }
  std::optional<Region> FindRegion(std::string_view code) override {
    return Reader().FindRegion(code);
  }
  Status InsertRegion(const Region& region) override { return primary_->InsertRegion(region); }
  void UpsertRegion(const Region& region) override { primary_->UpsertRegion(region); }
  void UpdateRegion(const Region& region) override { primary_->UpdateRegion(region); }

  std::vector<Agency> ListAgencies(std::string_view region_code) override {
    return Reader().ListAgencies(region_code);
  }
  std::optional<Agency> FindAgency(Id id) override { return Reader().FindAgency(id); }
  std::optional<Agency> FindAgencyByName(std::string_view region_code,
                                         std::string_view name) override {
    return Reader().FindAgencyByName(region_code, name);
  }
  Result<Agency> InsertAgency(const Agency& agency) override {
    return primary_->InsertAgency(agency);
  }
  Result<Agency> UpdateAgency(const Agency& agency, std::int64_t expected_version) override {
    return primary_->UpdateAgency(agency, expected_version);
  }
  Status DeleteAgency(Id id, std::int64_t expected_version) override {
    return primary_->DeleteAgency(id, expected_version);
  }
  long long CountInnovationsOfAgency(Id id) override {
    return Reader().CountInnovationsOfAgency(id);
  }
  long long CountRolesInAgency(Id id) override { return Reader().CountRolesInAgency(id); }

  std::optional<Innovation> FindInnovation(Id id) override { return Reader().FindInnovation(id); }
  std::optional<Innovation> FindInnovationBySourceRef(std::string_view region_code,
                                                      std::string_view source_ref) override {
    return Reader().FindInnovationBySourceRef(region_code, source_ref);
  }
  InnovationPage ListInnovations(const InnovationQuery& query) override {
    return Reader().ListInnovations(query);
  }
  InnovationFacets CountFacets(const InnovationQuery& query) override {
    return Reader().CountFacets(query);
  }
  FacetedPage ListWithFacets(const InnovationQuery& query) override {
    return Reader().ListWithFacets(query);
  }
  std::vector<SimilarInnovation> FindSimilar(const InnovationQuery& scope, std::string_view text,
                                             std::optional<Id> exclude, int limit,
                                             double minimum) override {
    return Reader().FindSimilar(scope, text, exclude, limit, minimum);
  }
  void RebuildSearchIndex() override { primary_->RebuildSearchIndex(); }
  void ForEachInnovation(std::string_view region_code,
                         const std::function<void(const Innovation&)>& visit) override {
    Reader().ForEachInnovation(region_code, visit);
  }
  Result<Innovation> InsertInnovation(const Innovation& innovation) override {
    return primary_->InsertInnovation(innovation);
  }
  Result<Innovation> UpdateInnovation(const Innovation& innovation,
                                      std::int64_t expected_version) override {
    return primary_->UpdateInnovation(innovation, expected_version);
  }
  Status DeleteInnovation(Id id, std::int64_t expected_version) override {
    return primary_->DeleteInnovation(id, expected_version);
  }
  long long CountReplicationsOf(Id id) override { return Reader().CountReplicationsOf(id); }

  void SetActor(const Actor& actor) override { primary_->SetActor(actor); }

  std::optional<User> FindUser(Id id) override { return Reader().FindUser(id); }
  std::optional<User> FindUserByName(std::string_view username) override {
    return Reader().FindUserByName(username);
  }
  std::string PasswordHashOf(Id user_id) override { return Reader().PasswordHashOf(user_id); }
  Result<User> InsertUser(const User& user, const std::string& password_hash) override {
    return primary_->InsertUser(user, password_hash);
  }
  Result<User> UpdateUser(const User& user, std::int64_t expected_version) override {
    return primary_->UpdateUser(user, expected_version);
  }
  void SetPasswordHash(Id user_id, const std::string& password_hash) override {
    primary_->SetPasswordHash(user_id, password_hash);
  }
  std::vector<User> ListUsers(std::string_view region_code) override {
    return Reader().ListUsers(region_code);
  }
  long long CountActiveAdmins() override { return Reader().CountActiveAdmins(); }

  void InsertSession(const SessionRecord& session) override { primary_->InsertSession(session); }
  std::optional<SessionRecord> FindSession(std::string_view id_digest) override {
    return Reader().FindSession(id_digest);
  }
  void TouchSession(std::string_view id_digest, std::int64_t now) override {
    primary_->TouchSession(id_digest, now);
  }
  void DeleteSession(std::string_view id_digest) override { primary_->DeleteSession(id_digest); }
  void DeleteSessionsOf(Id user_id) override { primary_->DeleteSessionsOf(user_id); }
  void DeleteExpiredSessions(std::int64_t created_before, std::int64_t seen_before) override {
    primary_->DeleteExpiredSessions(created_before, seen_before);
  }

  Result<ApiToken> InsertToken(const ApiToken& token) override {
    return primary_->InsertToken(token);
  }
  std::optional<ApiToken> FindTokenByDigest(std::string_view digest) override {
    return Reader().FindTokenByDigest(digest);
  }
  std::vector<ApiToken> ListTokens(Id user_id) override { return Reader().ListTokens(user_id); }
  Status RevokeToken(Id token_id) override { return primary_->RevokeToken(token_id); }

  void AppendEvent(const InnovationEvent& event) override { primary_->AppendEvent(event); }
  std::vector<InnovationEvent> ListEvents(Id innovation_id) override {
    return Reader().ListEvents(innovation_id);
  }

  ClinicEntry AppendClinicEntry(const ClinicEntry& entry) override {
    return primary_->AppendClinicEntry(entry);
  }
  std::vector<ClinicEntry> ListClinicEntries(Id innovation_id) override {
    return Reader().ListClinicEntries(innovation_id);
  }
  std::optional<Activity> FindActivity(Id id) override { return Reader().FindActivity(id); }
  std::vector<Activity> ListActivities(std::string_view region_code, int year) override {
    return Reader().ListActivities(region_code, year);
  }
  Activity InsertActivity(const Activity& activity) override {
    return primary_->InsertActivity(activity);
  }
  Result<Activity> UpdateActivity(const Activity& activity,
                                  std::int64_t expected_version) override {
    return primary_->UpdateActivity(activity, expected_version);
  }
  Status DeleteActivity(Id id, std::int64_t expected_version) override {
    return primary_->DeleteActivity(id, expected_version);
  }
  std::optional<Team> FindTeam(Id id) override { return Reader().FindTeam(id); }
  std::vector<Team> ListTeams(std::string_view region_code) override {
    return Reader().ListTeams(region_code);
  }
  Team InsertTeam(const Team& team) override { return primary_->InsertTeam(team); }
  Result<Team> UpdateTeam(const Team& team, std::int64_t expected_version) override {
    return primary_->UpdateTeam(team, expected_version);
  }
  Status DeleteTeam(Id id, std::int64_t expected_version) override {
    return primary_->DeleteTeam(id, expected_version);
  }
  void PutEvaluation(const Evaluation& evaluation) override { primary_->PutEvaluation(evaluation); }
  std::vector<Evaluation> ListEvaluations(std::string_view region_code, int year) override {
    return Reader().ListEvaluations(region_code, year);
  }
  std::vector<Evaluation> ListEvaluationsOf(Id innovation_id) override {
    return Reader().ListEvaluationsOf(innovation_id);
  }

  void ForEachRow(const StoredTable& table,
                  const std::function<void(const StoredRow&)>& visit) override {
    primary_->ForEachRow(table, visit);
  }
  void BeginImport() override {
    ++depth_;
    primary_->BeginImport();
  }
  void InsertRow(const StoredTable& table, const StoredRow& row) override {
    primary_->InsertRow(table, row);
  }
  void FinishImport() override {
    primary_->FinishImport();
    --depth_;
  }

  void AppendAudit(AuditEntry entry) override { primary_->AppendAudit(std::move(entry)); }
  std::vector<AuditEntry> ListAudit(const AuditQuery& query) override {
    return Reader().ListAudit(query);
  }
  void ForEachAudit(const std::function<bool(const AuditEntry&)>& visit) override {
    Reader().ForEachAudit(visit);
  }

 private:
  // The replica, when the request only reads, no transaction is open, and the replica has
  // replayed the client's own last write; the primary otherwise, or when the replica fails.
  Store& Reader() {
    ReadRouting* routing = ReadRouting::Current();
    if (routing == nullptr || !routing->reads_only() || depth_ > 0) return *primary_;
    try {
      if (!replica_) replica_ = replica_database_.Connect();
      if (!routing->replica_current) {
        routing->replica_current =
            routing->seen() == 0 || replica_->ReplicationPosition() >= routing->seen();
      }
    } catch (const StorageError&) {
      replica_.reset();
      routing->replica_current = false;
    }
    return *routing->replica_current ? *replica_ : *primary_;
  }

  std::unique_ptr<Store> primary_;
  Database& replica_database_;
  std::unique_ptr<Store> replica_;
  int depth_ = 0;
};

class ReplicatedDatabase final : public Database {
 public:
  ReplicatedDatabase(std::unique_ptr<Database> primary, std::unique_ptr<Database> replica)
      : primary_(std::move(primary)), replica_(std::move(replica)) {}

  std::unique_ptr<Store> Connect() override {
    return std::make_unique<ReplicatedStore>(*primary_, *replica_);
  }
  int SchemaVersion() override { return primary_->SchemaVersion(); }
  bool WarmUp() override {
    const bool primary = primary_->WarmUp();
    return replica_->WarmUp() || primary;
  }
  bool SearchesReadPages() const override { return replica_->SearchesReadPages(); }
  std::string Describe() const override {
    return primary_->Describe() + " (reads from " + replica_->Describe() + ")";
  }

 private:
  std::unique_ptr<Database> primary_;
  std::unique_ptr<Database> replica_;
};

}  // namespace

ReadRouting::ReadRouting(bool reads_only, std::uint64_t seen)
    : reads_only_(reads_only), seen_(seen), outer_(current_routing) {
  current_routing = this;
}

ReadRouting::~ReadRouting() { current_routing = outer_; }

ReadRouting* ReadRouting::Current() { return current_routing; }

std::unique_ptr<Database> WithReplica(std::unique_ptr<Database> primary,
                                      std::unique_ptr<Database> replica) {
  return std::make_unique<ReplicatedDatabase>(std::move(primary), std::move(replica));
}

}  // namespace lumbung::storage
