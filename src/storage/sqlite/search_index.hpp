// The full-text index of innovations on SQLite: an FTS5 table (innovation_search, migration
// 0005) read through Lumbung's own tokenizer, which folds case and accents and stems with the
// Snowball Indonesian stemmer. Each word goes into the index as its stem and, where that
// differs, also as the folded word itself, so that "pelayanan" finds "melayani" (both "layan")
// while "pelay*" still finds "pelayanan" as it is typed.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.hpp"
#include "search/analysis.hpp"
#include "storage/search_memory.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/text_index.hpp"

namespace lumbung::storage::sqlite {

// Makes the tokenizer "lumbung" known to the connection. Every connection that reads or
// writes innovation_search needs it, the one that migrates included.
void RegisterTokenizer(sqlite3* db);

// The FTS5 expression that every term must match (`all`) or any term may (`!all`). Words are
// quoted, so nothing a person types can form an operator of FTS5's own.
std::string MatchExpression(const search::ParsedSearch& parsed, bool all);

// The columns of innovation_search that say what an innovation is, for likeness.
inline constexpr std::string_view kIdentityColumns = "{title product summary}";

// What the search memory reads on SQLite: innovation_search_source for the texts and the log of
// changes of migration 0010, whose positions are its AUTOINCREMENT numbers. The statement that
// reads the change counter stays open while the source lives, so that everything it reads after
// comes from the same state of the file.
class MemorySource final : public storage::MemorySource {
 public:
  explicit MemorySource(Connection& connection) : connection_(connection) {}

  std::int64_t ChangeCounter() override;
  std::int64_t LastLogged() override;
  std::optional<Changes> ChangesSince(std::int64_t position) override;
  void ReadAll(const std::function<void(IndexedInnovation&)>& take) override;
  void Read(const std::vector<Id>& ids,
            const std::function<void(IndexedInnovation&)>& take) override;

 private:
  Connection& connection_;
  std::unique_ptr<Statement> counter_;
};

// Keeps innovation_search in step with the records and answers questions about its words.
// Writes go in the caller's transaction: Forget before a record changes, Add after.
class SearchIndex final : public TextIndex {
 public:
  explicit SearchIndex(Connection& connection) : connection_(connection) {}

  void Forget(Id innovation_id);
  void Add(Id innovation_id);
  // Empties the index and indexes every record again.
  void Rebuild();

  long long DocumentsWith(const std::string& term) override;
  bool HoldsTerm(const std::string& term) override;

  // Counts words in `memory` when it can: FTS5 counts the records holding a word by reading
  // every one of them, the memory knows the number.
  void Consult(std::shared_ptr<SearchMemory> memory) { memory_ = std::move(memory); }
  // The memory, brought up to what the connection reads; none when there is none, when it is
  // being read in, or when the connection holds writes of its own, which it cannot see.
  SearchMemory* Memory();

  // The FTS5 expression of the words (see the free function of the same name).
  std::string MatchExpression(const search::ParsedSearch& parsed, bool all) {
    return sqlite::MatchExpression(parsed, all);
  }
  // Records any of whose words say what they are (title, product, summary) hold: likeness.
  std::string IdentityMatch(const search::ParsedSearch& words);

 protected:
  long long CountDocuments() override;
  SnippetSources SnippetTextsOf(const std::vector<Id>& ids) override;

 private:
  Connection& connection_;
  std::shared_ptr<SearchMemory> memory_;
};

}  // namespace lumbung::storage::sqlite
