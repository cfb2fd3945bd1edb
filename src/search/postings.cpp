#include "search/postings.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

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

Postings::Slot Postings::Add(Part part, const FieldTexts& texts) {
  if (part >= parts_.size()) parts_.resize(part + 1);
  PartIndex& into = parts_[part];
  const auto slot = static_cast<Slot>(into.lengths.size());
  std::int64_t length = 0;
  auto count = [this](std::uint32_t term, std::uint32_t weight, bool identity) {
    if (term >= adding_.size()) adding_.resize(term_ids_.size());
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
    List& list = into.lists[term];
    list.postings.push_back({slot, Capped(all), Capped(identifying)});
    ++postings_of_[term];
    if (identifying > 0) {
      ++list.identity;
      ++identity_postings_of_[term];
    }
    all = identifying = 0;
  }
  touched_.clear();
  into.lengths.push_back(static_cast<std::int32_t>(std::min<std::int64_t>(length, INT32_MAX)));
  total_length_ += static_cast<std::uint64_t>(into.lengths.back());
  ++into.documents;
  ++documents_;
  return slot;
}

void Postings::Remove(Part part, Slot slot) {
  if (!Alive(part, slot)) return;
  PartIndex& from = parts_[part];
  total_length_ -= static_cast<std::uint64_t>(from.lengths[slot]);
  from.lengths[slot] = -1;
  --from.documents;
  with_removed_.insert(part);
  --documents_;
}

void Postings::Clear() {
  parts_.clear();
  with_removed_.clear();
  postings_of_.clear();
  identity_postings_of_.clear();
  documents_ = 0;
  total_length_ = 0;
  term_ids_.clear();
  vocabulary_.clear();
  words_.clear();
  adding_.clear();
}

std::size_t Postings::Slots(Part part) const {
  return part < parts_.size() ? parts_[part].lengths.size() : 0;
}

std::size_t Postings::RemovedSlots(Part part) const {
  return part < parts_.size() ? parts_[part].lengths.size() - parts_[part].documents : 0;
}

void Postings::ShrinkToFit() {
  for (PartIndex& part : parts_) {
    part.lengths.shrink_to_fit();
    for (auto& [term, list] : part.lists) list.postings.shrink_to_fit();
  }
}

std::vector<Postings::Slot> Postings::Compact(Part part) {
  if (part >= parts_.size()) return {};
  PartIndex& index = parts_[part];
  std::vector<Slot> moved(index.lengths.size(), kNoSlot);
  Slot next = 0;
  for (Slot slot = 0; slot < index.lengths.size(); ++slot) {
    if (index.lengths[slot] >= 0) {
      moved[slot] = next;
      index.lengths[next++] = index.lengths[slot];
    }
  }
  index.lengths.resize(next);
  index.lengths.shrink_to_fit();
  for (auto it = index.lists.begin(); it != index.lists.end();) {
    List& list = it->second;
    std::size_t kept = 0;
    const std::uint32_t identity_before = list.identity;
    list.identity = 0;
    for (const Posting& posting : list.postings) {
      if (moved[posting.slot] == kNoSlot) continue;
      list.postings[kept++] = {moved[posting.slot], posting.all, posting.identity};
      if (posting.identity > 0) ++list.identity;
    }
    postings_of_[it->first] -= static_cast<std::uint32_t>(list.postings.size() - kept);
    identity_postings_of_[it->first] -= identity_before - list.identity;
    if (kept == 0) {
      it = index.lists.erase(it);
      continue;
    }
    list.postings.resize(kept);
    list.postings.shrink_to_fit();
    ++it;
  }
  with_removed_.erase(part);
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
  return HoldersEverywhere({found->second}, Fields::kAll);
}

std::vector<Postings::TermNumbers> Postings::Resolve(const ParsedSearch& parsed,
                                                     Stemmer& stemmer) const {
  std::vector<TermNumbers> resolved;
  for (std::size_t k = 0; k < parsed.terms.size(); ++k) {
    const Term& term = parsed.terms[k];
    const bool open = k + 1 == parsed.terms.size() && parsed.last_word_open;
    const std::string& word = term.words.front();
    TermNumbers numbers;
    if (!term.prefix) {
      if (auto found = term_ids_.find(stemmer.Stem(word)); found != term_ids_.end()) {
        numbers.push_back(found->second);
      }
    }
    if (term.prefix || open) {
      for (auto it = vocabulary_.lower_bound(word);
           it != vocabulary_.end() && it->first.starts_with(word); ++it) {
        // A word as written stands where its stem stands: when the stem begins so too, the
        // stem already counts that place, as FTS5 counts each place once.
        const std::string stem = stemmer.Stem(it->first);
        if (stem != it->first && stem.starts_with(word)) continue;
        numbers.push_back(it->second);
      }
    }
    resolved.push_back(std::move(numbers));
  }
  return resolved;
}

