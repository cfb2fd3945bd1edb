// The index in memory: which documents a search finds, how it ranks them, and that removing
// and compacting leave every other document found as before.
#include "search/postings.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace lumbung::search {
namespace {

class PostingsTest : public ::testing::Test {
 protected:
  Postings::Slot Add(std::string_view title, std::string_view body = "",
                     std::string_view agency = "Dinas Kesehatan") {
    return postings_.Add({title, "", "", body, agency});
  }

  // The slots a search finds, best first.
  std::vector<Postings::Slot> Find(std::string_view text, bool all = true,
                                   Fields fields = Fields::kAll) {
    auto matches = postings_.Search(ParseSearch(text), all, fields, stemmer_);
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto& a, const auto& b) { return a.score > b.score; });
    std::vector<Postings::Slot> slots;
    for (const auto& match : matches) slots.push_back(match.slot);
    return slots;
  }

  Postings postings_;
  Stemmer stemmer_;
};

using Slots = std::vector<Postings::Slot>;

TEST_F(PostingsTest, AnyFormOfAWordFindsTheOthers) {
  const auto serving = Add("Melayani warga dengan cepat");
  const auto permits = Add("Perizinan usaha dalam satu hari");
  Add("Sekolah ramah anak");
  EXPECT_EQ(Find("pelayanan"), Slots{serving});
  EXPECT_EQ(Find("izin"), Slots{permits});
  EXPECT_EQ(Find("ijin"), Slots{permits}) << "a common spelling stands for the standard one";
  EXPECT_TRUE(Find("kesehatan lingkungan").empty()) << "every word must be there";
  EXPECT_EQ(Find("kesehatan lingkungan", false).size(), 3u) << "any word: the agency's name";
}

TEST_F(PostingsTest, PrefixesCompleteAWordAsItIsTyped) {
  const auto serving = Add("Pelayanan terpadu");
  Add("Pelatihan guru");
  EXPECT_EQ(Find("pelay*"), Slots{serving});
  ParsedSearch typing = ParseSearch("terpa");
  typing.last_word_open = true;
  EXPECT_EQ(postings_.Search(typing, true, Fields::kAll, stemmer_).size(), 1u);
  typing.last_word_open = false;
  EXPECT_TRUE(postings_.Search(typing, true, Fields::kAll, stemmer_).empty());
}

TEST_F(PostingsTest, TheTitleWeighsAboveTheNarrative) {
  const auto in_body = Add("Aplikasi antrean", "Warga memesan layanan posyandu dari rumah.");
  const auto in_title = Add("Posyandu keliling", "Kader datang ke desa setiap bulan.");
  EXPECT_EQ(Find("posyandu"), (Slots{in_title, in_body}));
  EXPECT_EQ(Find("posyandu", true, Fields::kIdentity), Slots{in_title})
      << "likeness reads only what says what a document is";
}

TEST_F(PostingsTest, APhraseOfSeveralWordsIsLeftToAnIndexWithPositions) {
  EXPECT_FALSE(Postings::CanSearch(ParseSearch("\"air bersih\"")));
  EXPECT_FALSE(Postings::CanSearch(ParseSearch("e-KTP")));
  EXPECT_TRUE(Postings::CanSearch(ParseSearch("\"air\" bersih pelay*")));
  EXPECT_FALSE(Postings::CanSearch(ParseSearch("")));
}

TEST_F(PostingsTest, RemovedDocumentsAreNotFoundAndCompactingKeepsTheOthers) {
  std::vector<Postings::Slot> kept;
  for (int k = 0; k < 10; ++k) {
    const auto slot = Add(k % 2 ? "Sampah jadi emas" : "Bank sampah desa");
    if (k % 3 == 0) {
      postings_.Remove(slot);
    } else {
      kept.push_back(slot);
    }
  }
  EXPECT_EQ(postings_.Documents(), kept.size());
  EXPECT_EQ(postings_.DocumentsWith("sampah"), kept.size());
  auto found = Find("sampah");
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, kept);
  const double before =
      postings_.Search(ParseSearch("emas"), true, Fields::kAll, stemmer_).front().score;

  const auto moved = postings_.Compact();
  EXPECT_EQ(postings_.RemovedSlots(), 0u);
  EXPECT_EQ(postings_.Slots(), kept.size());
  Slots expected;
  for (auto slot : kept) expected.push_back(moved[slot]);
  found = Find("sampah");
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, expected);
  EXPECT_DOUBLE_EQ(
      postings_.Search(ParseSearch("emas"), true, Fields::kAll, stemmer_).front().score, before)
      << "scores read only what is there";

  const auto added = Add("Emas hijau");
  EXPECT_EQ(added, kept.size()) << "slots go on after the last one";
  EXPECT_EQ(Find("hijau"), Slots{added});
  postings_.Remove(added);
  postings_.Compact();
  EXPECT_EQ(postings_.DocumentsWith("hijau"), 0u) << "a term nobody holds is forgotten";
  EXPECT_TRUE(Find("hijau").empty());
}

TEST_F(PostingsTest, AnyStopsAtTheFirstDocumentAccepted) {
  Add("Bank sampah desa");
  const auto second = Add("Bank sampah kota");
  int asked = 0;
  EXPECT_TRUE(postings_.Any(ParseSearch("bank sampah"), true, Fields::kAll, stemmer_,
                            [&](Postings::Slot slot) {
                              ++asked;
                              return slot == second;
                            }));
  EXPECT_EQ(asked, 2);
  EXPECT_FALSE(postings_.Any(ParseSearch("bank sampah"), true, Fields::kAll, stemmer_,
                             [](Postings::Slot) { return false; }));
  EXPECT_FALSE(postings_.Any(ParseSearch("bank laut"), true, Fields::kAll, stemmer_,
                             [](Postings::Slot) { return true; }));
  EXPECT_TRUE(postings_.Any(ParseSearch("bank laut"), false, Fields::kAll, stemmer_,
                            [](Postings::Slot) { return true; }));
}

}  // namespace
}  // namespace lumbung::search
