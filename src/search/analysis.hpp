// How Lumbung reads Indonesian text for search: words folded to plain lower case, stemmed
// with the Snowball Indonesian stemmer, and what a person types parsed into terms. Nothing here
// knows a database: the SQLite index (storage/sqlite/) and later PostgreSQL use the same rules.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lumbung::search {

// Lower case without accents ("Élan" -> "elan"); any other character as it was. UTF-8 in and
// out; an invalid byte is dropped.
std::string Fold(std::string_view text);

// One word of a text: where it lies (byte offsets into the text) and its folded form.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string folded;
};

// Calls `visit` for each word of `text`: a run of letters and digits. Everything else
// (spaces, punctuation, hyphens: "e-KTP" is two words) separates words. Stops when `visit`
// returns false.
void ForEachWord(std::string_view text, const std::function<bool(const Word&)>& visit);

// The Snowball Indonesian stemmer: "pelayanan", "melayani" and "layanan" all give "layan".
// A stem spelt in a common non-standard way is given in its standard spelling ("ijin" as
// "izin", "akte" as "akta"). Not thread-safe; each thread (or database connection) holds its
// own.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a folded word. Short words, and words holding a digit, stay as they are.
  std::string Stem(std::string_view folded);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Words too common to narrow a search ("yang", "dan", "untuk"), folded.
bool IsStopWord(std::string_view folded);

// One term of a search: a word, or a phrase whose words must stand together.
struct Term {
  std::vector<std::string> words;  // folded
  bool phrase = false;             // typed in double quotes
  bool prefix = false;             // typed ending with '*': any word that starts so
};

// What a person typed, as terms that must all match. Double quotes make a phrase; a word
// ending in '*' matches by prefix; stop words are left out unless nothing else remains.
// `last_word_open`: the text is still being typed, so its last word also matches by prefix.
struct ParsedSearch {
  std::vector<Term> terms;
  bool last_word_open = false;
};
ParsedSearch ParseSearch(std::string_view text);

// A parsed search written back as a person would type it: "\"air bersih\" pelay*".
std::string TextOf(const ParsedSearch& parsed);

// The passage of `text` where a search's words stand: `width` words around the stretch that
// holds most of them, each matched word between `open` and `close`, with "…" where the text
// was cut. Empty when no word of the search is in the text.
std::string Snippet(std::string_view text, const ParsedSearch& search, Stemmer& stemmer, char open,
                    char close, int width = 24);

// The words one edit away from `word` (a letter removed, added, changed, or two neighbours
// swapped), over the letters a-z and the digits: the candidates for a mistyped word.
std::vector<std::string> OneEditAway(std::string_view word);

// The distinct stems of a text's words that say something (no stop words, no single
// letters), each with how often it occurs and the first word that gave it, sorted by stem.
struct StemCount {
  std::string stem;
  int count = 0;
  std::string word;
};
std::vector<StemCount> ContentStems(std::string_view text, Stemmer& stemmer);

// How alike two texts are, from 0 (nothing shared) to 1 (the same words), as the cosine of
// their stem counts weighted by `weight` (the stem's inverse document frequency).
double Similarity(const std::vector<StemCount>& a, const std::vector<StemCount>& b,
                  const std::function<double(const std::string&)>& weight);

}  // namespace lumbung::search
