// What both backends' full-text indexes answer alike once they can count the records holding a
// term: whether a word is known, how much a word weighs, corrections of a mistyped search, and
// the snippet of a record where the words stand.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/model.hpp"
#include "search/analysis.hpp"

namespace lumbung::storage {

class TextIndex {
 public:
  virtual ~TextIndex() = default;

  // In how many records the indexed term (a stem, or a folded word) appears.
  virtual long long DocumentsWith(const std::string& term) = 0;
  // Whether any record holds the term: DocumentsWith unless a backend knows a cheaper way.
  virtual bool HoldsTerm(const std::string& term) { return DocumentsWith(term) > 0; }

  // Whether the index holds the folded word, as it is or as its stem.
  bool IsKnownWord(const std::string& folded);
  // DocumentsWith, remembered until Refresh sees the data move on.
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

  // For each of `ids`, the passage of the record's narrative (or, failing that, its summary)
  // where the words stand, with each matched word between kSnippetStart and kSnippetEnd; empty
  // when neither holds them (the title or the agency's name matched). The page's texts are
  // read at once.
  std::vector<std::string> Snippets(const search::ParsedSearch& words, const std::vector<Id>& ids);

  search::Stemmer& stemmer() { return stemmer_; }

 protected:
  // The number of innovations.
  virtual long long CountDocuments() = 0;
  // The narrative and the summary, as the index reads them, of each of `ids` it holds, by id.
  using SnippetSources = std::unordered_map<Id, std::pair<std::string, std::string>>;
  virtual SnippetSources SnippetTextsOf(const std::vector<Id>& ids) = 0;
  // After a rebuild: nothing remembered stands.
  void ForgetCounts();

  search::Stemmer stemmer_;

 private:
  // The passage of `body`, or failing that of `summary`, where the words stand.
  std::string SnippetOf(const search::ParsedSearch& words, const std::string& body,
                        const std::string& summary);

  std::int64_t counted_at_ = -1;
  long long documents_ = -1;
  std::unordered_map<std::string, long long> document_counts_;
};

}  // namespace lumbung::storage
