#include "storage/sqlite/search_index.hpp"

#include <algorithm>
#include <cmath>
#include <new>

namespace lumbung::storage::sqlite {
namespace {

// Takes the record's texts from innovation_search_source: the rows FTS5 indexed, or will.
constexpr const char* kForget =
    "INSERT INTO innovation_search (innovation_search, rowid, title, product, summary, body, "
    "agency) SELECT 'delete', id, title, product, summary, body, agency "
    "FROM innovation_search_source WHERE id = ?1";
constexpr const char* kAdd =
    "INSERT INTO innovation_search (rowid, title, product, summary, body, agency) "
    "SELECT id, title, product, summary, body, agency FROM innovation_search_source WHERE id = ?1";
// The index's vocabulary: one row per term with the number of records holding it. Temporary,
// so each connection creates its own view of the one index.
constexpr const char* kCreateTerms =
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.innovation_search_terms "
    "USING fts5vocab(main, innovation_search, row)";
constexpr const char* kDocumentsWith =
    "SELECT doc FROM temp.innovation_search_terms WHERE term = ?1";
constexpr const char* kDocuments = "SELECT count(*) FROM innovations";
// The texts a snippet is cut from: the summary, and the sections of the narrative, which
// innovation_search_source joins with line breaks into the body the index reads. Joined here
// instead, since SQLite copies the whole text again for each section it appends.
constexpr const char* kSnippetTexts =
    "SELECT i.summary, t.description, t.background, t.design, t.goals, t.benefits, t.results, "
    "t.drivers, t.obstacles, t.process_steps, t.outputs, t.outcomes, "
    "t.replication_prerequisites "
    "FROM innovations i JOIN innovation_texts t ON t.innovation_id = i.id WHERE i.id = ?1";
constexpr int kNarrativeSections = 12;

// An innovation as the search memory indexes it: the values its filters read, then its texts
// as FTS5 reads them.
constexpr const char* kSelectIndexed =
    "SELECT i.id, i.region_code, i.status, i.agency_id, i.type, i.form, i.maturity, i.stage, "
    "i.year, i.digital, i.main_affair, i.replicated_from, "
    "s.title, s.product, s.summary, s.body, s.agency "
    "FROM innovations i JOIN innovation_search_source s ON s.id = i.id";
const std::string& SelectIndexedById() {
  static const std::string sql = std::string(kSelectIndexed) + " WHERE i.id = ?1";
  return sql;
}
constexpr const char* kChangeCounter = "SELECT counter FROM change_counter";
constexpr const char* kFirstChange = "SELECT min(seq) FROM search_changes";
// The last change ever logged, even when the log no longer holds it.
constexpr const char* kLastLogged =
    "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'search_changes'), 0)";
constexpr const char* kChangesSince =
    "SELECT seq, innovation_id FROM search_changes WHERE seq > ?1 ORDER BY seq";

void ReadIndexed(const Statement& s, IndexedInnovation& into) {
  ReadIndexedColumns(s, into);
  into.body = s.Text(15);
  into.agency = s.Text(16);
}

// The tokenizer FTS5 calls: one per table that names it, each with its own stemmer.
struct Tokenizer {
  search::Stemmer stemmer;
};

int CreateTokenizer(void*, const char**, int, Fts5Tokenizer** out) {
  try {
    *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer());
    return SQLITE_OK;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void DeleteTokenizer(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Tokenizer*>(tokenizer); }

// A document gives each word's stem and, at the same position, the folded word when it differs;
// a query gives the stem, and a prefix query the folded letters as typed.
int Tokenize(Fts5Tokenizer* self, void* context, int flags, const char* text, int length,
             int (*token)(void*, int, const char*, int, int, int)) {
  auto& tokenizer = *reinterpret_cast<Tokenizer*>(self);
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
  int rc = SQLITE_OK;
  try {
    search::ForEachWord(
        std::string_view(text, static_cast<std::size_t>(length)), [&](const search::Word& word) {
          const int begin = static_cast<int>(word.begin);
          const int end = static_cast<int>(word.end);
          const std::string& folded = word.folded;
          const int size = static_cast<int>(folded.size());
          if (prefix) {
            rc = token(context, 0, folded.data(), size, begin, end);
            return rc == SQLITE_OK;
          }
          std::string stem = tokenizer.stemmer.Stem(folded);
          rc = token(context, 0, stem.data(), static_cast<int>(stem.size()), begin, end);
          if (rc == SQLITE_OK && !query && stem != folded) {
            rc = token(context, FTS5_TOKEN_COLOCATED, folded.data(), size, begin, end);
          }
          return rc == SQLITE_OK;
        });
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
  return rc;
}

fts5_api* FtsApi(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    throw StorageError("sqlite: this SQLite has no FTS5");
  }
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (!api) throw StorageError("sqlite: this SQLite has no FTS5");
  return api;
}

// One term as FTS5 reads it: the words in double quotes (they hold only letters and digits),
// and '*' after a prefix.
std::string Quoted(const search::Term& term) {
  std::string out = "\"";
  for (std::size_t k = 0; k < term.words.size(); ++k) out += (k ? " " : "") + term.words[k];
  out += "\"";
  if (term.prefix) out += " *";
  return out;
}

}  // namespace

void RegisterTokenizer(sqlite3* db) {
  static fts5_tokenizer tokenizer = {CreateTokenizer, DeleteTokenizer, Tokenize};
  fts5_api* api = FtsApi(db);
  if (api->xCreateTokenizer(api, "lumbung", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
    throw StorageError("sqlite: cannot register the search tokenizer");
  }
}

std::string MatchExpression(const search::ParsedSearch& parsed, bool all) {
  std::string expression;
  for (std::size_t k = 0; k < parsed.terms.size(); ++k) {
    const search::Term& term = parsed.terms[k];
    std::string one = Quoted(term);
    if (k + 1 == parsed.terms.size() && parsed.last_word_open) {
      one = "(" + one + " OR " + one + " *)";
    }
    expression += (k ? (all ? " AND " : " OR ") : "") + one;
  }
  return expression;
}

void SearchIndex::Forget(Id innovation_id) {
  auto s = connection_.Prepare(kForget);
  s.Bind(1, innovation_id);
  s.Execute();
}

void SearchIndex::Add(Id innovation_id) {
  auto s = connection_.Prepare(kAdd);
  s.Bind(1, innovation_id);
  s.Execute();
}

void SearchIndex::Rebuild() {
  connection_.Exec("INSERT INTO innovation_search (innovation_search) VALUES ('rebuild')");
  ForgetCounts();
}

std::int64_t MemorySource::ChangeCounter() {
  counter_ = std::unique_ptr<Statement>(new Statement(connection_.Prepare(kChangeCounter)));
  return counter_->Step() ? counter_->Int(0) : 0;
}

std::int64_t MemorySource::LastLogged() {
  auto s = connection_.Prepare(kLastLogged);
  return s.Step() ? s.Int(0) : 0;
}

std::optional<MemorySource::Changes> MemorySource::ChangesSince(std::int64_t position) {
  // Changes were logged since, but the first the log still holds comes after a gap.
  if (LastLogged() > position) {
    auto first = connection_.Prepare(kFirstChange);
    if (!first.Step() || first.IsNull(0) || first.Int(0) > position + 1) return std::nullopt;
  }
  Changes changes;
  changes.last = position;
  auto s = connection_.Prepare(kChangesSince);
  s.Bind(1, position);
  while (s.Step()) {
    changes.last = s.Int(0);
    changes.ids.push_back(s.Int(1));
  }
  return changes;
}

void MemorySource::ReadAll(const std::function<void(IndexedInnovation&)>& take) {
  IndexedInnovation innovation;
  auto s = connection_.Prepare(kSelectIndexed);
  while (s.Step()) {
    ReadIndexed(s, innovation);
    take(innovation);
  }
}

void MemorySource::Read(const std::vector<Id>& ids,
                        const std::function<void(IndexedInnovation&)>& take) {
  IndexedInnovation innovation;
  for (Id id : ids) {
    auto s = connection_.Prepare(SelectIndexedById());
    s.Bind(1, id);
    if (!s.Step()) continue;
    ReadIndexed(s, innovation);
    take(innovation);
  }
}

SearchMemory* SearchIndex::Memory() {
  if (!memory_ || connection_.HoldsWrites()) return nullptr;
  MemorySource source(connection_);
  return memory_->CatchUp(source) ? memory_.get() : nullptr;
}

bool SearchIndex::HoldsTerm(const std::string& term) {
  if (auto* memory = Memory()) return memory->DocumentsWith(term) > 0;
  return DocumentsWith(term) > 0;
}

long long SearchIndex::DocumentsWith(const std::string& term) {
  if (auto* memory = Memory()) return memory->DocumentsWith(term);
  connection_.Exec(kCreateTerms);
  auto s = connection_.Prepare(kDocumentsWith);
  s.Bind(1, term);
  return s.Step() ? s.Int(0) : 0;
}

long long SearchIndex::CountDocuments() {
  if (auto* memory = Memory()) return memory->Documents();
  auto s = connection_.Prepare(kDocuments);
  return s.Step() ? s.Int(0) : 0;
}

TextIndex::SnippetSources SearchIndex::SnippetTextsOf(const std::vector<Id>& ids) {
  SnippetSources sources;
  for (Id id : ids) {
    auto s = connection_.Prepare(kSnippetTexts);
    s.Bind(1, id);
    if (!s.Step()) continue;
    std::string body;
    for (int section = 1; section <= kNarrativeSections; ++section) {
      if (section > 1) body += '\n';
      body += s.TextView(section);
    }
    sources[id] = {std::move(body), s.Text(0)};
  }
  return sources;
}

std::string SearchIndex::IdentityMatch(const search::ParsedSearch& words) {
  return std::string(kIdentityColumns) + " : (" + sqlite::MatchExpression(words, false) + ")";
}

}  // namespace lumbung::storage::sqlite
