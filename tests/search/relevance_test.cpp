// Relevance: the hand-written queries of relevance.tsv against the 200 real LAN records, each
// with the records a person typing it meant. The search must bring them into the first ten.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "domain/registry.hpp"
#include "exchange/importer.hpp"
#include "support/test_support.hpp"

namespace lumbung {
namespace {

struct Judgement {
  std::string query;
  std::set<std::string> expected;  // source_refs, "lan:69"
};

std::vector<Judgement> ReadJudgements() {
  std::ifstream file(LUMBUNG_RELEVANCE_FILE);
  std::vector<Judgement> judgements;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Judgement judgement;
    std::string ids;
    std::getline(fields, judgement.query, '\t');
    std::getline(fields, ids, '\t');
    std::istringstream list(ids);
    for (std::string id; std::getline(list, id, ',');) judgement.expected.insert("lan:" + id);
    judgements.push_back(std::move(judgement));
  }
  return judgements;
}

class Relevance : public ::testing::TestWithParam<std::string> {};

TEST_P(Relevance, HandWrittenQueriesFindWhatTheyMeantInTheFirstTen) {
  LUMBUNG_REQUIRE_SHARED_DATA(folder);
  testing::TempDatabase db(GetParam());
  Registry registry(db.store(), testing::FixedNow);
  ASSERT_TRUE(registry.CreateRegion(
      {"35", "Jawa Timur", RegionLevel::kProvince, "", TimeZone::kWib, false, ""}));
  ASSERT_TRUE(registry.CreateRegion(
      {"3578", "Kota Surabaya", RegionLevel::kCity, "35", TimeZone::kWib, false, ""}));
  std::ifstream data(folder / "lan-innovations-2018.jsonl");
  auto report = exchange::ImportInnovations(db.store(), registry, "3578", data, {});
  ASSERT_TRUE(report);
  ASSERT_EQ(report->created, 200);

  const auto judgements = ReadJudgements();
  ASSERT_GE(judgements.size(), 30u);
  double recall_sum = 0;
  for (const auto& judgement : judgements) {
    InnovationQuery query;
    query.text = judgement.query;
    query.sort = InnovationSort::kRelevance;
    query.per_page = 10;
    auto page = db.store().ListInnovations(query);
    std::set<std::string> found;
    std::string shown;
    for (const auto& item : page.items) {
      auto innovation = db.store().FindInnovation(item.id);
      found.insert(innovation->source_ref);
      shown += "\n  " + innovation->source_ref + " " + item.title;
    }
    int hits = 0;
    for (const auto& ref : judgement.expected) hits += found.contains(ref) ? 1 : 0;
    const double recall = static_cast<double>(hits) / judgement.expected.size();
    recall_sum += recall;
    // Each query is reported, so that a change in ranking shows where it hurts.
    EXPECT_GE(recall, 0.5) << "\"" << judgement.query << "\" found " << hits << " of "
                           << judgement.expected.size() << "; first ten:" << shown;
  }
  const double mean = recall_sum / judgements.size();
  RecordProperty("mean_recall_at_10", std::to_string(mean));
  std::cout << "relevance (" << GetParam() << "): " << judgements.size()
            << " queries, mean recall@10 " << mean << "\n";
  EXPECT_GE(mean, 0.9);
}

INSTANTIATE_TEST_SUITE_P(Backends, Relevance, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lumbung
