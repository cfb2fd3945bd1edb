#include "storage/postgresql/search_index.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace lumbung::storage::postgresql {
namespace {

constexpr const char* kSelectTexts =
    "SELECT i.title, i.product, i.summary, t.description, t.background, t.design, t.goals, "
    "t.benefits, t.results, t.drivers, t.obstacles, t.process_steps, t.outputs, t.outcomes, "
    "t.replication_prerequisites, a.name, i.region_code FROM innovations i "
    "JOIN innovation_texts t ON t.innovation_id = i.id JOIN agencies a ON a.id = i.agency_id "
    "WHERE i.id = ?1";
// The narratives and summaries of a page of search results, the ids bound as an array.
constexpr const char* kSelectSnippetTexts =
    "SELECT i.id, i.summary, t.description, t.background, t.design, t.goals, t.benefits, "
    "t.results, t.drivers, t.obstacles, t.process_steps, t.outputs, t.outcomes, "
    "t.replication_prerequisites FROM innovations i "
    "JOIN innovation_texts t ON t.innovation_id = i.id WHERE i.id = ANY(?1::bigint[])";
// How many narrative sections both statements read, one after another.
constexpr int kNarrativeSections = 12;
// A document that has not changed (a status moved, or a section outside the index) is left as
// it is: rewriting it would put all its words into the GIN index again.
constexpr const char* kUpsertDocument =
    "INSERT INTO innovation_search (innovation_id, document, region_code) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (innovation_id) DO UPDATE SET document = excluded.document, "
    "region_code = excluded.region_code WHERE (innovation_search.document, "
    "innovation_search.region_code) IS DISTINCT FROM (excluded.document, excluded.region_code)";
constexpr const char* kDocumentsWith =
    "SELECT count(*) FROM innovation_search WHERE document @@ ?1";
// Whether any record holds a term: stops at the first, where counting would visit them all.
constexpr const char* kHoldsTerm =
    "SELECT EXISTS (SELECT 1 FROM innovation_search WHERE document @@ ?1)";
// The number of innovations for word weights: counted while the table is small, the planner's
// estimate (kept current by autovacuum) once counting would read a national registry.
constexpr const char* kDocuments =
    "SELECT CASE WHEN c.reltuples >= 100000 THEN c.reltuples::bigint "
    "ELSE (SELECT count(*) FROM innovations) END FROM pg_class c "
    "WHERE c.oid = 'innovations'::regclass";
constexpr const char* kSelectIds = "SELECT id FROM innovations ORDER BY id";

// An innovation as the search memory indexes it: the values its filters read, then its texts
// as the tsvector reads them. ReadAll reads them in pages of kPage by id, each page in a
// statement of its own, so that neither the server nor this process holds a national
// registry's texts at once.
constexpr const char* kSelectIndexed =
    "SELECT i.id, i.region_code, i.status, i.agency_id, i.type, i.form, i.maturity, i.stage, "
    "i.year, i.digital, i.main_affair, i.replicated_from, i.title, i.product, i.summary, "
    "t.description, t.background, t.design, t.goals, t.benefits, t.results, t.drivers, "
    "t.obstacles, t.process_steps, t.outputs, t.outcomes, t.replication_prerequisites, a.name "
    "FROM innovations i JOIN innovation_texts t ON t.innovation_id = i.id "
    "JOIN agencies a ON a.id = i.agency_id ";
const std::string& SelectIndexedPage() {
  // The texts' own condition lets the merge join start at the page rather than walk
  // innovation_texts from its first row every time: 16 ms a page where it took 500 ms halfway
  // through a national registry.
  static const std::string sql = std::string(kSelectIndexed) +
                                 "WHERE i.id > ?1 AND t.innovation_id > ?1 ORDER BY i.id LIMIT ?2";
  return sql;
}
// The ids bound as an array.
const std::string& SelectIndexedOf() {
  static const std::string sql = std::string(kSelectIndexed) + "WHERE i.id = ANY(?1::bigint[])";
  return sql;
}
constexpr std::int64_t kPage = 2000;
constexpr const char* kChangesSince =
    "SELECT position, innovation_id FROM search_changes WHERE position > ?1 ORDER BY position";

// PostgreSQL keeps positions 1 to 16383 and at most 256 of them per lexeme; a lexeme may not
// pass 2 KiB.
constexpr int kLastPosition = 16383;
constexpr std::size_t kPositionsPerLexeme = 255;
constexpr std::size_t kLongestLexeme = 255;

// A lexeme in single quotes, as tsvector and tsquery read it.
std::string Quoted(const std::string& lexeme) {
  std::string out = "'";
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

// While it lives, the connection's plans use indexes rather than read a table from the start.
// The planner prices reading innovation_search by its slim rows and not by the documents kept
// out of line (TOAST), so for a word it expects often it reads the table hoping for an early
// match, and for a word that is rare or absent ends up unpacking a whole national registry's
// documents.
class IndexesOnly {
 public:
  explicit IndexesOnly(Connection& connection) : connection_(connection) {
    connection_.Exec("SET enable_seqscan = off");
  }
  ~IndexesOnly() { connection_.ExecIgnoringErrors("RESET enable_seqscan"); }
  IndexesOnly(const IndexesOnly&) = delete;
  IndexesOnly& operator=(const IndexesOnly&) = delete;

 private:
  Connection& connection_;
};

// The narrative sections from column `first` on, one line each, as the index reads them.
std::string Narrative(Statement& s, int first) {
  std::string body;
  for (int column = first; column < first + kNarrativeSections; ++column) {
    if (column > first) body += '\n';
    body += s.Text(column);
  }
  return body;
}

// The ids as an array PostgreSQL reads: {1,2,3}.
std::string IdArray(const std::vector<Id>& ids, std::size_t first, std::size_t end) {
  std::string array = "{";
  for (std::size_t k = first; k < end; ++k) {
    if (array.size() > 1) array += ',';
    array += std::to_string(ids[k]);
  }
  return array + '}';
}

void ReadIndexed(Statement& s, IndexedInnovation& into) {
  ReadIndexedColumns(s, into);
  into.body = Narrative(s, 15);
  into.agency = s.Text(27);
}

}  // namespace

std::int64_t MemorySource::ChangeCounter() { return connection_.ChangeCounter(); }

std::optional<MemorySource::Changes> MemorySource::ChangesSince(std::int64_t position) {
  Changes changes;
  changes.last = position;
  {
    auto s = connection_.Prepare(kChangesSince);
    s.Bind(1, position);
    while (s.Step()) {
      changes.last = s.Int(0);
      changes.ids.push_back(s.Int(1));
    }
  }
  // Read after the log: any pruning that could have taken what was read happened before the
  // counter reached this, and pruning keeps the last kChangesKept positions.
  if (ChangeCounter() - position > kChangesKept) return std::nullopt;
  return changes;
}

void MemorySource::ReadAll(const std::function<void(IndexedInnovation&)>& take) {
  IndexedInnovation innovation;
  Id after = 0;
  for (;;) {
    auto s = connection_.Prepare(SelectIndexedPage());
    s.Bind(1, after).Bind(2, kPage);
    std::int64_t rows = 0;
    while (s.Step()) {
      ReadIndexed(s, innovation);
      after = innovation.id;
      ++rows;
      take(innovation);
    }
    if (rows < kPage) return;
  }
}

void MemorySource::Read(const std::vector<Id>& ids,
                        const std::function<void(IndexedInnovation&)>& take) {
  IndexedInnovation innovation;
  for (std::size_t first = 0; first < ids.size(); first += kPage) {
    const std::size_t end = std::min(ids.size(), first + static_cast<std::size_t>(kPage));
    auto s = connection_.Prepare(SelectIndexedOf());
    s.Bind(1, IdArray(ids, first, end));
    while (s.Step()) {
      ReadIndexed(s, innovation);
      take(innovation);
    }
  }
}

SearchMemory* SearchIndex::Memory() {
  if (!memory_ || connection_.HoldsWrites()) return nullptr;
  MemorySource source(connection_);
  return memory_->CatchUp(source) ? memory_.get() : nullptr;
}

std::string Document(const IndexedTexts& texts, search::Stemmer& stemmer) {
  std::map<std::string, std::vector<std::string>> positions;
  int position = 0;
  auto add = [&](const std::string& lexeme, const std::string& at) {
    if (lexeme.empty() || lexeme.size() > kLongestLexeme) return;
    auto& list = positions[lexeme];
    if (list.size() < kPositionsPerLexeme) list.push_back(at);
  };
  const std::pair<const std::string*, const char*> fields[] = {{&texts.title, "A"},
                                                               {&texts.product, "B"},
                                                               {&texts.summary, "C"},
                                                               {&texts.body, ""},
                                                               {&texts.agency, ""}};
  for (const auto& [text, weight] : fields) {
    search::ForEachWord(*text, [&](const search::Word& word) {
      position = std::min(position + 1, kLastPosition);
      const std::string at = std::to_string(position) + weight;
      std::string stem = stemmer.Stem(word.folded);
      if (stem != word.folded) add(word.folded, at);
      add(stem, at);
      return true;
    });
    // A gap, so that a phrase never runs from one field into the next.
    position = std::min(position + 1, kLastPosition);
  }
  std::string out;
  for (const auto& [lexeme, at] : positions) {
    if (!out.empty()) out += ' ';
    out += Quoted(lexeme);
    for (std::size_t k = 0; k < at.size(); ++k) out += (k ? "," : ":") + at[k];
  }
  return out;
}

std::string QueryText(const search::ParsedSearch& parsed, bool all, search::Stemmer& stemmer,
                      const std::string& weights) {
  const std::string labels = weights.empty() ? "" : ":" + weights;
  auto stemmed = [&](const std::string& word) { return Quoted(stemmer.Stem(word)) + labels; };
  auto prefix = [&](const std::string& word) { return Quoted(word) + ":*" + weights; };
  std::string query;
  for (std::size_t k = 0; k < parsed.terms.size(); ++k) {
    const search::Term& term = parsed.terms[k];
    std::string one;
    for (std::size_t w = 0; w < term.words.size(); ++w) {
      const bool last = w + 1 == term.words.size();
      one += (w ? " <-> " : "") +
             (last && term.prefix ? prefix(term.words[w]) : stemmed(term.words[w]));
    }
    if (k + 1 == parsed.terms.size() && parsed.last_word_open && !term.prefix) {
      one = "(" + one + " | " + prefix(term.words.back()) + ")";
    }
    query += (k ? (all ? " & " : " | ") : "") + ("(" + one + ")");
  }
  return query;
}

bool SearchIndex::Read(Id innovation_id, IndexedTexts& texts) {
  auto s = connection_.Prepare(kSelectTexts);
  s.Bind(1, innovation_id);
  if (!s.Step()) return false;
  texts.title = s.Text(0);
  texts.product = s.Text(1);
  texts.summary = s.Text(2);
  texts.body = Narrative(s, 3);
  texts.agency = s.Text(15);
  texts.region_code = s.Text(16);
  return true;
}

void SearchIndex::Add(Id innovation_id) {
  IndexedTexts texts;
  if (!Read(innovation_id, texts)) return;
  auto s = connection_.Prepare(kUpsertDocument);
  s.Bind(1, innovation_id).Bind(2, Document(texts, stemmer_)).Bind(3, texts.region_code);
  s.Execute();
}

void SearchIndex::Rebuild() {
  connection_.Exec("DELETE FROM innovation_search");
  std::vector<Id> ids;
  {
    auto s = connection_.Prepare(kSelectIds);
    while (s.Step()) ids.push_back(s.Int(0));
  }
  for (Id id : ids) Add(id);
  ForgetCounts();
}

long long SearchIndex::DocumentsWith(const std::string& term) {
  if (auto* memory = Memory()) return memory->DocumentsWith(term);
  IndexesOnly indexes(connection_);
  auto s = connection_.Prepare(kDocumentsWith);
  s.Bind(1, Quoted(term));
  return s.Step() ? s.Int(0) : 0;
}

bool SearchIndex::HoldsTerm(const std::string& term) {
  if (auto* memory = Memory()) return memory->DocumentsWith(term) > 0;
  if (known_ && known_->Contains(term)) return true;
  IndexesOnly indexes(connection_);
  auto s = connection_.Prepare(kHoldsTerm);
  s.Bind(1, Quoted(term));
  const bool holds = s.Step() && s.Int(0) == 1;
  if (holds && known_) known_->Add(term);
  return holds;
}

long long SearchIndex::CountDocuments() {
  if (auto* memory = Memory()) return memory->Documents();
  auto s = connection_.Prepare(kDocuments);
  return s.Step() ? s.Int(0) : 0;
}

TextIndex::SnippetSources SearchIndex::SnippetTextsOf(const std::vector<Id>& ids) {
  auto s = connection_.Prepare(kSelectSnippetTexts);
  s.Bind(1, IdArray(ids, 0, ids.size()));
  SnippetSources sources;
  while (s.Step()) sources[s.Int(0)] = {Narrative(s, 2), s.Text(1)};
  return sources;
}

}  // namespace lumbung::storage::postgresql
