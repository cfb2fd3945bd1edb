#include "domain/similarity.hpp"

#include <algorithm>
#include <set>

#include "domain/policy.hpp"

namespace lumbung {

std::string IdentityText(std::string_view title, std::string_view product,
                         std::string_view summary) {
  std::string text(title);
  text.append("\n").append(product).append("\n").append(summary);
  return text;
}

std::vector<SimilarInnovation> SimilarTo(Store& store, const Actor& actor, std::string_view text,
                                         const std::string& region_code, std::optional<Id> exclude,
                                         int limit) {
  InnovationQuery scope;
  scope.region_code = region_code;
  RestrictToVisible(actor, scope);
  return store.FindSimilar(scope, text, exclude, limit, kSimilarMinimum);
}

std::vector<DuplicatePair> LikelyDuplicates(Store& store, const Actor& actor,
                                            const std::string& region_code, double minimum,
                                            int limit) {
  InnovationQuery all;
  all.region_code = region_code;
  all.sort = InnovationSort::kOldest;
  all.per_page = 500;
  RestrictToVisible(actor, all);
  std::vector<DuplicatePair> pairs;
  std::set<std::pair<Id, Id>> seen;
  for (all.page = 1;; ++all.page) {
    const InnovationPage page = store.ListInnovations(all);
    for (const auto& record : page.items) {
      const std::string text = IdentityText(record.title, record.product, record.summary);
      for (auto& match : store.FindSimilar(all, text, record.id, 3, minimum)) {
        // A replication declared as such is no duplicate of its original.
        if (record.replicated_from == match.innovation.id ||
            match.innovation.replicated_from == record.id) {
          continue;
        }
        const Id low = std::min(record.id, match.innovation.id);
        const Id high = std::max(record.id, match.innovation.id);
        if (!seen.insert({low, high}).second) continue;
        DuplicatePair pair{record, std::move(match.innovation), match.score};
        if (pair.second.id < pair.first.id) std::swap(pair.first, pair.second);
        pairs.push_back(std::move(pair));
      }
    }
    if (static_cast<long long>(all.page) * all.per_page >= page.total) break;
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  if (pairs.size() > static_cast<std::size_t>(limit)) pairs.resize(limit);
  return pairs;
}

}  // namespace lumbung
