// The facet counts of a search, gathered in one pass over its matches (the search memory
// and temporary matches, PostgreSQL's grouping sets), and how a catalogue shows them.
#pragma once

#include <array>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/store.hpp"

namespace lumbung::storage {

// The facets a catalogue counts, in the order of FacetCounts.
enum FacetColumn { kAgency, kType, kForm, kMaturity, kStage, kYear, kAffair, kDigital, kColumns };

// Each facet's values with the number of matches having each: agencies by id, in no order (a
// search over every region counts thousands, which strings and a tree would make the larger
// part of its cost); the others as the database writes them ("1" and "0" for digital), in a
// map whose kAgency stays empty.
struct FacetCounts {
  std::vector<std::pair<Id, long long>> agencies;
  std::array<std::map<std::string, long long>, kColumns> values;
};

// The facets from each value's count: most frequent first, ties by value; years newest first;
// digital true before false; agencies most frequent first, then by `names` (id -> name and the
// key the agency list sorts by), then by id, each labelled with its name.
InnovationFacets FacetsFrom(
    long long total, const FacetCounts& counts,
    const std::unordered_map<Id, std::pair<std::string, std::string>>& names);

}  // namespace lumbung::storage
