// The full-text index of innovations on SQLite: an FTS5 table (innovation_search, migration
// 0005) read through Lumbung's own tokenizer, which folds case and accents and stems with the
// Snowball Indonesian stemmer. Each word goes into the index as its stem and, where that
// differs, also as the folded word itself, so that "pelayanan" finds "melayani" (both "layan")
// while "pelay*" still finds "pelayanan" as it is typed.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/model.hpp"
#include "search/analysis.hpp"
#include "storage/sqlite/connection.hpp"

namespace lumbung::storage::sqlite {

// Makes the tokenizer "lumbung" known to the connection. Every connection that reads or
// writes innovation_search needs it, the one that migrates included.
void RegisterTokenizer(sqlite3* db);

// The FTS5 expression that every term must match (`all`) or any term may (`!all`). Words are
// quoted, so nothing a person types can form an operator of FTS5's own.
std::string MatchExpression(const search::ParsedSearch& parsed, bool all);

// The columns of innovation_search that say what an innovation is, for likeness.
inline constexpr std::string_view kIdentityColumns = "{title product summary}";

// Keeps innovation_search in step with the records and answers questions about its words.
// Writes go in the caller's transaction: Forget before a record changes, Add after.
class SearchIndex {
 public:
  explicit SearchIndex(Connection& connection) : connection_(connection) {}

  void Forget(Id innovation_id);
  void Add(Id innovation_id);
  // Empties the index and indexes every record again.
  void Rebuild();

  // In how many records the indexed term (a stem, or a folded word) appears.
  long long DocumentsWith(const std::string& term);
  // Whether the index holds the folded word, as it is or as its stem.
  bool IsKnownWord(const std::string& folded);
  // The same, remembered until Refresh sees the data move on.
  long long CountedDocumentsWith(const std::string& term);
  // The number of records in the index.
  long long Documents();
  // How much a stem says about a record: rare stems more than common ones.
  double Weight(const std::string& stem);
  // Forgets the counts remembered for Weight once the data has moved on.
  void Refresh(std::int64_t change_counter);

  // The same search with its unknown words replaced by known words one typing error away,
  // the most common first; empty when every word is known or none has a near neighbour.
  std::vector<search::ParsedSearch> Corrections(const search::ParsedSearch& parsed, int limit);

  // The passage of the record's narrative (or, failing that, its summary) where the words
  // stand, with each matched word between kSnippetStart and kSnippetEnd; empty when neither
  // holds them (the title or the agency's name matched).
  std::string Snippet(const search::ParsedSearch& words, Id innovation_id);

  search::Stemmer& stemmer() { return stemmer_; }

 private:
  Connection& connection_;
  search::Stemmer stemmer_;
  std::int64_t counted_at_ = -1;
  long long documents_ = -1;
  std::unordered_map<std::string, long long> document_counts_;
};

}  // namespace lumbung::storage::sqlite
