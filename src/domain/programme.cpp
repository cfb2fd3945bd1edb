#include "domain/programme.hpp"

#include <algorithm>
#include <set>

#include "domain/messages.hpp"
#include "domain/validation.hpp"

namespace lumbung {
namespace {

bool Blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Checks a date that must be given and read; returns it when it does.
std::optional<Date> CheckDate(std::vector<FieldError>& errors, const std::string& field,
                              const std::string& text) {
  if (text.empty()) {
    errors.push_back(msg::Required(field));
    return std::nullopt;
  }
  auto date = ParseDate(text);
  if (!date) {
    errors.push_back(msg::BadDate(field));
  } else if (date->year < kFirstYear) {
    errors.push_back(msg::OutOfRange(field + ".year", kFirstYear, 9999));
    return std::nullopt;
  }
  return date;
}

}  // namespace

Error NotFoundError(const Activity*) { return msg::NotFound("Kegiatan", "Activity"); }
Error NotFoundError(const Team*) { return msg::NotFound("Tim pelaksana", "Implementation team"); }

bool IsTraining(ActivityKind kind) {
  return kind == ActivityKind::kOrganisationalTraining ||
         kind == ActivityKind::kIndividualTraining || kind == ActivityKind::kSystemTraining;
}

std::vector<FieldError> CheckActivity(const Activity& activity, const Date& today) {
  std::vector<FieldError> errors;
  CheckText(errors, "title", activity.title, kMaxNameLength, true);
  CheckText(errors, "place", activity.place, kMaxNameLength, false);
  CheckText(errors, "advice", activity.advice, kMaxProgrammeTextLength, false);
  if (auto date = CheckDate(errors, "date", activity.date)) {
    if (date->year > today.year + 1) {
      errors.push_back(msg::Inconsistent(
          "date", {"Kegiatan hanya dapat dijadwalkan sampai akhir tahun depan.",
                   "An activity can be scheduled up to the end of next year only."}));
    } else if (*date > today && !Blank(activity.advice)) {
      errors.push_back(msg::Inconsistent(
          "advice", {"Saran dicatat setelah kegiatan berlangsung. Kosongkan saran, atau "
                     "perbaiki tanggalnya bila kegiatan sudah terlaksana.",
                     "Advice is recorded once the activity has taken place. Leave it empty, or "
                     "correct the date if the activity has already happened."}));
    }
  }
  if (activity.agencies.empty()) {
    errors.push_back(msg::Inconsistent(
        "agencies", {"Pilih paling sedikit satu perangkat daerah yang dilayani kegiatan ini.",
                     "Choose at least one agency the activity served."}));
  }
  if (activity.agencies.size() > kMaxListItems) {
    errors.push_back(msg::TooMany("agencies", kMaxListItems));
  }
  std::set<Id> agencies;
  for (std::size_t i = 0; i < activity.agencies.size(); ++i) {
    const auto& unit = activity.agencies[i];
    std::string field = "agencies[" + std::to_string(i) + "]";
    if (!agencies.insert(unit.agency_id).second) errors.push_back(msg::Duplicate(field));
    if (unit.participants < 1 || unit.participants > kMaxParticipants) {
      errors.push_back(msg::OutOfRange(field + ".participants", 1, kMaxParticipants));
    }
  }
  if (activity.innovations.size() > kMaxListItems) {
    errors.push_back(msg::TooMany("innovations", kMaxListItems));
  }
  std::set<Id> innovations;
  for (std::size_t i = 0; i < activity.innovations.size(); ++i) {
    if (!innovations.insert(activity.innovations[i]).second) {
      errors.push_back(msg::Duplicate("innovations[" + std::to_string(i) + "]"));
    }
  }
  return errors;
}

std::vector<FieldError> CheckTeam(const Team& team, const Date& today) {
  std::vector<FieldError> errors;
  CheckText(errors, "decree_number", team.decree_number, kMaxDecreeNumberLength, true);
  if (auto date = CheckDate(errors, "decree_date", team.decree_date); date && *date > today) {
    errors.push_back(msg::InFuture("decree_date"));
  }
  if (team.members.empty()) {
    errors.push_back(
        msg::Inconsistent("members", {"Tuliskan anggota tim sebagaimana tercantum dalam SK.",
                                      "List the team's members as the decree names them."}));
  }
  if (team.members.size() > kMaxListItems) errors.push_back(msg::TooMany("members", kMaxListItems));
  for (std::size_t i = 0; i < team.members.size(); ++i) {
    std::string field = "members[" + std::to_string(i) + "]";
    CheckText(errors, field + ".name", team.members[i].name, kMaxNameLength, true);
    CheckText(errors, field + ".position", team.members[i].position, kMaxNameLength, false);
  }
  auto chairs = std::count_if(team.members.begin(), team.members.end(),
                              [](const TeamMember& m) { return m.role == TeamRole::kChair; });
  if (!team.members.empty() && chairs != 1) {
    errors.push_back(msg::Inconsistent(
        "members", {"Tim memiliki tepat satu ketua. Tandai satu anggota sebagai ketua.",
                    "A team has exactly one chair. Mark one member as the chair."}));
  }
  return errors;
}

std::vector<FieldError> CheckEvaluation(const Evaluation& evaluation, const Date& today) {
  std::vector<FieldError> errors;
  if (evaluation.year == 0) {
    errors.push_back(msg::Required("year"));
  } else if (evaluation.year < kFirstYear || evaluation.year > today.year) {
    errors.push_back(msg::OutOfRange("year", kFirstYear, today.year));
  }
  CheckText(errors, "report", evaluation.report, kMaxProgrammeTextLength, true);
  CheckText(errors, "advice", evaluation.advice, kMaxProgrammeTextLength, true);
  return errors;
}

bool InRound(const Innovation& innovation) {
  return innovation.status == RecordStatus::kVerified ||
         innovation.status == RecordStatus::kPublished;
}

std::vector<FieldError> CheckContinuation(const Innovation& innovation, Continuation state,
                                          const std::string& date, const std::string& reason,
                                          const Date& today) {
  std::vector<FieldError> errors;
  if (auto since = CheckDate(errors, "date", date)) {
    if (*since > today) {
      errors.push_back(msg::InFuture("date"));
    } else if (innovation.year && since->year < *innovation.year) {
      errors.push_back(msg::Inconsistent(
          "date", {"Tanggal ini sebelum inovasi dimulai (" + std::to_string(*innovation.year) +
                       "). Periksa tanggalnya.",
                   "This date is before the innovation started (" +
                       std::to_string(*innovation.year) + "). Check the date."}));
    }
  }
  CheckText(errors, "reason", reason, kMaxShortTextLength, state != Continuation::kActive);
  return errors;
}

}  // namespace lumbung
