#include "domain/compliance.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace lumbung {
namespace {

std::chrono::sys_days DaysOf(const Date& date) {
  return std::chrono::sys_days{std::chrono::year{date.year} /
                               std::chrono::month{static_cast<unsigned>(date.month)} /
                               std::chrono::day{static_cast<unsigned>(date.day)}};
}

bool InYear(const std::string& iso_date, int year) {
  return iso_date.size() >= 4 && iso_date.compare(0, 4, std::to_string(year)) == 0;
}

int StartYear(const Innovation& innovation) {
  if (innovation.year) return *innovation.year;
  return innovation.created_at.size() >= 4 ? std::atoi(innovation.created_at.substr(0, 4).c_str())
                                           : 0;
}

// Agencies with a target of their own: not technical units, sub-units or "other" bodies.
bool HasTarget(const Agency& agency) {
  return !agency.parent_id &&
         (agency.kind == AgencyKind::kRegionalAgency ||
          agency.kind == AgencyKind::kRegionalCompany || agency.kind == AgencyKind::kDistrict);
}

}  // namespace

const char* TargetStateName(TargetState state) {
  switch (state) {
    case TargetState::kMet:
      return "met";
    case TargetState::kPending:
      return "pending";
    case TargetState::kAtRisk:
      return "at_risk";
    case TargetState::kMissed:
      return "missed";
  }
  return "pending";
}

Counted CountsFor(const Innovation& innovation, const TargetRule& rule, int year) {
  bool far_enough =
      static_cast<int>(innovation.maturity) >= static_cast<int>(rule.minimum_maturity);
  bool verified =
      innovation.status == RecordStatus::kVerified || innovation.status == RecordStatus::kPublished;
  bool recorded =
      verified || (!rule.verified_only && innovation.status == RecordStatus::kSubmitted);
  if (!far_enough || !recorded) return Counted::kNo;
  int started = StartYear(innovation);
  if (started == year) return Counted::kNew;
  bool advanced = innovation.implementation_year == year || InYear(innovation.trial_date, year) ||
                  InYear(innovation.implementation_date, year);
  if (started < year && advanced) return Counted::kDeveloped;
  return Counted::kNo;
}

Date DeadlineIn(const TargetRule& rule, int year) {
  auto parsed = ParseDate(std::to_string(year) + "-" + rule.deadline);
  if (parsed) return *parsed;
  if (rule.deadline == "02-29") return {year, 2, 28};
  return {year, 12, 31};
}

ComplianceReport Compliance(const Region& region, const std::vector<Agency>& agencies,
                            const std::vector<Innovation>& innovations, int year,
                            const Date& today) {
  ComplianceReport report;
  report.region_code = region.code;
  report.year = year;
  report.rule = region.target;
  Date deadline = DeadlineIn(region.target, year);
  report.deadline = FormatDate(deadline);
  report.days_left = static_cast<int>((DaysOf(deadline) - DaysOf(today)).count());

  // Each agency's ancestors, to credit a sub-unit's innovation to its agency and Eselon III unit.
  std::map<Id, const Agency*> by_id;
  for (const auto& agency : agencies) by_id[agency.id] = &agency;
  auto top_of = [&](Id id) {
    const Agency* at = by_id.count(id) ? by_id[id] : nullptr;
    for (int hops = 0; at != nullptr && at->parent_id && hops < 100; ++hops) {
      auto parent = by_id.find(*at->parent_id);
      if (parent == by_id.end()) break;
      at = parent->second;
    }
    return at;
  };
  auto echelon_iii_of = [&](Id id) -> const Agency* {
    const Agency* at = by_id.count(id) ? by_id[id] : nullptr;
    for (int hops = 0; at != nullptr && hops < 100; ++hops) {
      if (at->echelon == 3) return at;
      if (!at->parent_id || !by_id.count(*at->parent_id)) break;
      at = by_id[*at->parent_id];
    }
    return nullptr;
  };

  std::map<Id, UnitStanding> agency_standing, unit_standing;
  for (const auto& agency : agencies) {
    if (HasTarget(agency)) agency_standing[agency.id].unit = agency;
    if (region.target.per_echelon_iii && agency.echelon == 3) {
      unit_standing[agency.id].unit = agency;
    }
  }
  auto credit = [](UnitStanding& standing, Counted counted, Id innovation_id) {
    (counted == Counted::kNew ? standing.new_innovations : standing.developed_innovations)++;
    standing.innovation_ids.push_back(innovation_id);
  };

  // The year-over-year figures: innovations and the units they came from, per year.
  std::map<int, std::pair<int, std::set<Id>>> per_year;
  for (const auto& innovation : innovations) {
    for (int y = year - 9; y <= year; ++y) {
      if (CountsFor(innovation, region.target, y) == Counted::kNo) continue;
      per_year[y].first++;
      per_year[y].second.insert(innovation.agency_id);
    }
    Counted counted = CountsFor(innovation, region.target, year);
    if (counted == Counted::kNo) continue;
    if (const Agency* top = top_of(innovation.agency_id)) {
      if (auto found = agency_standing.find(top->id); found != agency_standing.end()) {
        credit(found->second, counted, innovation.id);
      }
    }
    if (const Agency* unit = echelon_iii_of(innovation.agency_id)) {
      if (auto found = unit_standing.find(unit->id); found != unit_standing.end()) {
        credit(found->second, counted, innovation.id);
      }
    }
  }
  if (!per_year.empty()) {
    for (int y = per_year.begin()->first; y <= year; ++y) {
      auto found = per_year.find(y);
      report.years.push_back(
          {y, found == per_year.end() ? 0 : found->second.first,
           found == per_year.end() ? 0 : static_cast<int>(found->second.second.size())});
    }
  }

  auto settle = [&](std::map<Id, UnitStanding>& standings, std::vector<UnitStanding>& out) {
    for (auto& [id, standing] : standings) {
      int delivered = standing.new_innovations + standing.developed_innovations;
      if (delivered >= region.target.count) {
        standing.state = TargetState::kMet;
      } else if (report.days_left < 0) {
        standing.state = TargetState::kMissed;
      } else if (report.days_left <= kReminderDays) {
        standing.state = TargetState::kAtRisk;
      } else {
        standing.state = TargetState::kPending;
      }
      out.push_back(std::move(standing));
    }
    // Those who still owe the target first, then by name.
    std::stable_sort(out.begin(), out.end(), [](const UnitStanding& a, const UnitStanding& b) {
      bool a_met = a.state == TargetState::kMet, b_met = b.state == TargetState::kMet;
      if (a_met != b_met) return !a_met;
      return a.unit.name < b.unit.name;
    });
  };
  settle(agency_standing, report.agencies);
  settle(unit_standing, report.echelon_iii);
  return report;
}

const UnitStanding* StandingOf(const ComplianceReport& report, Id agency_id) {
  for (const auto& standing : report.agencies) {
    if (standing.unit.id == agency_id) return &standing;
  }
  for (const auto& standing : report.echelon_iii) {
    if (standing.unit.id == agency_id) return &standing;
  }
  return nullptr;
}

}  // namespace lumbung
