#include "search/analysis.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unordered_set>

namespace lumbung::search {
namespace {

// The plain letters of U+00C0..U+00FF; empty where the character is not a letter (x, /).
constexpr std::array<std::string_view, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// The plain letter of each of U+0100..U+017F (Latin Extended-A), in code point order.
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkkllllllllllnnnnnnnnnoooooooo"
    "rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 128);

// Decodes the UTF-8 sequence at text[at]; sets `length` to its bytes. Returns -1 for a byte
// that starts no valid sequence (length 1).
long Decode(std::string_view text, std::size_t at, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  const unsigned char lead = byte(0);
  length = 1;
  if (lead < 0x80) return lead;
  int extra = lead >= 0xF0 && lead < 0xF5 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC2 ? 1 : -1;
  if (lead >= 0xF5 || extra < 0 || at + static_cast<std::size_t>(extra) >= text.size()) return -1;
  long code = lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return -1;
    code = (code << 6) | (byte(k) & 0x3F);
  }
  static constexpr long kSmallest[] = {0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return -1;
  }
  length = static_cast<std::size_t>(extra) + 1;
  return code;
}

// Characters outside ASCII that separate words: punctuation, symbols and spaces.
bool IsSeparator(long code) {
  return (code >= 0x80 && code <= 0xBF) || code == 0xD7 || code == 0xF7 ||
         (code >= 0x2000 && code <= 0x206F) || (code >= 0x20A0 && code <= 0x20CF) ||
         (code >= 0x2100 && code <= 0x2BFF) || (code >= 0x3000 && code <= 0x303F) || code == 0xFEFF;
}

bool IsWordCharacter(long code) {
  if (code < 0) return false;
  if (code < 0x80) {
    return (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z') ||
           (code >= '0' && code <= '9');
  }
  return !IsSeparator(code);
}

// Appends the folded form of one character.
void AppendFolded(std::string& out, std::string_view text, std::size_t at, std::size_t length,
                  long code) {
  if (code < 0x80) {
    out += static_cast<char>(code >= 'A' && code <= 'Z' ? code - 'A' + 'a' : code);
  } else if (code >= 0xC0 && code <= 0xFF && !kLatin1[code - 0xC0].empty()) {
    out += kLatin1[code - 0xC0];
  } else if (code >= 0x100 && code <= 0x17F) {
    out += kLatinExtendedA[code - 0x100];
  } else {
    out.append(text.substr(at, length));
  }
}

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> words = {
      "ada",    "adalah",  "agar",     "akan",     "antara",  "anda",   "atau",    "bagi",
      "bahwa",  "dalam",   "dan",      "dapat",    "dari",    "dengan", "di",      "dia",
      "hingga", "ia",      "ini",      "itu",      "jika",    "juga",   "kami",    "karena",
      "ke",     "kepada",  "kita",     "lain",     "lainnya", "maka",   "melalui", "mereka",
      "namun",  "nya",     "oleh",     "pada",     "para",    "saat",   "sampai",  "saya",
      "se",     "sebagai", "secara",   "sehingga", "seperti", "serta",  "setiap",  "sudah",
      "telah",  "tentang", "terhadap", "tersebut", "tetapi",  "untuk",  "yaitu",   "yakni",
      "yang",   "of",      "the",      "and"};
  return words;
}

// Words commonly written two ways, as their stems: the non-standard spelling and the standard
// one (KBBI) it is read as, so that "perijinan" finds "izin" and "akte" finds "akta".
constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
    {"aktifitas", "aktivitas"},     {"akte", "akta"},
    {"analisa", "analisis"},        {"apotik", "apotek"},
    {"efektifitas", "efektivitas"}, {"ijin", "izin"},
    {"jadual", "jadwal"},           {"kadaluarsa", "daluwarsa"},
    {"kreatifitas", "kreativitas"}, {"kwalitas", "kualitas"},
    {"nasehat", "nasihat"},         {"obyek", "objek"},
    {"praktek", "praktik"},         {"produktifitas", "produktivitas"},
    {"propinsi", "provinsi"},       {"resiko", "risiko"},
    {"sekedar", "sekadar"},         {"sertipikat", "sertifikat"},
    {"subyek", "subjek"},           {"tehnik", "teknik"},
};

std::string_view StandardSpelling(std::string_view stem) {
  for (const auto& [variant, standard] : kSpellings) {
    if (stem == variant) return standard;
  }
  return stem;
}

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0, length = 0; at < text.size(); at += length) {
    long code = Decode(text, at, length);
    if (code >= 0) AppendFolded(out, text, at, length, code);
  }
  return out;
}

void ForEachWord(std::string_view text, const std::function<bool(const Word&)>& visit) {
  Word word;
  bool inside = false;
  for (std::size_t at = 0, length = 0; at <= text.size(); at += length) {
    long code = -1;
    length = 1;
    if (at < text.size()) code = Decode(text, at, length);
    if (IsWordCharacter(code)) {
      if (!inside) {
        word.begin = at;
        word.folded.clear();
        inside = true;
      }
      AppendFolded(word.folded, text, at, length, code);
      continue;
    }
    if (inside) {
      word.end = at;
      inside = false;
      if (!visit(word)) return;
    }
  }
}

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
};

