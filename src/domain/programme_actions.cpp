#include "domain/programme_actions.hpp"

#include <algorithm>
#include <map>

#include "domain/innovation_actions.hpp"
#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"

namespace lumbung {
namespace {

// Adds the rule errors to the reading errors, once per field: what could not be read is the
// first thing to mend.
Status Merge(std::vector<FieldError> structural, std::vector<FieldError> rules) {
  for (auto& error : rules) {
    // A list that could not be read ("members[0].role") is not also reported as empty.
    bool named = std::any_of(structural.begin(), structural.end(), [&](const FieldError& known) {
      return known.field == error.field || known.field.rfind(error.field + "[", 0) == 0 ||
             known.field.rfind(error.field + ".", 0) == 0;
    });
    if (!named) structural.push_back(std::move(error));
  }
  if (!structural.empty()) return msg::Invalid(std::move(structural));
  return Ok();
}

// Writes a checked record: inserts it when it is new (id 0), otherwise updates the stored one,
// which must still be at `expected_version`; commits `transaction` when it was written.
template <typename Record>
Result<Record> Write(Store& store, Transaction& transaction, Clock clock, Record record,
                     std::int64_t expected_version, Record (Store::*insert)(const Record&),
                     Result<Record> (Store::*update)(const Record&, std::int64_t)) {
  record.updated_at = FormatTimestamp(clock());
  if (record.id == 0) {
    record.created_at = record.updated_at;
    record.version = 1;
    Record created = (store.*insert)(record);
    transaction.Commit();
    return created;
  }
  auto updated = (store.*update)(record, expected_version);
  if (updated) transaction.Commit();
  return updated;
}

// The errors of the records an activity names: agencies of its region, and innovations of
// the region run by an agency it served (or a sub-unit of one).
std::vector<FieldError> CheckActivityLinks(Store& store, const Activity& activity) {
  std::vector<FieldError> errors;
  std::map<Id, Agency> agencies;
  for (auto& agency : store.ListAgencies(activity.region_code)) agencies[agency.id] = agency;
  auto served = [&](Id agency_id) {
    return std::any_of(activity.agencies.begin(), activity.agencies.end(),
                       [&](const ActivityUnit& unit) { return unit.agency_id == agency_id; });
  };
  for (std::size_t i = 0; i < activity.agencies.size(); ++i) {
    if (!agencies.contains(activity.agencies[i].agency_id)) {
      errors.push_back(msg::NoSuchRecord("agencies[" + std::to_string(i) + "].agency_id",
                                         "Perangkat daerah", "Agency"));
    }
  }
  for (std::size_t i = 0; i < activity.innovations.size(); ++i) {
    std::string field = "innovations[" + std::to_string(i) + "]";
    auto innovation = store.FindInnovation(activity.innovations[i]);
    if (!innovation || innovation->region_code != activity.region_code) {
      errors.push_back(msg::NoSuchRecord(field, "Inovasi", "Innovation"));
      continue;
    }
    auto agency = agencies.find(innovation->agency_id);
    bool by_served =
        served(innovation->agency_id) ||
        (agency != agencies.end() && agency->second.parent_id && served(*agency->second.parent_id));
    if (!by_served) {
      errors.push_back(msg::Inconsistent(
          field, {"Inovasi \"" + innovation->title +
                      "\" milik perangkat daerah yang tidak dilayani kegiatan ini. Tambahkan "
                      "perangkat daerahnya, atau hapus inovasi ini dari daftar.",
                  "The innovation \"" + innovation->title +
                      "\" belongs to an agency the activity did not serve. Add its agency, or "
                      "remove the innovation from the list."}));
    }
  }
  return errors;
}

}  // namespace

Result<Activity> SaveActivityAs(Store& store, Clock clock, const Actor& actor, Activity activity,
                                std::vector<FieldError> structural, std::int64_t expected_version) {
  if (!Allows(actor, Action::kManageActivities, {activity.region_code})) return NotAllowed();
  Registry registry(store, clock);
  Date today = registry.TodayIn(activity.region_code);
  Transaction transaction(store);
  auto rules = CheckActivity(activity, today);
  for (auto& error : CheckActivityLinks(store, activity)) rules.push_back(std::move(error));
  if (auto merged = Merge(std::move(structural), std::move(rules)); !merged) {
    return merged.TakeError();
  }
  return Write(store, transaction, clock, std::move(activity), expected_version,
               &Store::InsertActivity, &Store::UpdateActivity);
}

Status DeleteActivityAs(Store& store, const Actor& actor, const Activity& activity,
                        std::int64_t expected_version) {
  if (!Allows(actor, Action::kManageActivities, {activity.region_code})) return NotAllowed();
  return store.DeleteActivity(activity.id, expected_version);
}

Result<Team> SaveTeamAs(Store& store, Clock clock, const Actor& actor, Team team,
                        std::vector<FieldError> structural, std::int64_t expected_version) {
  if (!Allows(actor, Action::kManageTeam, {team.region_code, team.agency_id.value_or(0)})) {
    return NotAllowed();
  }
  Registry registry(store, clock);
  Date today = registry.TodayIn(team.region_code);
  Transaction transaction(store);
  if (team.id != 0) {
    // Whoever moves a team to their own agency must also be allowed to keep it where it was.
    auto current = store.FindTeam(team.id);
    if (!current) return NotFoundError(&team);
    if (!Allows(actor, Action::kManageTeam,
                {current->region_code, current->agency_id.value_or(0)})) {
      return NotAllowed();
    }
  }
  auto rules = CheckTeam(team, today);
  if (team.agency_id) {
    auto agency = store.FindAgency(*team.agency_id);
    if (!agency || agency->region_code != team.region_code) {
      rules.push_back(msg::NoSuchRecord("agency_id", "Perangkat daerah", "Agency"));
    }
  }
  if (auto merged = Merge(std::move(structural), std::move(rules)); !merged) {
    return merged.TakeError();
  }
  return Write(store, transaction, clock, std::move(team), expected_version, &Store::InsertTeam,
               &Store::UpdateTeam);
}

Status DeleteTeamAs(Store& store, const Actor& actor, const Team& team,
                    std::int64_t expected_version) {
  if (!Allows(actor, Action::kManageTeam, {team.region_code, team.agency_id.value_or(0)})) {
    return NotAllowed();
  }
  return store.DeleteTeam(team.id, expected_version);
}

Result<Evaluation> RecordEvaluationAs(Store& store, Clock clock, const Actor& actor,
                                      const Innovation& innovation, Evaluation evaluation,
                                      std::vector<FieldError> structural) {
  if (!Allows(actor, Action::kRecordEvaluation, SubjectOf(innovation))) return NotAllowed();
  Registry registry(store, clock);
  Date today = registry.TodayIn(innovation.region_code);
  Transaction transaction(store);
  auto current = store.FindInnovation(innovation.id);
  if (!current) return msg::NotFound("Inovasi", "Innovation");
  auto rules = CheckEvaluation(evaluation, today);
  if (current->year && evaluation.year != 0 && evaluation.year < *current->year) {
    std::string started = std::to_string(*current->year);
    rules.push_back(msg::Inconsistent(
        "year",
        {"Inovasi ini baru dimulai tahun " + started + "; evaluasi tahun itu atau sesudahnya.",
         "The innovation started in " + started + "; evaluate that year or a later one."}));
  }
  if (!InRound(*current)) {
    rules.push_back(msg::Inconsistent(
        "innovation", {"Hanya inovasi yang sudah diverifikasi atau diterbitkan daerah yang "
                       "dimonitor dan dievaluasi. Verifikasi inovasinya dulu.",
                       "Only innovations the region has verified or published are monitored "
                       "and evaluated. Verify the innovation first."}));
  }
  if (auto merged = Merge(std::move(structural), std::move(rules)); !merged) {
    return merged.TakeError();
  }
  evaluation.innovation_id = current->id;
  evaluation.region_code = current->region_code;
  evaluation.user_id = actor.user_id;
  evaluation.actor_name = actor.name;
  evaluation.recorded_at = FormatTimestamp(clock());
  store.PutEvaluation(evaluation);
  transaction.Commit();
  return evaluation;
}

Result<Innovation> SetContinuationAs(Store& store, Clock clock, const Actor& actor,
                                     const Innovation& innovation, Continuation state,
                                     const std::string& date, const std::string& reason,
                                     std::int64_t expected_version) {
  if (!Allows(actor, Action::kSetContinuation, SubjectOf(innovation))) return NotAllowed();
  Registry registry(store, clock);
  Date today = registry.TodayIn(innovation.region_code);
  Transaction transaction(store);
  auto current = store.FindInnovation(innovation.id);
  if (!current) return msg::NotFound("Inovasi", "Innovation");
  if (expected_version != 0 && current->version != expected_version) return msg::StaleVersion();
  if (auto errors = CheckContinuation(*current, state, date, reason, today); !errors.empty()) {
    return msg::Invalid(std::move(errors));
  }
  Innovation changed = *current;
  changed.continuation = state;
  changed.continuation_date = date;
  changed.continuation_reason = reason;
  changed.updated_at = FormatTimestamp(clock());
  auto updated = store.UpdateInnovation(changed, current->version);
  if (updated) transaction.Commit();
  return updated;
}

std::vector<InnovationSummary> InnovationsOf(Store& store, const std::string& region_code,
                                             std::vector<RecordStatus> statuses) {
  InnovationQuery query;
  query.region_code = region_code;
  query.statuses = std::move(statuses);
  query.sort = InnovationSort::kTitle;
  query.per_page = 100;
  std::vector<InnovationSummary> all;
  for (query.page = 1;; ++query.page) {
    auto page = store.ListInnovations(query);
    for (auto& item : page.items) all.push_back(std::move(item));
    if (static_cast<long long>(query.page) * query.per_page >= page.total) break;
  }
  return all;
}

std::vector<RoundEntry> RoundOf(Store& store, const std::string& region_code, int year) {
  std::map<Id, Evaluation> evaluations;
  for (auto& evaluation : store.ListEvaluations(region_code, year)) {
    evaluations.emplace(evaluation.innovation_id, std::move(evaluation));
  }
  std::vector<RoundEntry> round;
  auto take = [&](Id id, std::string title, Id agency_id, Continuation continuation) {
    RoundEntry entry{id, std::move(title), agency_id, continuation, std::nullopt};
    if (auto found = evaluations.find(id); found != evaluations.end()) {
      entry.evaluation = std::move(found->second);
      evaluations.erase(found);
    }
    round.push_back(std::move(entry));
  };
  for (auto& item :
       InnovationsOf(store, region_code, {RecordStatus::kVerified, RecordStatus::kPublished})) {
    if (item.year && *item.year > year) continue;
    take(item.id, std::move(item.title), item.agency_id, item.continuation);
  }
  // Evaluated when it was in the round, since sent back or archived: its result stays listed.
  std::vector<Id> others;
  for (const auto& [id, evaluation] : evaluations) others.push_back(id);
  for (Id id : others) {
    if (auto innovation = store.FindInnovation(id)) {
      take(id, innovation->title, innovation->agency_id, innovation->continuation);
    }
  }
  return round;
}

}  // namespace lumbung
