// An inverted index held in memory: for every term (a stem, or a folded word that differs from
// its stem) the documents holding it and how much it weighs there. It answers the searches the
// store's SQL index would answer, ranked by the same BM25, without visiting a database page per
// match: a search that matches a quarter of a national registry still takes a few milliseconds.
//
// Documents live in parts (a region's records), each with its own slots and posting lists,
// under one vocabulary. A search reads only the part it is asked for, or every part, and weighs
// terms and lengths by the whole index, as one SQL index over every region weighs them: a
// region's search in a national registry costs what the region holds, and ranks as it would in
// the whole. Documents are read with the rules of analysis.hpp, as the SQL index reads them.
// Not thread-safe: its owner decides who reads and who writes.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
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
  // A part of the index, numbered by its owner from 0.
  using Part = std::uint32_t;
  // Where a document stands in its part. Slots are handed out in increasing order and a removed
  // document's slot stays empty until its part is compacted.
  using Slot = std::uint32_t;
  static constexpr Slot kNoSlot = UINT32_MAX;

  // A document a search found, with its BM25 score (higher is better).
  struct Match {
    Part part = 0;
    Slot slot = 0;
    double score = 0;
  };

  // Indexes a document in `part` and returns its slot there, the part's next one.
  Slot Add(Part part, const FieldTexts& texts);
  // Takes a document out of every search.
  void Remove(Part part, Slot slot);
  // Forgets every document and every word.
  void Clear();
  bool Alive(Part part, Slot slot) const {
    return part < parts_.size() && slot < parts_[part].lengths.size() &&
           parts_[part].lengths[slot] >= 0;
  }
  // The number of parts (one past the highest part that has held a document).
  std::size_t Parts() const { return parts_.size(); }
  // How many slots a part has handed out, and how many of them hold a removed document.
  std::size_t Slots(Part part) const;
  std::size_t RemovedSlots(Part part) const;
  // The number of documents in every part.
  std::size_t Documents() const { return documents_; }
  // Gives back what the lists hold beyond their documents: each list grows by doubling, so
  // an index just read holds about a third more than it needs.
  void ShrinkToFit();
  // Drops a part's removed documents; the others keep their order. Returns each old slot's
  // new slot (kNoSlot for a removed one).
  std::vector<Slot> Compact(Part part);

  // Whether Search can answer the words: a phrase of several words needs the positions of
  // words, which this index does not keep.
  static bool CanSearch(const ParsedSearch& parsed);
  // Visits the documents of `part` (of every part when none) holding every term of the search
  // (`all`) or any of them, part by part in slot order, each scored by BM25 over the hits in
  // `fields`. `stemmer` reads the search's words. Search and Any work in buffers each thread
  // keeps for every index, so `visit` must not call Search, and `accept` must not call Any, on
  // any index.
  void Search(const ParsedSearch& parsed, bool all, Fields fields, Stemmer& stemmer,
              std::optional<Part> part, const std::function<void(const Match&)>& visit) const;
  // The matches Search visits, gathered.
  std::vector<Match> Search(const ParsedSearch& parsed, bool all, Fields fields, Stemmer& stemmer,
                            std::optional<Part> part = std::nullopt) const;
  // Whether a document of `part` (of any part) that `accept` takes holds every term of the
  // search (`all`) or any; stops at the first.
  bool Any(const ParsedSearch& parsed, bool all, Fields fields, Stemmer& stemmer,
           std::optional<Part> part, const std::function<bool(Part, Slot)>& accept) const;
  // The number of documents holding the term, in every part.
  std::size_t DocumentsWith(const std::string& term) const;

 private:
  // A document holding a term: the weighted count of its hits in every field and in the
  // fields that say what the document is.
  struct Posting {
    Slot slot = 0;
    std::uint16_t all = 0;
    std::uint16_t identity = 0;
  };
  // The documents of a part holding a term, in slot order, and how many of them hold it in
  // the fields that say what a document is.
  struct List {
    std::vector<Posting> postings;
    std::uint32_t identity = 0;
  };
  struct PartIndex {
    std::unordered_map<std::uint32_t, List> lists;  // by the term's number
    std::vector<std::int32_t> lengths;              // each slot's number of words; -1: removed
    std::size_t documents = 0;
  };
  // One term of a search in a part: the documents holding it (or any word it stands for), in
  // slot order, with the weighted count of hits.
  using Hits = std::vector<std::pair<Slot, std::uint32_t>>;
  // The numbers of the terms a term of a search reads (its stem, and the words it begins).
  using TermNumbers = std::vector<std::uint32_t>;

  // The terms a word of a document gives: its stem's and, when the word differs from its
  // stem, the word's own (kNoTerm otherwise).
  struct WordTerms {
    std::uint32_t stem = 0;
    std::uint32_t word = 0;
  };
  static constexpr std::uint32_t kNoTerm = UINT32_MAX;

  // Each term of the search as the numbers of the terms it reads.
  std::vector<TermNumbers> Resolve(const ParsedSearch& parsed, Stemmer& stemmer) const;
  // The parts a search reads: `part`, or every part.
  std::vector<Part> PartsOf(std::optional<Part> part) const;
  // The hits of a term of a search in a part, into `hits` (whose room is kept).
  void HitsIn(const PartIndex& part, const TermNumbers& terms, Fields fields, Hits& hits) const;
  // The number of documents of the part holding the term: HitsIn's size, without gathering
  // the hits where the part's counts already know it.
  std::size_t HoldersIn(const PartIndex& part, const TermNumbers& terms, Fields fields) const;
  // The number of documents of every part holding the term. `gathered`: the number HitsIn
  // gave for `gathered_in`, when the caller has it.
  std::size_t HoldersEverywhere(const TermNumbers& terms, Fields fields,
                                const PartIndex* gathered_in = nullptr,
                                std::size_t gathered = 0) const;
  double Score(double idf, std::uint32_t weighted_hits, std::int32_t length) const;
  const WordTerms& TermsOf(const std::string& folded);
  std::uint32_t TermId(const std::string& term);

  std::vector<PartIndex> parts_;
  // The parts holding removed documents, whose postings the counts below still include.
  std::set<Part> with_removed_;
  // Each term's postings, and those in the fields that say what a document is, in every part,
  // by the term's number: a word's weight in a region's search is read here rather than in
  // each of a national registry's parts.
  std::vector<std::uint32_t> postings_of_;
  std::vector<std::uint32_t> identity_postings_of_;
  std::size_t documents_ = 0;
  std::uint64_t total_length_ = 0;
  // Every term's number, and the terms in order for searches by prefix. A term stays known
  // once seen, though no document may hold it any more.
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::map<std::string, std::uint32_t, std::less<>> vocabulary_;
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
