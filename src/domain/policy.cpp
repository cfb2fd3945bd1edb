#include "domain/policy.hpp"

#include <algorithm>

namespace lumbung {

bool Actor::Holds(Role role) const {
  return std::any_of(roles.begin(), roles.end(),
                     [&](const RoleGrant& g) { return g.role == role; });
}

bool Actor::HoldsInRegion(Role role, std::string_view region_code) const {
  return std::any_of(roles.begin(), roles.end(), [&](const RoleGrant& g) {
    return g.role == role && g.region_code == region_code;
  });
}

bool Actor::HoldsInAgency(Role role, Id agency_id) const {
  return std::any_of(roles.begin(), roles.end(), [&](const RoleGrant& g) {
    return g.role == role && g.agency_id == agency_id && agency_id != 0;
  });
}

Actor Actor::Public(std::string address) {
  Actor actor;
  actor.name = "public";
  actor.address = std::move(address);
  return actor;
}

Actor Actor::System() {
  Actor actor;
  actor.name = "system";
  actor.address = "cli";
  actor.roles.push_back({Role::kAdmin, "", 0, 0});
  return actor;
}

Subject SubjectOf(const Innovation& innovation) {
  return {innovation.region_code, innovation.agency_id, innovation.status};
}

namespace {

bool IsAdmin(const Actor& actor) { return actor.Holds(Role::kAdmin); }

bool RegionAdmin(const Actor& actor, const Subject& subject) {
  return IsAdmin(actor) || actor.HoldsInRegion(Role::kRegionAdmin, subject.region_code);
}

// Works for the agency that owns the record, in any role there.
bool OfAgency(const Actor& actor, const Subject& subject) {
  return actor.HoldsInAgency(Role::kAgencyOperator, subject.agency_id) ||
         actor.HoldsInAgency(Role::kAgencyHead, subject.agency_id);
}

// Holds any role in the region: its team, its facilitators, or a role in one of its agencies.
bool InRegion(const Actor& actor, const std::string& region_code) {
  return IsAdmin(actor) ||
         std::any_of(actor.roles.begin(), actor.roles.end(), [&](const RoleGrant& g) {
           return g.role != Role::kJuror && g.region_code == region_code;
         });
}

bool Writes(const Actor& actor) { return !actor.read_only && !actor.IsAnonymous(); }

}  // namespace

bool Allows(const Actor& actor, Action action, const Subject& subject) {
  bool editable =
      subject.status == RecordStatus::kDraft || subject.status == RecordStatus::kRejected;
  switch (action) {
    case Action::kReadInnovation:
      return subject.status == RecordStatus::kPublished || RegionAdmin(actor, subject) ||
             OfAgency(actor, subject) ||
             actor.HoldsInRegion(Role::kFacilitator, subject.region_code);
    case Action::kReadHistory:
      return Allows(actor, Action::kReadInnovation, subject);
    case Action::kCreateInnovation:
      // Operators write their own agency's drafts; the region's team may enter any.
      return Writes(actor) && (actor.HoldsInAgency(Role::kAgencyOperator, subject.agency_id) ||
                               RegionAdmin(actor, subject));
    case Action::kEditInnovation:
    case Action::kDeleteInnovation:
    case Action::kSubmit:
      return Writes(actor) && editable &&
             (actor.HoldsInAgency(Role::kAgencyOperator, subject.agency_id) ||
              RegionAdmin(actor, subject));
    case Action::kApprove:
      return Writes(actor) && actor.HoldsInAgency(Role::kAgencyHead, subject.agency_id);
    case Action::kVerify:
    case Action::kReject:
    case Action::kPublish:
    case Action::kArchive:
      return Writes(actor) && RegionAdmin(actor, subject);
    case Action::kManageRegions:
      return Writes(actor) && IsAdmin(actor);
    case Action::kManageAgencies:
    case Action::kManageUsers:
      return Writes(actor) && RegionAdmin(actor, subject);
    case Action::kReadAudit:
    case Action::kReadPersonalData:
    case Action::kReviewDuplicates:
      return RegionAdmin(actor, subject);
    // The clinic works on the innovation whatever its record's status: an innovation keeps
    // running, and moving through the stages, after its profile is published.
    case Action::kReadClinic:
      return RegionAdmin(actor, subject) || OfAgency(actor, subject) ||
             actor.HoldsInRegion(Role::kFacilitator, subject.region_code);
    case Action::kAdvanceStage:
    case Action::kRecordClinicWork:
      return Writes(actor) && (actor.HoldsInAgency(Role::kAgencyOperator, subject.agency_id) ||
                               RegionAdmin(actor, subject));
    case Action::kRecordMonitoring:
      return Writes(actor) && (actor.HoldsInAgency(Role::kAgencyOperator, subject.agency_id) ||
                               RegionAdmin(actor, subject) ||
                               actor.HoldsInRegion(Role::kFacilitator, subject.region_code));
    case Action::kValidateStage:
      // Only the clinic's facilitators validate: not the agency, not the region's admins.
      return Writes(actor) && actor.HoldsInRegion(Role::kFacilitator, subject.region_code);
    case Action::kReadClinicQueue:
    case Action::kReadCompliance:
      return RegionAdmin(actor, subject) ||
             actor.HoldsInRegion(Role::kFacilitator, subject.region_code);
    // The programme is the region's: its team and its facilitators run the sessions and the
    // yearly evaluation; an agency keeps its own team and says whether its innovations run.
    case Action::kReadProgramme:
      return InRegion(actor, subject.region_code);
    case Action::kManageActivities:
    case Action::kRecordEvaluation:
      return Writes(actor) && (RegionAdmin(actor, subject) ||
                               actor.HoldsInRegion(Role::kFacilitator, subject.region_code));
    case Action::kManageTeam:
      return Writes(actor) && (RegionAdmin(actor, subject) ||
                               actor.HoldsInAgency(Role::kAgencyOperator, subject.agency_id));
    case Action::kReadEvaluations:
      return RegionAdmin(actor, subject) || OfAgency(actor, subject) ||
             actor.HoldsInRegion(Role::kFacilitator, subject.region_code);
    case Action::kSetContinuation:
      return Writes(actor) && (actor.HoldsInAgency(Role::kAgencyOperator, subject.agency_id) ||
                               RegionAdmin(actor, subject));
  }
  return false;
}

void RestrictToVisible(const Actor& actor, InnovationQuery& query) {
  if (IsAdmin(actor)) return;
  query.visible_everywhere = {RecordStatus::kPublished};
  for (const auto& grant : actor.roles) {
    if (grant.role == Role::kRegionAdmin || grant.role == Role::kFacilitator) {
      query.visible_regions.push_back(grant.region_code);
    } else if (grant.role == Role::kAgencyOperator || grant.role == Role::kAgencyHead) {
      query.visible_agencies.push_back(grant.agency_id);
    }
  }
  query.restricted = true;
}

bool CanSee(const Actor& actor, const Innovation& innovation) {
  return Allows(actor, Action::kReadInnovation, SubjectOf(innovation));
}

}  // namespace lumbung
