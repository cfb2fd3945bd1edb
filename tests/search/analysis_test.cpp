// The rules search reads Indonesian text by: folding, words, stems, the query language,
// typing errors and likeness.
#include "search/analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace lumbung::search {
namespace {

std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> words;
  ForEachWord(text, [&](const Word& word) {
    words.push_back(word.folded);
    return true;
  });
  return words;
}

// A parsed search written out, with " ~" when its last word is open.
std::string Describe(const ParsedSearch& parsed) {
  std::string text;
  for (const auto& term : parsed.terms) {
    ParsedSearch one;
    one.terms = {term};
    text += (text.empty() ? "" : " | ") + TextOf(one);
  }
  return text + (parsed.last_word_open ? " ~" : "");
}

TEST(Fold, LowersCaseAndDropsAccents) {
  EXPECT_EQ(Fold("PELAYANAN Publik"), "pelayanan publik");
  EXPECT_EQ(Fold("Café Ñusa Straße Œuvre Łódź"), "cafe nusa strasse ouvre lodz");
  EXPECT_EQ(Fold("日本"), "日本") << "scripts without case stay as they are";
  EXPECT_EQ(Fold(std::string("a\xff\xc3z")), "az") << "invalid bytes are dropped";
}

TEST(ForEachWord, SplitsOnEverythingButLettersAndDigits) {
  EXPECT_EQ(WordsOf("e-KTP, surat-menyurat (2024)!"),
            (std::vector<std::string>{"e", "ktp", "surat", "menyurat", "2024"}));
  EXPECT_EQ(WordsOf("Rp1.500.000 — “Kota” «Layak» Anak…"),
            (std::vector<std::string>{"rp1", "500", "000", "kota", "layak", "anak"}));
  EXPECT_EQ(WordsOf("Élan  vital"), (std::vector<std::string>{"elan", "vital"}));
  EXPECT_TRUE(WordsOf(" \t\n-—%_").empty());
}

TEST(ForEachWord, GivesByteOffsetsIntoTheText) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  ForEachWord("Kéju dan susu", [&](const Word& word) {
    spans.emplace_back(word.begin, word.end);
    return true;
  });
  EXPECT_EQ(spans, (std::vector<std::pair<std::size_t, std::size_t>>{{0, 5}, {6, 9}, {10, 14}}));
}

TEST(Stemmer, GivesOneStemToTheFormsOfAWord) {
  Stemmer stemmer;
  for (const char* word : {"pelayanan", "melayani", "layanan", "dilayani"}) {
    EXPECT_EQ(stemmer.Stem(word), "layan") << word;
  }
  EXPECT_EQ(stemmer.Stem("perizinan"), stemmer.Stem("izin"));
  EXPECT_EQ(stemmer.Stem("kesehatan"), "sehat");
  EXPECT_EQ(stemmer.Stem("pengaduan"), stemmer.Stem("mengadukan"));
  EXPECT_EQ(stemmer.Stem("perijinan"), "izin") << "a common other spelling reads as the standard";
  EXPECT_EQ(stemmer.Stem("akte"), stemmer.Stem("akta"));
  EXPECT_EQ(stemmer.Stem("sertipikat"), stemmer.Stem("sertifikat"));
  EXPECT_EQ(stemmer.Stem("ktp"), "ktp") << "short words stay";
  EXPECT_EQ(stemmer.Stem("2024an"), "2024an") << "words with digits stay";
}

TEST(ParseSearch, ReadsWordsPhrasesAndPrefixes) {
  EXPECT_EQ(Describe(ParseSearch("Pelayanan  KESEHATAN ")), "pelayanan | kesehatan");
  EXPECT_EQ(Describe(ParseSearch("pelayanan kesehatan")), "pelayanan | kesehatan ~");
  EXPECT_EQ(Describe(ParseSearch("\"surat menyurat\" desa")), "\"surat menyurat\" | desa ~");
  EXPECT_EQ(Describe(ParseSearch("\"air bersih")), "\"air bersih\"") << "an open quote closes";
  EXPECT_EQ(Describe(ParseSearch("pelay*")), "pelay*");
  EXPECT_EQ(Describe(ParseSearch("layanan e-KTP")), "layanan | \"e ktp\"");
  EXPECT_EQ(Describe(ParseSearch("aplikasi untuk desa yang ")), "aplikasi | desa")
      << "stop words narrow nothing";
  EXPECT_EQ(Describe(ParseSearch("yang dan ")), "yang | dan") << "unless they are all there is";
  EXPECT_EQ(Describe(ParseSearch("ab")), "ab") << "too short to complete";
  EXPECT_TRUE(ParseSearch(" - % _ \"\" ").terms.empty());
}

