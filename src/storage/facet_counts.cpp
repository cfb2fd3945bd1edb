#include "storage/facet_counts.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

namespace lumbung::storage {

InnovationFacets FacetsFrom(
    long long total, const FacetCounts& counts,
    const std::unordered_map<Id, std::pair<std::string, std::string>>& names) {
  InnovationFacets facets;
  facets.total = total;
  // Most frequent first, ties by value (the map's order).
  auto most_first = [](const std::map<std::string, long long>& of) {
    std::vector<FacetValue> list;
    for (const auto& [value, count] : of) list.push_back({value, "", count});
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    return list;
  };
  facets.type = most_first(counts.values[kType]);
  facets.form = most_first(counts.values[kForm]);
  facets.maturity = most_first(counts.values[kMaturity]);
  facets.stage = most_first(counts.values[kStage]);
  facets.affair = most_first(counts.values[kAffair]);
  for (const auto& [value, count] : counts.values[kYear]) {
    facets.year.push_back({value, "", count});
  }
  std::sort(facets.year.begin(), facets.year.end(),
            [](const auto& a, const auto& b) { return std::stoll(a.value) > std::stoll(b.value); });
  const auto& digital = counts.values[kDigital];
  for (const char* value : {"1", "0"}) {
    if (auto found = digital.find(value); found != digital.end()) {
      facets.digital.push_back({value[0] == '1' ? "true" : "false", "", found->second});
    }
  }
  // Agencies by count, then by name as the agency list sorts them, then by id.
  static const std::pair<std::string, std::string> kUnnamed;
  struct Named {
    long long count;
    Id id;
    const std::pair<std::string, std::string>* name;  // the name, and its key for order
  };
  std::vector<Named> named;
  named.reserve(counts.agencies.size());
  for (const auto& [id, count] : counts.agencies) {
    auto found = names.find(id);
    named.push_back({count, id, found == names.end() ? &kUnnamed : &found->second});
  }
  std::sort(named.begin(), named.end(), [](const Named& a, const Named& b) {
    if (a.count != b.count) return a.count > b.count;
    return std::tie(a.name->second, a.id) < std::tie(b.name->second, b.id);
  });
  facets.agency.reserve(named.size());
  for (const Named& agency : named) {
    facets.agency.push_back({std::to_string(agency.id), agency.name->first, agency.count});
  }
  return facets;
}

}  // namespace lumbung::storage
