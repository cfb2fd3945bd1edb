// The demo's programme: the implementation teams, the clinic's sessions and training of every
// year, the yearly monitoring and evaluation, and why the innovations that no longer run
// stopped.
#pragma once

#include <vector>

#include "demo/random.hpp"
#include "domain/dates.hpp"
#include "domain/store.hpp"

namespace lumbung::demo {

// An innovation the demo wrote, as the programme needs it.
struct WrittenInnovation {
  Id id = 0;
  Id agency_id = 0;
  int year = 0;
  bool in_round = false;  // verified or published
  Continuation continuation = Continuation::kActive;
};

// Sets since when and why an innovation that is not active rests or stopped.
void SetContinuation(Random& random, const Date& today, Innovation& innovation);

// Writes the region's teams, its activities from `first_year` to this year, and its
// evaluations: every past year's round complete, this year's under way.
void AddProgramme(Store& store, Random& random, const std::string& region_code, const Date& today,
                  int first_year, const std::vector<Id>& agencies,
                  const std::vector<WrittenInnovation>& innovations);

}  // namespace lumbung::demo
