#include "storage/copy.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "auth/tokens.hpp"

namespace lumbung::storage {
namespace {

constexpr ColumnKind kText = ColumnKind::kText;
constexpr ColumnKind kInteger = ColumnKind::kInteger;
constexpr ColumnKind kFlag = ColumnKind::kFlag;
constexpr ColumnKind kJson = ColumnKind::kJson;

// Adds up the rows of a table: their number, and the sum (modulo 2^64) of the first eight
// bytes of each row's SHA-256, which does not depend on the order the rows come in.
class TableSum {
 public:
  void Add(const StoredRow& row) {
    std::string text;
    for (const auto& value : row) {
      text += value ? "v" + *value : std::string("n");
      text += '\x1f';
    }
    const std::string digest = auth::Sha256Hex(text);
    sum_ += std::stoull(digest.substr(0, 16), nullptr, 16);
    ++rows_;
  }
  long long rows() const { return rows_; }
  std::string Hex() const {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(sum_));
    return hex;
  }

 private:
  std::uint64_t sum_ = 0;
  long long rows_ = 0;
};

Error Refused(const std::string& id, const std::string& en) {
  return Error{ErrorCode::kConflict, {id, en}, {}};
}

}  // namespace

const std::vector<StoredTable>& InstallationTables() {
  static const std::vector<StoredTable> kTables = {
      {"regions",
       "code",
       {{"code", kText},
        {"name", kText},
        {"level", kText},
        {"parent_code", kText},
        {"time_zone", kText},
        {"demo", kFlag},
        {"created_at", kText},
        {"requires_head_approval", kFlag},
        {"target_rule", kJson}}},
      {"agencies",
       "id",
       {{"id", kInteger},
        {"region_code", kText},
        {"name", kText},
        {"name_key", kText},
        {"short_name", kText},
        {"kind", kText},
        {"parent_id", kInteger},
        {"echelon", kInteger},
        {"version", kInteger},
        {"created_at", kText},
        {"updated_at", kText},
        {"address", kText},
        {"phone", kText},
        {"email", kText},
        {"website", kText}}},
      {"users",
       "id",
       {{"id", kInteger},
        {"username", kText},
        {"username_key", kText},
        {"display_name", kText},
        {"email", kText},
        {"password_hash", kText},
        {"disabled", kFlag},
        {"version", kInteger},
        {"created_at", kText},
        {"updated_at", kText}}},
      {"user_roles",
       "user_id, role, region_code, agency_id, competition_id",
       {{"user_id", kInteger},
        {"role", kText},
        {"region_code", kText},
        {"agency_id", kInteger},
        {"competition_id", kInteger}}},
      {"innovations",
       "id",
       {{"id", kInteger},
        {"region_code", kText},
        {"agency_id", kInteger},
        {"status", kText},
        {"type", kText},
        {"form", kText},
        {"maturity", kText},
        {"stage", kText},
        {"continuation", kText},
        {"digital", kFlag},
        {"year", kInteger},
        {"implementation_year", kInteger},
        {"replicated_from", kInteger},
        {"version", kInteger},
        {"created_at", kText},
        {"updated_at", kText},
        {"approved_at", kText},
        {"transfer_activity", kText},
        {"continuation_date", kText},
        {"continuation_reason", kText},
        {"title", kText},
        {"product", kText},
        {"summary", kText},
        {"unit", kText},
        {"initiator_kind", kText},
        {"initiator_names", kText},
        {"main_affair", kText},
        {"trial_date", kText},
        {"implementation_date", kText},
        {"replication_method", kText},
        {"rejection_reason", kText},
        {"source", kText},
        {"source_ref", kText},
        {"video_url", kText},
        {"location", kText},
        {"team_members", kJson},
        {"other_affairs", kJson},
        {"themes", kJson},
        {"transfer_kinds", kJson},
        {"budget", kJson},
        {"evidence", kJson},
        {"partners", kJson}}},
      {"innovation_texts",
       "innovation_id",
       {{"innovation_id", kInteger},
        {"description", kText},
        {"background", kText},
        {"design", kText},
        {"goals", kText},
        {"benefits", kText},
        {"results", kText},
        {"drivers", kText},
        {"obstacles", kText},
        {"process_steps", kText},
        {"outputs", kText},
        {"outcomes", kText},
        {"replication_prerequisites", kText}}},
      {"innovation_events",
       "id",
       {{"id", kInteger},
        {"innovation_id", kInteger},
        {"action", kText},
        {"from_status", kText},
        {"to_status", kText},
        {"user_id", kInteger},
        {"actor_name", kText},
        {"reason", kText},
        {"at", kText}}},
      {"clinic_entries",
       "id",
       {{"id", kInteger},
        {"innovation_id", kInteger},
        {"region_code", kText},
        {"kind", kText},
        {"stage", kText},
        {"entry_date", kText},
        {"details", kJson},
        {"user_id", kInteger},
        {"actor_name", kText},
        {"created_at", kText}}},
      {"activities",
       "id",
       {{"id", kInteger},
        {"region_code", kText},
        {"kind", kText},
        {"title", kText},
        {"activity_date", kText},
        {"place", kText},
        {"agencies", kJson},
        {"innovations", kJson},
        {"advice", kText},
        {"version", kInteger},
        {"created_at", kText},
        {"updated_at", kText}}},
      {"teams",
       "id",
       {{"id", kInteger},
        {"region_code", kText},
        {"agency_id", kInteger},
        {"decree_number", kText},
        {"decree_date", kText},
        {"members", kJson},
        {"version", kInteger},
        {"created_at", kText},
        {"updated_at", kText}}},
      {"evaluations",
       "innovation_id, year",
       {{"innovation_id", kInteger},
        {"year", kInteger},
        {"region_code", kText},
        {"progress", kText},
        {"report", kText},
        {"advice", kText},
        {"user_id", kInteger},
        {"actor_name", kText},
        {"recorded_at", kText}}},
      {"api_tokens",
       "id",
       {{"id", kInteger},
        {"digest", kText},
        {"user_id", kInteger},
        {"name", kText},
        {"scope", kText},
        {"expires_at", kInteger},
        {"revoked", kFlag},
        {"created_at", kText}}},
      {"sessions",
       "id_digest",
       {{"id_digest", kText},
        {"user_id", kInteger},
        {"csrf_token", kText},
        {"created_at", kInteger},
        {"last_seen", kInteger},
        {"address", kText}}},
      {"audit_log",
       "id",
       {{"id", kInteger},
        {"at", kText},
        {"user_id", kInteger},
        {"actor_name", kText},
        {"address", kText},
        {"action", kText},
        {"record_type", kText},
        {"record_id", kText},
        {"region_code", kText},
        {"before", kText},
        {"after", kText},
        {"prev_hash", kText},
        {"hash", kText}}},
  };
  return kTables;
}

