// Search at national scale, measured in process: a corpus of generated innovations whose
// words all come from the real LAN records, then the time to build the full-text index, the
// time of a search with its facet counts (as the catalogue asks for them), and the time of a
// likeness check. bench/search.sh runs it and then measures the search API over HTTP.
//
//   lumbung-search-bench --data ../shared/data/lan-innovations-2018.jsonl --db /tmp/s.db
//                        [--innovations 100000] [--queries 400] [--queries-out FILE]
//
// Prints a report and, last, the figures as key=value lines.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "domain/accounts.hpp"
#include "domain/policy.hpp"
#include "domain/similarity.hpp"
#include "exchange/html_text.hpp"
#include "search/analysis.hpp"
#include "storage/database.hpp"

namespace {

using namespace lumbung;
using Clock = std::chrono::steady_clock;

// Everything the corpus takes its words from.
struct Vocabulary {
  std::vector<std::string> titles;
  std::vector<std::string> title_words;  // every word of every title, repeats kept
  std::vector<std::string> products;
  std::vector<std::string> sentences;  // of the narratives
  std::vector<std::string> units;      // agency names
};

std::vector<std::string> SentencesOf(const std::string& text) {
  std::vector<std::string> sentences;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    current += c == '\n' ? ' ' : c;
    bool end = (c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ');
    if (end || c == '\n') {
      auto first = current.find_first_not_of(' ');
      if (first != std::string::npos && current.size() - first > 30) {
        sentences.push_back(current.substr(first));
      }
      current.clear();
    }
  }
  return sentences;
}

Vocabulary ReadVocabulary(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);
  Vocabulary vocabulary;
  std::set<std::string> units;
  std::string line;
  while (std::getline(file, line)) {
    auto record = nlohmann::json::parse(line);
    auto text = [&](const char* key) {
      return record.contains(key) && record[key].is_string() ? record[key].get<std::string>()
                                                             : std::string();
    };
    std::string title = text("nama_inovasi");
    vocabulary.titles.push_back(title);
    search::ForEachWord(title, [&](const search::Word& word) {
      std::string original = title.substr(word.begin, word.end - word.begin);
      if (word.folded.size() > 2 && !search::IsStopWord(word.folded)) {
        vocabulary.title_words.push_back(original);
      }
      return true;
    });
    if (!text("produk_inovasi").empty()) vocabulary.products.push_back(text("produk_inovasi"));
    if (!text("unit_instansi").empty()) units.insert(text("unit_instansi"));
    for (const char* key : {"deskripsi_html", "faktor_pendorong_html", "faktor_penghambat_html",
                            "tahapan_proses_html", "output_html", "outcome_html", "manfaat_html",
                            "prasyarat_replikasi_html"}) {
      for (auto& sentence : SentencesOf(exchange::HtmlToPlainText(text(key)))) {
        vocabulary.sentences.push_back(std::move(sentence));
      }
    }
  }
  vocabulary.units.assign(units.begin(), units.end());
  return vocabulary;
}

template <typename T>
const T& Pick(const std::vector<T>& from, std::mt19937_64& random) {
  return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
}

std::string Sentences(const Vocabulary& v, std::mt19937_64& random, int low, int high) {
  int count = std::uniform_int_distribution<int>(low, high)(random);
  std::string text;
  for (int i = 0; i < count; ++i) text += (i ? " " : "") + Pick(v.sentences, random);
  return text;
}

// A title made like the real ones: a real title with one or two of its words exchanged for
// words of other titles.
std::string Title(const Vocabulary& v, std::mt19937_64& random) {
  std::vector<std::string> words;
  std::string title = Pick(v.titles, random);
  std::size_t start = 0;
  while (start < title.size()) {
    std::size_t end = title.find(' ', start);
    if (end == std::string::npos) end = title.size();
    if (end > start) words.push_back(title.substr(start, end - start));
    start = end + 1;
  }
  int changes = std::uniform_int_distribution<int>(1, 2)(random);
  for (int i = 0; i < changes && !words.empty(); ++i) {
    words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random)] =
        Pick(v.title_words, random);
  }
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out.substr(0, 200);
}

double Milliseconds(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Spread {
  double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};

Spread SpreadOf(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  auto at = [&](double q) {
    return values[std::min(values.size() - 1, static_cast<std::size_t>(q * values.size()))];
  };
  Spread s{at(0.50), at(0.90), at(0.99), values.back(), 0};
  for (double v : values) s.mean += v / values.size();
  return s;
}

// The process's memory that is its own (RssAnon: no file it maps, such as the database).
double AnonymousMegabytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("RssAnon:", 0) == 0) return std::stod(line.substr(8)) / 1024;
  }
  return 0;
}

