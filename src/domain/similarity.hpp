// Likeness between innovations, for the novelty question ("is this new, or a replication?"):
// what an operator's draft resembles, and the pairs a region's team should look at as likely
// duplicates. What an actor is shown follows the one policy, like every list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/store.hpp"

namespace lumbung {

// Scores below this say too little to show.
inline constexpr double kSimilarMinimum = 0.2;
// From this score on, two records of one region are worth a look as likely duplicates.
inline constexpr double kDuplicateMinimum = 0.6;

// The text likeness is measured on: what says what an innovation is.
std::string IdentityText(std::string_view title, std::string_view product,
                         std::string_view summary);

// The innovations most like `text` that `actor` may see, in `region_code` or, when it is empty,
// in every region; `exclude` is left out (the record the text belongs to).
std::vector<SimilarInnovation> SimilarTo(Store& store, const Actor& actor, std::string_view text,
                                         const std::string& region_code, std::optional<Id> exclude,
                                         int limit);

// Two innovations of one region that look alike.
struct DuplicatePair {
  InnovationSummary first;  // the older of the two
  InnovationSummary second;
  double score = 0;
};

// The pairs of the region's innovations scoring at least `minimum`, most alike first, at most
// `limit` of them.
std::vector<DuplicatePair> LikelyDuplicates(Store& store, const Actor& actor,
                                            const std::string& region_code, double minimum,
                                            int limit);

}  // namespace lumbung