Result<std::vector<CopiedTable>> CopyInstallation(Database& from, Database& to) {
  auto source = from.Connect();
  auto target = to.Connect();
  if (!target->ListRegions().empty() || !target->ListUsers("").empty()) {
    return Refused("Basis data tujuan " + to.Describe() +
                       " sudah berisi data. Salin hanya ke basis data yang baru dan kosong.",
                   "The target database " + to.Describe() +
                       " already holds data. Copy only into a new, empty database.");
  }
  std::vector<CopiedTable> copied;
  // The source is held still: its write lock keeps every writer waiting until the copy ends.
  Transaction still(*source);
  target->BeginImport();
  try {
    for (const auto& table : InstallationTables()) {
      TableSum sum;
      source->ForEachRow(table, [&](const StoredRow& row) {
        sum.Add(row);
        target->InsertRow(table, row);
      });
      copied.push_back({table.name, sum.rows(), sum.Hex()});
    }
    // Read back what the target now holds, as it will hold it.
    for (const auto& expected : copied) {
      const auto& table = *std::find_if(InstallationTables().begin(), InstallationTables().end(),
                                        [&](const auto& t) { return t.name == expected.name; });
      TableSum sum;
      target->ForEachRow(table, [&](const StoredRow& row) { sum.Add(row); });
      if (sum.rows() != expected.rows || sum.Hex() != expected.checksum) {
        target->Rollback();
        return Refused("Tabel " + table.name + " berbeda setelah disalin (" +
                           std::to_string(sum.rows()) + " baris, seharusnya " +
                           std::to_string(expected.rows) + "). Tidak ada yang disimpan di tujuan.",
                       "Table " + table.name + " differs once copied (" +
                           std::to_string(sum.rows()) + " rows, " + std::to_string(expected.rows) +
                           " expected). Nothing was kept in the target.");
      }
    }
    target->FinishImport();
  } catch (...) {
    target->Rollback();
    throw;
  }
  target->RebuildSearchIndex();
  return copied;
}

}  // namespace lumbung::storage
