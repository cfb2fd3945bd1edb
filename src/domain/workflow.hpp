// The workflow of an innovation record: draft -> submitted -> (approved by the agency head,
// where the region asks for it) -> verified or rejected -> published -> archived.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"

namespace lumbung {

// One step of the workflow.
enum class Transition { kSubmit, kApprove, kVerify, kReject, kPublish, kArchive };

std::optional<Transition> ParseTransition(std::string_view name);
std::string_view TransitionName(Transition transition);
// The policy action that allows the step.
Action ActionOf(Transition transition);

// What a submission still lacks: title, agency, type, form, problem (background), design,
// goals and benefits must be filled.
std::vector<FieldError> SubmissionGaps(const Innovation& innovation);

// The innovation after the step, or why the step cannot be taken from its current state.
// `now` is recorded as the approval time; `reason` is required to reject.
Result<Innovation> ApplyTransition(const Innovation& innovation, Transition transition,
                                   const Region& region, std::string_view reason,
                                   const std::string& now);

}  // namespace lumbung
