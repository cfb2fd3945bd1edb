#include "storage/text_index.hpp"

#include <algorithm>
#include <cmath>

#include "domain/store.hpp"

namespace lumbung::storage {

long long TextIndex::Documents() {
  if (documents_ < 0) documents_ = CountDocuments();
  return documents_;
}

bool TextIndex::IsKnownWord(const std::string& folded) {
  return HoldsTerm(folded) || HoldsTerm(stemmer_.Stem(folded));
}

long long TextIndex::CountedDocumentsWith(const std::string& term) {
  auto found = document_counts_.find(term);
  if (found == document_counts_.end()) {
    found = document_counts_.emplace(term, DocumentsWith(term)).first;
  }
  return found->second;
}

double TextIndex::Weight(const std::string& stem) {
  // A stem the index has never seen weighs as one seen once.
  const double documents = static_cast<double>(std::max(Documents(), 1LL));
  const double holding = static_cast<double>(std::max(CountedDocumentsWith(stem), 1LL));
  return std::log(1.0 + documents / holding);
}

void TextIndex::Refresh(std::int64_t change_counter) {
  if (change_counter == counted_at_) return;
  counted_at_ = change_counter;
  documents_ = -1;
  document_counts_.clear();
}

std::vector<search::ParsedSearch> TextIndex::Corrections(const search::ParsedSearch& parsed,
                                                         int limit) {
  // For each unknown word, its known neighbours, the most common first.
  std::vector<std::vector<std::string>> choices(parsed.terms.size());
  bool any = false;
  for (std::size_t k = 0; k < parsed.terms.size(); ++k) {
    const search::Term& term = parsed.terms[k];
    if (term.phrase || term.prefix) continue;
    const std::string& word = term.words.front();
    if (word.size() < 4 || IsKnownWord(word)) continue;
    std::vector<std::pair<long long, std::string>> known;
    for (std::string& candidate : search::OneEditAway(word)) {
      if (long long documents = DocumentsWith(candidate); documents > 0) {
        known.emplace_back(documents, std::move(candidate));
      }
    }
    std::sort(known.begin(), known.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [documents, candidate] : known) choices[k].push_back(std::move(candidate));
    any = any || !choices[k].empty();
  }
  std::vector<search::ParsedSearch> corrections;
  if (!any) return corrections;
  // The n-th correction takes each unknown word's n-th neighbour (or its last one).
  for (int n = 0; n < limit; ++n) {
    search::ParsedSearch corrected = parsed;
    corrected.last_word_open = false;
    bool fresh = false;
    for (std::size_t k = 0; k < choices.size(); ++k) {
      if (choices[k].empty()) continue;
      std::size_t pick = std::min(static_cast<std::size_t>(n), choices[k].size() - 1);
      fresh = fresh || pick == static_cast<std::size_t>(n);
      corrected.terms[k].words.front() = choices[k][pick];
    }
    if (!fresh) break;
    corrections.push_back(std::move(corrected));
  }
  return corrections;
}

std::vector<std::string> TextIndex::Snippets(const search::ParsedSearch& words,
                                             const std::vector<Id>& ids) {
  std::vector<std::string> snippets(ids.size());
  if (ids.empty()) return snippets;
  const SnippetSources sources = SnippetTextsOf(ids);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    auto found = sources.find(ids[k]);
    if (found != sources.end()) {
      snippets[k] = SnippetOf(words, found->second.first, found->second.second);
    }
  }
  return snippets;
}

std::string TextIndex::SnippetOf(const search::ParsedSearch& words, const std::string& body,
                                 const std::string& summary) {
  for (const std::string* text : {&body, &summary}) {
    std::string snippet = search::Snippet(*text, words, stemmer_, kSnippetStart, kSnippetEnd);
    if (!snippet.empty()) return snippet;
  }
  return "";
}

void TextIndex::ForgetCounts() {
  counted_at_ = -1;
  documents_ = -1;
  document_counts_.clear();
}

}  // namespace lumbung::storage
