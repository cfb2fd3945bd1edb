// What people do in the innovation clinic, through the API or the pages alike: the policy
// decides who may, domain/clinic.hpp what the record allows, and every change is written in one
// transaction with its journal entry and audit entries.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/clinic.hpp"
#include "domain/compliance.hpp"
#include "domain/dates.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"

namespace lumbung {

// Moves `innovation` to the stage `to` for `actor`: the next stage only, past an open gate.
// The move is recorded in the journal. kForbidden when the actor may not; kStale when the
// innovation changed since `expected_version` (0: whatever its version).
Result<Innovation> AdvanceStageAs(Store& store, Clock clock, const Actor& actor,
                                  const Innovation& innovation, Stage to,
                                  std::int64_t expected_version);

// Records `entry` in the journal of `innovation` for `actor`. `structural` holds the errors met
// while reading the input; they are reported with the rule checks. A validation is the
// facilitators' alone; monitoring the agency's or the clinic's; the rest the agency's.
Result<ClinicEntry> RecordClinicEntryAs(Store& store, Clock clock, const Actor& actor,
                                        const Innovation& innovation, ClinicEntry entry,
                                        std::vector<FieldError> structural);

// Whether `actor` may record an entry of `kind` on `innovation`.
bool MayRecord(const Actor& actor, const Innovation& innovation, ClinicEntryKind kind);

// The innovations of a region that wait for a facilitator's validation, longest waiting first.
std::vector<Innovation> AwaitingValidation(Store& store, const std::string& region_code);

// The region's standing against its yearly target in `year`, as of today in the region.
ComplianceReport ComplianceOf(Store& store, Clock clock, const Region& region, int year);

}  // namespace lumbung
