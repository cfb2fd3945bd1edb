// What a person does to innovations, through the API or the pages alike: the policy decides,
// the registry writes. A refusal comes back as an error: kForbidden when the actor may not,
// kInvalid naming every field at fault, kConflict or kStale from the registry.
#pragma once

#include <string_view>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/dates.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"
#include "domain/workflow.hpp"

namespace lumbung {

// Creates `draft` for `actor`. `structural` holds the errors met while reading the input
// (a year that is not a number); they are reported together with the rule checks.
Result<Innovation> CreateInnovationAs(Store& store, Clock clock, const Actor& actor,
                                      Innovation draft, std::vector<FieldError> structural);

// Replaces `before` (as read from the store) by `changed` for `actor`, provided the record is
// still at `expected_version`.
Result<Innovation> UpdateInnovationAs(Store& store, Clock clock, const Actor& actor,
                                      const Innovation& before, Innovation changed,
                                      std::vector<FieldError> structural,
                                      std::int64_t expected_version);

// Takes one workflow step on `innovation` for `actor`.
Result<Innovation> TransitionAs(Store& store, Clock clock, const Actor& actor,
                                const Innovation& innovation, Transition transition,
                                std::string_view reason);

// The steps `actor` may take on `innovation` now, in workflow order.
std::vector<Transition> AvailableTransitions(const Actor& actor, const Innovation& innovation,
                                             const Region& region);

// The refusal given when the actor may not act.
Error NotAllowed();

}  // namespace lumbung
