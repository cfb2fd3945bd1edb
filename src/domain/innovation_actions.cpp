#include "domain/innovation_actions.hpp"

#include <algorithm>

#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"

namespace lumbung {
namespace {

// A replication may only point at an innovation its author may see; otherwise the answer would
// tell whether a hidden draft exists.
std::optional<FieldError> HiddenOrigin(Store& store, const Actor& actor,
                                       const Innovation& innovation) {
  if (!innovation.replicated_from) return std::nullopt;
  auto origin = store.FindInnovation(*innovation.replicated_from);
  if (origin && CanSee(actor, *origin)) return std::nullopt;
  return msg::NoSuchRecord("replicated_from", "Inovasi asal", "Original innovation");
}

// The structural errors plus the domain's errors for every other field, so that a person
// fixing a form learns of every problem in one answer.
Error InnovationErrors(Registry& registry, const Innovation& innovation,
                       std::vector<FieldError> structural) {
  for (auto& error : registry.CheckInnovation(innovation)) {
    bool named = std::any_of(structural.begin(), structural.end(),
                             [&](const FieldError& known) { return known.field == error.field; });
    if (!named) structural.push_back(std::move(error));
  }
  return msg::Invalid(std::move(structural));
}

}  // namespace

Error NotAllowed() {
  return {ErrorCode::kForbidden,
          {"Anda tidak berwenang melakukan ini.", "You are not allowed to do this."},
          {}};
}

Result<Innovation> CreateInnovationAs(Store& store, Clock clock, const Actor& actor,
                                      Innovation draft, std::vector<FieldError> structural) {
  // The agency names the region when the input leaves it out.
  if (draft.region_code.empty() && draft.agency_id > 0) {
    if (auto agency = store.FindAgency(draft.agency_id)) draft.region_code = agency->region_code;
  }
  // Without an agency there is nothing to ask the policy about yet: the person learns what to
  // fill in, rather than that they may not.
  if (draft.region_code.empty() && draft.agency_id <= 0) {
    structural.push_back(msg::Required("agency_id"));
    return msg::Invalid(std::move(structural));
  }
  if (!Allows(actor, Action::kCreateInnovation, SubjectOf(draft))) return NotAllowed();
  // A hidden origin is reported exactly like a missing one, before anything else is checked.
  if (auto hidden = HiddenOrigin(store, actor, draft)) {
    draft.replicated_from.reset();
    structural.push_back(*hidden);
  }
  Registry registry(store, clock);
  if (!structural.empty()) return InnovationErrors(registry, draft, std::move(structural));
  return registry.CreateInnovation(std::move(draft));
}

Result<Innovation> UpdateInnovationAs(Store& store, Clock clock, const Actor& actor,
                                      const Innovation& before, Innovation changed,
                                      std::vector<FieldError> structural,
                                      std::int64_t expected_version) {
  if (!Allows(actor, Action::kEditInnovation, SubjectOf(before))) return NotAllowed();
  // Only a changed origin is checked: one that was visible when linked may be hidden since.
  if (changed.replicated_from != before.replicated_from) {
    if (auto hidden = HiddenOrigin(store, actor, changed)) {
      changed.replicated_from.reset();
      structural.push_back(*hidden);
    }
  }
  Registry registry(store, clock);
  if (!structural.empty()) return InnovationErrors(registry, changed, std::move(structural));
  // Moving a record to another agency needs the right to write there too.
  if (!Allows(actor, Action::kEditInnovation, SubjectOf(changed))) return NotAllowed();
  return registry.UpdateInnovation(std::move(changed), expected_version);
}

Result<Innovation> TransitionAs(Store& store, Clock clock, const Actor& actor,
                                const Innovation& innovation, Transition transition,
                                std::string_view reason) {
  if (!Allows(actor, ActionOf(transition), SubjectOf(innovation))) return NotAllowed();
  Registry registry(store, clock);
  return registry.Transition(innovation.id, transition, actor, reason);
}

std::vector<Transition> AvailableTransitions(const Actor& actor, const Innovation& innovation,
                                             const Region& region) {
  std::vector<Transition> steps;
  for (Transition step : {Transition::kSubmit, Transition::kApprove, Transition::kVerify,
                          Transition::kReject, Transition::kPublish, Transition::kArchive}) {
    if (!Allows(actor, ActionOf(step), SubjectOf(innovation))) continue;
    // A submission that still has gaps stays offered: trying it lists what is missing.
    auto outcome = ApplyTransition(innovation, step, region, "-", "");
    if (outcome || (step == Transition::kSubmit && outcome.error().code == ErrorCode::kInvalid)) {
      steps.push_back(step);
    }
  }
  return steps;
}

}  // namespace lumbung
