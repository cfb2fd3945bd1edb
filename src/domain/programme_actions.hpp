// What people do with the region's programme, through the API or the pages alike: the policy
// decides who may, domain/programme.hpp what each record allows, and here what the records it
// names must be. Each change is written in one transaction with its audit entries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/dates.hpp"
#include "domain/programme.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"

namespace lumbung {

// Saves `activity` for `actor`: a new one when its id is 0, otherwise the stored one, which must
// still be at `expected_version`. `structural` holds the errors met while reading the input;
// they are reported with the rule checks. The agencies served must be the region's, and each
// innovation discussed the region's and of an agency served.
Result<Activity> SaveActivityAs(Store& store, Clock clock, const Actor& actor, Activity activity,
                                std::vector<FieldError> structural, std::int64_t expected_version);
Status DeleteActivityAs(Store& store, const Actor& actor, const Activity& activity,
                        std::int64_t expected_version);

// Saves `team` for `actor` as SaveActivityAs does. An agency's team belongs to an agency of
// the region; the region's team is its own team's to keep, an agency's team also its operators'.
Result<Team> SaveTeamAs(Store& store, Clock clock, const Actor& actor, Team team,
                        std::vector<FieldError> structural, std::int64_t expected_version);
Status DeleteTeamAs(Store& store, const Actor& actor, const Team& team,
                    std::int64_t expected_version);

// Records `evaluation` of `innovation` for `actor`, replacing the year's earlier one. Only an
// innovation in the round (domain/programme.hpp InRound) is evaluated.
Result<Evaluation> RecordEvaluationAs(Store& store, Clock clock, const Actor& actor,
                                      const Innovation& innovation, Evaluation evaluation,
                                      std::vector<FieldError> structural);

// Sets whether `innovation` still runs, since `date`, for `reason`; kStale when it changed
// since `expected_version` (0: whatever its version).
Result<Innovation> SetContinuationAs(Store& store, Clock clock, const Actor& actor,
                                     const Innovation& innovation, Continuation state,
                                     const std::string& date, const std::string& reason,
                                     std::int64_t expected_version);

// Every innovation of a region with one of `statuses` (any status when empty), by title, read
// a page at a time rather than one record at a time.
std::vector<InnovationSummary> InnovationsOf(Store& store, const std::string& region_code,
                                             std::vector<RecordStatus> statuses);

// One innovation of a year's monitoring and evaluation round, and its result when recorded.
struct RoundEntry {
  Id innovation_id = 0;
  std::string title;
  Id agency_id = 0;
  Continuation continuation = Continuation::kActive;
  std::optional<Evaluation> evaluation;
};

// A region's round of `year`: every innovation in the round that had started by then, by title,
// then any other the year's evaluations name.
std::vector<RoundEntry> RoundOf(Store& store, const std::string& region_code, int year);

}  // namespace lumbung
