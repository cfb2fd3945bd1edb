// The region's innovation programme around the records: the clinic's sessions and the training
// it holds for its agencies, the implementation teams set by decree, the yearly monitoring and
// evaluation round, and whether each innovation still runs.
//
// The checks here are the records' own rules; domain/programme_actions.hpp adds who may and
// what the other records must be.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"

namespace lumbung {

// An agency an activity served, and how many of its people took part.
struct ActivityUnit {
  Id agency_id = 0;
  int participants = 1;

  bool operator==(const ActivityUnit&) const = default;
};

// A consultation or a training the region holds: a coaching clinic, a desk consultation or a
// workshop of the innovation clinic; or training of the organisation, of individuals or of the
// system. It may be scheduled ahead; what was advised is written once it has taken place.
struct Activity {
  Id id = 0;
  std::string region_code;
  ActivityKind kind = ActivityKind::kCoachingClinic;
  std::string title;
  std::string date;  // ISO 8601: the day it takes (or took) place
  std::string place;
  std::vector<ActivityUnit> agencies;  // the agencies served, with their participants
  std::vector<Id> innovations;         // the innovations discussed
  std::string advice;                  // what was advised, or what the training gave
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// Whether `kind` is a training (Perwal Pasuruan 31/2018 Pasal 8) rather than a consultation.
bool IsTraining(ActivityKind kind);

// A member of an implementation team as the decree names them: name and position (jabatan)
// only; a civil servant's NIP and contacts stay in their account.
struct TeamMember {
  std::string name;
  std::string position;
  TeamRole role = TeamRole::kMember;

  bool operator==(const TeamMember&) const = default;
};

// An implementation team (Perbup Bangka Barat 54/2024 Pasal 15): the region's, set by the head
// of region's decree, or an agency's or BUMD's, set by its head's decree. A new decree is a new
// team; the one with the latest decree date is the unit's current team.
struct Team {
  Id id = 0;
  std::string region_code;
  std::optional<Id> agency_id;  // none: the region's own team
  std::string decree_number;    // nomor SK
  std::string decree_date;      // ISO 8601
  std::vector<TeamMember> members;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// One innovation's result in a year's monitoring and evaluation round (Perbup Bangka Barat
// 54/2024 Pasal 16): how it progresses, the progress report and the advice for improvement.
// One per innovation and year; recording it again replaces it, and the audit keeps the old.
struct Evaluation {
  Id innovation_id = 0;
  int year = 0;
  std::string region_code;
  Progress progress = Progress::kOnTrack;
  std::string report;  // laporan kemajuan: what the monitoring found
  std::string advice;  // saran dan masukan perbaikan
  std::optional<Id> user_id;
  std::string actor_name;
  std::string recorded_at;  // ISO 8601 timestamp
};

// The answer to an activity or a team that is not there; the argument only says which.
Error NotFoundError(const Activity*);
Error NotFoundError(const Team*);

// Limits of the programme's texts, in characters.
inline constexpr std::size_t kMaxDecreeNumberLength = 100;
inline constexpr std::size_t kMaxProgrammeTextLength = 5000;
inline constexpr int kMaxParticipants = 100000;

// The fields of `activity` that break its own rules; `today` is the date in the region. An
// activity may be scheduled up to the end of next year, and advice waits until it took place.
std::vector<FieldError> CheckActivity(const Activity& activity, const Date& today);

// The fields of `team` that break its own rules: a decree number and a past date, and members
// with names, exactly one of them the chair.
std::vector<FieldError> CheckTeam(const Team& team, const Date& today);

// The fields of `evaluation` that break its own rules: a year that has begun, a report and
// advice.
std::vector<FieldError> CheckEvaluation(const Evaluation& evaluation, const Date& today);

// Whether an innovation takes part in the monitoring and evaluation round: the region has
// verified or published it.
bool InRound(const Innovation& innovation);

// The errors of a change of `innovation`'s continuation to `state` since `date` for `reason`:
// a date that is not in the future and not before the innovation started, and a reason when
// it rests or stops.
std::vector<FieldError> CheckContinuation(const Innovation& innovation, Continuation state,
                                          const std::string& date, const std::string& reason,
                                          const Date& today);

}  // namespace lumbung
