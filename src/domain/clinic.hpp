// The innovation clinic: an innovation moves through the five stages (drum-up, diagnose,
// design, deliver, display; Perbup Bangka Barat 54/2024 Pasal 9-14) only forward, one stage at
// a time, and only past a gate its clinic journal satisfies:
//
//   drum-up  -> diagnose  the idea is written down (a summary or the problem it answers);
//   diagnose -> design    a facilitator accepted the idea;
//   design   -> deliver   the action plan, stakeholder map and communication strategy are
//                         recorded, and a facilitator accepted them;
//   deliver  -> display   the launch and at least one monitoring visit are recorded.
//
// The journal is append-only: every validation, plan, launch, monitoring visit, display event
// and stage change stays, with who recorded it and when.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/dates.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"

namespace lumbung {

// One entry of an innovation's clinic journal. Which fields hold something depends on `kind`:
//   stage_change   stage (the stage reached), date
//   validation     stage (the stage validated), date, validation_method, decision, notes
//   design_plan    stage (design), action_plan, stakeholder_map, communication_strategy
//   launch         stage (deliver), date, notes
//   monitoring     stage, date, monitoring_method, findings, obstacles
//   display_event  stage (display), date, event_kind, event_name, feedback
struct ClinicEntry {
  Id id = 0;
  Id innovation_id = 0;
  std::string region_code;
  ClinicEntryKind kind = ClinicEntryKind::kMonitoring;
  Stage stage = Stage::kDrumUp;
  std::string date;  // YYYY-MM-DD: when it happened

  std::optional<ValidationMethod> validation_method;
  std::optional<Decision> decision;
  std::optional<MonitoringMethod> monitoring_method;
  std::optional<DisplayEventKind> event_kind;

  std::string notes;
  std::string action_plan;
  std::string stakeholder_map;
  std::string communication_strategy;
  std::string findings;
  std::string obstacles;
  std::string event_name;
  std::string feedback;

  std::optional<Id> user_id;  // who recorded it
  std::string actor_name;
  std::string created_at;
};

// The stage after `stage`, or nothing after display.
std::optional<Stage> NextStage(Stage stage);

// What the innovation still lacks to pass from its stage to the next, given its journal
// (oldest first). Each gap names the field or entry to provide; empty when the gate is open.
// Display is the last stage: moving on from it is refused.
std::vector<FieldError> GateGaps(const Innovation& innovation,
                                 const std::vector<ClinicEntry>& journal);

// Checks a move of `innovation` to stage `to`: only the next stage, past an open gate.
Status CheckStageMove(const Innovation& innovation, Stage to,
                      const std::vector<ClinicEntry>& journal);

// The fields of a new journal entry (not a stage change) that break a rule, for the
// innovation as it stands and its journal so far; `today` is the date in the region. A
// validation belongs to diagnose or design and to the stage the innovation is in; a design
// plan to design; a launch to deliver, once; monitoring to deliver or display, after the
// launch; a display event to display. Dates are never in the future.
std::vector<FieldError> CheckClinicEntry(const ClinicEntry& entry, const Innovation& innovation,
                                         const std::vector<ClinicEntry>& journal,
                                         const Date& today);

// Whether an entry of `kind` can be recorded at the innovation's stage, given its journal: a
// validation at diagnose or design, a design plan at design, the launch at deliver once,
// monitoring once launched, display events at display. Stage changes are never recorded.
bool FitsStage(ClinicEntryKind kind, const Innovation& innovation,
               const std::vector<ClinicEntry>& journal);

// The latest validation of `stage` in the journal, if any.
const ClinicEntry* LatestValidation(const std::vector<ClinicEntry>& journal, Stage stage);

// Whether the innovation waits for a facilitator: it is in diagnose or design and its stage
// has no validation yet, or the latest asked for a revision.
bool AwaitsValidation(const Innovation& innovation, const std::vector<ClinicEntry>& journal);

}  // namespace lumbung
