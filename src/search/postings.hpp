// An inverted index held in memory: for every term (a stem, or a folded word that differs from
// its stem) the documents holding it and how much it weighs there. It answers the searches the
// store's SQL index would answer, ranked by the same BM25, without visiting a database page per
// match: a search that matches a quarter of a national registry still takes a millisecond or
// two. Documents are read with the rules of analysis.hpp, as the SQL index reads them. Not
// thread-safe: its owner decides who reads and who writes.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/analysis.hpp"

namespace lumbung::search {

// The texts of a document, in the order of their weights: a word in the title counts ten
// times a word of the narrative, as FTS5's rank counts it (SQLite migration 0005).
enum class Field { kTitle, kProduct, kSummary, kBody, kAgency };
inline constexpr std::array<int, 5> kFieldWeights = {10, 5, 3, 1, 2};
using FieldTexts = std::array<std::string_view, 5>;

// Which words of a document a search reads: all of them, or only those that say what the
// document is (title, product, summary), as a likeness check reads them.
enum class Fields { kAll, kIdentity };

class Postings {
 public:
  // Where a document stands in the index. Slots are handed out in increasing order and a
  // removed document's slot stays empty until Compact.
  using Slot = std::uint32_t;
  static constexpr Slot kNoSlot = UINT32_MAX;

  // A document a search found, with its BM25 score (higher is better).
  struct Match {
    Slot slot = 0;
    double score = 0;
  };

  // Indexes a document and returns its slot, the next one.
  Slot Add(const FieldTexts& texts);
  // Takes a document out of every search.
  void Remove(Slot slot);
  // Forgets every document.
  void Clear();
  bool Alive(Slot slot) const { return slot < lengths_.size() && lengths_[slot] >= 0; }
  // How many slots were handed out, and how many of them hold a removed document.
  std::size_t Slots() const { return lengths_.size(); }
  std::size_t RemovedSlots() const { return lengths_.size() - documents_; }
  std::size_t Documents() const { return documents_; }
  // Drops removed documents from the index; the others keep their order. Returns each old
  // slot's new slot (kNoSlot for a removed one).
  std::vector<Slot> Compact();

  // Whether Search can answer the words: a phrase of several words needs the positions of
  // words, which this index does not keep.
  static bool CanSearch(const ParsedSearch& parsed);
  // The documents holding every term of the search (`all`) or any of them, in slot order,
  // each scored by BM25 over the hits in `fields`. `stemmer` reads the search's words.
  std::vector<Match> Search(const ParsedSearch& parsed, bool all, Fields fields,
                            Stemmer& stemmer) const;
  // Whether a document that `accept` takes holds every term of the search (`all`) or any;
  // stops at the first.
  bool Any(const ParsedSearch& parsed, bool all, Fields fields, Stemmer& stemmer,
           const std::function<bool(Slot)>& accept) const;
  // The number of documents holding the term.
  std::size_t DocumentsWith(const std::string& term) const;

 private:
  // A document holding a term: the weighted count of its hits in every field and in the
  // fields that say what the document is.
  struct Posting {
    Slot slot = 0;
    std::uint16_t all = 0;
    std::uint16_t identity = 0;
  };
  // One term of a search: the documents holding it (or any word it stands for), in slot
  // order, with the weighted count of hits.
  using Hits = std::vector<std::pair<Slot, std::uint32_t>>;

  // The terms a word of a document gives: its stem's and, when the word differs from its
  // stem, the word's own (kNoTerm otherwise).
  struct WordTerms {
    std::uint32_t stem = 0;
    std::uint32_t word = 0;
  };
  static constexpr std::uint32_t kNoTerm = UINT32_MAX;

  Hits HitsOf(const Term& term, bool open, Fields fields, Stemmer& stemmer) const;
  double Score(double idf, std::uint32_t weighted_hits, Slot slot) const;
  const WordTerms& TermsOf(const std::string& folded);
  std::uint32_t TermId(const std::string& term);

  // Each term's documents in slot order, by the term's number; the number by term, and the
  // terms in order for searches by prefix.
  std::vector<std::vector<Posting>> postings_;
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::map<std::string, std::uint32_t, std::less<>> vocabulary_;
  // Each slot's number of words; -1 for a removed document.
  std::vector<std::int32_t> lengths_;
  std::size_t documents_ = 0;
  std::uint64_t total_length_ = 0;
  // The terms of the words indexed so far: a registry uses a few tens of thousands of words
  // over and over, and stemming each once makes indexing several times faster.
  Stemmer stemmer_;
  std::unordered_map<std::string, WordTerms> words_;
  // While a document is indexed: each term's weighted hits (all, identity) by the term's
  // number, and the terms it touched.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> adding_;
  std::vector<std::uint32_t> touched_;
};

}  // namespace lumbung::search