TEST(ParseSearch, NothingTypedBecomesAnOperator) {
  // FTS5's own syntax (NEAR, column filters, ^, +, -, parentheses) is only punctuation here.
  EXPECT_EQ(Describe(ParseSearch("NEAR(a b) title:x ^y +z -w {c}")),
            "\"near a\" | b | \"title x\" | y | z | w | c");
}

TEST(Snippet, MarksEveryFormOfTheWordsAroundWhereTheyStand) {
  Stemmer stemmer;
  const std::string text =
      "Latar belakang panjang tentang kota. Warga sering datang ke kantor. Petugas **melayani** "
      "permohonan izin usaha di kecamatan.\nPelayanan dibuka malam hari.";
  std::string snippet = Snippet(text, ParseSearch("pelayanan perizinan "), stemmer, '[', ']', 12);
  EXPECT_EQ(snippet,
            "…datang ke kantor. Petugas [melayani] permohonan [izin] usaha di kecamatan. "
            "[Pelayanan] dibuka…")
      << "a window around the matches, Markdown marks and line breaks gone";
  EXPECT_EQ(Snippet("Izin usaha", ParseSearch("izin"), stemmer, '[', ']'), "[Izin] usaha");
  EXPECT_EQ(Snippet("Posyandu lansia", ParseSearch("posy"), stemmer, '[', ']'), "[Posyandu] lansia")
      << "the word still being typed";
  EXPECT_EQ(Snippet("Menyapu jalan", ParseSearch("sapu "), stemmer, '[', ']'), "[Menyapu] jalan")
      << "a prefix that changes the stem's first letter";
  EXPECT_EQ(Snippet("Layanan perijinan", ParseSearch("izin "), stemmer, '[', ']'),
            "Layanan [perijinan]")
      << "the other spelling is marked too";
  EXPECT_EQ(Snippet("Lihat [peta izin](https://peta.example/izin) di sini.", ParseSearch("peta"),
                    stemmer, '<', '>'),
            "Lihat <peta> izin di sini.")
      << "a link shows as its text";
  EXPECT_EQ(Snippet("Tidak ada di sini", ParseSearch("izin"), stemmer, '[', ']'), "");
}

TEST(OneEditAway, CoversEachKindOfTypingError) {
  auto edits = OneEditAway("inovsi");
  auto has = [&](const char* word) { return std::binary_search(edits.begin(), edits.end(), word); };
  EXPECT_TRUE(has("inovasi")) << "a letter left out";
  EXPECT_TRUE(has("inovs")) << "a letter too many";
  EXPECT_TRUE(has("inovsa")) << "two letters swapped";
  EXPECT_TRUE(has("inovsu")) << "a letter changed";
  EXPECT_FALSE(has("inovsi")) << "not the word itself";
  EXPECT_TRUE(OneEditAway("kafé").empty()) << "only plain letters are edited";
}

TEST(Similarity, WeighsSharedRareWords) {
  Stemmer stemmer;
  auto weight = [](const std::string& stem) { return stem == "layan" ? 0.1 : 2.0; };
  auto a = ContentStems("Layanan akta kelahiran keliling di desa", stemmer);
  auto b = ContentStems("Akta kelahiran keliling untuk desa terpencil", stemmer);
  auto c = ContentStems("Pelayanan pajak daerah", stemmer);
  EXPECT_NEAR(Similarity(a, a, weight), 1.0, 1e-9);
  EXPECT_GT(Similarity(a, b, weight), 0.7);
  EXPECT_LT(Similarity(a, c, weight), 0.1) << "only a common word in common";
  EXPECT_EQ(Similarity(a, {}, weight), 0.0);
  EXPECT_DOUBLE_EQ(Similarity(a, b, weight), Similarity(b, a, weight));
}

}  // namespace
}  // namespace lumbung::search