Stemmer::Stemmer() : impl_(std::make_unique<Impl>()) {
  impl_->stemmer = sb_stemmer_new("indonesian", "UTF_8");
  if (!impl_->stemmer) throw std::runtime_error("libstemmer has no Indonesian stemmer");
}

Stemmer::~Stemmer() { sb_stemmer_delete(impl_->stemmer); }

std::string Stemmer::Stem(std::string_view folded) {
  if (folded.size() < 4 || HasDigit(folded)) return std::string(folded);
  const sb_symbol* stem =
      sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(folded.data()),
                      static_cast<int>(folded.size()));
  if (!stem) throw std::bad_alloc();
  return std::string(StandardSpelling(
      std::string_view(reinterpret_cast<const char*>(stem),
                       static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer)))));
}

bool IsStopWord(std::string_view folded) { return StopWords().contains(folded); }

ParsedSearch ParseSearch(std::string_view text) {
  ParsedSearch parsed;
  std::vector<Term> terms;
  // Adds the words of one chunk: a quoted phrase, or what lies between spaces. A chunk of
  // several words ("e-KTP", "surat-menyurat") is a phrase too.
  auto add = [&](std::string_view chunk, bool quoted) {
    Term term;
    term.phrase = quoted;
    ForEachWord(chunk, [&](const Word& word) {
      term.words.push_back(word.folded);
      return true;
    });
    if (term.words.empty()) return;
    if (term.words.size() > 1) term.phrase = true;
    if (!quoted && chunk.back() == '*' && term.words.size() == 1) term.prefix = true;
    terms.push_back(std::move(term));
  };
  std::size_t at = 0;
  while (at < text.size()) {
    char c = text[at];
    if (c == '"') {
      std::size_t close = text.find('"', at + 1);
      std::size_t end = close == std::string_view::npos ? text.size() : close;
      add(text.substr(at + 1, end - at - 1), true);
      at = end + 1;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++at;
    } else {
      std::size_t end = text.find_first_of(" \t\n\r\"", at);
      if (end == std::string_view::npos) end = text.size();
      add(text.substr(at, end - at), false);
      at = end;
    }
  }
  // Stop words narrow nothing; keep them only when they are all there is.
  for (const Term& term : terms) {
    bool stop = !term.phrase && !term.prefix && IsStopWord(term.words.front());
    if (!stop) parsed.terms.push_back(term);
  }
  if (parsed.terms.empty()) parsed.terms = std::move(terms);
  // The last word is still being typed when the text ends with it.
  std::size_t last_end = 0;
  ForEachWord(text, [&](const Word& word) {
    last_end = word.end;
    return true;
  });
  if (!parsed.terms.empty() && last_end == text.size()) {
    const Term& last = parsed.terms.back();
    parsed.last_word_open = !last.phrase && !last.prefix && last.words.front().size() >= 3;
  }
  return parsed;
}

std::string TextOf(const ParsedSearch& parsed) {
  std::string text;
  for (const auto& term : parsed.terms) {
    if (!text.empty()) text += ' ';
    std::string words;
    for (const auto& word : term.words) words += (words.empty() ? "" : " ") + word;
    text += term.phrase ? "\"" + words + "\"" : words;
    if (term.prefix) text += '*';
  }
  return text;
}

namespace {

// A stem but for its first letter, which the prefixes of Indonesian may change.
std::string TailOf(std::string_view stem) {
  return std::string(stem.size() > 2 ? stem.substr(1) : stem);
}

// Whether a word of a text matches one of a search's words: by prefix, or by stem. A stem
// stands in the word but for its first letter, which the prefixes of Indonesian may change
// ("menulis" has "ulis" of "tulis"), so only words holding that much are stemmed.
class WordMatcher {
 public:
  WordMatcher(const ParsedSearch& search, Stemmer& stemmer) : stemmer_(stemmer) {
    for (std::size_t t = 0; t < search.terms.size(); ++t) {
      const Term& term = search.terms[t];
      const bool open = t + 1 == search.terms.size() && search.last_word_open;
      for (const auto& word : term.words) {
        if (term.prefix || open) prefixes_.push_back(word);
        if (term.prefix) continue;
        std::string stem = stemmer.Stem(word);
        // The stem as written, and as its other spelling may be written.
        for (const auto& [variant, standard] : kSpellings) {
          if (standard == stem) stems_.push_back({stem, TailOf(variant)});
        }
        std::string tail = TailOf(stem);
        stems_.push_back({std::move(stem), std::move(tail)});
      }
    }
  }

  bool Matches(const std::string& folded) {
    for (const auto& prefix : prefixes_) {
      if (folded.starts_with(prefix)) return true;
    }
    std::string stem;
    for (const auto& [wanted, tail] : stems_) {
      if (folded.find(tail) == std::string::npos) continue;
      if (stem.empty()) stem = stemmer_.Stem(folded);
      if (stem == wanted) return true;
    }
    return false;
  }

 private:
  Stemmer& stemmer_;
  std::vector<std::string> prefixes_;
  std::vector<std::pair<std::string, std::string>> stems_;  // stem, and all of it but the first
};

}  // namespace

