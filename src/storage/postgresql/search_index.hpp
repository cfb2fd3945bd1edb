// The full-text index of innovations on PostgreSQL: a tsvector per innovation
// (innovation_search, migration 0001) under a GIN index. Lumbung reads the texts itself, with
// the same analysis as on SQLite (search/analysis.hpp: folding, the Snowball Indonesian
// stemmer that PostgreSQL's own "indonesian" configuration also uses, and the two spellings
// of a word as one), and hands PostgreSQL the lexemes with their positions: each word as its
// stem and, where that differs, as the folded word at the same position, so that prefixes
// typed so far still find it. Both backends thus find the same records for the same words.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_set>

#include "domain/model.hpp"
#include "search/analysis.hpp"
#include "storage/postgresql/connection.hpp"
#include "storage/search_memory.hpp"
#include "storage/text_index.hpp"

namespace lumbung::storage::postgresql {

// The texts of one innovation as the index reads them.
struct IndexedTexts {
  std::string title;
  std::string product;
  std::string summary;
  std::string body;  // the narrative sections, one after another
  std::string agency;
  std::string region_code;  // not indexed as words: it stands beside the document
};

// The tsvector of the texts, in PostgreSQL's input syntax: weight A for the title, B for the
// product, C for the summary and D for the narrative and the agency.
std::string Document(const IndexedTexts& texts, search::Stemmer& stemmer);

// The tsquery of a search: every term (`all`) or any; only words of the weights given ("ABC"),
// or of any weight when empty. Each word is quoted, so nothing typed becomes an operator.
std::string QueryText(const search::ParsedSearch& parsed, bool all, search::Stemmer& stemmer,
                      const std::string& weights = "");

// The terms a database's index has been seen to hold, shared by the connections of one
// process. Whether a search's word is known decides whether it is offered a correction; asked
// of GIN, a common word costs a walk of its whole posting tree (tens of milliseconds in a
// national registry), so a term found once is remembered. It stays known even if its last
// record goes, which costs that word no more than its correction.
class KnownTerms {
 public:
  bool Contains(const std::string& term) const {
    std::shared_lock lock(mutex_);
    return terms_.contains(term);
  }
  void Add(const std::string& term) {
    std::unique_lock lock(mutex_);
    // A registry's vocabulary is a few hundred thousand terms; past the bound, start again.
    if (terms_.size() >= kMostTerms) terms_.clear();
    terms_.insert(term);
  }
  std::size_t Size() const {
    std::shared_lock lock(mutex_);
    return terms_.size();
  }

  static constexpr std::size_t kMostTerms = 500000;

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_set<std::string> terms_;
};

// What the search memory reads on PostgreSQL: the records with their texts, and the log of
// changes of migration 0008. A change is logged at the value the change counter took for it;
// writers move the counter's one row in turn, so the log's positions grow in the order their
// changes commit, and the last change logged is never past the counter. The log keeps the
// changes of the last kChangesKept positions. Each statement reads the newest committed state
// unless the connection holds a read snapshot.
class MemorySource final : public storage::MemorySource {
 public:
  static constexpr std::int64_t kChangesKept = 1000000;  // as migration 0008 prunes

  explicit MemorySource(Connection& connection) : connection_(connection) {}

  std::int64_t ChangeCounter() override;
  std::int64_t LastLogged() override { return ChangeCounter(); }
  std::optional<Changes> ChangesSince(std::int64_t position) override;
  void ReadAll(const std::function<void(IndexedInnovation&)>& take) override;
  void Read(const std::vector<Id>& ids,
            const std::function<void(IndexedInnovation&)>& take) override;

 private:
  Connection& connection_;
};

// Keeps innovation_search in step with the records, in the caller's transaction.
class SearchIndex final : public TextIndex {
 public:
  explicit SearchIndex(Connection& connection) : connection_(connection) {}

  // Remembers the terms found with the other connections to the same database.
  void Share(std::shared_ptr<KnownTerms> known) { known_ = std::move(known); }
  // Counts words in `memory` when it can: it knows the number of records holding a word, which
  // GIN finds by walking the word's posting tree.
  void Consult(std::shared_ptr<SearchMemory> memory) { memory_ = std::move(memory); }
  // The memory, brought up to what the connection reads; none when there is none, when it is
  // being read in, or when the connection holds writes of its own, which it cannot see.
  SearchMemory* Memory();

  // Nothing to do before a change: Add replaces the document, and a deleted innovation takes
  // its document with it.
  void Forget(Id) {}
  void Add(Id innovation_id);
  void Rebuild();

  long long DocumentsWith(const std::string& term) override;
  bool HoldsTerm(const std::string& term) override;

  std::string MatchExpression(const search::ParsedSearch& parsed, bool all) {
    return QueryText(parsed, all, stemmer_);
  }
  // Records any of whose words say what they are (title, product, summary) hold: likeness.
  std::string IdentityMatch(const search::ParsedSearch& words) {
    return QueryText(words, false, stemmer_, "ABC");
  }

 protected:
  long long CountDocuments() override;
  SnippetSources SnippetTextsOf(const std::vector<Id>& ids) override;

 private:
  bool Read(Id innovation_id, IndexedTexts& texts);

  Connection& connection_;
  std::shared_ptr<KnownTerms> known_;
  std::shared_ptr<SearchMemory> memory_;
};

}  // namespace lumbung::storage::postgresql
