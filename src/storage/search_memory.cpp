#include "storage/search_memory.hpp"

#include <malloc.h>

#include <algorithm>
#include <bit>
#include <mutex>

namespace lumbung::storage {
namespace {

// A number no row holds: a filter on a value the memory has never seen matches nothing.
constexpr std::uint32_t kUnknown = UINT32_MAX;
// Years a facet counts in an array; any other is counted apart.
constexpr std::int32_t kFirstYear = 1900;
constexpr std::int32_t kYears = 256;

}  // namespace

// A query's filters in the memory's numbers: for each text and agency number, whether it
// passes, so that a match is judged by looking up a few flags.
struct SearchMemory::Filter {
  // Every match must pass these: they are not facets. A region the memory does not know is
  // a part no row is in.
  std::optional<Part> part;
  std::vector<bool> status_passes;  // by text number; empty: every status
  std::optional<Id> replicated_from;
  bool restricted = false;
  std::vector<bool> visible_statuses;  // by text number: statuses seen everywhere
  std::vector<bool> visible_parts;     // by part: regions seen whole
  std::vector<bool> visible_agencies;  // by agency number
  // The facets' own filters, by FacetColumn: a match failing only its own is still counted
  // under that facet.
  std::array<std::optional<std::int64_t>, kColumns> wanted;

  bool Passes(Part in, const Row& row) const {
    if (!status_passes.empty() && !status_passes[row.status]) return false;
    if (replicated_from && row.replicated_from != *replicated_from) return false;
    if (restricted && !visible_statuses[row.status] && !visible_parts[in] &&
        !visible_agencies[row.agency]) {
      return false;
    }
    return true;
  }

  // The row's value of each facet column, as the memory numbers it.
  static std::array<std::int64_t, kColumns> Values(const Row& row) {
    return {row.agency, row.type, row.form,   row.maturity,
            row.stage,  row.year, row.affair, row.digital ? 1 : 0};
  }

