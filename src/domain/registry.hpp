// The innovation registry: creating, changing and removing regions, agencies and innovations
// with every rule checked. The API, the importer and the demo all write through it.
#pragma once

#include "domain/dates.hpp"
#include "domain/model.hpp"
#include "domain/result.hpp"
#include "domain/store.hpp"
#include "domain/workflow.hpp"

namespace lumbung {

class Registry {
 public:
  Registry(Store& store, Clock clock) : store_(store), clock_(clock) {}

  Result<Region> CreateRegion(Region region);

  Result<Agency> CreateAgency(Agency agency);
  // Replaces the agency's fields; the region stays as it was.
  Result<Agency> UpdateAgency(Agency agency, std::int64_t expected_version);
  // Refuses while innovations or sub-units still belong to the agency.
  Status DeleteAgency(Id id, std::int64_t expected_version);

  Result<Innovation> CreateInnovation(Innovation innovation);
  // Replaces the innovation's fields; the region and the source stay as they were.
  Result<Innovation> UpdateInnovation(Innovation innovation, std::int64_t expected_version);
  Status DeleteInnovation(Id id, std::int64_t expected_version);

  // Takes one workflow step (domain/workflow.hpp) and records it in the history with who did
  // it and why. The caller has checked that `actor` may take it.
  Result<Innovation> Transition(Id id, lumbung::Transition transition, const Actor& actor,
                                std::string_view reason);

  // The checks CreateInnovation makes, without writing: for imports that validate every row
  // before writing any.
  std::vector<FieldError> CheckInnovation(const Innovation& innovation);

  // Today's date in the region's time zone (Jakarta time when the region is unknown).
  Date TodayIn(std::string_view region_code);

 private:
  std::string Now() const { return FormatTimestamp(clock_()); }
  std::vector<FieldError> CheckAgencyLinks(const Agency& agency);

  Store& store_;
  Clock clock_;
};

}  // namespace lumbung
