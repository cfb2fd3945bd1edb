// The innovations' full-text index held in memory (search/postings.hpp) beside every value the
// list filters by, so that a search, its count, its facets and its best page are taken in one
// pass over the matches, without a database page read per match. Each region's records are a
// part of the index of their own, so a region's search reads only that region's, while every
// word is weighed over the whole installation.
//
// The database's own index (FTS5 on SQLite, a tsvector under GIN on PostgreSQL) stays the index
// of record, kept in the same transaction as every write; this copy follows it: before it
// answers, a connection brings it up to what it reads, from the log of changed innovations that
// triggers write (SQLite migration 0010, PostgreSQL migration 0008). One copy serves every
// connection to a database in the process; it answers searches without phrases of several
// words, which need the positions the database's index keeps.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
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

namespace lumbung::storage {

// An innovation as the memory reads it: the values the list filters by, then its texts as the
// database's index reads them.
struct IndexedInnovation {
  Id id = 0;
  std::string region_code;
  std::string status;
  Id agency_id = 0;
  std::string type;
  std::string form;
  std::string maturity;
  std::string stage;
  std::optional<std::int64_t> year;
  bool digital = false;
  std::string main_affair;
  Id replicated_from = 0;  // 0: none
  std::string title;
  std::string product;
  std::string summary;
  std::string body;  // the narrative sections, one a line
  std::string agency;
};

// Reads the values and the first texts of an innovation from a row whose first columns are
// id, region_code, status, agency_id, type, form, maturity, stage, year, digital, main_affair,
// replicated_from, title, product and summary, as both backends select them; the backend
// reads the narrative and the agency's name after them.
template <class Row>
void ReadIndexedColumns(const Row& s, IndexedInnovation& into) {
  into.id = s.Int(0);
  into.region_code = s.Text(1);
  into.status = s.Text(2);
  into.agency_id = s.Int(3);
  into.type = s.Text(4);
  into.form = s.Text(5);
  into.maturity = s.Text(6);
  into.stage = s.Text(7);
  into.year = s.OptionalInt(8);
  into.digital = s.Int(9) != 0;
  into.main_affair = s.Text(10);
  into.replicated_from = s.OptionalInt(11).value_or(0);
  into.title = s.Text(12);
  into.product = s.Text(13);
  into.summary = s.Text(14);
}

// What a backend gives the memory to read, each at the snapshot of the connection it reads
// through. The log of changes is a list of (position, innovation) whose positions grow in the
// order the changes were committed.
class MemorySource {
 public:
  virtual ~MemorySource() = default;
  // The change counter (change_counter) as the connection reads it: the memory holds what the
  // connection reads once it has taken in every change up to here. Read first of all.
  virtual std::int64_t ChangeCounter() = 0;
  // The position of the last change ever logged, even when the log no longer holds it.
  virtual std::int64_t LastLogged() = 0;
  // The innovations changed after `position`, in the order logged, with the position of the
  // last; nothing when the log no longer reaches back to `position`.
  struct Changes {
    std::vector<Id> ids;
    std::int64_t last = 0;
  };
  virtual std::optional<Changes> ChangesSince(std::int64_t position) = 0;
  // Hands every innovation, or each of `ids` that exists, to `take`.
  virtual void ReadAll(const std::function<void(IndexedInnovation&)>& take) = 0;
  virtual void Read(const std::vector<Id>& ids,
                    const std::function<void(IndexedInnovation&)>& take) = 0;
};

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

  // Brings the memory up to what `source` reads, unless it already holds that or newer, and
  // says whether it may answer. The source's connection must hold no uncommitted writes. The
  // first time, it reads every innovation into memory; while one source does, the others are
  // told no and their searches go to the database's index. Outside a read snapshot the memory
  // may take in changes committed while it reads; it reads them again the next time.
  bool CatchUp(MemorySource& source);
  // CatchUp, but when the memory is being read in through another source, waits for it: what
  // a server starting runs, so that it can tell when searches come from memory.
  bool WarmUp(MemorySource& source);

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
  using Part = search::Postings::Part;
  using Slot = search::Postings::Slot;
  // What the filters read of an innovation, each text as its number in State::texts.
  struct Row {
    Id id = 0;
    Id replicated_from = 0;
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
  struct Place {
    Part part = 0;
    Slot slot = 0;
  };
  // Everything the memory holds, replaced whole when it reads every innovation again.
  struct State {
    std::int64_t counter = -1;  // the change counter it is up to
    std::int64_t logged = 0;    // the position of the last change of the log it has read
    search::Postings postings;
    std::vector<std::vector<Row>> rows;  // by part (a region), then slot
    std::unordered_map<Id, Place> places;
    // The texts the filters compare (statuses, kinds, affairs) by number; 0 is the empty
    // text, which NULL also reads as.
    std::vector<std::string> texts{""};
    std::unordered_map<std::string, std::uint32_t> text_codes{{"", 0}};
    std::vector<Id> agencies;
    std::unordered_map<Id, std::uint32_t> agency_codes;
    // Each region's part.
    std::unordered_map<std::string, Part> parts;

    void Load(MemorySource& source);
    // False when the log no longer reaches back to what the state holds.
    bool FollowChanges(MemorySource& source);
    void Index(IndexedInnovation& innovation);
    void Forget(Id id);
    void Compact(Part part);
    std::uint32_t TextCode(const std::string& text);
    std::uint32_t AgencyCode(Id id);
  };
  struct Filter;

  static constexpr std::int32_t kNoYear = INT32_MIN;

  bool CatchUp(MemorySource& source, bool wait);
  Filter Compile(const InnovationQuery& query) const;

  // Held to read or change `state_`; reading every innovation (the first time, or after a gap
  // in the log) holds `loading_` instead, so that searches go on meanwhile, from the database.
  mutable std::shared_mutex mutex_;
  std::mutex loading_;
  std::unique_ptr<State> state_;
  std::int64_t generation_ = 0;
};

}  // namespace lumbung::storage