std::vector<Postings::Part> Postings::PartsOf(std::optional<Part> part) const {
  if (part) {
    if (*part < parts_.size()) return {*part};
    return {};
  }
  std::vector<Part> all(parts_.size());
  std::iota(all.begin(), all.end(), Part{0});
  return all;
}

void Postings::HitsIn(const PartIndex& part, const TermNumbers& terms, Fields fields,
                      Hits& hits) const {
  hits.clear();
  thread_local std::vector<const List*> lists;
  lists.clear();
  for (std::uint32_t term : terms) {
    if (auto found = part.lists.find(term); found != part.lists.end()) {
      lists.push_back(&found->second);
    }
  }
  if (lists.empty()) return;
  const bool identity = fields == Fields::kIdentity;
  auto weight = [identity](const Posting& posting) -> std::uint32_t {
    return identity ? posting.identity : posting.all;
  };
  if (lists.size() == 1) {
    const auto& postings = lists.front()->postings;
    hits.reserve(postings.size());
    for (const Posting& posting : postings) {
      if (part.lengths[posting.slot] >= 0 && weight(posting) > 0) {
        hits.emplace_back(posting.slot, weight(posting));
      }
    }
    return;
  }
  // Several words: their hits summed per document, in slot order.
  thread_local std::vector<std::uint32_t> summed;
  summed.assign(part.lengths.size(), 0);
  for (const List* list : lists) {
    for (const Posting& posting : list->postings) {
      if (part.lengths[posting.slot] >= 0) summed[posting.slot] += weight(posting);
    }
  }
  for (Slot slot = 0; slot < summed.size(); ++slot) {
    if (summed[slot] > 0) hits.emplace_back(slot, summed[slot]);
  }
}

std::size_t Postings::HoldersIn(const PartIndex& part, const TermNumbers& terms,
                                Fields fields) const {
  if (part.documents == 0 || terms.empty()) return 0;
  // One term in a part without removed documents: every posting counts, and the list knows
  // how many hold the term where a document says what it is.
  if (terms.size() == 1 && part.documents == part.lengths.size()) {
    auto found = part.lists.find(terms.front());
    if (found == part.lists.end()) return 0;
    return fields == Fields::kAll ? found->second.postings.size() : found->second.identity;
  }
  thread_local Hits hits;
  HitsIn(part, terms, fields, hits);
  return hits.size();
}

std::size_t Postings::HoldersEverywhere(const TermNumbers& terms, Fields fields,
                                        const PartIndex* gathered_in, std::size_t gathered) const {
  auto holders_in = [&](const PartIndex& part) {
    return &part == gathered_in ? gathered : HoldersIn(part, terms, fields);
  };
  std::size_t holding = 0;
  if (terms.size() != 1) {
    // Several words (a prefix): a document holding two of them counts once, which only the
    // parts themselves can tell.
    for (const PartIndex& part : parts_) holding += holders_in(part);
    return holding;
  }
  // One term: its postings everywhere, less those of removed documents, which only parts that
  // hold removed documents have.
  const std::uint32_t term = terms.front();
  const bool all = fields == Fields::kAll;
  holding = all ? postings_of_[term] : identity_postings_of_[term];
  for (Part number : with_removed_) {
    const PartIndex& part = parts_[number];
    auto found = part.lists.find(term);
    if (found == part.lists.end()) continue;
    holding -= (all ? found->second.postings.size() : found->second.identity) - holders_in(part);
  }
  return holding;
}

double Postings::Score(double idf, std::uint32_t weighted_hits, std::int32_t length) const {
  const double average = static_cast<double>(total_length_) / static_cast<double>(documents_);
  const double hits = static_cast<double>(weighted_hits);
  // Written as FTS5 writes it, so that the two round alike.
  return idf * ((hits * (kK1 + 1.0)) /
                (hits + kK1 * (1 - kB + kB * static_cast<double>(length) / average)));
}