  // One bit for each facet filter the row fails.
  unsigned Fails(const std::array<std::int64_t, kColumns>& values) const {
    unsigned fails = 0;
    for (int c = 0; c < kColumns; ++c) {
      if (wanted[c] && values[c] != *wanted[c]) fails |= 1u << c;
    }
    return fails;
  }
};

bool SearchMemory::CatchUp(MemorySource& source) { return CatchUp(source, false); }

bool SearchMemory::WarmUp(MemorySource& source) { return CatchUp(source, true); }

bool SearchMemory::CatchUp(MemorySource& source, bool wait) {
  const std::int64_t change_counter = source.ChangeCounter();
  for (;;) {
    {
      std::shared_lock lock(mutex_);
      if (state_ && change_counter <= state_->counter) return true;
    }
    {
      std::unique_lock lock(mutex_);
      if (state_) {
        if (change_counter <= state_->counter) return true;
        bool followed = false;
        try {
          followed = state_->FollowChanges(source);
        } catch (...) {
          // Half taken in, the state can no longer be trusted: it is read again whole.
          state_.reset();
          ++generation_;
          throw;
        }
        if (followed) {
          state_->counter = change_counter;
          ++generation_;
          return true;
        }
        // The log no longer reaches back: everything is read again, as the first time,
        // while searches go to the database's index.
        state_.reset();
        ++generation_;
      }
    }
    std::unique_lock loading(loading_, std::defer_lock);
    if (wait) {
      loading.lock();
    } else if (!loading.try_lock()) {
      return false;
    }
    {
      // Another source read it meanwhile, perhaps before what this one reads: follow.
      std::shared_lock lock(mutex_);
      if (state_) continue;
    }
    auto fresh = std::make_unique<State>();
    fresh->counter = change_counter;
    fresh->Load(source);
    {
      std::unique_lock replace(mutex_);
      state_ = std::move(fresh);
      ++generation_;
    }
    // Reading in leaves the heap with the freed rows and the lists' first allocations; handed
    // back to the system, a national registry's memory takes 2.5 GB rather than 3.1.
    malloc_trim(0);
    return true;
  }
}

std::int64_t SearchMemory::Generation() const {
  std::shared_lock lock(mutex_);
  return generation_;
}

long long SearchMemory::Documents() const {
  std::shared_lock lock(mutex_);
  return state_ ? static_cast<long long>(state_->postings.Documents()) : 0;
}

long long SearchMemory::DocumentsWith(const std::string& term) const {
  std::shared_lock lock(mutex_);
  return state_ ? static_cast<long long>(state_->postings.DocumentsWith(term)) : 0;
}

void SearchMemory::State::Load(MemorySource& source) {
  postings.Clear();
  rows.clear();
  places.clear();
  logged = source.LastLogged();
  source.ReadAll([this](IndexedInnovation& innovation) { Index(innovation); });
  postings.ShrinkToFit();
  for (auto& in_part : rows) in_part.shrink_to_fit();
}

bool SearchMemory::State::FollowChanges(MemorySource& source) {
  auto changes = source.ChangesSince(logged);
  if (!changes) return false;
  std::vector<Id>& changed = changes->ids;
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  for (Id id : changed) Forget(id);
  source.Read(changed, [this](IndexedInnovation& innovation) { Index(innovation); });
  if (!changed.empty()) logged = changes->last;
  // Removed records keep their slots until they are a quarter of their region's.
  for (Part part = 0; part < postings.Parts(); ++part) {
    const std::size_t removed = postings.RemovedSlots(part);
    if (removed > 0 && removed > std::max<std::size_t>(1024, postings.Slots(part) / 4)) {
      Compact(part);
    }
  }
  return true;
}

void SearchMemory::State::Index(IndexedInnovation& innovation) {
  Row row;
  row.id = innovation.id;
  row.status = TextCode(innovation.status);
  row.agency = AgencyCode(innovation.agency_id);
  row.type = TextCode(innovation.type);
  row.form = TextCode(innovation.form);
  row.maturity = TextCode(innovation.maturity);
  row.stage = TextCode(innovation.stage);
  row.year = static_cast<std::int32_t>(innovation.year.value_or(kNoYear));
  row.digital = innovation.digital;
  row.affair = TextCode(innovation.main_affair);
  row.replicated_from = innovation.replicated_from;
  const auto [found, added] =
      parts.emplace(innovation.region_code, static_cast<Part>(parts.size()));
  const Part part = found->second;
  const Slot slot = postings.Add(part, {innovation.title, innovation.product, innovation.summary,
                                        innovation.body, innovation.agency});
  if (rows.size() <= part) rows.resize(part + 1);
  auto& in_part = rows[part];
  if (in_part.size() <= slot) in_part.resize(slot + 1);
  in_part[slot] = row;
  places[row.id] = {part, slot};
}

void SearchMemory::State::Forget(Id id) {
  auto found = places.find(id);
  if (found == places.end()) return;
  postings.Remove(found->second.part, found->second.slot);
  places.erase(found);
}

void SearchMemory::State::Compact(Part part) {
  const auto moved = postings.Compact(part);
  auto& in_part = rows[part];
  std::vector<Row> kept(postings.Slots(part));
  for (std::size_t slot = 0; slot < moved.size() && slot < in_part.size(); ++slot) {
    if (moved[slot] == search::Postings::kNoSlot) continue;
    kept[moved[slot]] = in_part[slot];
    places[in_part[slot].id].slot = moved[slot];
  }
  in_part = std::move(kept);
}

std::uint32_t SearchMemory::State::TextCode(const std::string& text) {
  auto [found, added] = text_codes.emplace(text, static_cast<std::uint32_t>(texts.size()));
  if (added) texts.push_back(text);
  return found->second;
}

std::uint32_t SearchMemory::State::AgencyCode(Id id) {
  auto [found, added] = agency_codes.emplace(id, static_cast<std::uint32_t>(agencies.size()));
  if (added) agencies.push_back(id);
  return found->second;
}

SearchMemory::Filter SearchMemory::Compile(const InnovationQuery& q) const {
  const State& state = *state_;
  auto text = [&state](const std::string& value) -> std::uint32_t {
    auto found = state.text_codes.find(value);
    return found == state.text_codes.end() ? kUnknown : found->second;
  };
  // Marks a value the filter lets through; one the memory has never seen marks nothing.
  auto mark = [](std::vector<bool>& flags, std::uint32_t code) {
    if (code < flags.size()) flags[code] = true;
  };
  Filter f;
  auto part = [&state](const std::string& region) -> Part {
    auto found = state.parts.find(region);
    return found == state.parts.end() ? kUnknown : found->second;
  };
  if (!q.region_code.empty()) f.part = part(q.region_code);
  if (!q.statuses.empty()) {
    f.status_passes.assign(state.texts.size(), false);
    for (RecordStatus status : q.statuses) {
      mark(f.status_passes, text(std::string(ToString(status))));
    }
  }
  f.replicated_from = q.replicated_from;
  f.restricted = q.restricted;
  if (q.restricted) {
    f.visible_statuses.assign(state.texts.size(), false);
    f.visible_parts.assign(state.parts.size(), false);
    f.visible_agencies.assign(state.agencies.size(), false);
    for (RecordStatus status : q.visible_everywhere) {
      mark(f.visible_statuses, text(std::string(ToString(status))));
    }
    for (const auto& region : q.visible_regions) mark(f.visible_parts, part(region));
    for (Id id : q.visible_agencies) {
      if (auto found = state.agency_codes.find(id); found != state.agency_codes.end()) {
        f.visible_agencies[found->second] = true;
      }
    }
  }
  auto agency = [&state](Id id) -> std::uint32_t {
    auto found = state.agency_codes.find(id);
    return found == state.agency_codes.end() ? kUnknown : found->second;
  };
  if (q.agency_id) f.wanted[kAgency] = agency(*q.agency_id);
  if (q.type) f.wanted[kType] = text(std::string(ToString(*q.type)));
  if (q.form) f.wanted[kForm] = text(std::string(ToString(*q.form)));
  if (q.maturity) f.wanted[kMaturity] = text(std::string(ToString(*q.maturity)));
  if (q.stage) f.wanted[kStage] = text(std::string(ToString(*q.stage)));
  if (q.year) f.wanted[kYear] = *q.year;
  if (!q.affair.empty()) f.wanted[kAffair] = text(q.affair);
  if (q.digital) f.wanted[kDigital] = *q.digital ? 1 : 0;
  return f;
}

bool SearchMemory::AnyMatches(const InnovationQuery& query, const search::ParsedSearch& words,
                              bool all, search::Stemmer& stemmer) const {
  std::shared_lock lock(mutex_);
  if (!state_) return false;
  const Filter filter = Compile(query);
  const auto& rows = state_->rows;
  return state_->postings.Any(
      words, all, search::Fields::kAll, stemmer, filter.part, [&](Part part, Slot slot) {
        const Row& row = rows[part][slot];
        return filter.Passes(part, row) && filter.Fails(Filter::Values(row)) == 0;
      });
}

SearchMemory::Found SearchMemory::Search(const InnovationQuery& query,
                                         const search::ParsedSearch& words, bool all,
                                         search::Fields fields, std::size_t best, bool facets,
                                         std::optional<Id> exclude,
                                         search::Stemmer& stemmer) const {
  std::shared_lock lock(mutex_);
  Found found;
  if (!state_) return found;
  const State& state = *state_;
  const Filter filter = Compile(query);
  // The best `best` matches so far, kept as a heap whose top is the worst of them: a search
  // over every region visits tens of thousands of matches for a page of twenty.
  std::vector<std::pair<double, Id>> ranked;
  // `best` comes from the page asked for, which a reader chooses: never more than there are.
  ranked.reserve(std::min(best, state.postings.Documents()));
  // Best first; between equal scores the newest id first, as the SQL index orders them.
  auto better = [](const std::pair<double, Id>& a, const std::pair<double, Id>& b) {
    return a.first != b.first ? a.first > b.first : a.second > b.second;
  };
  // Facet counts by the memory's numbers: texts and agencies by their number, years by their
  // distance from kFirstYear (any other year apart), digital by 0 and 1.
  std::vector<long long> texts[kColumns];
  // Agencies are counted in a buffer each thread keeps, set back to zero only where the last
  // search counted: a region's search counts a few dozen of a national registry's thousands.
  thread_local std::vector<long long> agencies;
  thread_local std::vector<std::uint32_t> agencies_counted;
  for (std::uint32_t code : agencies_counted) agencies[code] = 0;
  agencies_counted.clear();
  std::vector<long long> years;
  std::array<long long, 2> digital = {0, 0};
  std::map<std::int64_t, long long> other_years;
  if (facets) {
    for (int c : {kType, kForm, kMaturity, kStage, kAffair}) {
      texts[c].assign(state.texts.size(), 0);
    }
    if (agencies.size() < state.agencies.size()) agencies.resize(state.agencies.size(), 0);
    years.assign(kYears, 0);
  }
  state.postings.Search(words, all, fields, stemmer, filter.part, [&](const auto& match) {
    const Row& row = state.rows[match.part][match.slot];
    if (!filter.Passes(match.part, row) || (exclude && row.id == *exclude)) return;
    const auto values = Filter::Values(row);
    const unsigned fails = filter.Fails(values);
    if (fails == 0) {
      ++found.total;
      const std::pair<double, Id> ranking(match.score, row.id);
      if (ranked.size() < best) {
        ranked.push_back(ranking);
        std::push_heap(ranked.begin(), ranked.end(), better);
      } else if (best > 0 && better(ranking, ranked.front())) {
        std::pop_heap(ranked.begin(), ranked.end(), better);
        ranked.back() = ranking;
        std::push_heap(ranked.begin(), ranked.end(), better);
      }
    }
    if (!facets) return;
    // A match counts under a facet when it fails no filter but that facet's own: under every
    // facet when it fails none, under one when it fails only that one's.
    auto count = [&](int c) {
      if (c == kAgency) {
        if (agencies[row.agency]++ == 0) agencies_counted.push_back(row.agency);
      } else if (c == kYear) {
        if (row.year == kNoYear) return;
        const std::int64_t at = row.year - kFirstYear;
        if (at >= 0 && at < kYears) {
          ++years[at];
        } else {
          ++other_years[row.year];
        }
      } else if (c == kDigital) {
        ++digital[values[c]];
      } else {
        ++texts[c][values[c]];
      }
    };
    if (fails == 0) {
      for (int c = 0; c < kColumns; ++c) count(c);
    } else if ((fails & (fails - 1)) == 0) {
      count(std::countr_zero(fails));
    }
  });
  std::sort_heap(ranked.begin(), ranked.end(), better);
  for (const auto& [score, id] : ranked) found.best.push_back(id);
  if (!facets) return found;
  for (std::uint32_t code : agencies_counted) {
    found.facets.agencies.emplace_back(state.agencies[code], agencies[code]);
  }
  for (std::int32_t at = 0; at < kYears; ++at) {
    if (years[at] > 0) found.facets.values[kYear][std::to_string(kFirstYear + at)] = years[at];
  }
  for (const auto& [year, count] : other_years) {
    found.facets.values[kYear][std::to_string(year)] = count;
  }
  for (int c : {kType, kForm, kMaturity, kStage, kAffair}) {
    for (std::size_t code = 1; code < texts[c].size(); ++code) {
      if (texts[c][code] > 0) found.facets.values[c][state.texts[code]] = texts[c][code];
    }
  }
  for (int flag : {0, 1}) {
    if (digital[flag] > 0) found.facets.values[kDigital][flag ? "1" : "0"] = digital[flag];
  }
  return found;
}

}  // namespace lumbung::storage
