// The one policy: who may do what to which record. Every API route and every page asks here;
// nothing else decides.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/model.hpp"
#include "domain/store.hpp"

namespace lumbung {

// Things an actor may try.
enum class Action {
  kReadInnovation,
  kCreateInnovation,
  kEditInnovation,
  kDeleteInnovation,
  kSubmit,
  kApprove,
  kVerify,
  kReject,
  kPublish,
  kArchive,
  kReadHistory,
  kManageRegions,     // create regions
  kManageAgencies,    // create, change and delete a region's agencies
  kManageUsers,       // a region's users
  kReadAudit,         // a region's audit log
  kReviewDuplicates,  // the region's likely duplicate innovations
  kReadPersonalData,
  // The innovation clinic (domain/clinic.hpp).
  kReadClinic,        // an innovation's clinic journal
  kAdvanceStage,      // move an innovation to its next stage
  kRecordClinicWork,  // the agency's own entries: design plan, launch, display events
  kRecordMonitoring,  // monitoring visits: the agency, or the clinic
  kValidateStage,     // a facilitator's validation of diagnose or design
  kReadClinicQueue,   // a region's innovations waiting for a facilitator
  kReadCompliance,    // a region's yearly target: who met it
  // The region's programme (domain/programme.hpp).
  kReadProgramme,     // a region's clinic sessions, training and implementation teams
  kManageActivities,  // schedule and record the region's sessions and training
  kManageTeam,        // the region's team (agency_id 0), or an agency's
  kReadEvaluations,   // an innovation's monitoring and evaluation results, or a region's
  kRecordEvaluation,  // record the yearly monitoring and evaluation of an innovation
  kSetContinuation,   // say whether an innovation still runs
};

// What the action is about. Leave fields empty where they do not apply.
struct Subject {
  std::string region_code;
  Id agency_id = 0;
  RecordStatus status = RecordStatus::kDraft;
};

Subject SubjectOf(const Innovation& innovation);

// Whether `actor` may do `action` to `subject`.
bool Allows(const Actor& actor, Action action, const Subject& subject);

// Narrows a list query to what `actor` may see: published records everywhere, and every
// record of the regions and agencies the actor works for.
void RestrictToVisible(const Actor& actor, InnovationQuery& query);

// Whether the actor may see this innovation at all (the same rule as RestrictToVisible).
bool CanSee(const Actor& actor, const Innovation& innovation);

}  // namespace lumbung