std::string Snippet(std::string_view source, const ParsedSearch& search, Stemmer& stemmer,
                    char open, char close, int width) {
  // Cut from one line of plain text: no line breaks, no Markdown emphasis or heading marks,
  // and a link [text](address) as its text.
  std::string plain;
  plain.reserve(source.size());
  for (std::size_t k = 0; k < source.size(); ++k) {
    const char c = source[k];
    if (c == ']' && k + 1 < source.size() && source[k + 1] == '(') {
      const std::size_t end = source.find(')', k);
      if (end != std::string_view::npos) {
        k = end;
        continue;
      }
    }
    if (c == '*' || c == '`' || c == '#' || c == '\r' || c == '[' || c == ']') continue;
    plain += c == '\n' ? ' ' : c;
  }
  const std::string_view text = plain;
  WordMatcher matcher(search, stemmer);
  std::vector<std::pair<std::size_t, std::size_t>> words;
  std::vector<bool> matched;
  words.reserve(text.size() / 6);
  matched.reserve(text.size() / 6);
  ForEachWord(text, [&](const Word& word) {
    words.emplace_back(word.begin, word.end);
    matched.push_back(matcher.Matches(word.folded));
    return true;
  });
  // The window of `width` words holding the most matches, the earliest of equals.
  const std::size_t size = std::min(words.size(), static_cast<std::size_t>(width));
  int inside = 0;
  for (std::size_t k = 0; k < size; ++k) inside += matched[k];
  int best = inside;
  std::size_t first = 0;
  for (std::size_t k = size; k < words.size(); ++k) {
    inside += static_cast<int>(matched[k]) - static_cast<int>(matched[k - size]);
    if (inside > best) {
      best = inside;
      first = k - size + 1;
    }
  }
  if (best == 0) return "";
  // Open the window a little before its first match, so the match reads in context.
  std::size_t lead = first;
  while (!matched[lead]) ++lead;
  if (lead - first > 4) first = std::min(lead - 4, words.size() - size);
  const std::size_t last = first + size;  // one past the window's last word

  std::string out = first > 0 ? "…" : "";
  std::size_t at = words[first].first;
  for (std::size_t k = first; k < last; ++k) {
    out.append(text.substr(at, words[k].first - at));
    if (matched[k]) out += open;
    out.append(text.substr(words[k].first, words[k].second - words[k].first));
    if (matched[k]) out += close;
    at = words[k].second;
  }
  if (last < words.size()) {
    out += "…";
  } else {
    out.append(text.substr(at));
  }
  return out;
}

std::vector<std::string> OneEditAway(std::string_view word) {
  constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::vector<std::string> edits;
  if (word.empty() || std::any_of(word.begin(), word.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return edits;
  }
  const std::string base(word);
  for (std::size_t k = 0; k <= base.size(); ++k) {
    if (k < base.size()) {
      edits.push_back(base.substr(0, k) + base.substr(k + 1));
      if (k + 1 < base.size() && base[k] != base[k + 1]) {
        std::string swapped = base;
        std::swap(swapped[k], swapped[k + 1]);
        edits.push_back(std::move(swapped));
      }
    }
    for (char letter : kLetters) {
      edits.push_back(base.substr(0, k) + letter + base.substr(k));
      if (k < base.size() && base[k] != letter) {
        std::string changed = base;
        changed[k] = letter;
        edits.push_back(std::move(changed));
      }
    }
  }
  std::sort(edits.begin(), edits.end());
  edits.erase(std::unique(edits.begin(), edits.end()), edits.end());
  return edits;
}

std::vector<StemCount> ContentStems(std::string_view text, Stemmer& stemmer) {
  std::map<std::string, StemCount> counts;
  ForEachWord(text, [&](const Word& word) {
    if (word.folded.size() < 2 || IsStopWord(word.folded)) return true;
    StemCount& entry = counts[stemmer.Stem(word.folded)];
    if (entry.count++ == 0) entry.word = word.folded;
    return true;
  });
  std::vector<StemCount> stems;
  stems.reserve(counts.size());
  for (auto& [stem, entry] : counts) stems.push_back({stem, entry.count, std::move(entry.word)});
  return stems;
}

double Similarity(const std::vector<StemCount>& a, const std::vector<StemCount>& b,
                  const std::function<double(const std::string&)>& weight) {
  // Both lists are sorted by stem: one merge finds the shared stems.
  auto value = [&](const StemCount& s) { return (1.0 + std::log(s.count)) * weight(s.stem); };
  double dot = 0, norm_a = 0, norm_b = 0;
  for (const auto& s : a) norm_a += value(s) * value(s);
  for (const auto& s : b) norm_b += value(s) * value(s);
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->stem < j->stem) {
      ++i;
    } else if (j->stem < i->stem) {
      ++j;
    } else {
      dot += value(*i) * value(*j);
      ++i;
      ++j;
    }
  }
  if (norm_a == 0 || norm_b == 0) return 0;
  return std::min(1.0, dot / std::sqrt(norm_a * norm_b));
}

}  // namespace lumbung::search
