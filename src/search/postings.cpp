#include "search/postings.hpp"

#include <algorithm>
#include <cmath>

namespace lumbung::search {
namespace {

// BM25's constants, as FTS5 sets them.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// This many words remembered hold every word of a national registry; past it, the memory of
// words starts again.
constexpr std::size_t kWordsRemembered = 500000;

std::uint16_t Capped(std::uint32_t hits) {
  return static_cast<std::uint16_t>(std::min<std::uint32_t>(hits, UINT16_MAX));
}

}  // namespace

Postings::Slot Postings::Add(const FieldTexts& texts) {
  const auto slot = static_cast<Slot>(lengths_.size());
  std::int64_t length = 0;
  auto count = [this](std::uint32_t term, std::uint32_t weight, bool identity) {
    if (term >= adding_.size()) adding_.resize(postings_.size());
    auto& [all, identifying] = adding_[term];
    if (all == 0) touched_.push_back(term);
    all += weight;
    if (identity) identifying += weight;
  };
  for (std::size_t field = 0; field < texts.size(); ++field) {
    const auto weight = static_cast<std::uint32_t>(kFieldWeights[field]);
    const bool identity = field <= static_cast<std::size_t>(Field::kSummary);
    ForEachWord(texts[field], [&](const Word& word) {
      ++length;
      const WordTerms terms = TermsOf(word.folded);
      count(terms.stem, weight, identity);
      // The word as written too, so that a prefix typed so far finds it ("pelay" for
      // "pelayanan", whose stem is "layan").
      if (terms.word != kNoTerm) count(terms.word, weight, identity);
      return true;
    });
  }
  for (std::uint32_t term : touched_) {
    auto& [all, identifying] = adding_[term];
    postings_[term].push_back({slot, Capped(all), Capped(identifying)});
    all = identifying = 0;
  }
  touched_.clear();
  lengths_.push_back(static_cast<std::int32_t>(std::min<std::int64_t>(length, INT32_MAX)));
  total_length_ += static_cast<std::uint64_t>(lengths_.back());
  ++documents_;
  return slot;
}

void Postings::Remove(Slot slot) {
  if (!Alive(slot)) return;
  total_length_ -= static_cast<std::uint64_t>(lengths_[slot]);
  lengths_[slot] = -1;
  --documents_;
}

void Postings::Clear() {
  words_.clear();
  adding_.clear();
  postings_.clear();
  term_ids_.clear();
  vocabulary_.clear();
  lengths_.clear();
  documents_ = 0;
  total_length_ = 0;
}

std::vector<Postings::Slot> Postings::Compact() {
  std::vector<Slot> moved(lengths_.size(), kNoSlot);
  Slot next = 0;
  for (Slot slot = 0; slot < lengths_.size(); ++slot) {
    if (lengths_[slot] >= 0) {
      moved[slot] = next;
      lengths_[next++] = lengths_[slot];
    }
  }
  lengths_.resize(next);
  for (auto& postings : postings_) {
    std::size_t kept = 0;
    for (const Posting& posting : postings) {
      if (moved[posting.slot] != kNoSlot) {
        postings[kept++] = {moved[posting.slot], posting.all, posting.identity};
      }
    }
    postings.resize(kept);
    postings.shrink_to_fit();
  }
  // Terms no document holds any more are forgotten; their numbers stay unused, and the words
  // remembered, which may name them, are read again.
  words_.clear();
  for (auto it = vocabulary_.begin(); it != vocabulary_.end();) {
    if (postings_[it->second].empty()) {
      term_ids_.erase(it->first);
      it = vocabulary_.erase(it);
    } else {
      ++it;
    }
  }
  return moved;
}

bool Postings::CanSearch(const ParsedSearch& parsed) {
  if (parsed.terms.empty()) return false;
  return std::all_of(parsed.terms.begin(), parsed.terms.end(),
                     [](const Term& term) { return term.words.size() == 1; });
}

std::size_t Postings::DocumentsWith(const std::string& term) const {
  auto found = term_ids_.find(term);
  if (found == term_ids_.end()) return 0;
  const auto& postings = postings_[found->second];
  if (RemovedSlots() == 0) return postings.size();
  return static_cast<std::size_t>(
      std::count_if(postings.begin(), postings.end(),
                    [this](const Posting& posting) { return lengths_[posting.slot] >= 0; }));
}

std::vector<Postings::Match> Postings::Search(const ParsedSearch& parsed, bool all, Fields fields,
                                              Stemmer& stemmer) const {
  std::vector<Match> matches;
  if (!CanSearch(parsed) || documents_ == 0) return matches;
  std::vector<Hits> terms;
  for (std::size_t k = 0; k < parsed.terms.size(); ++k) {
    const bool open = k + 1 == parsed.terms.size() && parsed.last_word_open;
    terms.push_back(HitsOf(parsed.terms[k], open, fields, stemmer));
  }
  // BM25's inverse document frequency, never below zero, as FTS5 bounds it.
  const auto documents = static_cast<double>(documents_);
  auto idf_of = [documents](const Hits& hits) {
    const auto holding = static_cast<double>(hits.size());
    const double idf = std::log((documents - holding + 0.5) / (holding + 0.5));
    return idf > 0 ? idf : 1e-6;
  };

  if (all) {
    // The documents holding every term, found from the rarest term on: each further term can
    // only narrow what it found.
    std::vector<const Hits*> rarest_first;
    for (const Hits& hits : terms) rarest_first.push_back(&hits);
    std::sort(rarest_first.begin(), rarest_first.end(),
              [](const Hits* a, const Hits* b) { return a->size() < b->size(); });
    for (const auto& [slot, hits] : *rarest_first.front()) matches.push_back({slot, 0});
    for (std::size_t k = 1; k < rarest_first.size() && !matches.empty(); ++k) {
      const Hits& narrowing = *rarest_first[k];
      std::size_t kept = 0;
      auto other = narrowing.begin();
      for (const Match& match : matches) {
        while (other != narrowing.end() && other->first < match.slot) ++other;
        if (other == narrowing.end()) break;
        if (other->first == match.slot) matches[kept++] = match;
      }
      matches.resize(kept);
    }
    // Scores summed term by term in the order they were typed, as FTS5 sums them, so that
    // both give the same number to the last bit and order equal matches alike.
    for (const Hits& hits : terms) {
      const double idf = idf_of(hits);
      auto other = hits.begin();
      for (Match& match : matches) {
        while (other->first < match.slot) ++other;  // every match is among the term's hits
        match.score += Score(idf, other->second, match.slot);
      }
    }
    return matches;
  }

  // Any term: every document holding one, scored over the terms it holds.
  std::vector<double> scores(lengths_.size(), 0.0);
  std::vector<bool> found(lengths_.size(), false);
  for (const Hits& hits : terms) {
    const double idf = idf_of(hits);
    for (const auto& [slot, count] : hits) {
      scores[slot] += Score(idf, count, slot);
      found[slot] = true;
    }
  }
  for (Slot slot = 0; slot < lengths_.size(); ++slot) {
    if (found[slot]) matches.push_back({slot, scores[slot]});
  }
  return matches;
}

bool Postings::Any(const ParsedSearch& parsed, bool all, Fields fields, Stemmer& stemmer,
                   const std::function<bool(Slot)>& accept) const {
  if (!CanSearch(parsed)) return false;
  std::vector<Hits> terms;
  for (std::size_t k = 0; k < parsed.terms.size(); ++k) {
    const bool open = k + 1 == parsed.terms.size() && parsed.last_word_open;
    terms.push_back(HitsOf(parsed.terms[k], open, fields, stemmer));
  }
  auto holds = [](const Hits& hits, Slot slot) {
    return std::binary_search(hits.begin(), hits.end(), std::make_pair(slot, 0u),
                              [](const auto& a, const auto& b) { return a.first < b.first; });
  };
  if (!all) {
    for (const Hits& hits : terms) {
      for (const auto& [slot, count] : hits) {
        if (accept(slot)) return true;
      }
    }
    return false;
  }
  std::sort(terms.begin(), terms.end(),
            [](const Hits& a, const Hits& b) { return a.size() < b.size(); });
  for (const auto& [slot, count] : terms.front()) {
    bool everywhere = true;
    for (std::size_t k = 1; k < terms.size() && everywhere; ++k) everywhere = holds(terms[k], slot);
    if (everywhere && accept(slot)) return true;
  }
  return false;
}

Postings::Hits Postings::HitsOf(const Term& term, bool open, Fields fields,
                                Stemmer& stemmer) const {
  const std::string& word = term.words.front();
  std::vector<const std::vector<Posting>*> lists;
  if (!term.prefix) {
    if (auto found = term_ids_.find(stemmer.Stem(word)); found != term_ids_.end()) {
      lists.push_back(&postings_[found->second]);
    }
  }
  if (term.prefix || open) {
    for (auto it = vocabulary_.lower_bound(word);
         it != vocabulary_.end() && it->first.starts_with(word); ++it) {
      // A word as written stands where its stem stands: when the stem begins so too, the
      // stem already counts that place, as FTS5 counts each place once.
      const std::string stem = stemmer.Stem(it->first);
      if (stem != it->first && stem.starts_with(word)) continue;
      lists.push_back(&postings_[it->second]);
    }
  }
  const bool identity = fields == Fields::kIdentity;
  auto weight = [identity](const Posting& posting) -> std::uint32_t {
    return identity ? posting.identity : posting.all;
  };
  Hits hits;
  if (lists.size() == 1) {
    hits.reserve(lists.front()->size());
    for (const Posting& posting : *lists.front()) {
      if (lengths_[posting.slot] >= 0 && weight(posting) > 0) {
        hits.emplace_back(posting.slot, weight(posting));
      }
    }
    return hits;
  }
  // Several words: their hits summed per document, in slot order.
  std::vector<std::uint32_t> summed(lengths_.size(), 0);
  for (const auto* list : lists) {
    for (const Posting& posting : *list) {
      if (lengths_[posting.slot] >= 0) summed[posting.slot] += weight(posting);
    }
  }
  for (Slot slot = 0; slot < summed.size(); ++slot) {
    if (summed[slot] > 0) hits.emplace_back(slot, summed[slot]);
  }
  return hits;
}

double Postings::Score(double idf, std::uint32_t weighted_hits, Slot slot) const {
  const double average = static_cast<double>(total_length_) / static_cast<double>(documents_);
  const double length = static_cast<double>(lengths_[slot]);
  const double hits = static_cast<double>(weighted_hits);
  // Written as FTS5 writes it, so that the two round alike.
  return idf * ((hits * (kK1 + 1.0)) / (hits + kK1 * (1 - kB + kB * length / average)));
}

const Postings::WordTerms& Postings::TermsOf(const std::string& folded) {
  auto found = words_.find(folded);
  if (found != words_.end()) return found->second;
  if (words_.size() >= kWordsRemembered) words_.clear();
  const std::string stem = stemmer_.Stem(folded);
  WordTerms terms;
  terms.stem = TermId(stem);
  terms.word = stem == folded ? kNoTerm : TermId(folded);
  return words_.emplace(folded, terms).first->second;
}

std::uint32_t Postings::TermId(const std::string& term) {
  auto found = term_ids_.find(term);
  if (found != term_ids_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(postings_.size());
  postings_.emplace_back();
  term_ids_.emplace(term, id);
  vocabulary_.emplace(term, id);
  return id;
}

}  // namespace lumbung::search
