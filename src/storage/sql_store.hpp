// What the SQL backends share: the statements that read alike in SQLite and PostgreSQL, how a
// row becomes a record and a record its bound values, how a list's filters become a WHERE
// clause, and the store itself, as a template over the backend. A backend supplies its
// connection (storage/sqlite/connection.hpp, storage/postgresql/connection.hpp), its full-text
// index, the few statements its dialect writes differently, and its migrations.
//
// Statements name their parameters ?1, ?2, ...; the PostgreSQL connection turns them into $1,
// $2. Flags are bound as 1 and 0, which both take for a boolean.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>

#include "auth/tokens.hpp"
#include "codec/json_codec.hpp"
#include "domain/audit.hpp"
#include "domain/dates.hpp"
#include "domain/messages.hpp"
#include "domain/store.hpp"
#include "search/analysis.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/search_memory.hpp"

namespace lumbung::storage::sql {

using Json = nlohmann::json;

// Every statement the backend runs, named; values are always bound, never spliced.
constexpr const char* kSelectRegions =
    "SELECT code, name, level, parent_code, time_zone, demo, created_at, requires_head_approval, "
    "target_rule FROM regions ORDER BY code";
constexpr const char* kSelectRegion =
    "SELECT code, name, level, parent_code, time_zone, demo, created_at, requires_head_approval, "
    "target_rule FROM regions WHERE code = ?1";
constexpr const char* kInsertRegion =
    "INSERT INTO regions (code, name, level, parent_code, time_zone, demo, created_at, "
    "requires_head_approval, target_rule) VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7, ?8, ?9)";
constexpr const char* kUpdateRegion =
    "UPDATE regions SET name = ?2, level = ?3, parent_code = NULLIF(?4, ''), time_zone = ?5, "
    "demo = ?6, requires_head_approval = ?8, target_rule = ?9 WHERE code = ?1";
constexpr const char* kSelectAgencies =
    "SELECT id, region_code, name, short_name, kind, parent_id, echelon, version, created_at, "
    "updated_at, address, phone, email, website FROM agencies WHERE region_code = ?1 "
    "ORDER BY name_key, id";
constexpr const char* kSelectAgency =
    "SELECT id, region_code, name, short_name, kind, parent_id, echelon, version, created_at, "
    "updated_at, address, phone, email, website FROM agencies WHERE id = ?1";
constexpr const char* kSelectAgencyByName =
    "SELECT id, region_code, name, short_name, kind, parent_id, echelon, version, created_at, "
    "updated_at, address, phone, email, website FROM agencies WHERE region_code = ?1 AND "
    "name_key = ?2";
// ?10 to ?13 are the contacts, bound by BindAgencyContacts.
constexpr const char* kInsertAgency =
    "INSERT INTO agencies (region_code, name, name_key, short_name, kind, parent_id, echelon, "
    "version, created_at, updated_at, address, phone, email, website) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, 1, ?8, ?8, ?10, ?11, ?12, ?13)";
constexpr const char* kUpdateAgency =
    "UPDATE agencies SET name = ?2, name_key = ?3, short_name = ?4, kind = ?5, parent_id = ?6, "
    "echelon = ?7, updated_at = ?8, address = ?10, phone = ?11, email = ?12, website = ?13, "
    "version = version + 1 WHERE id = ?1 AND version = ?9";
constexpr const char* kDeleteAgency = "DELETE FROM agencies WHERE id = ?1 AND version = ?2";
constexpr const char* kCountAgencyRoles = "SELECT count(*) FROM user_roles WHERE agency_id = ?1";
constexpr const char* kSelectAgencyInnovationIds =
    "SELECT id FROM innovations WHERE agency_id = ?1";
constexpr const char* kCountAgencyInnovations =
    "SELECT count(*) FROM innovations WHERE agency_id = ?1";

constexpr const char* kInsertInnovation =
    "INSERT INTO innovations (region_code, agency_id, unit, title, product, summary, "
    "initiator_kind, initiator_names, team_members, type, form, digital, main_affair, "
    "other_affairs, themes, maturity, year, implementation_year, trial_date, "
    "implementation_date, stage, budget, video_url, location, evidence, replicated_from, "
    "replication_method, transfer_kinds, partners, status, rejection_reason, continuation, "
    "source, source_ref, version, created_at, updated_at, approved_at, transfer_activity, "
    "continuation_date, continuation_reason) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?35, ?36, ?37, ?38, ?39, ?40, ?41, "
    "?42, ?43, ?44, ?45, ?46, ?47, 1, ?49, ?50, ?51, ?52, ?53, ?54)";
constexpr const char* kUpdateInnovation =
    "UPDATE innovations SET agency_id = ?3, unit = ?4, title = ?5, product = ?6, summary = ?7, "
    "initiator_kind = ?8, initiator_names = ?9, team_members = ?10, type = ?11, form = ?12, "
    "digital = ?13, main_affair = ?14, other_affairs = ?15, themes = ?16, maturity = ?17, "
    "year = ?18, implementation_year = ?19, trial_date = ?20, implementation_date = ?21, "
    "stage = ?22, budget = ?35, video_url = ?36, location = ?37, evidence = ?38, "
    "replicated_from = ?39, replication_method = ?40, transfer_kinds = ?41, partners = ?42, "
    "status = ?43, rejection_reason = ?44, continuation = ?45, version = version + 1, "
    "updated_at = ?50, approved_at = ?51, transfer_activity = ?52, continuation_date = ?53, "
    "continuation_reason = ?54 WHERE id = ?1 AND version = ?48";
// The narrative sections, ?1 the innovation and ?2 to ?13 the texts in model order.
constexpr const char* kUpsertInnovationTexts =
    "INSERT INTO innovation_texts (innovation_id, description, background, design, goals, "
    "benefits, results, drivers, obstacles, process_steps, outputs, outcomes, "
    "replication_prerequisites) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
    "ON CONFLICT (innovation_id) DO UPDATE SET description = excluded.description, "
    "background = excluded.background, design = excluded.design, goals = excluded.goals, "
    "benefits = excluded.benefits, results = excluded.results, drivers = excluded.drivers, "
    "obstacles = excluded.obstacles, process_steps = excluded.process_steps, "
    "outputs = excluded.outputs, outcomes = excluded.outcomes, "
    "replication_prerequisites = excluded.replication_prerequisites";
constexpr const char* kSelectInnovation =
    "SELECT i.id, i.region_code, i.agency_id, i.unit, i.title, i.product, i.summary, "
    "i.initiator_kind, i.initiator_names, i.team_members, i.type, i.form, i.digital, "
    "i.main_affair, i.other_affairs, i.themes, i.maturity, i.year, i.implementation_year, "
    "i.trial_date, i.implementation_date, i.stage, t.description, t.background, t.design, "
    "t.goals, t.benefits, t.results, t.drivers, t.obstacles, t.process_steps, t.outputs, "
    "t.outcomes, t.replication_prerequisites, i.budget, i.video_url, i.location, i.evidence, "
    "i.replicated_from, i.replication_method, i.transfer_kinds, i.partners, i.status, "
    "i.rejection_reason, i.continuation, i.source, i.source_ref, i.version, i.created_at, "
    "i.updated_at, i.approved_at, i.transfer_activity, i.continuation_date, "
    "i.continuation_reason FROM innovations i JOIN innovation_texts t ON t.innovation_id = i.id "
    "WHERE i.id = ?1";
constexpr const char* kSelectInnovationBySourceRef =
    "SELECT id FROM innovations WHERE region_code = ?1 AND source_ref = ?2 AND source_ref <> ''";
constexpr const char* kSelectRegionInnovationIds =
    "SELECT id FROM innovations WHERE region_code = ?1 ORDER BY id";
constexpr const char* kDeleteInnovation = "DELETE FROM innovations WHERE id = ?1 AND version = ?2";
constexpr const char* kCountReplications =
    "SELECT count(*) FROM innovations WHERE replicated_from = ?1";
constexpr const char* kSummaryColumns =
    "i.id, i.region_code, i.agency_id, a.name, i.title, i.product, i.summary, i.type, i.form, "
    "i.maturity, i.stage, i.status, i.continuation, i.digital, i.year, i.updated_at, "
    "i.replicated_from";

constexpr const char* kSelectUserById =
    "SELECT id, username, display_name, email, disabled, version, created_at, updated_at "
    "FROM users WHERE id = ?1";
constexpr const char* kSelectUserByName =
    "SELECT id, username, display_name, email, disabled, version, created_at, updated_at "
    "FROM users WHERE username_key = ?1";
constexpr const char* kSelectUserRoles =
    "SELECT role, region_code, agency_id, competition_id FROM user_roles WHERE user_id = ?1 "
    "ORDER BY role, region_code, agency_id, competition_id";
constexpr const char* kSelectPasswordHash = "SELECT password_hash FROM users WHERE id = ?1";
constexpr const char* kInsertUser =
    "INSERT INTO users (username, username_key, display_name, email, password_hash, disabled, "
    "version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)";
constexpr const char* kUpdateUser =
    "UPDATE users SET display_name = ?2, email = ?3, disabled = ?4, updated_at = ?5, "
    "version = version + 1 WHERE id = ?1 AND version = ?6";
constexpr const char* kUpdatePasswordHash =
    "UPDATE users SET password_hash = ?2, version = version + 1 WHERE id = ?1";
constexpr const char* kDeleteUserRoles = "DELETE FROM user_roles WHERE user_id = ?1";
constexpr const char* kInsertUserRole =
    "INSERT INTO user_roles (user_id, role, region_code, agency_id, competition_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kSelectUserIds = "SELECT id FROM users ORDER BY username_key";
constexpr const char* kSelectRegionUserIds =
    "SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM user_roles r "
    "LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.user_id = u.id "
    "AND (r.region_code = ?1 OR a.region_code = ?1)) ORDER BY u.username_key";
constexpr const char* kCountActiveAdmins =
    "SELECT count(DISTINCT u.id) FROM users u JOIN user_roles r ON r.user_id = u.id "
    "WHERE r.role = 'admin' AND NOT u.disabled";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (id_digest, user_id, csrf_token, created_at, last_seen, address) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kSelectSession =
    "SELECT id_digest, user_id, csrf_token, created_at, last_seen, address FROM sessions "
    "WHERE id_digest = ?1";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen = ?2 WHERE id_digest = ?1";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE id_digest = ?1";
constexpr const char* kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ?1";
constexpr const char* kDeleteExpiredSessions =
    "DELETE FROM sessions WHERE created_at < ?1 OR last_seen < ?2";
constexpr const char* kInsertToken =
    "INSERT INTO api_tokens (digest, user_id, name, scope, expires_at, revoked, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, false, ?6)";
constexpr const char* kSelectTokenByDigest =
    "SELECT id, digest, user_id, name, scope, expires_at, revoked, created_at FROM api_tokens "
    "WHERE digest = ?1";
constexpr const char* kSelectTokenById =
    "SELECT id, digest, user_id, name, scope, expires_at, revoked, created_at FROM api_tokens "
    "WHERE id = ?1";
constexpr const char* kSelectUserTokens =
    "SELECT id, digest, user_id, name, scope, expires_at, revoked, created_at FROM api_tokens "
    "WHERE user_id = ?1 ORDER BY id";
constexpr const char* kRevokeToken = "UPDATE api_tokens SET revoked = true WHERE id = ?1";
constexpr const char* kInsertEvent =
    "INSERT INTO innovation_events (innovation_id, action, from_status, to_status, user_id, "
    "actor_name, reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kSelectEvents =
    "SELECT id, innovation_id, action, from_status, to_status, user_id, actor_name, reason, at "
    "FROM innovation_events WHERE innovation_id = ?1 ORDER BY id";
constexpr const char* kInsertClinicEntry =
    "INSERT INTO clinic_entries (innovation_id, region_code, kind, stage, entry_date, details, "
    "user_id, actor_name, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char* kSelectClinicEntries =
    "SELECT id, innovation_id, region_code, kind, stage, entry_date, details, user_id, "
    "actor_name, created_at FROM clinic_entries WHERE innovation_id = ?1 ORDER BY id";
#define LUMBUNG_ACTIVITY_COLUMNS                                                               \
  "SELECT id, region_code, kind, title, activity_date, place, agencies, innovations, advice, " \
  "version, created_at, updated_at FROM activities "
constexpr const char* kSelectActivity = LUMBUNG_ACTIVITY_COLUMNS "WHERE id = ?1";
// Dates are ISO 8601 text, so a year is a range of text: from "2026-" up to "2027-".
constexpr const char* kSelectRegionActivities = LUMBUNG_ACTIVITY_COLUMNS
    "WHERE region_code = ?1 AND (?2 = 0 OR (activity_date >= ?3 AND activity_date < ?4)) "
    "ORDER BY activity_date DESC, id DESC";
#undef LUMBUNG_ACTIVITY_COLUMNS
constexpr const char* kInsertActivity =
    "INSERT INTO activities (region_code, kind, title, activity_date, place, agencies, "
    "innovations, advice, version, created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, "
    "?9, 1, ?11, ?12)";
constexpr const char* kUpdateActivity =
    "UPDATE activities SET kind = ?3, title = ?4, activity_date = ?5, place = ?6, agencies = ?7, "
    "innovations = ?8, advice = ?9, version = version + 1, updated_at = ?12 WHERE id = ?1 AND "
    "version = ?10";
constexpr const char* kDeleteActivity = "DELETE FROM activities WHERE id = ?1 AND version = ?2";
#define LUMBUNG_TEAM_COLUMNS                                                                      \
  "SELECT id, region_code, agency_id, decree_number, decree_date, members, version, created_at, " \
  "updated_at FROM teams "
constexpr const char* kSelectTeam = LUMBUNG_TEAM_COLUMNS "WHERE id = ?1";
constexpr const char* kSelectRegionTeams = LUMBUNG_TEAM_COLUMNS
    "WHERE region_code = ?1 ORDER BY agency_id IS NOT NULL, agency_id, decree_date DESC, id DESC";
#undef LUMBUNG_TEAM_COLUMNS
constexpr const char* kInsertTeam =
    "INSERT INTO teams (region_code, agency_id, decree_number, decree_date, members, version, "
    "created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, 1, ?8, ?9)";
constexpr const char* kUpdateTeam =
    "UPDATE teams SET agency_id = ?3, decree_number = ?4, decree_date = ?5, members = ?6, "
    "version = version + 1, updated_at = ?9 WHERE id = ?1 AND version = ?7";
constexpr const char* kDeleteTeam = "DELETE FROM teams WHERE id = ?1 AND version = ?2";
#define LUMBUNG_EVALUATION_COLUMNS                                                           \
  "SELECT innovation_id, year, region_code, progress, report, advice, user_id, actor_name, " \
  "recorded_at FROM evaluations "
constexpr const char* kSelectRegionEvaluations =
    LUMBUNG_EVALUATION_COLUMNS "WHERE region_code = ?1 AND year = ?2 ORDER BY innovation_id";
constexpr const char* kSelectInnovationEvaluations =
    LUMBUNG_EVALUATION_COLUMNS "WHERE innovation_id = ?1 ORDER BY year DESC";
#undef LUMBUNG_EVALUATION_COLUMNS
constexpr const char* kUpsertEvaluation =
    "INSERT INTO evaluations (innovation_id, year, region_code, progress, report, advice, "
    "user_id, actor_name, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
    "ON CONFLICT (innovation_id, year) DO UPDATE SET progress = excluded.progress, "
    "report = excluded.report, advice = excluded.advice, user_id = excluded.user_id, "
    "actor_name = excluded.actor_name, recorded_at = excluded.recorded_at";
constexpr const char* kSelectLastAuditHash = "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1";
constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (at, user_id, actor_name, address, action, record_type, record_id, "
    "region_code, before, after, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12)";
constexpr const char* kAuditColumns =
    "SELECT id, at, user_id, actor_name, address, action, record_type, record_id, region_code, "
    "before, after, prev_hash, hash FROM audit_log";
constexpr const char* kSelectSchemaVersion =
    "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)";

// Lower case and single spaces: the key agency names are matched by.
inline std::string NameKey(std::string_view name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

template <typename E>
E EnumOf(const std::string& text) {
  auto value = Parse<E>(text);
  if (!value) throw StorageError("storage: unknown value in database: " + text);
  return *value;
}

template <typename E, class Row>
std::optional<E> OptionalEnumOf(const Row& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return EnumOf<E>(row.Text(column));
}

template <typename E>
std::optional<std::string_view> OptionalName(const std::optional<E>& value) {
  if (!value) return std::nullopt;
  return ToString(*value);
}

template <class Row>
Region ReadRegion(const Row& row) {
  Region region;
  region.code = row.Text(0);
  region.name = row.Text(1);
  region.level = EnumOf<RegionLevel>(row.Text(2));
  region.parent_code = row.Text(3);
  region.time_zone = EnumOf<TimeZone>(row.Text(4));
  region.demo = row.Int(5) != 0;
  region.created_at = row.Text(6);
  region.requires_head_approval = row.Int(7) != 0;
  auto rule = Json::parse(row.Text(8), nullptr, false);
  if (rule.is_discarded() || !FromJson(rule, region.target).empty()) {
    throw StorageError("storage: the target rule of region " + region.code + " is unreadable");
  }
  return region;
}

template <class Row>
Agency ReadAgency(const Row& row) {
  Agency agency;
  agency.id = row.Int(0);
  agency.region_code = row.Text(1);
  agency.name = row.Text(2);
  agency.short_name = row.Text(3);
  agency.kind = EnumOf<AgencyKind>(row.Text(4));
  agency.parent_id = row.OptionalInt(5);
  if (auto echelon = row.OptionalInt(6)) agency.echelon = static_cast<int>(*echelon);
  agency.version = row.Int(7);
  agency.created_at = row.Text(8);
  agency.updated_at = row.Text(9);
  agency.address = row.Text(10);
  agency.phone = row.Text(11);
  agency.email = row.Text(12);
  agency.website = row.Text(13);
  return agency;
}

// The contacts of kInsertAgency and kUpdateAgency, ?10 to ?13.
template <class Stmt>
void BindAgencyContacts(Stmt& s, const Agency& agency) {
  s.Bind(10, agency.address).Bind(11, agency.phone).Bind(12, agency.email);
  s.Bind(13, agency.website);
}

inline std::string ListJson(const std::vector<std::string>& values) { return Json(values).dump(); }

// A JSON column's value, parsed.
inline Json ParseJson(const std::string& text) { return Json::parse(text); }

inline std::vector<std::string> ListOf(const std::string& text) {
  return Json::parse(text).get<std::vector<std::string>>();
}

template <class Stmt>
void BindInnovation(Stmt& s, const Innovation& i) {
  Json budget = Json::array();
  for (const auto& line : i.budget)
    budget.push_back({{"year", line.year}, {"amount", line.amount}});
  Json evidence = Json::array();
  for (const auto& item : i.evidence)
    evidence.push_back({{"title", item.title}, {"url", item.url}});
  Json partners = Json::array();
  for (const auto& p : i.partners)
    partners.push_back({{"name", p.name}, {"kind", ToString(p.kind)}});
  Json transfers = Json::array();
  for (auto kind : i.transfer_kinds) transfers.push_back(ToString(kind));

  s.Bind(1, i.id).Bind(2, i.region_code).Bind(3, i.agency_id).Bind(4, i.unit).Bind(5, i.title);
  s.Bind(6, i.product).Bind(7, i.summary).Bind(8, ToString(i.initiator_kind));
  s.Bind(9, i.initiator_names).Bind(10, ListJson(i.team_members));
  s.BindNullableText(11, OptionalName(i.type)).BindNullableText(12, OptionalName(i.form));
  s.Bind(13, std::int64_t{i.digital}).Bind(14, i.main_affair).Bind(15, ListJson(i.other_affairs));
  s.Bind(16, ListJson(i.themes)).Bind(17, ToString(i.maturity)).Bind(18, i.year);
  s.Bind(19, i.implementation_year).Bind(20, i.trial_date).Bind(21, i.implementation_date);
  // ?23 to ?34 are the narrative sections, written by BindInnovationTexts.
  s.Bind(22, ToString(i.stage)).Bind(35, budget.dump());
  s.Bind(36, i.video_url).Bind(37, i.location).Bind(38, evidence.dump());
  s.Bind(39, i.replicated_from).BindNullableText(40, OptionalName(i.replication_method));
  s.Bind(41, transfers.dump()).Bind(42, partners.dump()).Bind(43, ToString(i.status));
  s.Bind(44, i.rejection_reason).Bind(45, ToString(i.continuation)).Bind(46, i.source);
  s.Bind(47, i.source_ref).Bind(48, i.version).Bind(49, i.created_at).Bind(50, i.updated_at);
  s.Bind(51, i.approved_at).BindNullableText(52, OptionalName(i.transfer_activity));
  s.Bind(53, i.continuation_date).Bind(54, i.continuation_reason);
}

template <class Stmt>
void BindInnovationTexts(Stmt& s, Id id, const Innovation& i) {
  s.Bind(1, id).Bind(2, i.description).Bind(3, i.background).Bind(4, i.design);
  s.Bind(5, i.goals).Bind(6, i.benefits).Bind(7, i.results).Bind(8, i.drivers);
  s.Bind(9, i.obstacles).Bind(10, i.process_steps).Bind(11, i.outputs).Bind(12, i.outcomes);
  s.Bind(13, i.replication_prerequisites);
}

template <class Row>
Innovation ReadInnovation(const Row& r) {
  Innovation i;
  i.id = r.Int(0);
  i.region_code = r.Text(1);
  i.agency_id = r.Int(2);
  i.unit = r.Text(3);
  i.title = r.Text(4);
  i.product = r.Text(5);
  i.summary = r.Text(6);
  i.initiator_kind = EnumOf<InitiatorKind>(r.Text(7));
  i.initiator_names = r.Text(8);
  i.team_members = ListOf(r.Text(9));
  i.type = OptionalEnumOf<InnovationType>(r, 10);
  i.form = OptionalEnumOf<Form>(r, 11);
  i.digital = r.Int(12) != 0;
  i.main_affair = r.Text(13);
  i.other_affairs = ListOf(r.Text(14));
  i.themes = ListOf(r.Text(15));
  i.maturity = EnumOf<Maturity>(r.Text(16));
  if (auto year = r.OptionalInt(17)) i.year = static_cast<int>(*year);
  if (auto year = r.OptionalInt(18)) i.implementation_year = static_cast<int>(*year);
  i.trial_date = r.Text(19);
  i.implementation_date = r.Text(20);
  i.stage = EnumOf<Stage>(r.Text(21));
  std::string* narratives[] = {&i.description, &i.background, &i.design,
                               &i.goals,       &i.benefits,   &i.results,
                               &i.drivers,     &i.obstacles,  &i.process_steps,
                               &i.outputs,     &i.outcomes,   &i.replication_prerequisites};
  int column = 22;
  for (auto* text : narratives) *text = r.Text(column++);
  for (const Json& line : ParseJson(r.Text(34))) {
    i.budget.push_back({line.at("year").get<int>(), line.at("amount").get<Rupiah>()});
  }
  i.video_url = r.Text(35);
  i.location = r.Text(36);
  for (const Json& item : ParseJson(r.Text(37))) {
    i.evidence.push_back({item.at("title").get<std::string>(), item.at("url").get<std::string>()});
  }
  i.replicated_from = r.OptionalInt(38);
  i.replication_method = OptionalEnumOf<ReplicationMethod>(r, 39);
  for (const Json& kind : ParseJson(r.Text(40))) {
    i.transfer_kinds.push_back(EnumOf<TransferKind>(kind.get<std::string>()));
  }
  for (const Json& p : ParseJson(r.Text(41))) {
    i.partners.push_back(
        {p.at("name").get<std::string>(), EnumOf<PartnerKind>(p.at("kind").get<std::string>())});
  }
  i.status = EnumOf<RecordStatus>(r.Text(42));
  i.rejection_reason = r.Text(43);
  i.continuation = EnumOf<Continuation>(r.Text(44));
  i.source = r.Text(45);
  i.source_ref = r.Text(46);
  i.version = r.Int(47);
  i.created_at = r.Text(48);
  i.updated_at = r.Text(49);
  i.approved_at = r.Text(50);
  i.transfer_activity = OptionalEnumOf<TransferActivity>(r, 51);
  i.continuation_date = r.Text(52);
  i.continuation_reason = r.Text(53);
  return i;
}

template <class Stmt>
void BindActivity(Stmt& s, const Activity& a) {
  Json json = ToJson(a);
  s.Bind(1, a.id).Bind(2, a.region_code).Bind(3, ToString(a.kind)).Bind(4, a.title);
  s.Bind(5, a.date).Bind(6, a.place).Bind(7, json["agencies"].dump());
  s.Bind(8, json["innovations"].dump()).Bind(9, a.advice).Bind(11, a.created_at);
  s.Bind(12, a.updated_at);
}

// Reads the JSON lists of a stored record through the codec, which checks them.
template <class Record>
void ReadStoredLists(Record& record, Json lists, std::string_view what) {
  if (!FromJson(lists, record, JsonInput::kRecord).empty()) {
    throw StorageError("storage: " + std::string(what) + " " + std::to_string(record.id) +
                       " is unreadable");
  }
}

template <class Row>
Activity ReadActivity(const Row& r) {
  Activity a;
  a.id = r.Int(0);
  a.region_code = r.Text(1);
  a.kind = EnumOf<ActivityKind>(r.Text(2));
  a.title = r.Text(3);
  a.date = r.Text(4);
  a.place = r.Text(5);
  ReadStoredLists(a, {{"agencies", ParseJson(r.Text(6))}, {"innovations", ParseJson(r.Text(7))}},
                  "activity");
  a.advice = r.Text(8);
  a.version = r.Int(9);
  a.created_at = r.Text(10);
  a.updated_at = r.Text(11);
  return a;
}

template <class Stmt>
void BindTeam(Stmt& s, const Team& t) {
  s.Bind(1, t.id).Bind(2, t.region_code).Bind(3, t.agency_id).Bind(4, t.decree_number);
  s.Bind(5, t.decree_date).Bind(6, ToJson(t)["members"].dump()).Bind(8, t.created_at);
  s.Bind(9, t.updated_at);
}

template <class Row>
Team ReadTeam(const Row& r) {
  Team t;
  t.id = r.Int(0);
  t.region_code = r.Text(1);
  t.agency_id = r.OptionalInt(2);
  t.decree_number = r.Text(3);
  t.decree_date = r.Text(4);
  ReadStoredLists(t, {{"members", ParseJson(r.Text(5))}}, "team");
  t.version = r.Int(6);
  t.created_at = r.Text(7);
  t.updated_at = r.Text(8);
  return t;
}

template <class Row>
Evaluation ReadEvaluation(const Row& r) {
  Evaluation e;
  e.innovation_id = r.Int(0);
  e.year = static_cast<int>(r.Int(1));
  e.region_code = r.Text(2);
  e.progress = EnumOf<Progress>(r.Text(3));
  e.report = r.Text(4);
  e.advice = r.Text(5);
  e.user_id = r.OptionalInt(6);
  e.actor_name = r.Text(7);
  e.recorded_at = r.Text(8);
  return e;
}

// Facet values in the order a catalogue shows them: the most frequent first.
constexpr const char* kMostFrequentFirst = "n DESC, v";

// A value bound to a statement assembled at run time.
using BoundValue = std::variant<std::string, std::int64_t>;

// The filters of an innovation query that a facet leaves out: each facet counts its values
// under every filter of the query but its own.
enum class Facet { kNone, kAgency, kType, kForm, kMaturity, kStage, kYear, kAffair, kDigital };

// How a filter applies the search words: the expression they came to in the backend's terms
// (empty for none), matched against its index joined as "s" (B::kMatchCondition), or, on
// SQLite, read from temp.search_matches, where the matches were gathered with the values every
// filter reads.
struct TextFilter {
  std::string match;
  bool collected = false;
};

// What a query's search words came to (SqlStore::PlanSearch).
struct SearchPlan {
  std::string match;           // the FTS5 expression; empty when the query has no words
  search::ParsedSearch words;  // the words it came from, as corrected
  SearchFallback fallback;
};

// How many corrections of a mistyped search are tried before giving up on them.
constexpr int kCorrectionsTried = 3;
// Likeness: how many of a text's rarest words look for candidates, and how many candidates
// (the best by BM25) are weighed word by word.
constexpr std::size_t kSimilarityWords = 8;
constexpr std::size_t kSimilarityMinimumWords = 3;
constexpr int kSimilarityCandidates = 40;

// A row of kSummaryColumns.
template <class Row>
InnovationSummary ReadSummary(const Row& s) {
  InnovationSummary item;
  item.id = s.Int(0);
  item.region_code = s.Text(1);
  item.agency_id = s.Int(2);
  item.agency_name = s.Text(3);
  item.title = s.Text(4);
  item.product = s.Text(5);
  item.summary = s.Text(6);
  item.type = OptionalEnumOf<InnovationType>(s, 7);
  item.form = OptionalEnumOf<Form>(s, 8);
  item.maturity = EnumOf<Maturity>(s.Text(9));
  item.stage = EnumOf<Stage>(s.Text(10));
  item.status = EnumOf<RecordStatus>(s.Text(11));
  item.continuation = EnumOf<Continuation>(s.Text(12));
  item.digital = s.Int(13) != 0;
  if (auto year = s.OptionalInt(14)) item.year = static_cast<int>(*year);
  item.updated_at = s.Text(15);
  item.replicated_from = s.OptionalInt(16);
  return item;
}

// The FROM and WHERE clauses of an innovation query, assembled from fixed fragments with every
// value bound. The list, its count and every facet share it, so they can never disagree on
// what matches; `omitted` names the one filter a facet leaves out.
template <class B>
class InnovationFilter {
 public:
  InnovationFilter(const InnovationQuery& q, const TextFilter& text, Facet omitted = Facet::kNone) {
    auto keep = [omitted](Facet facet) { return facet != omitted; };
    if (!q.region_code.empty()) Add("i.region_code = ?", q.region_code);
    if (q.agency_id && keep(Facet::kAgency)) Add("i.agency_id = ?", *q.agency_id);
    if (q.type && keep(Facet::kType)) Add("i.type = ?", std::string(ToString(*q.type)));
    if (q.form && keep(Facet::kForm)) Add("i.form = ?", std::string(ToString(*q.form)));
    if (q.maturity && keep(Facet::kMaturity)) {
      Add("i.maturity = ?", std::string(ToString(*q.maturity)));
    }
    if (q.stage && keep(Facet::kStage)) Add("i.stage = ?", std::string(ToString(*q.stage)));
    if (q.year && keep(Facet::kYear)) Add("i.year = ?", std::int64_t{*q.year});
    if (q.digital && keep(Facet::kDigital)) Add("i.digital = ?", std::int64_t{*q.digital});
    if (!q.affair.empty() && keep(Facet::kAffair)) Add("i.main_affair = ?", q.affair);
    if (q.replicated_from) Add("i.replicated_from = ?", *q.replicated_from);
    if (!q.statuses.empty()) where_ += " AND " + In("i.status", q.statuses);
    if (!text.match.empty() && text.collected) {
      reads_matches_ = true;
    } else if (!text.match.empty()) {
      match_parameter_ = next_;
      Add(B::kMatchCondition, text.match);
      joins_search_ = true;
      // The region once more, on the index's side, where the backend's index can use it.
      if (!q.region_code.empty() && *B::kSearchRegionCondition) {
        Add(B::kSearchRegionCondition, q.region_code);
      }
    }
    if (q.restricted) {
      // Visible: the statuses everyone may see, or anything of the actor's regions and agencies.
      std::vector<std::string> any;
      if (!q.visible_everywhere.empty()) any.push_back(In("i.status", q.visible_everywhere));
      if (!q.visible_regions.empty()) any.push_back(In("i.region_code", q.visible_regions));
      if (!q.visible_agencies.empty()) any.push_back(In("i.agency_id", q.visible_agencies));
      where_ += any.empty() ? " AND 1 = 0" : " AND (";
      for (std::size_t k = 0; k < any.size(); ++k) where_ += (k ? " OR " : "") + any[k];
      if (!any.empty()) where_ += ")";
    }
  }

  // " FROM innovations i", joined to the search index when the filter matches words there,
  // or the collected matches standing in for the table (they hold every column it filters).
  std::string From() const {
    if (reads_matches_) return " FROM temp.search_matches i";
    return joins_search_ ? B::kSearchFrom : " FROM innovations i";
  }
  // The clause with its values: filters that describe alike match the same rows.
  std::string Describe() const {
    std::string out = where_;
    for (const auto& [index, value] : binds_) {
      out += '\x1f';
      if (const auto* text = std::get_if<std::string>(&value)) {
        out += *text;
      } else {
        out += std::to_string(std::get<std::int64_t>(value));
      }
    }
    return out;
  }
  // " WHERE ...", always a valid clause to append further conditions to with AND.
  const std::string& Where() const { return where_; }
  // The number of the first parameter the caller may add after the filter's own.
  int next() const { return next_; }
  // The number of the parameter holding the search words, 0 without them.
  int match_parameter() const { return match_parameter_; }

  template <class Stmt>
  void BindTo(Stmt& s) const {
    for (const auto& [index, value] : binds_) {
      if (const auto* text = std::get_if<std::string>(&value)) {
        s.Bind(index, *text);
      } else {
        s.Bind(index, std::get<std::int64_t>(value));
      }
    }
  }

 private:
  void Add(const char* fragment, BoundValue value) {
    where_ += std::string(" AND ") + fragment + std::to_string(next_);
    binds_.emplace_back(next_++, std::move(value));
  }

  // "column IN (?4, ?5, ?6)", binding the values.
  template <typename T>
  std::string In(const char* column, const std::vector<T>& values) {
    std::string clause = std::string(column) + " IN (";
    for (std::size_t k = 0; k < values.size(); ++k) {
      clause += (k ? ", ?" : "?") + std::to_string(next_);
      binds_.emplace_back(next_++, Bound(values[k]));
    }
    return clause + ")";
  }

  static BoundValue Bound(RecordStatus status) { return std::string(ToString(status)); }
  static BoundValue Bound(const std::string& text) { return text; }
  static BoundValue Bound(Id id) { return std::int64_t{id}; }

  std::string where_ = " WHERE 1 = 1";
  std::vector<std::pair<int, BoundValue>> binds_;
  int next_ = 1;
  bool joins_search_ = false;
  bool reads_matches_ = false;
  int match_parameter_ = 0;
};

inline Error Stale() { return msg::StaleVersion(); }

// A unique key refused the write: another record already has this value.
inline Error DuplicateOf(std::string field) {
  return {ErrorCode::kConflict,
          {"Data dengan nilai ini sudah ada.", "A record with this value already exists."},
          {msg::Duplicate(std::move(field))}};
}

template <class Row>
ApiToken ReadToken(const Row& r) {
  ApiToken token;
  token.id = r.Int(0);
  token.digest = r.Text(1);
  token.user_id = r.Int(2);
  token.name = r.Text(3);
  token.scope = r.Text(4) == "write" ? TokenScope::kWrite : TokenScope::kRead;
  token.expires_at = r.Int(5);
  token.revoked = r.Int(6) != 0;
  token.created_at = r.Text(7);
  return token;
}

template <class Row>
AuditEntry ReadAudit(const Row& r) {
  AuditEntry entry;
  entry.id = r.Int(0);
  entry.at = r.Text(1);
  entry.user_id = r.OptionalInt(2);
  entry.actor_name = r.Text(3);
  entry.address = r.Text(4);
  entry.action = r.Text(5);
  entry.record_type = r.Text(6);
  entry.record_id = r.Text(7);
  entry.region_code = r.Text(8);
  entry.before = r.Text(9);
  entry.after = r.Text(10);
  entry.prev_hash = r.Text(11);
  entry.hash = r.Text(12);
  return entry;
}

// What the audit trail keeps of a user: never the password hash.
inline std::string AuditJson(const User& user) {
  Json roles = Json::array();
  for (const auto& grant : user.roles) {
    roles.push_back({{"role", ToString(grant.role)},
                     {"region_code", grant.region_code},
                     {"agency_id", grant.agency_id},
                     {"competition_id", grant.competition_id}});
  }
  return Json{
      {"id", user.id},       {"username", user.username}, {"display_name", user.display_name},
      {"email", user.email}, {"disabled", user.disabled}, {"roles", roles}}
      .dump();
}

// The store over a backend `B`, which names its Connection, Statement, Savepoint, ReadSnapshot
// and SearchIndex types and the statements its dialect writes its own way. What differs beyond
// that (listing with search words, facets, likeness, migrations) the backend's store adds.
template <class B>
class SqlStore : public Store {
 public:
  using Connection = typename B::Connection;
  using Statement = typename B::Statement;
  using Savepoint = typename B::Savepoint;
  using ReadSnapshot = typename B::ReadSnapshot;

  template <typename... Args>
  explicit SqlStore(Args&&... args)
      : connection_(std::forward<Args>(args)...), search_(connection_) {}

  // Answers searches from `memory` when it can, shared with the database's other connections.
  void ShareMemory(std::shared_ptr<SearchMemory> memory) {
    memory_ = std::move(memory);
    search_.Consult(memory_);
  }
  // Reads the search index into the memory, or waits while another connection does.
  bool WarmUp() {
    if (!memory_) return false;
    typename B::MemorySource source(connection_);
    return memory_->WarmUp(source);
  }

  // Transactions nest: inside one, Begin opens a savepoint.
  void Begin() override {
    nested_.push_back(!connection_.InAutocommit());
    if (nested_.back()) {
      connection_.Exec("SAVEPOINT nested");
    } else {
      connection_.BeginWrite();
    }
  }
  void Commit() override {
    bool nested = nested_.back();
    nested_.pop_back();
    connection_.Exec(nested ? "RELEASE nested" : "COMMIT");
  }
  // Never throws: it runs from destructors, and a failed rollback leaves nothing to undo.
  void Rollback() override {
    bool nested = !nested_.empty() && nested_.back();
    if (!nested_.empty()) nested_.pop_back();
    connection_.ExecIgnoringErrors(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
  }

  std::uint64_t ReplicationPosition() override {
    auto s = connection_.Prepare(B::kReplicationPosition);
    return s.Step() ? static_cast<std::uint64_t>(s.Int(0)) : 0;
  }

  std::int64_t ChangeCounter() override { return connection_.ChangeCounter(); }

  std::vector<Region> ListRegions() override {
    auto s = connection_.Prepare(kSelectRegions);
    std::vector<Region> regions;
    while (s.Step()) regions.push_back(ReadRegion(s));
    return regions;
  }

  std::optional<Region> FindRegion(std::string_view code) override {
    auto s = connection_.Prepare(kSelectRegion);
    s.Bind(1, code);
    if (!s.Step()) return std::nullopt;
    return ReadRegion(s);
  }

  Status InsertRegion(const Region& region) override {
    Savepoint savepoint(connection_);
    {
      auto s = connection_.Prepare(kInsertRegion);
      BindRegion(s, region);
      if (s.Execute() != Statement::Outcome::kDone) return DuplicateOf("code");
    }
    Audit("create", "region", region.code, region.code, "", ToJson(region).dump());
    savepoint.Release();
    return Ok();
  }

  void UpsertRegion(const Region& region) override {
    Savepoint savepoint(connection_);
    auto before = FindRegion(region.code);
    {
      auto s = connection_.Prepare(B::kUpsertRegion);
      BindRegion(s, region);
      if (s.Execute() != Statement::Outcome::kDone) {
        throw StorageError("storage: region " + region.code + " refused");
      }
    }
    if (connection_.Changes() > 0) {
      Audit(before ? "update" : "create", "region", region.code, region.code,
            before ? ToJson(*before).dump() : "", ToJson(*FindRegion(region.code)).dump());
    }
    savepoint.Release();
  }

  void UpdateRegion(const Region& region) override {
    Savepoint savepoint(connection_);
    auto before = FindRegion(region.code);
    {
      auto s = connection_.Prepare(kUpdateRegion);
      BindRegion(s, region);
      if (s.Execute() != Statement::Outcome::kDone) {
        throw StorageError("storage: region " + region.code + " refused");
      }
    }
    if (connection_.Changes() > 0 && before) {
      Audit("update", "region", region.code, region.code, ToJson(*before).dump(),
            ToJson(*FindRegion(region.code)).dump());
    }
    savepoint.Release();
  }

  std::vector<Agency> ListAgencies(std::string_view region_code) override {
    auto s = connection_.Prepare(kSelectAgencies);
    s.Bind(1, region_code);
    std::vector<Agency> agencies;
    while (s.Step()) agencies.push_back(ReadAgency(s));
    return agencies;
  }

  std::optional<Agency> FindAgency(Id id) override {
    auto s = connection_.Prepare(kSelectAgency);
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    return ReadAgency(s);
  }

  std::optional<Agency> FindAgencyByName(std::string_view region_code,
                                         std::string_view name) override {
    auto s = connection_.Prepare(kSelectAgencyByName);
    s.Bind(1, region_code).Bind(2, NameKey(name));
    if (!s.Step()) return std::nullopt;
    return ReadAgency(s);
  }

  Result<Agency> InsertAgency(const Agency& agency) override {
    Savepoint savepoint(connection_);
    {
      auto s = connection_.Prepare(kInsertAgency);
      s.Bind(1, agency.region_code).Bind(2, agency.name).Bind(3, NameKey(agency.name));
      s.Bind(4, agency.short_name).Bind(5, ToString(agency.kind)).Bind(6, agency.parent_id);
      s.Bind(7, agency.echelon).Bind(8, agency.created_at);
      BindAgencyContacts(s, agency);
      if (s.Execute() != Statement::Outcome::kDone) return DuplicateOf("name");
    }
    Agency created = *FindAgency(connection_.LastInsertId());
    Audit("create", "agency", std::to_string(created.id), created.region_code, "",
          ToJson(created).dump());
    savepoint.Release();
    return created;
  }

  Result<Agency> UpdateAgency(const Agency& agency, std::int64_t expected_version) override {
    Savepoint savepoint(connection_);
    auto before = FindAgency(agency.id);
    // The search index holds the agency's name with each of its innovations.
    std::vector<Id> renamed;
    if (before && before->name != agency.name) {
      auto s = connection_.Prepare(kSelectAgencyInnovationIds);
      s.Bind(1, agency.id);
      while (s.Step()) renamed.push_back(s.Int(0));
    }
    for (Id id : renamed) search_.Forget(id);
    {
      auto s = connection_.Prepare(kUpdateAgency);
      s.Bind(1, agency.id).Bind(2, agency.name).Bind(3, NameKey(agency.name));
      s.Bind(4, agency.short_name).Bind(5, ToString(agency.kind)).Bind(6, agency.parent_id);
      s.Bind(7, agency.echelon).Bind(8, agency.updated_at).Bind(9, expected_version);
      BindAgencyContacts(s, agency);
      if (s.Execute() != Statement::Outcome::kDone) return DuplicateOf("name");
    }
    if (connection_.Changes() == 0) {
      if (!before) return msg::NotFound("Perangkat daerah", "Agency");
      return Stale();
    }
    for (Id id : renamed) search_.Add(id);
    Agency after = *FindAgency(agency.id);
    Audit("update", "agency", std::to_string(after.id), after.region_code, ToJson(*before).dump(),
          ToJson(after).dump());
    savepoint.Release();
    return after;
  }

  Status DeleteAgency(Id id, std::int64_t expected_version) override {
    Savepoint savepoint(connection_);
    auto before = FindAgency(id);
    auto deleted = DeleteVersioned(kDeleteAgency, id, expected_version,
                                   {"Perangkat daerah ini masih dirujuk data lain.",
                                    "Other records still refer to this agency."});
    if (!deleted) return deleted;
    Audit("delete", "agency", std::to_string(id), before->region_code, ToJson(*before).dump(), "");
    savepoint.Release();
    return deleted;
  }

  long long CountInnovationsOfAgency(Id id) override {
    return CountOf(kCountAgencyInnovations, id);
  }

  long long CountRolesInAgency(Id id) override { return CountOf(kCountAgencyRoles, id); }

  std::optional<Innovation> FindInnovation(Id id) override {
    auto s = connection_.Prepare(kSelectInnovation);
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    return ReadInnovation(s);
  }

  std::optional<Innovation> FindInnovationBySourceRef(std::string_view region_code,
                                                      std::string_view source_ref) override {
    std::optional<Id> id;
    {
      auto s = connection_.Prepare(kSelectInnovationBySourceRef);
      s.Bind(1, region_code).Bind(2, source_ref);
      if (s.Step()) id = s.Int(0);
    }
    if (!id) return std::nullopt;
    return FindInnovation(*id);
  }

  void ForEachInnovation(std::string_view region_code,
                         const std::function<void(const Innovation&)>& visit) override {
    std::vector<Id> ids;
    {
      auto s = connection_.Prepare(kSelectRegionInnovationIds);
      s.Bind(1, region_code);
      while (s.Step()) ids.push_back(s.Int(0));
    }
    for (Id id : ids) {
      if (auto innovation = FindInnovation(id)) visit(*innovation);
    }
  }

  Result<Innovation> InsertInnovation(const Innovation& innovation) override {
    // Two rows make one record: the whole insert stands or falls together.
    Savepoint savepoint(connection_);
    Id id = 0;
    {
      auto s = connection_.Prepare(kInsertInnovation);
      BindInnovation(s, innovation);
      if (s.Execute() != Statement::Outcome::kDone) return DuplicateOf("source_ref");
      id = connection_.LastInsertId();
    }
    WriteTexts(id, innovation);
    search_.Add(id);
    Innovation created = *FindInnovation(id);
    Audit("create", "innovation", std::to_string(id), created.region_code, "",
          ToJson(created).dump());
    savepoint.Release();
    return created;
  }

  Result<Innovation> UpdateInnovation(const Innovation& innovation,
                                      std::int64_t expected_version) override {
    Savepoint savepoint(connection_);
    auto before = FindInnovation(innovation.id);
    if (before) search_.Forget(innovation.id);
    {
      auto s = connection_.Prepare(kUpdateInnovation);
      Innovation bound = innovation;
      bound.version = expected_version;
      BindInnovation(s, bound);
      if (s.Execute() != Statement::Outcome::kDone) {
        return msg::Conflict({"Perubahan ini ditolak oleh aturan basis data.",
                              "The database's rules refused this change."});
      }
    }
    if (connection_.Changes() == 0) {
      if (!before) return msg::NotFound("Inovasi", "Innovation");
      return Stale();
    }
    WriteTexts(innovation.id, innovation);
    search_.Add(innovation.id);
    Innovation after = *FindInnovation(innovation.id);
    Audit("update", "innovation", std::to_string(after.id), after.region_code,
          ToJson(*before).dump(), ToJson(after).dump());
    savepoint.Release();
    return after;
  }

  Status DeleteInnovation(Id id, std::int64_t expected_version) override {
    Savepoint savepoint(connection_);
    auto before = FindInnovation(id);
    if (before) search_.Forget(id);
    auto deleted = DeleteVersioned(
        kDeleteInnovation, id, expected_version,
        {"Inovasi ini masih dirujuk data lain.", "Other records still refer to this innovation."});
    if (!deleted) return deleted;
    Audit("delete", "innovation", std::to_string(id), before->region_code, ToJson(*before).dump(),
          "");
    savepoint.Release();
    return deleted;
  }

  long long CountReplicationsOf(Id id) override { return CountOf(kCountReplications, id); }

  void SetActor(const Actor& actor) override { actor_ = actor; }

  std::optional<User> FindUser(Id id) override {
    std::optional<User> user;
    {
      auto s = connection_.Prepare(kSelectUserById);
      s.Bind(1, id);
      if (s.Step()) user = ReadUser(s);
    }
    if (user) user->roles = RolesOf(user->id);
    return user;
  }

  std::optional<User> FindUserByName(std::string_view username) override {
    std::optional<User> user;
    {
      auto s = connection_.Prepare(kSelectUserByName);
      s.Bind(1, NameKey(username));
      if (s.Step()) user = ReadUser(s);
    }
    if (user) user->roles = RolesOf(user->id);
    return user;
  }

  std::string PasswordHashOf(Id user_id) override {
    auto s = connection_.Prepare(kSelectPasswordHash);
    s.Bind(1, user_id);
    return s.Step() ? s.Text(0) : std::string();
  }

  Result<User> InsertUser(const User& user, const std::string& password_hash) override {
    Savepoint savepoint(connection_);
    Id id = 0;
    {
      auto s = connection_.Prepare(kInsertUser);
      s.Bind(1, user.username).Bind(2, NameKey(user.username)).Bind(3, user.display_name);
      s.Bind(4, user.email).Bind(5, password_hash).Bind(6, std::int64_t{user.disabled});
      s.Bind(7, user.created_at);
      if (s.Execute() != Statement::Outcome::kDone) return DuplicateOf("username");
      id = connection_.LastInsertId();
    }
    WriteRoles(id, user.roles);
    User created = *FindUser(id);
    Audit("create", "user", std::to_string(id), RegionOf(created), "", AuditJson(created));
    savepoint.Release();
    return created;
  }

  Result<User> UpdateUser(const User& user, std::int64_t expected_version) override {
    Savepoint savepoint(connection_);
    auto before = FindUser(user.id);
    if (!before) return msg::NotFound("Pengguna", "User");
    {
      auto s = connection_.Prepare(kUpdateUser);
      s.Bind(1, user.id).Bind(2, user.display_name).Bind(3, user.email);
      s.Bind(4, std::int64_t{user.disabled}).Bind(5, user.updated_at).Bind(6, expected_version);
      s.Execute();
    }
    if (connection_.Changes() == 0) return Stale();
    WriteRoles(user.id, user.roles);
    User after = *FindUser(user.id);
    Audit("update", "user", std::to_string(user.id), RegionOf(after), AuditJson(*before),
          AuditJson(after));
    savepoint.Release();
    return after;
  }

  void SetPasswordHash(Id user_id, const std::string& password_hash) override {
    Savepoint savepoint(connection_);
    {
      auto s = connection_.Prepare(kUpdatePasswordHash);
      s.Bind(1, user_id).Bind(2, password_hash);
      s.Execute();
    }
    // The trail records that the password changed, never the hash.
    if (auto user = FindUser(user_id)) {
      Audit("password_change", "user", std::to_string(user_id), RegionOf(*user), "", "");
    }
    savepoint.Release();
  }

  std::vector<User> ListUsers(std::string_view region_code) override {
    std::vector<Id> ids;
    {
      auto s = connection_.Prepare(region_code.empty() ? kSelectUserIds : kSelectRegionUserIds);
      if (!region_code.empty()) s.Bind(1, region_code);
      while (s.Step()) ids.push_back(s.Int(0));
    }
    std::vector<User> users;
    for (Id id : ids) users.push_back(*FindUser(id));
    return users;
  }

  long long CountActiveAdmins() override {
    auto s = connection_.Prepare(kCountActiveAdmins);
    return s.Step() ? s.Int(0) : 0;
  }

  void InsertSession(const SessionRecord& session) override {
    auto s = connection_.Prepare(kInsertSession);
    s.Bind(1, session.id_digest).Bind(2, session.user_id).Bind(3, session.csrf_token);
    s.Bind(4, session.created_at).Bind(5, session.last_seen).Bind(6, session.address);
    if (s.Execute() != Statement::Outcome::kDone) throw StorageError("storage: session refused");
  }

  std::optional<SessionRecord> FindSession(std::string_view id_digest) override {
    auto s = connection_.Prepare(kSelectSession);
    s.Bind(1, id_digest);
    if (!s.Step()) return std::nullopt;
    return SessionRecord{s.Text(0), s.Int(1), s.Text(2), s.Int(3), s.Int(4), s.Text(5)};
  }

  void TouchSession(std::string_view id_digest, std::int64_t now) override {
    auto s = connection_.Prepare(kTouchSession);
    s.Bind(1, id_digest).Bind(2, now);
    s.Execute();
  }

  void DeleteSession(std::string_view id_digest) override {
    auto s = connection_.Prepare(kDeleteSession);
    s.Bind(1, id_digest);
    s.Execute();
  }

  void DeleteSessionsOf(Id user_id) override {
    auto s = connection_.Prepare(kDeleteUserSessions);
    s.Bind(1, user_id);
    s.Execute();
  }

  void DeleteExpiredSessions(std::int64_t created_before, std::int64_t seen_before) override {
    auto s = connection_.Prepare(kDeleteExpiredSessions);
    s.Bind(1, created_before).Bind(2, seen_before);
    s.Execute();
  }

  Result<ApiToken> InsertToken(const ApiToken& token) override {
    Savepoint savepoint(connection_);
    {
      auto s = connection_.Prepare(kInsertToken);
      s.Bind(1, token.digest).Bind(2, token.user_id).Bind(3, token.name);
      s.Bind(4, token.scope == TokenScope::kWrite ? "write" : "read");
      s.Bind(5, token.expires_at).Bind(6, token.created_at);
      if (s.Execute() != Statement::Outcome::kDone) return DuplicateOf("token");
    }
    ApiToken created = token;
    created.id = connection_.LastInsertId();
    auto user = FindUser(token.user_id);
    Json after = {{"user_id", token.user_id},
                  {"name", token.name},
                  {"scope", token.scope == TokenScope::kWrite ? "write" : "read"},
                  {"expires_at", token.expires_at}};
    Audit("create", "token", std::to_string(created.id), user ? RegionOf(*user) : "", "",
          after.dump());
    savepoint.Release();
    return created;
  }

  std::optional<ApiToken> FindTokenByDigest(std::string_view digest) override {
    auto s = connection_.Prepare(kSelectTokenByDigest);
    s.Bind(1, digest);
    if (!s.Step()) return std::nullopt;
    return ReadToken(s);
  }

  std::vector<ApiToken> ListTokens(Id user_id) override {
    auto s = connection_.Prepare(kSelectUserTokens);
    s.Bind(1, user_id);
    std::vector<ApiToken> tokens;
    while (s.Step()) tokens.push_back(ReadToken(s));
    return tokens;
  }

  Status RevokeToken(Id token_id) override {
    Savepoint savepoint(connection_);
    std::optional<ApiToken> token;
    {
      auto s = connection_.Prepare(kSelectTokenById);
      s.Bind(1, token_id);
      if (s.Step()) token = ReadToken(s);
    }
    if (!token) return msg::NotFound("Token", "Token");
    {
      auto s = connection_.Prepare(kRevokeToken);
      s.Bind(1, token_id);
      s.Execute();
    }
    auto user = FindUser(token->user_id);
    Audit("revoke", "token", std::to_string(token_id), user ? RegionOf(*user) : "", "", "");
    savepoint.Release();
    return Ok();
  }

  void AppendEvent(const InnovationEvent& event) override {
    auto s = connection_.Prepare(kInsertEvent);
    s.Bind(1, event.innovation_id).Bind(2, event.action).Bind(3, ToString(event.from));
    s.Bind(4, ToString(event.to)).Bind(5, event.user_id).Bind(6, event.actor_name);
    s.Bind(7, event.reason).Bind(8, event.at);
    if (s.Execute() != Statement::Outcome::kDone) throw StorageError("storage: event refused");
  }

  std::vector<InnovationEvent> ListEvents(Id innovation_id) override {
    auto s = connection_.Prepare(kSelectEvents);
    s.Bind(1, innovation_id);
    std::vector<InnovationEvent> events;
    while (s.Step()) {
      InnovationEvent event;
      event.id = s.Int(0);
      event.innovation_id = s.Int(1);
      event.action = s.Text(2);
      event.from = EnumOf<RecordStatus>(s.Text(3));
      event.to = EnumOf<RecordStatus>(s.Text(4));
      event.user_id = s.OptionalInt(5);
      event.actor_name = s.Text(6);
      event.reason = s.Text(7);
      event.at = s.Text(8);
      events.push_back(std::move(event));
    }
    return events;
  }

  ClinicEntry AppendClinicEntry(const ClinicEntry& entry) override {
    Savepoint savepoint(connection_);
    ClinicEntry created = entry;
    {
      auto s = connection_.Prepare(kInsertClinicEntry);
      s.Bind(1, entry.innovation_id).Bind(2, entry.region_code).Bind(3, ToString(entry.kind));
      s.Bind(4, ToString(entry.stage)).Bind(5, entry.date);
      s.Bind(6, ClinicDetailsJson(entry).dump()).Bind(7, entry.user_id);
      s.Bind(8, entry.actor_name).Bind(9, entry.created_at);
      if (s.Execute() != Statement::Outcome::kDone) {
        throw StorageError("storage: clinic entry refused");
      }
      created.id = connection_.LastInsertId();
    }
    Audit("create", "clinic_entry", std::to_string(created.id), created.region_code, "",
          ToJson(created).dump());
    savepoint.Release();
    return created;
  }

  std::vector<ClinicEntry> ListClinicEntries(Id innovation_id) override {
    auto s = connection_.Prepare(kSelectClinicEntries);
    s.Bind(1, innovation_id);
    std::vector<ClinicEntry> entries;
    while (s.Step()) {
      ClinicEntry entry;
      entry.id = s.Int(0);
      entry.innovation_id = s.Int(1);
      entry.region_code = s.Text(2);
      entry.kind = EnumOf<ClinicEntryKind>(s.Text(3));
      entry.stage = EnumOf<Stage>(s.Text(4));
      entry.date = s.Text(5);
      auto details = Json::parse(s.Text(6), nullptr, false);
      if (details.is_discarded() || !ReadClinicDetails(details, entry).empty()) {
        throw StorageError("storage: clinic entry " + std::to_string(entry.id) + " is unreadable");
      }
      entry.user_id = s.OptionalInt(7);
      entry.actor_name = s.Text(8);
      entry.created_at = s.Text(9);
      entries.push_back(std::move(entry));
    }
    return entries;
  }

  std::optional<Activity> FindActivity(Id id) override {
    return FindOne<Activity>(kSelectActivity, id, ReadActivity<Statement>);
  }

  std::vector<Activity> ListActivities(std::string_view region_code, int year) override {
    auto s = connection_.Prepare(kSelectRegionActivities);
    s.Bind(1, region_code).Bind(2, std::int64_t{year});
    s.Bind(3, std::to_string(year) + "-").Bind(4, std::to_string(year + 1) + "-");
    return ReadAll(s, ReadActivity<Statement>);
  }

  Activity InsertActivity(const Activity& activity) override {
    return InsertAudited(kInsertActivity, activity, "activity", BindActivity<Statement>);
  }

  Result<Activity> UpdateActivity(const Activity& activity,
                                  std::int64_t expected_version) override {
    return UpdateAudited(kUpdateActivity, activity, expected_version, 10, "activity",
                         BindActivity<Statement>, &SqlStore::FindActivity);
  }

  Status DeleteActivity(Id id, std::int64_t expected_version) override {
    return DeleteAudited(kDeleteActivity, id, expected_version, "activity",
                         &SqlStore::FindActivity);
  }

  std::optional<Team> FindTeam(Id id) override {
    return FindOne<Team>(kSelectTeam, id, ReadTeam<Statement>);
  }

  std::vector<Team> ListTeams(std::string_view region_code) override {
    auto s = connection_.Prepare(kSelectRegionTeams);
    s.Bind(1, region_code);
    return ReadAll(s, ReadTeam<Statement>);
  }

  Team InsertTeam(const Team& team) override {
    return InsertAudited(kInsertTeam, team, "team", BindTeam<Statement>);
  }

  Result<Team> UpdateTeam(const Team& team, std::int64_t expected_version) override {
    return UpdateAudited(kUpdateTeam, team, expected_version, 7, "team", BindTeam<Statement>,
                         &SqlStore::FindTeam);
  }

  Status DeleteTeam(Id id, std::int64_t expected_version) override {
    return DeleteAudited(kDeleteTeam, id, expected_version, "team", &SqlStore::FindTeam);
  }

  void PutEvaluation(const Evaluation& evaluation) override {
    Savepoint savepoint(connection_);
    std::optional<Evaluation> before;
    for (auto& earlier : ListEvaluationsOf(evaluation.innovation_id)) {
      if (earlier.year == evaluation.year) before = std::move(earlier);
    }
    {
      auto s = connection_.Prepare(kUpsertEvaluation);
      s.Bind(1, evaluation.innovation_id).Bind(2, std::int64_t{evaluation.year});
      s.Bind(3, evaluation.region_code).Bind(4, ToString(evaluation.progress));
      s.Bind(5, evaluation.report).Bind(6, evaluation.advice).Bind(7, evaluation.user_id);
      s.Bind(8, evaluation.actor_name).Bind(9, evaluation.recorded_at);
      if (s.Execute() != Statement::Outcome::kDone) {
        throw StorageError("storage: evaluation refused");
      }
    }
    Audit(before ? "update" : "create", "evaluation",
          std::to_string(evaluation.innovation_id) + "/" + std::to_string(evaluation.year),
          evaluation.region_code, before ? ToJson(*before).dump() : "", ToJson(evaluation).dump());
    savepoint.Release();
  }

  std::vector<Evaluation> ListEvaluations(std::string_view region_code, int year) override {
    auto s = connection_.Prepare(kSelectRegionEvaluations);
    s.Bind(1, region_code).Bind(2, std::int64_t{year});
    return ReadAll(s, ReadEvaluation<Statement>);
  }

  std::vector<Evaluation> ListEvaluationsOf(Id innovation_id) override {
    auto s = connection_.Prepare(kSelectInnovationEvaluations);
    s.Bind(1, innovation_id);
    return ReadAll(s, ReadEvaluation<Statement>);
  }

  void AppendAudit(AuditEntry entry) override {
    Savepoint savepoint(connection_);
    {
      auto s = connection_.Prepare(kSelectLastAuditHash);
      entry.prev_hash = s.Step() ? s.Text(0) : std::string();
    }
    entry.hash = auth::Sha256Hex(AuditChainText(entry));
    {
      auto s = connection_.Prepare(kInsertAudit);
      s.Bind(1, entry.at).Bind(2, entry.user_id).Bind(3, entry.actor_name);
      s.Bind(4, entry.address).Bind(5, entry.action).Bind(6, entry.record_type);
      s.Bind(7, entry.record_id).Bind(8, entry.region_code).Bind(9, entry.before);
      s.Bind(10, entry.after).Bind(11, entry.prev_hash).Bind(12, entry.hash);
      if (s.Execute() != Statement::Outcome::kDone) throw StorageError("storage: audit refused");
    }
    savepoint.Release();
  }

  std::vector<AuditEntry> ListAudit(const AuditQuery& q) override {
    std::string sql = std::string(kAuditColumns) + " WHERE 1 = 1";
    std::vector<std::pair<int, std::variant<std::string, std::int64_t>>> binds;
    int next = 1;
    auto add = [&](const char* fragment, std::variant<std::string, std::int64_t> value) {
      sql += std::string(" AND ") + fragment + std::to_string(next);
      binds.emplace_back(next++, std::move(value));
    };
    if (!q.region_code.empty()) add("region_code = ?", q.region_code);
    if (!q.record_type.empty()) add("record_type = ?", q.record_type);
    if (!q.record_id.empty()) add("record_id = ?", q.record_id);
    if (q.user_id) add("user_id = ?", *q.user_id);
    if (!q.from.empty()) add("at >= ?", q.from);
    if (!q.to.empty()) add("at <= ?", q.to);
    if (q.before_id) add("id < ?", *q.before_id);
    sql += " ORDER BY id DESC LIMIT ?" + std::to_string(next);
    auto s = connection_.PrepareOnce(sql);
    for (const auto& [index, value] : binds) {
      if (auto* text = std::get_if<std::string>(&value)) {
        s.Bind(index, *text);
      } else {
        s.Bind(index, std::get<std::int64_t>(value));
      }
    }
    s.Bind(next, std::int64_t{q.limit});
    std::vector<AuditEntry> entries;
    while (s.Step()) entries.push_back(ReadAudit(s));
    return entries;
  }

  void ForEachAudit(const std::function<bool(const AuditEntry&)>& visit) override {
    auto s = connection_.Prepare(std::string(kAuditColumns) + " ORDER BY id");
    while (s.Step()) {
      if (!visit(ReadAudit(s))) break;
    }
  }

  std::vector<SimilarInnovation> FindSimilar(const InnovationQuery& scope, std::string_view text,
                                             std::optional<Id> exclude, int limit,
                                             double minimum) override {
    ReadSnapshot snapshot(connection_);
    search_.Refresh(ChangeCounter());
    // The text's rarest words find the candidates; likeness over all its words ranks them.
    const std::vector<search::StemCount> stems = search::ContentStems(text, search_.stemmer());
    // Words in more than a tenth of the records find half the registry and tell little; they
    // look for candidates only when the text has too few others.
    std::vector<std::pair<double, const search::StemCount*>> known;
    for (const auto& stem : stems) {
      if (search_.CountedDocumentsWith(stem.stem) > 0)
        known.emplace_back(search_.Weight(stem.stem), &stem);
    }
    std::sort(known.begin(), known.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    const long long common = std::max(search_.Documents() / 10, 10LL);
    std::vector<std::pair<double, const search::StemCount*>> telling;
    for (const auto& entry : known) {
      const bool rare = search_.CountedDocumentsWith(entry.second->stem) <= common;
      if (telling.size() < kSimilarityWords && (rare || telling.size() < kSimilarityMinimumWords)) {
        telling.push_back(entry);
      }
    }
    if (telling.empty()) return {};
    search::ParsedSearch words;
    for (const auto& [weight, stem] : telling) words.terms.push_back({{stem->word}});
    std::vector<SimilarInnovation> similar;
    const auto weight = [this](const std::string& stem) { return search_.Weight(stem); };
    for (InnovationSummary& summary : LikelyAlike(scope, words, exclude)) {
      SimilarInnovation candidate{std::move(summary), 0};
      const InnovationSummary& i = candidate.innovation;
      candidate.score = search::Similarity(
          stems,
          search::ContentStems(i.title + "\n" + i.product + "\n" + i.summary, search_.stemmer()),
          weight);
      if (candidate.score >= minimum) similar.push_back(std::move(candidate));
    }
    snapshot.End();
    std::stable_sort(similar.begin(), similar.end(),
                     [](const auto& a, const auto& b) { return a.score > b.score; });
    if (similar.size() > static_cast<std::size_t>(limit)) similar.resize(limit);
    return similar;
  }

 protected:
  // The candidates of a likeness check: the innovations `scope` matches (its words aside)
  // whose title, product or summary hold any of `words`, the best kSimilarityCandidates by
  // BM25, leaving out `exclude`.
  virtual std::vector<InnovationSummary> LikelyAlike(const InnovationQuery& scope,
                                                     const search::ParsedSearch& words,
                                                     std::optional<Id> exclude) {
    InnovationQuery candidates = scope;
    candidates.text.clear();
    if (MemoryServes(words)) {
      const auto found = memory_->Search(candidates, words, false, search::Fields::kIdentity,
                                         kSimilarityCandidates, false, exclude, search_.stemmer());
      return SummariesOf(found.best, 0, candidates);
    }
    const std::string match = search_.IdentityMatch(words);
    const InnovationFilter<B> filter(candidates, {match});
    const int next = filter.next();
    std::string sql = std::string("SELECT ") + kSummaryColumns + filter.From() +
                      " JOIN agencies a ON a.id = i.agency_id" + filter.Where() + " AND i.id <> ?" +
                      std::to_string(next) + B::RankOrder(filter.match_parameter()) + " LIMIT " +
                      std::to_string(kSimilarityCandidates);
    auto s = connection_.PrepareOnce(sql);
    filter.BindTo(s);
    s.Bind(next, exclude.value_or(0));
    std::vector<InnovationSummary> candidates_found;
    while (s.Step()) candidates_found.push_back(ReadSummary(s));
    return candidates_found;
  }

 public:
  void ForEachRow(const StoredTable& table,
                  const std::function<void(const StoredRow&)>& visit) override {
    std::string sql = "SELECT ";
    for (std::size_t k = 0; k < table.columns.size(); ++k) {
      sql += (k ? ", " : "") + table.columns[k].name;
    }
    auto s = connection_.PrepareOnce(sql + " FROM " + table.name + " ORDER BY " + table.order);
    StoredRow row(table.columns.size());
    while (s.Step()) {
      for (std::size_t k = 0; k < table.columns.size(); ++k) {
        const int column = static_cast<int>(k);
        if (s.IsNull(column)) {
          row[k].reset();
        } else if (table.columns[k].kind == ColumnKind::kFlag) {
          row[k] = s.Int(column) != 0 ? "1" : "0";
        } else if (table.columns[k].kind == ColumnKind::kJson) {
          row[k] = ParseJson(s.Text(column)).dump();
        } else {
          row[k] = s.Text(column);
        }
      }
      visit(row);
    }
  }

  void BeginImport() override {
    nested_.push_back(false);
    connection_.BeginWrite();
    connection_.Exec(B::kDeferReferences);
  }

  void InsertRow(const StoredTable& table, const StoredRow& row) override {
    std::string sql = "INSERT INTO " + table.name + " (";
    std::string values;
    for (std::size_t k = 0; k < table.columns.size(); ++k) {
      sql += (k ? ", " : "") + table.columns[k].name;
      values += (k ? ", ?" : "?") + std::to_string(k + 1);
    }
    auto s = connection_.Prepare(sql + ") VALUES (" + values + ")");
    for (std::size_t k = 0; k < table.columns.size(); ++k) {
      const int index = static_cast<int>(k + 1);
      if (!row[k]) {
        s.BindNullableText(index, std::nullopt);
      } else if (table.columns[k].kind == ColumnKind::kText ||
                 table.columns[k].kind == ColumnKind::kJson) {
        s.Bind(index, *row[k]);
      } else {
        s.Bind(index, std::int64_t{std::stoll(*row[k])});
      }
    }
    if (s.Execute() != Statement::Outcome::kDone) {
      throw StorageError("storage: a row of " + table.name + " is there already");
    }
  }

  void FinishImport() override {
    connection_.Exec(B::kResetIdentities);
    Commit();
  }

  void RebuildSearchIndex() override {
    Savepoint savepoint(connection_);
    search_.Rebuild();
    savepoint.Release();
  }

  // Brings the schema to the newest migration this program knows (B::Migrations()), in one
  // transaction that no other writer runs beside.
  Result<int> Migrate(MigrationPolicy policy) {
    if (policy == MigrationPolicy::kReadOnly) {
      const int current = SchemaVersion();
      const int newest = B::Migrations().back().version;
      if (current == newest) return current;
      return Error{ErrorCode::kConflict,
                   {"Skema basis data baca versi " + std::to_string(current) +
                        ", program ini memerlukan versi " + std::to_string(newest) +
                        ". Migrasikan basis data utamanya lebih dulu.",
                    "The read database's schema is at version " + std::to_string(current) +
                        "; this program needs version " + std::to_string(newest) +
                        ". Migrate the primary database first."},
                   {}};
    }
    connection_.BeginWrite();
    try {
      connection_.Exec(B::kCreateSchemaTable);
      int current = SchemaVersionInTransaction();
      const std::vector<Migration>& migrations = B::Migrations();
      int newest = migrations.empty() ? 0 : migrations.back().version;
      if (current > newest) {
        connection_.Exec("ROLLBACK");
        return Error{ErrorCode::kConflict,
                     {"Skema basis data versi " + std::to_string(current) +
                          " lebih baru dari yang dikenal program ini (" + std::to_string(newest) +
                          "). Pasang versi Lumbung yang lebih baru.",
                      "The database schema is at version " + std::to_string(current) +
                          ", newer than this program knows (" + std::to_string(newest) +
                          "). Install a newer Lumbung."},
                     {}};
      }
      // A new, empty database is always set up; existing data moves only when asked, so
      // that the operator can back it up first.
      if (current < newest && current > 0 && policy == MigrationPolicy::kRequireCurrent) {
        connection_.Exec("ROLLBACK");
        return Error{ErrorCode::kConflict,
                     {"Skema basis data versi " + std::to_string(current) +
                          " perlu diperbarui ke " + std::to_string(newest) +
                          ". Cadangkan basis datanya lalu jalankan 'lumbung migrate'.",
                      "The database schema is at version " + std::to_string(current) +
                          " and needs version " + std::to_string(newest) +
                          ". Back up the database, then run 'lumbung migrate'."},
                     {}};
      }
      for (const auto& migration : migrations) {
        if (migration.version <= current) continue;
        connection_.Exec(std::string(migration.sql).c_str());
        auto s = connection_.Prepare(kRecordMigration);
        s.Bind(1, std::int64_t{migration.version}).Bind(2, migration.name);
        if (s.Execute() != Statement::Outcome::kDone) {
          throw StorageError("storage: migration " + std::string(migration.name) +
                             " recorded twice");
        }
      }
      connection_.Exec("COMMIT");
      return newest;
    } catch (...) {
      connection_.ExecIgnoringErrors("ROLLBACK");
      throw;
    }
  }

  // The schema version of the database; 0 for one never migrated.
  int SchemaVersion() {
    auto exists = connection_.Prepare(B::kSchemaTableExists);
    if (!exists.Step() || exists.Int(0) == 0) return 0;
    return SchemaVersionInTransaction();
  }

 protected:
  // Appends the change to the audit trail, in the caller's transaction.
  void Audit(std::string_view action, std::string_view record_type, std::string record_id,
             std::string region_code, std::string before, std::string after) {
    AuditEntry entry;
    entry.at = FormatTimestamp(std::chrono::system_clock::now());
    entry.user_id = actor_.user_id;
    entry.actor_name = actor_.name;
    entry.address = actor_.address;
    entry.action = action;
    entry.record_type = record_type;
    entry.record_id = std::move(record_id);
    entry.region_code = std::move(region_code);
    entry.before = std::move(before);
    entry.after = std::move(after);
    AppendAudit(std::move(entry));
  }

  static User ReadUser(const Statement& s) {
    User user;
    user.id = s.Int(0);
    user.username = s.Text(1);
    user.display_name = s.Text(2);
    user.email = s.Text(3);
    user.disabled = s.Int(4) != 0;
    user.version = s.Int(5);
    user.created_at = s.Text(6);
    user.updated_at = s.Text(7);
    return user;
  }

  std::vector<RoleGrant> RolesOf(Id user_id) {
    auto s = connection_.Prepare(kSelectUserRoles);
    s.Bind(1, user_id);
    std::vector<RoleGrant> roles;
    while (s.Step()) roles.push_back({EnumOf<Role>(s.Text(0)), s.Text(1), s.Int(2), s.Int(3)});
    return roles;
  }

  // Replaces the user's roles; the same grant given twice is kept once.
  void WriteRoles(Id user_id, const std::vector<RoleGrant>& roles) {
    {
      auto s = connection_.Prepare(kDeleteUserRoles);
      s.Bind(1, user_id);
      s.Execute();
    }
    for (const auto& grant : roles) {
      auto s = connection_.Prepare(kInsertUserRole);
      s.Bind(1, user_id).Bind(2, ToString(grant.role)).Bind(3, grant.region_code);
      s.Bind(4, grant.agency_id).Bind(5, grant.competition_id);
      s.Execute();
    }
  }

  // The region a user's audit entries belong to: that of the first scoped role.
  std::string RegionOf(const User& user) {
    for (const auto& grant : user.roles) {
      if (!grant.region_code.empty()) return grant.region_code;
      if (grant.agency_id != 0) {
        if (auto agency = FindAgency(grant.agency_id)) return agency->region_code;
      }
    }
    return "";
  }

  // The record `sql` selects by `id`, read with `read`, or nothing.
  template <typename Record, typename ReadRecord>
  std::optional<Record> FindOne(const char* sql, Id id, ReadRecord read) {
    auto s = connection_.Prepare(sql);
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    return read(s);
  }

  // Every row of a bound statement, read with `read`.
  template <typename ReadRecord>
  auto ReadAll(Statement& s, ReadRecord read) {
    std::vector<decltype(read(s))> records;
    while (s.Step()) records.push_back(read(s));
    return records;
  }

  // The region's programme records (activities, teams) are written alike: inserted at version
  // 1, updated at the version the writer saw (bound as ?`version_index`), deleted at it, and
  // each change audited as `type` with the record before and after.
  template <typename Record, typename BindRecord>
  Record InsertAudited(const char* sql, const Record& record, std::string_view type,
                       BindRecord bind) {
    Savepoint savepoint(connection_);
    Record created = record;
    {
      auto s = connection_.Prepare(sql);
      bind(s, record);
      if (s.Execute() != Statement::Outcome::kDone) {
        throw StorageError("storage: " + std::string(type) + " refused");
      }
      created.id = connection_.LastInsertId();
      created.version = 1;
    }
    Audit("create", type, std::to_string(created.id), created.region_code, "",
          ToJson(created).dump());
    savepoint.Release();
    return created;
  }

  template <typename Record, typename BindRecord>
  Result<Record> UpdateAudited(const char* sql, const Record& record, std::int64_t expected_version,
                               int version_index, std::string_view type, BindRecord bind,
                               std::optional<Record> (SqlStore::*find)(Id)) {
    Savepoint savepoint(connection_);
    auto before = (this->*find)(record.id);
    if (!before) return NotFoundError(static_cast<const Record*>(nullptr));
    {
      auto s = connection_.Prepare(sql);
      bind(s, record);
      s.Bind(version_index, expected_version);
      if (s.Execute() != Statement::Outcome::kDone) {
        throw StorageError("storage: " + std::string(type) + " refused");
      }
    }
    if (connection_.Changes() == 0) return Stale();
    Record after = *(this->*find)(record.id);
    Audit("update", type, std::to_string(after.id), after.region_code, ToJson(*before).dump(),
          ToJson(after).dump());
    savepoint.Release();
    return after;
  }

  template <typename Record>
  Status DeleteAudited(const char* sql, Id id, std::int64_t expected_version, std::string_view type,
                       std::optional<Record> (SqlStore::*find)(Id)) {
    Savepoint savepoint(connection_);
    auto before = (this->*find)(id);
    if (!before) return NotFoundError(static_cast<const Record*>(nullptr));
    auto deleted = DeleteVersioned(
        sql, id, expected_version,
        {"Data ini masih dirujuk data lain.", "Other records still refer to this record."});
    if (!deleted) return deleted;
    Audit("delete", type, std::to_string(id), before->region_code, ToJson(*before).dump(), "");
    savepoint.Release();
    return deleted;
  }

  // Runs `sql` (DELETE ... WHERE id = ?1 AND version = ?2): a stale version deletes nothing.
  Status DeleteVersioned(const char* sql, Id id, std::int64_t expected_version,
                         Text still_referenced) {
    auto s = connection_.Prepare(sql);
    s.Bind(1, id).Bind(2, expected_version).ExpectReferences();
    if (s.Execute() != Statement::Outcome::kDone) return msg::Conflict(std::move(still_referenced));
    if (connection_.Changes() == 0) return Stale();
    return Ok();
  }

  // Runs `sql` (SELECT count(*) ... ?1) for one id.
  long long CountOf(const char* sql, Id id) {
    auto s = connection_.Prepare(sql);
    s.Bind(1, id);
    return s.Step() ? s.Int(0) : 0;
  }

  // The FTS5 expression a query's words come to: all the words as typed; failing that, with
  // The FTS5 expression a query's words come to: all the words as typed; failing that, with
  // mistyped words corrected; failing that, any of the words. Each try asks whether anything
  // visible matches under the filters no facet leaves out, so that a correction never rests
  // on records the reader may not see.
  SearchPlan PlanSearch(const InnovationQuery& q) {
    SearchPlan plan;
    search::ParsedSearch parsed = search::ParseSearch(q.text);
    if (parsed.terms.empty()) return plan;
    // A last word the index knows is taken as finished; only one it does not know ("pelay")
    // is completed as it is being typed, which spares a search over every word it begins.
    if (parsed.last_word_open && search_.IsKnownWord(parsed.terms.back().words.front())) {
      parsed.last_word_open = false;
    }
    plan.match = search_.MatchExpression(parsed, true);
    plan.words = parsed;
    const InnovationQuery base = UnfacetedOf(q);
    if (AnyMatches(base, parsed, true)) return plan;
    for (const auto& corrected : search_.Corrections(parsed, kCorrectionsTried)) {
      if (AnyMatches(base, corrected, true)) {
        plan.match = search_.MatchExpression(corrected, true);
        plan.words = corrected;
        plan.fallback.corrected_text = search::TextOf(corrected);
        return plan;
      }
    }
    if (parsed.terms.size() > 1 && AnyMatches(base, parsed, false)) {
      plan.match = search_.MatchExpression(parsed, false);
      plan.fallback.any_word = true;
    }
    return plan;
  }

  // Each item's passage where the words stand, the page's texts read at once.
  void AddSnippets(const search::ParsedSearch& words, std::vector<InnovationSummary>& items) {
    std::vector<Id> ids;
    ids.reserve(items.size());
    for (const auto& item : items) ids.push_back(item.id);
    std::vector<std::string> snippets = search_.Snippets(words, ids);
    for (std::size_t k = 0; k < items.size(); ++k) items[k].snippet = std::move(snippets[k]);
  }

  // Whether anything the query's filters let through holds all the words (or any of them).
  bool AnyMatches(const InnovationQuery& q, const search::ParsedSearch& words, bool all) {
    if (MemoryServes(words)) return memory_->AnyMatches(q, words, all, search_.stemmer());
    const InnovationFilter<B> filter(q, {search_.MatchExpression(words, all)});
    auto s = connection_.PrepareOnce("SELECT 1" + filter.From() + filter.Where() + " LIMIT 1");
    filter.BindTo(s);
    return s.Step();
  }

  // The query without the filters a facet may leave out.
  static InnovationQuery UnfacetedOf(const InnovationQuery& q) {
    InnovationQuery base;
    base.text = q.text;
    base.region_code = q.region_code;
    base.statuses = q.statuses;
    base.replicated_from = q.replicated_from;
    base.restricted = q.restricted;
    base.visible_everywhere = q.visible_everywhere;
    base.visible_regions = q.visible_regions;
    base.visible_agencies = q.visible_agencies;
    return base;
  }

  // The name and name key by id of at least each agency the agency facet counts. Names read
  // stay until the data changes; then only the agencies a facet counts are read again, not all
  // of an installation's (a region's facet names a few dozen).
  const std::unordered_map<Id, std::pair<std::string, std::string>>& AgencyNames(
      const FacetCounts& counts) {
    const std::int64_t counter = ChangeCounter();
    if (counter != agency_names_at_) {
      agency_names_.clear();
      agency_names_at_ = counter;
    }
    std::string missing = "[";
    for (const auto& [id, count] : counts.agencies) {
      if (agency_names_.contains(id)) continue;
      if (missing.size() > 1) missing += ',';
      missing += std::to_string(id);
    }
    if (missing.size() == 1) return agency_names_;
    missing += ']';
    auto s = connection_.Prepare(B::kSelectAgencyNamesOf);
    s.Bind(1, missing);
    while (s.Step()) agency_names_.emplace(s.Int(0), std::make_pair(s.Text(1), s.Text(2)));
    return agency_names_;
  }

  // The ORDER BY clause of a sort; relevance, which needs the search, orders as the newest.
  static std::string OrderBy(InnovationSort sort) {
    switch (sort) {
      case InnovationSort::kOldest:
        return " ORDER BY i.updated_at ASC, i.id ASC";
      case InnovationSort::kTitle:
        return B::kTitleOrder;
      case InnovationSort::kYearNewest:
        return B::kYearOrder;
      case InnovationSort::kNewest:
      case InnovationSort::kRelevance:
        break;
    }
    return " ORDER BY i.updated_at DESC, i.id DESC";
  }

  // Every facet of the query, each counted by SQL under the query's filters but its own.
  InnovationFacets CountFacetValues(const InnovationQuery& q, const TextFilter& text) {
    InnovationFacets facets;
    facets.total = CountMatches(InnovationFilter<B>(q, text));
    facets.agency = CountAgencyValues(q, text);
    facets.type = CountValues(q, text, Facet::kType, "i.type", kMostFrequentFirst);
    facets.form = CountValues(q, text, Facet::kForm, "i.form", kMostFrequentFirst);
    facets.maturity = CountValues(q, text, Facet::kMaturity, "i.maturity", kMostFrequentFirst);
    facets.stage = CountValues(q, text, Facet::kStage, "i.stage", kMostFrequentFirst);
    facets.year = CountValues(q, text, Facet::kYear, "i.year", "v DESC");
    facets.affair = CountValues(q, text, Facet::kAffair, "i.main_affair", kMostFrequentFirst);
    facets.digital = CountValues(q, text, Facet::kDigital, "i.digital", "v DESC");
    // A flag reads 1 or 0 from SQLite, t or f from PostgreSQL.
    for (auto& value : facets.digital) {
      value.value = value.value == "1" || value.value == "t" ? "true" : "false";
    }
    return facets;
  }

  // The number of innovations the filter matches.
  long long CountMatches(const InnovationFilter<B>& filter) {
    auto s = connection_.PrepareOnce("SELECT count(*)" + filter.From() + filter.Where());
    filter.BindTo(s);
    return s.Step() ? s.Int(0) : 0;
  }

  // How many matches of the query, but for its own filter on `column`, have each value of the
  // column, in `order` ("v" names the value and "n" its count). Records without a value (NULL
  // or empty) are left out: the list has no filter that would find them. They are skipped
  // here rather than in SQL so that the WHERE clause stays the one the count runs.
  std::vector<FacetValue> CountValues(const InnovationQuery& q, const TextFilter& text, Facet facet,
                                      const char* column, const char* order) {
    const InnovationFilter<B> filter(q, text, facet);
    // "GROUP BY +column" (B::kGroupBy): the unary plus keeps SQLite from walking an index on the
    // column only to get its groups in order (innovations_year), which reads the table for every
    // row; the covering innovations_filters then serves the count, and sorting the groups costs
    // little.
    std::string sql = std::string("SELECT ") + column + " AS v, count(*) AS n" + filter.From() +
                      filter.Where() + B::kGroupBy + column + " ORDER BY " + order;
    auto s = connection_.PrepareOnce(sql);
    filter.BindTo(s);
    std::vector<FacetValue> values;
    while (s.Step()) {
      std::string value = s.Text(0);
      if (!value.empty()) values.push_back({std::move(value), "", s.Int(1)});
    }
    return values;
  }

  // The agency facet: ids as values, names as labels, most innovations first.
  std::vector<FacetValue> CountAgencyValues(const InnovationQuery& q, const TextFilter& text) {
    const InnovationFilter<B> filter(q, text, Facet::kAgency);
    // Counting first and naming after keeps the count on the covering index (see CountValues
    // for the unary plus).
    std::string sql =
        "SELECT f.agency_id, g.name, f.n FROM (SELECT i.agency_id AS agency_id, count(*) AS n" +
        filter.From() + filter.Where() + B::kGroupBy +
        "i.agency_id) f JOIN agencies g ON g.id = f.agency_id " +
        "ORDER BY f.n DESC, g.name_key, f.agency_id";
    auto s = connection_.PrepareOnce(sql);
    filter.BindTo(s);
    std::vector<FacetValue> values;
    while (s.Step()) values.push_back({std::to_string(s.Int(0)), s.Text(1), s.Int(2)});
    return values;
  }

  // Whether the search memory answers a search for these words: there is one, it can read
  // them (no phrase of several words), this connection holds no writes of its own, which the
  // memory, made from committed data, cannot see, and it is not being read in. Once it says
  // yes, the memory holds at least what the connection reads.
  bool MemoryServes(const search::ParsedSearch& words) {
    if (!memory_ || connection_.HoldsWrites() || !SearchMemory::CanSearch(words)) return false;
    typename B::MemorySource source(connection_);
    return memory_->CatchUp(source);
  }
  bool MemoryServes(const InnovationQuery& q) {
    return memory_ && !q.text.empty() && MemoryServes(search::ParseSearch(q.text));
  }

  // A page of a search, best first, from the memory.
  InnovationPage ListFromMemory(const InnovationQuery& q) {
    ReadSnapshot snapshot(connection_);
    InnovationPage page = PageFromMemory(q, AskMemory(q));
    snapshot.End();
    return page;
  }
  InnovationFacets CountFacetsFromMemory(const InnovationQuery& q) {
    ReadSnapshot snapshot(connection_);
    InnovationFacets facets = FacetsFromMemory(AskMemory(q));
    snapshot.End();
    return facets;
  }
  FacetedPage ListWithFacetsFromMemory(const InnovationQuery& q) {
    ReadSnapshot snapshot(connection_);
    const MemorySearch& found = AskMemory(q);
    FacetedPage both;
    both.facets = FacetsFromMemory(found);
    both.page = PageFromMemory(q, found);
    snapshot.End();
    return both;
  }

 private:
  // A search answered by the memory: its plan, and what it found with the facets and the best
  // of a page. A catalogue asks for a page and its facets one after the other: the second
  // question takes the answer of the first while the data and the query stay the same.
  struct MemorySearch {
    std::string key;
    SearchPlan plan;
    SearchMemory::Found found;
  };

  const MemorySearch& AskMemory(const InnovationQuery& q) {
    // Up to the snapshot the caller has opened since it asked MemoryServes.
    typename B::MemorySource source(connection_);
    memory_->CatchUp(source);
    const InnovationFilter<B> filter(q, {});
    std::string key = filter.Describe() + '\x1e' + q.text + '\x1e' + std::to_string(q.page) +
                      '\x1e' + std::to_string(q.per_page) + '\x1e' +
                      std::to_string(memory_->Generation());
    if (key == last_search_.key) return last_search_;
    last_search_.key.clear();
    last_search_.plan = PlanSearch(q);
    const std::size_t best = static_cast<std::size_t>(q.page) * q.per_page;
    last_search_.found =
        memory_->Search(q, last_search_.plan.words, !last_search_.plan.fallback.any_word,
                        search::Fields::kAll, best, true, std::nullopt, search_.stemmer());
    last_search_.key = std::move(key);
    return last_search_;
  }

  InnovationPage PageFromMemory(const InnovationQuery& q, const MemorySearch& found) {
    InnovationPage page;
    page.search = found.plan.fallback;
    page.total = found.found.total;
    page.items =
        SummariesOf(found.found.best, static_cast<std::size_t>(q.page - 1) * q.per_page, q);
    AddSnippets(found.plan.words, page.items);
    return page;
  }

  InnovationFacets FacetsFromMemory(const MemorySearch& found) {
    InnovationFacets facets =
        FacetsFrom(found.found.total, found.found.facets, AgencyNames(found.found.facets));
    facets.search = found.plan.fallback;
    return facets;
  }

  // The innovations of `ids` from the `first`, in that order, as this connection reads them,
  // read at once. The memory may be newer than what the connection reads (another connection
  // brought it further): one deleted since, or one `q` may not see as read here (a draft
  // then), is left out.
  std::vector<InnovationSummary> SummariesOf(const std::vector<Id>& ids, std::size_t first,
                                             const InnovationQuery& q) {
    if (first >= ids.size()) return {};
    std::string array = "[";
    for (std::size_t k = first; k < ids.size(); ++k) {
      if (array.size() > 1) array += ',';
      array += std::to_string(ids[k]);
    }
    array += ']';
    std::unordered_map<Id, InnovationSummary> read;
    auto s = connection_.Prepare(B::SelectSummariesOf());
    s.Bind(1, array);
    while (s.Step()) {
      InnovationSummary item = ReadSummary(s);
      read.emplace(item.id, std::move(item));
    }
    auto holds = [](const auto& values, const auto& value) {
      return std::find(values.begin(), values.end(), value) != values.end();
    };
    std::vector<InnovationSummary> summaries;
    for (std::size_t k = first; k < ids.size(); ++k) {
      auto found = read.find(ids[k]);
      if (found == read.end()) continue;
      InnovationSummary& item = found->second;
      if (!q.statuses.empty() && !holds(q.statuses, item.status)) continue;
      if (q.restricted && !holds(q.visible_everywhere, item.status) &&
          !holds(q.visible_regions, item.region_code) &&
          !holds(q.visible_agencies, item.agency_id)) {
        continue;
      }
      summaries.push_back(std::move(item));
    }
    return summaries;
  }

 protected:
  void WriteTexts(Id id, const Innovation& innovation) {
    auto s = connection_.Prepare(kUpsertInnovationTexts);
    BindInnovationTexts(s, id, innovation);
    if (s.Execute() != Statement::Outcome::kDone) {
      throw StorageError("storage: the texts of innovation " + std::to_string(id) + " refused");
    }
  }

  int SchemaVersionInTransaction() {
    auto s = connection_.Prepare(kSelectSchemaVersion);
    return s.Step() ? static_cast<int>(s.Int(0)) : 0;
  }

  static void BindRegion(Statement& s, const Region& region) {
    s.Bind(1, region.code).Bind(2, region.name).Bind(3, ToString(region.level));
    s.Bind(4, region.parent_code).Bind(5, ToString(region.time_zone));
    s.Bind(6, std::int64_t{region.demo}).Bind(7, region.created_at);
    s.Bind(8, std::int64_t{region.requires_head_approval});
    s.Bind(9, ToJson(region.target).dump());
  }

  Connection connection_;
  typename B::SearchIndex search_;
  // The search index in memory that every connection to the database shares; none for a
  // store opened on its own (to migrate, to read the schema's version).
  std::shared_ptr<SearchMemory> memory_;
  MemorySearch last_search_;
  std::unordered_map<Id, std::pair<std::string, std::string>> agency_names_;
  std::int64_t agency_names_at_ = -1;
  std::vector<bool> nested_;  // for each open Begin: whether it is a savepoint
  Actor actor_ = Actor::System();
};

// Opens a backend's database at `address`: migrates it as `policy` allows through one store,
// then hands out the Database that makes the connections.
template <class StoreType, class DatabaseType>
Result<std::unique_ptr<Database>> OpenMigrated(const std::string& address, MigrationPolicy policy) {
  try {
    StoreType store(address);
    auto migrated = store.Migrate(policy);
    if (!migrated) return migrated.TakeError();
  } catch (const StorageError& error) {
    return Error{ErrorCode::kInternal,
                 {std::string("Basis data tidak dapat dibuka: ") + error.what(),
                  std::string("Cannot open the database: ") + error.what()},
                 {}};
  }
  return std::unique_ptr<Database>(std::make_unique<DatabaseType>(address));
}

}  // namespace lumbung::storage::sql
