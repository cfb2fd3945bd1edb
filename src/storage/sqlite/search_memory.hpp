// The innovations' full-text index held in memory (search/postings.hpp) beside every value the
// list filters by, so that a search, its count, its facets and its best page are taken in one
// pass over the matches, without a database page read per match. FTS5 stays the index of
// record, kept in the same transaction as every write; this copy follows it: before it
// answers, a connection brings it up to what it reads, from the log of changed innovations
// (search_changes, migration 0010). One copy serves every connection to a database in the
// process; it answers searches without phrases of several words, which need FTS5's positions.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/store.hpp"
#include "search/postings.hpp"
#include "storage/facet_counts.hpp"
#include "storage/sqlite/connection.hpp"

namespace lumbung::storage::sqlite {

class SearchMemory {
 public:
  // What a search found under a query's filters.
  struct Found {
    long long total = 0;
    // The best matches, best first (ties: the newest id first), as many as were asked for.
    std::vector<Id> best;
    // Each facet counted under every filter of the query but its own, when asked for.
    FacetCounts facets;
  };

  // Whether the memory can answer these words (search::Postings::CanSearch).
  static bool CanSearch(const search::ParsedSearch& words) {
    return search::Postings::CanSearch(words);
  }

  // Brings the memory up to what `connection` reads, unless it already holds that or newer,
  // and says whether it may answer. The connection must hold no uncommitted writes. The first
  // time, the connection reads every innovation into memory; while one does, the others are
  // told no and search with FTS5. Outside a read snapshot the memory may take in changes
  // committed while it reads; it reads them again the next time.
  bool CatchUp(Connection& connection);
  // CatchUp, but when the memory is being read in by another connection, waits for it: what a
  // server starting runs, so that it can tell when searches come from memory.
  bool WarmUp(Connection& connection);

  // What the memory holds: a number that changes whenever it takes in a change.
  std::int64_t Generation() const;

  // The number of innovations, and of those holding the term (a stem or a folded word).
  long long Documents() const;
  long long DocumentsWith(const std::string& term) const;

  // Whether any innovation matches the words (all of them, or any) under the query's filters.
  bool AnyMatches(const InnovationQuery& query, const search::ParsedSearch& words, bool all,
                  search::Stemmer& stemmer) const;
  // The matches of the words under the query's filters, leaving out `exclude`: their number,
  // the best `best` of them, and, with `facets`, the facet counts.
  Found Search(const InnovationQuery& query, const search::ParsedSearch& words, bool all,
               search::Fields fields, std::size_t best, bool facets, std::optional<Id> exclude,
               search::Stemmer& stemmer) const;

 private:
  // What the filters read of an innovation, each text as its number in State::texts.
  struct Row {
    Id id = 0;
    Id replicated_from = 0;
    std::uint32_t region = 0;
    std::uint32_t status = 0;
    std::uint32_t agency = 0;  // its number in State::agencies
    std::uint32_t type = 0;
    std::uint32_t form = 0;
    std::uint32_t maturity = 0;
    std::uint32_t stage = 0;
    std::uint32_t affair = 0;
    std::int32_t year = 0;  // kNoYear: none
    bool digital = false;
  };
  // Everything the memory holds, replaced whole when it reads every innovation again.
  struct State {
    std::int64_t counter = -1;  // the change counter it is up to
    std::int64_t seq = 0;       // the last change of search_changes it has read
    search::Postings postings;
    std::vector<Row> rows;  // by slot
    std::unordered_map<Id, search::Postings::Slot> slots;
    // The texts the filters compare (region codes, statuses, kinds, affairs) by number; 0 is
    // the empty text, which NULL also reads as.
    std::vector<std::string> texts{""};
    std::unordered_map<std::string, std::uint32_t> text_codes{{"", 0}};
    std::vector<Id> agencies;
    std::unordered_map<Id, std::uint32_t> agency_codes;

    void Load(Connection& connection);
    // False when the log no longer reaches back to what the state holds.
    bool FollowChanges(Connection& connection);
    void Index(Statement& row);
    void Forget(Id id);
    void Compact();
    std::uint32_t TextCode(const std::string& text);
    std::uint32_t AgencyCode(Id id);
  };
  struct Filter;

  static constexpr std::int32_t kNoYear = INT32_MIN;

  bool CatchUp(Connection& connection, bool wait);
  Filter Compile(const InnovationQuery& query) const;

  // Held to read or change `state_`; reading every innovation (the first time, or after a gap
  // in the log) holds `loading_` instead, so that searches go on meanwhile, from FTS5.
  mutable std::shared_mutex mutex_;
  std::mutex loading_;
  std::unique_ptr<State> state_;
  std::int64_t generation_ = 0;
};

}  // namespace lumbung::storage::sqlite
