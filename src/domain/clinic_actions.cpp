#include "domain/clinic_actions.hpp"

#include <algorithm>

#include "domain/innovation_actions.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"

namespace lumbung {
namespace {

Action ActionFor(ClinicEntryKind kind) {
  switch (kind) {
    case ClinicEntryKind::kValidation:
      return Action::kValidateStage;
    case ClinicEntryKind::kMonitoring:
      return Action::kRecordMonitoring;
    default:
      return Action::kRecordClinicWork;
  }
}

}  // namespace

bool MayRecord(const Actor& actor, const Innovation& innovation, ClinicEntryKind kind) {
  return kind != ClinicEntryKind::kStageChange &&
         Allows(actor, ActionFor(kind), SubjectOf(innovation));
}

Result<Innovation> AdvanceStageAs(Store& store, Clock clock, const Actor& actor,
                                  const Innovation& innovation, Stage to,
                                  std::int64_t expected_version) {
  if (!Allows(actor, Action::kAdvanceStage, SubjectOf(innovation))) return NotAllowed();
  Registry registry(store, clock);
  Date today = registry.TodayIn(innovation.region_code);
  Transaction transaction(store);
  auto current = store.FindInnovation(innovation.id);
  if (!current) return msg::NotFound("Inovasi", "Innovation");
  if (expected_version != 0 && current->version != expected_version) return msg::StaleVersion();
  auto journal = store.ListClinicEntries(current->id);
  if (auto checked = CheckStageMove(*current, to, journal); !checked) return checked.TakeError();
  Innovation moved = *current;
  moved.stage = to;
  moved.updated_at = FormatTimestamp(clock());
  auto updated = store.UpdateInnovation(moved, current->version);
  if (!updated) return updated.TakeError();
  ClinicEntry entry;
  entry.innovation_id = current->id;
  entry.region_code = current->region_code;
  entry.kind = ClinicEntryKind::kStageChange;
  entry.stage = to;
  entry.date = FormatDate(today);
  entry.user_id = actor.user_id;
  entry.actor_name = actor.name;
  entry.created_at = moved.updated_at;
  store.AppendClinicEntry(entry);
  transaction.Commit();
  return updated;
}

Result<ClinicEntry> RecordClinicEntryAs(Store& store, Clock clock, const Actor& actor,
                                        const Innovation& innovation, ClinicEntry entry,
                                        std::vector<FieldError> structural) {
  if (entry.kind != ClinicEntryKind::kStageChange && !MayRecord(actor, innovation, entry.kind)) {
    return NotAllowed();
  }
  Registry registry(store, clock);
  Date today = registry.TodayIn(innovation.region_code);
  Transaction transaction(store);
  auto current = store.FindInnovation(innovation.id);
  if (!current) return msg::NotFound("Inovasi", "Innovation");
  auto journal = store.ListClinicEntries(current->id);
  entry.id = 0;
  entry.innovation_id = current->id;
  entry.region_code = current->region_code;
  // An entry belongs to the stage the innovation is in when it is recorded.
  entry.stage = current->stage;
  for (auto& error : CheckClinicEntry(entry, *current, journal, today)) {
    bool named = std::any_of(structural.begin(), structural.end(),
                             [&](const FieldError& known) { return known.field == error.field; });
    if (!named) structural.push_back(std::move(error));
  }
  if (!structural.empty()) return msg::Invalid(std::move(structural));
  entry.user_id = actor.user_id;
  entry.actor_name = actor.name;
  entry.created_at = FormatTimestamp(clock());
  ClinicEntry created = store.AppendClinicEntry(entry);
  transaction.Commit();
  return created;
}

std::vector<Innovation> AwaitingValidation(Store& store, const std::string& region_code) {
  std::vector<std::pair<std::string, Innovation>> waiting;
  for (Stage stage : {Stage::kDiagnose, Stage::kDesign}) {
    InnovationQuery query;
    query.region_code = region_code;
    query.stage = stage;
    query.sort = InnovationSort::kOldest;
    query.per_page = 100;
    for (query.page = 1;; ++query.page) {
      auto page = store.ListInnovations(query);
      for (const auto& item : page.items) {
        auto innovation = store.FindInnovation(item.id);
        if (!innovation) continue;
        auto journal = store.ListClinicEntries(item.id);
        if (!AwaitsValidation(*innovation, journal)) continue;
        // Waiting since it reached the stage, or since the facilitator asked for a revision.
        std::string since = innovation->updated_at;
        for (const auto& entry : journal) {
          if (entry.kind == ClinicEntryKind::kStageChange ||
              entry.kind == ClinicEntryKind::kValidation) {
            since = entry.created_at;
          }
        }
        waiting.emplace_back(since, std::move(*innovation));
      }
      if (static_cast<long long>(query.page) * query.per_page >= page.total) break;
    }
  }
  std::stable_sort(waiting.begin(), waiting.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Innovation> out;
  for (auto& [since, innovation] : waiting) out.push_back(std::move(innovation));
  return out;
}

ComplianceReport ComplianceOf(Store& store, Clock clock, const Region& region, int year) {
  std::vector<Innovation> innovations;
  store.ForEachInnovation(region.code,
                          [&](const Innovation& innovation) { innovations.push_back(innovation); });
  Registry registry(store, clock);
  return Compliance(region, store.ListAgencies(region.code), innovations, year,
                    registry.TodayIn(region.code));
}

}  // namespace lumbung