void Postings::Search(const ParsedSearch& parsed, bool all, Fields fields, Stemmer& stemmer,
                      std::optional<Part> part,
                      const std::function<void(const Match&)>& visit) const {
  if (!CanSearch(parsed) || documents_ == 0) return;
  const std::vector<TermNumbers> terms = Resolve(parsed, stemmer);
  const std::vector<Part> parts = PartsOf(part);
  if (parts.empty()) return;
  // What a search works in, kept by the thread from part to part and search to search: a
  // national search reads fifty parts, and allocating afresh in each costs more than reading.
  thread_local std::vector<Hits> hits;
  thread_local std::vector<Match> matches;
  thread_local std::vector<double> scores;
  thread_local std::vector<std::uint8_t> found;
  hits.resize(terms.size());
  // A search of one part gathers its hits once, for the weights and for the matches.
  const bool one_part = parts.size() == 1;
  if (one_part) {
    for (std::size_t k = 0; k < terms.size(); ++k) {
      HitsIn(parts_[parts[0]], terms[k], fields, hits[k]);
    }
  }
  // BM25's inverse document frequency over every part, never below zero, as FTS5 bounds it.
  const auto documents = static_cast<double>(documents_);
  std::vector<double> idf;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    const std::size_t holding =
        one_part ? HoldersEverywhere(terms[k], fields, &parts_[parts[0]], hits[k].size())
                 : HoldersEverywhere(terms[k], fields);
    const auto held = static_cast<double>(holding);
    const double value = std::log((documents - held + 0.5) / (held + 0.5));
    idf.push_back(value > 0 ? value : 1e-6);
  }
  for (Part p : parts) {
    const PartIndex& index = parts_[p];
    if (index.documents == 0) continue;
    if (!one_part) {
      for (std::size_t k = 0; k < terms.size(); ++k) HitsIn(index, terms[k], fields, hits[k]);
    }

    if (all) {
      // The documents holding every term, found from the rarest term on: each further term
      // can only narrow what it found.
      const Hits& rarest =
          *std::min_element(hits.begin(), hits.end(),
                            [](const Hits& a, const Hits& b) { return a.size() < b.size(); });
      matches.clear();
      for (const auto& [slot, count] : rarest) matches.push_back({p, slot, 0});
      for (const Hits& narrowing : hits) {
        if (&narrowing == &rarest || matches.empty()) continue;
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
      for (std::size_t k = 0; k < hits.size() && !matches.empty(); ++k) {
        auto other = hits[k].begin();
        for (Match& match : matches) {
          while (other->first < match.slot) ++other;  // every match is among the term's hits
          match.score += Score(idf[k], other->second, index.lengths[match.slot]);
        }
      }
      for (const Match& match : matches) visit(match);
      continue;
    }

    // Any term: every document holding one, scored over the terms it holds.
    scores.assign(index.lengths.size(), 0.0);
    found.assign(index.lengths.size(), 0);
    for (std::size_t k = 0; k < hits.size(); ++k) {
      for (const auto& [slot, count] : hits[k]) {
        scores[slot] += Score(idf[k], count, index.lengths[slot]);
        found[slot] = 1;
      }
    }
    for (Slot slot = 0; slot < index.lengths.size(); ++slot) {
      if (found[slot]) visit({p, slot, scores[slot]});
    }
  }
}

std::vector<Postings::Match> Postings::Search(const ParsedSearch& parsed, bool all, Fields fields,
                                              Stemmer& stemmer, std::optional<Part> part) const {
  std::vector<Match> matches;
  Search(parsed, all, fields, stemmer, part,
         [&matches](const Match& match) { matches.push_back(match); });
  return matches;
}

bool Postings::Any(const ParsedSearch& parsed, bool all, Fields fields, Stemmer& stemmer,
                   std::optional<Part> part, const std::function<bool(Part, Slot)>& accept) const {
  if (!CanSearch(parsed)) return false;
  const std::vector<TermNumbers> terms = Resolve(parsed, stemmer);
  thread_local std::vector<Hits> hits;
  auto holds = [](const Hits& term, Slot slot) {
    return std::binary_search(term.begin(), term.end(), std::make_pair(slot, 0u),
                              [](const auto& a, const auto& b) { return a.first < b.first; });
  };
  for (Part p : PartsOf(part)) {
    const PartIndex& index = parts_[p];
    if (index.documents == 0) continue;
    hits.resize(terms.size());
    for (std::size_t k = 0; k < terms.size(); ++k) HitsIn(index, terms[k], fields, hits[k]);
    if (!all) {
      for (const Hits& term : hits) {
        for (const auto& [slot, count] : term) {
          if (accept(p, slot)) return true;
        }
      }
      continue;
    }
    std::sort(hits.begin(), hits.end(),
              [](const Hits& a, const Hits& b) { return a.size() < b.size(); });
    for (const auto& [slot, count] : hits.front()) {
      bool everywhere = true;
      for (std::size_t k = 1; k < hits.size() && everywhere; ++k) everywhere = holds(hits[k], slot);
      if (everywhere && accept(p, slot)) return true;
    }
  }
  return false;
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
  const auto id = static_cast<std::uint32_t>(term_ids_.size());
  postings_of_.push_back(0);
  identity_postings_of_.push_back(0);
  term_ids_.emplace(term, id);
  vocabulary_.emplace(term, id);
  return id;
}

}  // namespace lumbung::search