int Run(int argc, char** argv) {
  std::string data, db_path, queries_out;
  int innovations = 100000, query_count = 400, regions = 50, agencies_per_region = 24;
  bool reuse = false;  // measure the database a previous run generated, as it is
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--data") {
      data = value;
    } else if (flag == "--db") {
      db_path = value;
    } else if (flag == "--innovations") {
      innovations = std::stoi(value);
    } else if (flag == "--queries") {
      query_count = std::stoi(value);
    } else if (flag == "--queries-out") {
      queries_out = value;
    } else if (flag == "--reuse") {
      reuse = value == "yes";
    } else {
      std::cerr << "unknown option " << flag << "\n";
      return 2;
    }
  }
  if (data.empty() || db_path.empty()) {
    std::cerr << "usage: lumbung-search-bench --data LAN.jsonl --db PATH [--innovations N] "
                 "[--queries N] [--queries-out FILE] [--reuse yes]\n";
    return 2;
  }
  reuse = reuse && std::filesystem::exists(db_path);
  if (!reuse) {
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path + "-wal");
    std::filesystem::remove(db_path + "-shm");
  }

  const Vocabulary vocabulary = ReadVocabulary(data);
  std::mt19937_64 random(20261123);
  std::unique_ptr<Database> database;
  std::unique_ptr<Store> store;
  auto open = [&] {
    store.reset();
    database.reset();
    auto opened = OpenDatabase("sqlite:" + db_path, MigrationPolicy::kMigrate);
    if (!opened) throw std::runtime_error(opened.error().title.en);
    database = std::move(*opened);
    store = database->Connect();
    store->SetActor(Actor::System());
  };
  open();

  double generate_s = 0;
  double index_s = 0;
  if (!reuse) {
    // --- the corpus ---
    const auto generating = Clock::now();
    store->Begin();
    auto require = [](const Status& status) {
      if (!status) throw std::runtime_error(status.error().title.en);
    };
    require(store->InsertRegion({"99", "Provinsi Uji", RegionLevel::kProvince, "", TimeZone::kWib,
                                 true, "2026-01-01T00:00:00Z"}));
    std::vector<std::pair<std::string, std::vector<Id>>> agencies;
    for (int r = 0; r < regions; ++r) {
      char code[8];
      std::snprintf(code, sizeof code, "99%02d", r + 1);
      require(store->InsertRegion({code, std::string("Kota Uji ") + code, RegionLevel::kCity, "99",
                                   TimeZone::kWib, true, "2026-01-01T00:00:00Z"}));
      std::vector<Id> ids;
      for (int a = 0; a < agencies_per_region; ++a) {
        Agency agency;
        agency.region_code = code;
        agency.name = vocabulary.units[(r * agencies_per_region + a) % vocabulary.units.size()];
        agency.created_at = agency.updated_at = "2026-01-01T00:00:00Z";
        auto created = store->InsertAgency(agency);
        if (created) ids.push_back(created->id);
      }
      agencies.emplace_back(code, std::move(ids));
    }
    const RecordStatus kStatuses[] = {RecordStatus::kPublished, RecordStatus::kPublished,
                                      RecordStatus::kPublished, RecordStatus::kPublished,
                                      RecordStatus::kPublished, RecordStatus::kPublished,
                                      RecordStatus::kDraft,     RecordStatus::kSubmitted};
    for (int i = 0; i < innovations; ++i) {
      const auto& [code, ids] = agencies[i % agencies.size()];
      Innovation n;
      n.region_code = code;
      n.agency_id = Pick(ids, random);
      n.title = Title(vocabulary, random);
      n.product = Pick(vocabulary.products, random).substr(0, 400);
      n.summary = Sentences(vocabulary, random, 1, 2).substr(0, 1500);
      n.description = Sentences(vocabulary, random, 3, 8);
      n.background = Sentences(vocabulary, random, 1, 3);
      n.goals = Sentences(vocabulary, random, 1, 2);
      n.benefits = Sentences(vocabulary, random, 1, 2);
      n.process_steps = Sentences(vocabulary, random, 0, 3);
      n.results = Sentences(vocabulary, random, 0, 2);
      n.type = static_cast<InnovationType>(random() % 5);
      n.form = static_cast<Form>(random() % 3);
      n.year = 2018 + static_cast<int>(random() % 9);
      n.digital = random() % 2 == 0;
      n.status = kStatuses[random() % 8];
      n.created_at = n.updated_at = "2026-01-01T00:00:00Z";
      if (!store->InsertInnovation(n)) throw std::runtime_error("insert refused");
      if (i % 5000 == 4999) {
        store->Commit();
        store->Begin();
        std::cerr << "  " << (i + 1) << " innovations\r" << std::flush;
      }
    }
    store->Commit();
    generate_s = Milliseconds(Clock::now() - generating) / 1000;
    std::cerr << "\n";

    // --- building the index ---
    const auto building = Clock::now();
    store->RebuildSearchIndex();
    index_s = Milliseconds(Clock::now() - building) / 1000;

    // Searched as a server started on the database searches it: through a database opened
    // afresh, holding no connection, cache or search memory of the generating.
    open();
  }

  // --- searches, as the national catalogue asks them: public, every region ---
  // Drawn from their own sequence, so that a run with --reuse measures the same searches.
  std::mt19937_64 asking(20261206);
  std::vector<std::string> queries;
  for (int i = 0; i < query_count; ++i) {
    int words = i % 5 < 2 ? 1 : (i % 5 < 4 ? 2 : 3);
    std::string q;
    for (int w = 0; w < words; ++w) q += (w ? " " : "") + Pick(vocabulary.title_words, asking);
    queries.push_back(q);
  }
  auto search = [&](const std::string& text, long long* matches) {
    InnovationQuery query;
    query.text = text;
    query.sort = InnovationSort::kRelevance;
    RestrictToVisible(Actor::Public(""), query);
    auto page = store->ListInnovations(query);
    store->CountFacets(query);
    if (matches) *matches = page.total;
  };
  // The first search reads the index into the server's memory, once per process.
  const double heap_before = AnonymousMegabytes();
  const auto first_search = Clock::now();
  search(queries.front(), nullptr);
  const double memory_s = Milliseconds(Clock::now() - first_search) / 1000;
  const double memory_mb = AnonymousMegabytes() - heap_before;
  for (const auto& q : queries) search(q, nullptr);  // warm: pages in memory, as on a server
  std::vector<double> search_ms;
  std::vector<double> match_counts;
  for (const auto& q : queries) {
    long long matches = 0;
    auto start = Clock::now();
    search(q, &matches);
    search_ms.push_back(Milliseconds(Clock::now() - start));
    match_counts.push_back(static_cast<double>(matches));
  }

  // --- likeness of saved innovations ---
  std::vector<double> similar_ms;
  for (int i = 0; i < 200; ++i) {
    Id id = 1 + static_cast<Id>(asking() % innovations);
    auto innovation = store->FindInnovation(id);
    if (!innovation) continue;
    auto start = Clock::now();
    SimilarTo(*store, Actor::Public(""),
              IdentityText(innovation->title, innovation->product, innovation->summary), "",
              innovation->id, 5);
    similar_ms.push_back(Milliseconds(Clock::now() - start));
  }

  if (!queries_out.empty()) {
    std::ofstream out(queries_out);
    for (const auto& q : queries) out << q << "\n";
  }

  const Spread s = SpreadOf(search_ms);
  const Spread m = SpreadOf(match_counts);
  const Spread l = SpreadOf(similar_ms);
  const auto bytes = std::filesystem::file_size(db_path);
  std::printf(
      "corpus: %d innovations in %d regions (%zu sentences, %zu title words of %zu real "
      "records), generated in %.1f s; database %.0f MB\n",
      innovations, regions, vocabulary.sentences.size(), vocabulary.title_words.size(),
      vocabulary.titles.size(), generate_s, bytes / 1e6);
  std::printf(
      "index build (FTS5 rebuild, Indonesian stemming tokenizer): %.1f s  (target < 20 s)\n",
      index_s);
  std::printf("first search, reading the index into memory: %.1f s, %.0f MB\n", memory_s,
              memory_mb);
  std::printf(
      "search + facets, %zu queries of 1-3 title words, public, all regions, ranked, "
      "20 per page:\n  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (targets p50 < "
      "2 ms, p99 < 10 ms); matches per query: median %.0f, p90 %.0f, max %.0f\n",
      queries.size(), s.p50, s.p90, s.p99, s.max, m.p50, m.p90, m.max);
  std::printf(
      "similar innovations (title, product, summary of a saved one): %zu checks\n  p50 "
      "%.2f ms  p99 %.2f ms  max %.2f ms  (target < 20 ms)\n",
      similar_ms.size(), l.p50, l.p99, l.max);
  std::printf(
      "search.innovations=%d\nsearch.generate_s=%.2f\nsearch.index_build_s=%.2f\n"
      "search.memory_load_s=%.2f\nsearch.memory_mb=%.0f\nsearch.p50_ms=%.3f\nsearch.p90_ms=%."
      "3f\nsearch.p99_ms=%.3f\nsearch.max_ms=%.3f\n"
      "similar.p50_ms=%.3f\nsimilar.p99_ms=%.3f\nsimilar.max_ms=%.3f\n",
      innovations, generate_s, index_s, memory_s, memory_mb, s.p50, s.p90, s.p99, s.max, l.p50,
      l.p99, l.max);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "lumbung-search-bench: " << error.what() << "\n";
    return 1;
  }
}
