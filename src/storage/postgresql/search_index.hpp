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

// Keeps innovation_search in step with the records, in the caller's transaction.
class SearchIndex final : public TextIndex {
 public:
  explicit SearchIndex(Connection& connection) : connection_(connection) {}

  // Remembers the terms found with the other connections to the same database.
  void Share(std::shared_ptr<KnownTerms> known) { known_ = std::move(known); }

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
};

}  // namespace lumbung::storage::postgresql
