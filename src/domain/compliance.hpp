// The yearly target: every agency and BUMD delivers at least one innovation a year (Perwal
// Pasuruan 31/2018 Pasal 4, Perbup Bangka Barat 54/2024 Pasal 4) and, where the region turns it
// on, every Eselon III unit too (Kota Batu 2023). The region's TargetRule says how many, which
// innovations count and by when; this file counts, and says who met it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/model.hpp"

namespace lumbung {

// Where a unit stands against the target of the year.
enum class TargetState {
  kMet,
  kPending,  // not yet, and the deadline is more than kReminderDays away
  kAtRisk,   // not yet, and the deadline is near
  kMissed,   // the deadline passed without it
};

// The API spelling of a state: met, pending, at_risk, missed.
const char* TargetStateName(TargetState state);

// How many days before the deadline a unit that has not met the target is reminded.
inline constexpr int kReminderDays = 60;

// How an innovation counts towards the target of a year, if at all.
enum class Counted { kNo, kNew, kDeveloped };

// An innovation counts for year Y when it is far enough along (the rule's maturity and, where
// asked, verified or published) and either started in Y (new) or started earlier and reached
// trial or implementation in Y (developed). Without a starting year, the year it was recorded
// stands in.
Counted CountsFor(const Innovation& innovation, const TargetRule& rule, int year);

// One agency's (or Eselon III unit's) standing.
struct UnitStanding {
  Agency unit;
  int new_innovations = 0;
  int developed_innovations = 0;
  TargetState state = TargetState::kPending;
  std::vector<Id> innovation_ids;  // what counted, for the dashboard to link
};

// The innovations and units that delivered in one year.
struct YearFigures {
  int year = 0;
  int innovations = 0;
  int units = 0;  // distinct agencies and sub-units the innovations belong to
};

// The region's compliance with the target in a year.
struct ComplianceReport {
  std::string region_code;
  int year = 0;
  TargetRule rule;
  std::string deadline;  // YYYY-MM-DD of the year
  int days_left = 0;     // until the deadline; negative once it passed
  // Agencies and BUMD with a target: top-level regional agencies, BUMD and districts.
  // Technical units and sub-units count towards the agency they belong to.
  std::vector<UnitStanding> agencies;
  // Eselon III units, when the rule asks for them; empty otherwise.
  std::vector<UnitStanding> echelon_iii;
  // Every year from the earliest with a counted innovation (at most ten back) to `year`.
  std::vector<YearFigures> years;
};

// The day of `year` the rule's deadline falls on (28 February for 29 February in other years).
Date DeadlineIn(const TargetRule& rule, int year);

// Counts `innovations` (all of the region's) against the rule for `year`. `today` is the date
// in the region; it decides which units are at risk or missed.
ComplianceReport Compliance(const Region& region, const std::vector<Agency>& agencies,
                            const std::vector<Innovation>& innovations, int year,
                            const Date& today);

// The standing of one agency in a report, if it has a target.
const UnitStanding* StandingOf(const ComplianceReport& report, Id agency_id);

}  // namespace lumbung
