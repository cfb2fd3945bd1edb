// The index in memory: which documents a search finds, how it ranks them, that removing and
// compacting leave every other document found as before, and that a search of one part ranks
// as a search of them all.
#include "search/postings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>

namespace lumbung::search {
namespace {

class PostingsTest : public ::testing::Test {
 protected:
  Postings::Slot Add(std::string_view title, std::string_view body = "",
                     std::string_view agency = "Dinas Kesehatan") {
    return postings_.Add(kPart, {title, "", "", body, agency});
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

  static constexpr Postings::Part kPart = 0;
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
      postings_.Remove(kPart, slot);
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

  const auto moved = postings_.Compact(kPart);
  EXPECT_EQ(postings_.RemovedSlots(kPart), 0u);
  EXPECT_EQ(postings_.Slots(kPart), kept.size());
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
  postings_.Remove(kPart, added);
  postings_.Compact(kPart);
  EXPECT_EQ(postings_.DocumentsWith("hijau"), 0u) << "a term nobody holds counts no one";
  EXPECT_TRUE(Find("hijau").empty());
}

TEST_F(PostingsTest, AnyStopsAtTheFirstDocumentAccepted) {
  Add("Bank sampah desa");
  const auto second = Add("Bank sampah kota");
  int asked = 0;
  auto any = [&](std::string_view text, bool all, std::function<bool(Postings::Slot)> accept) {
    return postings_.Any(ParseSearch(text), all, Fields::kAll, stemmer_, std::nullopt,
                         [&](Postings::Part, Postings::Slot slot) { return accept(slot); });
  };
  EXPECT_TRUE(any("bank sampah", true, [&](Postings::Slot slot) {
    ++asked;
    return slot == second;
  }));
  EXPECT_EQ(asked, 2);
  EXPECT_FALSE(any("bank sampah", true, [](Postings::Slot) { return false; }));
  EXPECT_FALSE(any("bank laut", true, [](Postings::Slot) { return true; }));
  EXPECT_TRUE(any("bank laut", false, [](Postings::Slot) { return true; }));
}

TEST_F(PostingsTest, APartIsSearchedAloneAndWeighedAsTheWhole) {
  // Three regions; "sampah" is common in the first and rare in the others.
  for (int k = 0; k < 6; ++k) Add(k % 2 ? "Bank sampah " + std::to_string(k) : "Pasar desa");
  const auto river = postings_.Add(1, {"Sungai bersih dari sampah", "", "", "", ""});
  postings_.Add(1, {"Pasar ikan", "", "", "", ""});
  postings_.Add(2, {"Sampah jadi emas", "", "", "", ""});
  EXPECT_EQ(postings_.Documents(), 9u);
  EXPECT_EQ(postings_.DocumentsWith("sampah"), 5u) << "counted in every part";

  const auto whole = postings_.Search(ParseSearch("sampah"), true, Fields::kAll, stemmer_);
  const auto region = postings_.Search(ParseSearch("sampah"), true, Fields::kAll, stemmer_, 1);
  ASSERT_EQ(whole.size(), 5u);
  ASSERT_EQ(region.size(), 1u) << "only the part asked for";
  EXPECT_EQ(region[0].part, 1u);
  EXPECT_EQ(region[0].slot, river);
  auto in_whole =
      std::find_if(whole.begin(), whole.end(), [](const auto& match) { return match.part == 1; });
  ASSERT_NE(in_whole, whole.end());
  EXPECT_DOUBLE_EQ(region[0].score, in_whole->score)
      << "the word weighs what it weighs in the whole index";
  EXPECT_TRUE(postings_.Search(ParseSearch("sampah"), true, Fields::kAll, stemmer_, 7).empty())
      << "a part that holds nothing";

  // Removing from one part and compacting it leaves the others as they were.
  postings_.Remove(1, river);
  EXPECT_EQ(postings_.DocumentsWith("sampah"), 4u);
  for (Fields fields : {Fields::kAll, Fields::kIdentity}) {
    const auto everywhere = postings_.Search(ParseSearch("sampah"), true, fields, stemmer_);
    const auto alone = postings_.Search(ParseSearch("sampah"), true, fields, stemmer_, 2);
    ASSERT_EQ(everywhere.size(), 4u);
    ASSERT_EQ(alone.size(), 1u);
    EXPECT_DOUBLE_EQ(alone[0].score, everywhere.back().score)
        << "a removed document no longer weighs, wherever the search looks";
  }
  postings_.Compact(1);
  EXPECT_EQ(postings_.Slots(1), 1u);
  EXPECT_TRUE(postings_.Search(ParseSearch("sampah"), true, Fields::kAll, stemmer_, 1).empty());
  EXPECT_EQ(postings_.Search(ParseSearch("sampah"), true, Fields::kAll, stemmer_, 2).size(), 1u);
  EXPECT_EQ(postings_.Search(ParseSearch("pasar"), true, Fields::kAll, stemmer_).size(), 4u);
}

TEST_F(PostingsTest, ASearchOfEveryPartIsEachPartSearchedInTurn) {
  // Four regions, where some words of a search are missing from some regions, and a prefix
  // reads several words in some regions and none in others.
  const std::vector<std::vector<std::string>> regions = {
      {"Bank sampah desa", "Pasar desa", "Bank sampah plastik"},
      {"Sampah jadi emas", "Plasma darah untuk warga"},
      {"Bank sampah plastik sekolah", "Bank data desa", "Plastik daur ulang"},
      {"Pelayanan terpadu satu pintu"}};
  for (Postings::Part part = 0; part < regions.size(); ++part) {
    for (const auto& title : regions[part]) postings_.Add(part, {title, "", "", "", ""});
  }
  for (const char* text : {"bank sampah", "sampah plastik", "plas*", "bank plas*", "desa",
                           "bank sampah plastik sekolah", "tidak ada"}) {
    for (bool all : {true, false}) {
      SCOPED_TRACE(std::string(text) + (all ? ", every word" : ", any word"));
      const auto whole = postings_.Search(ParseSearch(text), all, Fields::kAll, stemmer_);
      std::vector<Postings::Match> in_turn;
      for (Postings::Part part = 0; part < regions.size(); ++part) {
        for (const auto& match :
             postings_.Search(ParseSearch(text), all, Fields::kAll, stemmer_, part)) {
          in_turn.push_back(match);
        }
      }
      ASSERT_EQ(whole.size(), in_turn.size());
      for (std::size_t k = 0; k < whole.size(); ++k) {
        EXPECT_EQ(whole[k].part, in_turn[k].part);
        EXPECT_EQ(whole[k].slot, in_turn[k].slot);
        EXPECT_DOUBLE_EQ(whole[k].score, in_turn[k].score);
      }
    }
  }
  EXPECT_EQ(postings_.Search(ParseSearch("bank sampah"), true, Fields::kAll, stemmer_).size(), 3u);
  EXPECT_EQ(postings_.Search(ParseSearch("plas*"), true, Fields::kAll, stemmer_).size(), 4u)
      << "plastik and plasma";
  EXPECT_EQ(postings_.Search(ParseSearch("bank plas*"), true, Fields::kAll, stemmer_).size(), 2u);
}

}  // namespace
}  // namespace lumbung::search
