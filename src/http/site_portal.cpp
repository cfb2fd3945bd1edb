// The public portal: home, catalogue, innovation and agency pages, open data, sign-in.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "domain/clinic_actions.hpp"
#include "domain/policy.hpp"
#include "domain/registry.hpp"
#include "domain/similarity.hpp"
#include "exchange/importer.hpp"
#include "http/handler_support.hpp"
#include "http/site.hpp"
#include "http/site_support.hpp"
#include "web/escape.hpp"
#include "web/markdown.hpp"

namespace lumbung::http {
namespace {

using web::View;

constexpr int kCataloguePageSize = 20;
constexpr std::size_t kSummaryChars = 220;

// At most `bytes` bytes of `text`, never ending inside a UTF-8 character.
std::string CutAtCharacter(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// The catalogue's request, read leniently: a value that does not parse is dropped, so a
// hand-edited address still shows a page.
struct CatalogueRequest {
  InnovationQuery query;
  std::string sort;  // as chosen; empty for the default
};

CatalogueRequest ReadCatalogueRequest(const FormPairs& pairs, const std::string& region_code) {
  CatalogueRequest request;
  InnovationQuery& query = request.query;
  query.region_code = region_code;
  query.per_page = kCataloguePageSize;
  for (const auto& [name, value] : pairs) {
    if (value.empty()) continue;
    if (name == "q") {
      query.text = CutAtCharacter(value, 200);
    } else if (name == "agency") {
      query.agency_id = ParseId(value);
    } else if (name == "type") {
      query.type = Parse<InnovationType>(value);
    } else if (name == "form") {
      query.form = Parse<Form>(value);
    } else if (name == "maturity") {
      query.maturity = Parse<Maturity>(value);
    } else if (name == "stage") {
      query.stage = Parse<Stage>(value);
    } else if (name == "year") {
      if (auto year = ParseNumber(value, 1900, 9999)) query.year = static_cast<int>(*year);
    } else if (name == "affair") {
      query.affair = CutAtCharacter(value, 200);
    } else if (name == "digital") {
      if (value == "true" || value == "false") query.digital = value == "true";
    } else if (name == "page") {
      if (auto page = ParseNumber(value, 1, 100000)) query.page = static_cast<int>(*page);
    } else if (name == "sort") {
      static const std::map<std::string, InnovationSort> kSorts = {
          {"relevance", InnovationSort::kRelevance},
          {"newest", InnovationSort::kNewest},
          {"oldest", InnovationSort::kOldest},
          {"title", InnovationSort::kTitle},
          {"year", InnovationSort::kYearNewest}};
      if (auto found = kSorts.find(value); found != kSorts.end()) {
        query.sort = found->second;
        request.sort = value;
      }
    }
  }
  // A search shows the best matches first unless another order was chosen.
  if (request.sort.empty()) request.sort = query.text.empty() ? "newest" : "relevance";
  if (request.sort == "relevance") query.sort = InnovationSort::kRelevance;
  RestrictToVisible(Actor::Public(""), query);
  return request;
}

// The catalogue's address with `name` set to `value` (removed when empty); any other change of
// filter starts again at page 1.
// The catalogue's parameters; links carry these and nothing else.
constexpr std::string_view kCatalogueParameters[] = {"q",        "agency", "type", "form",
                                                     "maturity", "stage",  "year", "affair",
                                                     "digital",  "sort",   "page"};

std::string CatalogueUrl(const FormPairs& pairs, std::string_view name, const std::string& value) {
  std::string url = "/inovasi";
  char separator = '?';
  for (const auto& [key, kept] : pairs) {
    if (key == name || kept.empty() || (key == "page" && name != "page")) continue;
    if (std::find(std::begin(kCatalogueParameters), std::end(kCatalogueParameters), key) ==
        std::end(kCatalogueParameters)) {
      continue;
    }
    url += separator + key + "=" + UrlEncode(kept);
    separator = '&';
  }
  if (!value.empty()) url += separator + std::string(name) + "=" + UrlEncode(value);
  return url;
}

std::string DateOnly(const std::string& timestamp) { return timestamp.substr(0, 10); }

// For every agency of the region, the top-level agency or BUMD it belongs to (itself when it
// has no parent), however deep the sub-units nest.
std::map<Id, Id> TopLevelAgencies(Store& store, const std::string& region_code) {
  std::map<Id, std::optional<Id>> parent;
  if (!region_code.empty()) {
    for (const auto& agency : store.ListAgencies(region_code)) parent[agency.id] = agency.parent_id;
  }
  std::map<Id, Id> top;
  for (const auto& [id, first] : parent) {
    Id at = id;
    // Bounded, so that a cycle in bad data cannot hang the page.
    for (int depth = 0; depth < 16; ++depth) {
      auto up = parent.find(at);
      if (up == parent.end() || !up->second) break;
      at = *up->second;
    }
    top[id] = at;
  }
  return top;
}

}  // namespace

View Site::SummaryView(const PageContext& page, const InnovationSummary& item) const {
  View view = {{"id", item.id},
               {"url", "/inovasi/" + std::to_string(item.id)},
               {"title", item.title},
               {"agency", item.agency_name},
               {"agency_url", "/perangkat-daerah/" + std::to_string(item.agency_id)},
               {"summary", web::MarkdownToPlainText(item.summary, kSummaryChars)},
               {"maturity", Label(page, "maturity", ToString(item.maturity))},
               {"stage", Label(page, "stage", ToString(item.stage))},
               {"digital", item.digital},
               {"status", Label(page, "status", ToString(item.status))},
               {"updated", DateOnly(item.updated_at)}};
  if (!item.snippet.empty()) view["snippet"] = web::SnippetHtml(item.snippet);
  // Absent values are null rather than missing, so that a card never shows a value of the
  // page around it.
  view["type"] = item.type ? View(Label(page, "type", ToString(*item.type))) : View(nullptr);
  view["year"] = item.year ? View(*item.year) : View(nullptr);
  return view;
}

View Site::SimilarView(const PageContext& page, Store& store, std::string_view text,
                       const std::string& region_code, std::optional<Id> exclude,
                       std::string_view link) const {
  View similar = View::array();
  for (const auto& match : SimilarTo(store, page.actor, text, region_code, exclude, 5)) {
    similar.push_back({{"id", match.innovation.id},
                       {"url", std::string(link) + std::to_string(match.innovation.id)},
                       {"title", match.innovation.title},
                       {"agency", match.innovation.agency_name},
                       {"percent", catalog_.Format("similar.score", page.language,
                                                   {{"percent", std::to_string(static_cast<int>(
                                                                    match.score * 100 + 0.5))}})}});
  }
  return similar;
}

View Site::AgencyContactView(const Agency& agency) const {
  View contact = View::object();
  if (!agency.address.empty()) contact["address"] = agency.address;
  if (!agency.phone.empty()) contact["phone"] = agency.phone;
  if (!agency.email.empty()) contact["email"] = agency.email;
  if (!agency.website.empty()) contact["website"] = agency.website;
  return contact;
}

View Site::DetailView(const PageContext& page, Store& store, const Innovation& innovation,
                      const Actor& viewer) const {
  View view = {{"id", innovation.id},
               {"title", innovation.title},
               {"product", innovation.product},
               {"summary", innovation.summary},
               {"unit", innovation.unit},
               {"maturity", Label(page, "maturity", ToString(innovation.maturity))},
               {"stage", Label(page, "stage", ToString(innovation.stage))},
               {"stage_number", static_cast<int>(innovation.stage) + 1},
               {"status", Label(page, "status", ToString(innovation.status))},
               {"continuation", Label(page, "continuation", ToString(innovation.continuation))},
               {"continuation_since", innovation.continuation_date},
               {"continuation_reason", innovation.continuation_reason},
               {"initiator_kind", Label(page, "initiator", ToString(innovation.initiator_kind))},
               {"initiator_names", innovation.initiator_names},
               {"digital", Text(page, innovation.digital ? "common.yes" : "common.no")},
               {"main_affair", innovation.main_affair},
               {"location", innovation.location},
               {"trial_date", innovation.trial_date},
               {"implementation_date", innovation.implementation_date},
               {"updated", DateOnly(innovation.updated_at)}};
  if (innovation.type) view["type"] = Label(page, "type", ToString(*innovation.type));
  if (innovation.form) view["form"] = Label(page, "form", ToString(*innovation.form));
  if (innovation.year) view["year"] = *innovation.year;
  if (innovation.implementation_year) {
    view["implementation_year"] = *innovation.implementation_year;
  }
  auto join = [](const std::vector<std::string>& items) {
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
    return joined;
  };
  view["other_affairs"] = join(innovation.other_affairs);
  view["themes"] = join(innovation.themes);
  view["team"] = join(innovation.team_members);

  // The stages as a progress line: done, current, to come.
  View stages = View::array();
  for (std::size_t i = 0; i < Spellings<Stage>().size(); ++i) {
    auto stage = static_cast<Stage>(i);
    stages.push_back({{"label", Label(page, "stage", ToString(stage))},
                      {"done", stage < innovation.stage},
                      {"current", stage == innovation.stage}});
  }
  view["stages"] = stages;

  View sections = View::array();
  auto section = [&](std::string_view key, const std::string& markdown) {
    if (markdown.empty()) return;
    sections.push_back({{"heading", Text(page, key)}, {"html", web::MarkdownToHtml(markdown, 3)}});
  };
  section("field.description", innovation.description);
  section("field.background", innovation.background);
  section("field.design", innovation.design);
  section("field.goals", innovation.goals);
  section("field.benefits", innovation.benefits);
  section("field.results", innovation.results);
  section("field.process_steps", innovation.process_steps);
  section("field.outputs", innovation.outputs);
  section("field.outcomes", innovation.outcomes);
  section("field.drivers", innovation.drivers);
  section("field.obstacles", innovation.obstacles);
  section("field.replication_prerequisites", innovation.replication_prerequisites);
  view["sections"] = sections;

  View budget = View::array();
  for (const auto& line : innovation.budget) {
    budget.push_back({{"year", line.year}, {"amount", "Rp " + GroupThousands(line.amount)}});
  }
  view["budget"] = budget;
  View evidence = View::array();
  for (const auto& item : innovation.evidence) {
    evidence.push_back({{"title", item.title.empty() ? item.url : item.title}, {"url", item.url}});
  }
  view["evidence"] = evidence;
  if (!innovation.video_url.empty()) view["video_url"] = innovation.video_url;
  View partners = View::array();
  for (const auto& partner : innovation.partners) {
    partners.push_back(
        {{"name", partner.name}, {"kind", Label(page, "partner", ToString(partner.kind))}});
  }
  view["partners"] = partners;

  // Lineage both ways, showing only what the viewer may see.
  if (innovation.replicated_from) {
    if (auto origin = store.FindInnovation(*innovation.replicated_from);
        origin && CanSee(viewer, *origin)) {
      View from = {{"title", origin->title}, {"url", "/inovasi/" + std::to_string(origin->id)}};
      if (innovation.transfer_activity) {
        from["activity"] =
            Label(page, "transfer_activity", ToString(*innovation.transfer_activity));
      }
      if (innovation.replication_method) {
        from["method"] = Label(page, "replication", ToString(*innovation.replication_method));
      }
      std::string kinds;
      for (auto kind : innovation.transfer_kinds) {
        kinds += (kinds.empty() ? "" : ", ") + Label(page, "transfer", ToString(kind));
      }
      from["transfer"] = kinds;
      view["replicated_from"] = from;
    }
  }
  InnovationQuery copies;
  copies.replicated_from = innovation.id;
  copies.per_page = 100;
  RestrictToVisible(viewer, copies);
  auto replications = store.ListInnovations(copies);
  View replicated_by = View::array();
  for (const auto& item : replications.items) {
    replicated_by.push_back({{"title", item.title},
                             {"url", "/inovasi/" + std::to_string(item.id)},
                             {"agency", item.agency_name}});
  }
  view["replicated_by"] = replicated_by;
  view["replication_count"] = replications.total;

  View history = View::array();
  for (const auto& event : store.ListEvents(innovation.id)) {
    View step = {{"date", DateOnly(event.at)}, {"action", Label(page, "event", event.action)}};
    // Who took a step is staff business: the public sees the steps, not the names.
    // Who took a step, and why a submission was sent back, is the staff's business: the
    // public sees the steps.
    step["by"] = viewer.IsAnonymous() ? View(nullptr) : View(event.actor_name);
    step["reason"] = viewer.IsAnonymous() ? std::string() : event.reason;
    history.push_back(step);
  }
  view["history"] = history;

  if (auto agency = store.FindAgency(innovation.agency_id)) {
    view["agency"] = {{"name", agency->name},
                      {"url", "/perangkat-daerah/" + std::to_string(agency->id)},
                      {"contact", AgencyContactView(*agency)}};
  }
  return view;
}

Response Site::Home(const PageContext& page, const PathParams&) {
  return CachedPage(page, "/", [this](const PageContext& page) {
    auto store = pool_.Acquire();
    auto region = SiteRegion(*store);
    std::string region_code = region ? region->code : "";
    Registry registry(*store, api_.clock());
    int year = registry.TodayIn(region_code).year;

    InnovationQuery this_year;
    this_year.region_code = region_code;
    this_year.year = year;
    RestrictToVisible(Actor::Public(""), this_year);
    auto facets = store->CountFacets(this_year);
    InnovationQuery everything = this_year;
    everything.year.reset();
    auto all_facets = store->CountFacets(everything);

    // One region's portal counts by the region's own target rule, as its compliance page does.
    // Across regions, an agency with a published innovation started this year counts, a
    // sub-unit's for the agency it belongs to.
    long long agency_total = 0, agencies_met = 0;
    if (region) {
      auto report = ComplianceOf(*store, api_.clock(), *region, year);
      agency_total = static_cast<long long>(report.agencies.size());
      for (const auto& standing : report.agencies) {
        agencies_met += standing.state == TargetState::kMet;
      }
    } else {
      auto top_of = TopLevelAgencies(*store, region_code);
      for (const auto& [id, top] : top_of) agency_total += id == top ? 1 : 0;
      std::set<Id> met;
      for (const auto& value : facets.agency) {
        if (auto id = ParseId(value.value)) {
          auto found = top_of.find(*id);
          met.insert(found == top_of.end() ? *id : found->second);
        }
      }
      agencies_met = static_cast<long long>(met.size());
    }
    auto bars = [&](const std::vector<FacetValue>& values, std::string_view group) {
      long long most = 1;
      for (const auto& value : values) most = std::max(most, value.count);
      View rows = View::array();
      for (const auto& value : values) {
        if (value.count == 0) continue;
        // Widths in steps of 5%, as classes: the pages carry no inline styles.
        long long step = (value.count * 20 + most - 1) / most;
        rows.push_back({{"label", Label(page, group, value.value)},
                        {"count", value.count},
                        {"width", "w" + std::to_string(step * 5)},
                        {"url", "/inovasi?year=" + std::to_string(year) + "&" + std::string(group) +
                                    "=" + value.value}});
      }
      return rows;
    };

    InnovationQuery newest = everything;
    newest.per_page = 6;
    View latest = View::array();
    for (const auto& item : store->ListInnovations(newest).items) {
      latest.push_back(SummaryView(page, item));
    }
    View view = {
        {"year", year},
        {"this_year_total", facets.total},
        {"published_total", all_facets.total},
        {"agencies_met", agencies_met},
        {"agencies_total", agency_total},
        {"has_agencies", agency_total > 0},
        {"by_type", bars(facets.type, "type")},
        {"by_stage", bars(facets.stage, "stage")},
        {"latest", latest},
        {"figures_heading",
         catalog_.Format("home.figures_heading", page.language, {{"year", std::to_string(year)}})},
        {"nav_home", true},
    };
    return Render(page, 200, "home", view, Text(page, "home.title"));
  });
}

Response Site::Catalogue(const PageContext& page, const PathParams&) {
  // The page depends on the known parameters only, in a fixed order.
  FormPairs all = QueryValues(page.request);
  FormPairs pairs;
  std::string key = "/inovasi";
  for (std::string_view name : kCatalogueParameters) {
    std::string value = First(all, name);
    key += "&" + std::string(name) + "=" + UrlEncode(value);
    if (!value.empty()) pairs.emplace_back(name, std::move(value));
  }
  return CachedPage(page, key, [this, &pairs](const PageContext& page) {
    auto store = pool_.Acquire();
    auto region = SiteRegion(*store);
    CatalogueRequest request = ReadCatalogueRequest(pairs, region ? region->code : "");
    const InnovationQuery& query = request.query;
    auto [results, facets] = store->ListWithFacets(query);

    View items = View::array();
    for (const auto& item : results.items) items.push_back(SummaryView(page, item));

    // Each facet is a select whose options show how many records each value would give.
    View filters = View::array();
    auto filter = [&](std::string_view name, bool applied, const std::vector<FacetValue>& values,
                      const std::function<std::string(const FacetValue&)>& label) {
      // A value the query could not read filters nothing, so it is not shown as chosen.
      std::string selected = applied ? First(pairs, name) : std::string();
      View options = View::array();
      bool present = false;
      for (const auto& value : values) {
        bool chosen = value.value == selected;
        present = present || chosen;
        options.push_back({{"value", value.value},
                           {"label", label(value) + " (" + std::to_string(value.count) + ")"},
                           {"selected", chosen}});
      }
      if (!selected.empty() && !present) {
        options.push_back({{"value", selected}, {"label", selected + " (0)"}, {"selected", true}});
      }
      filters.push_back({{"name", name},
                         {"label", Text(page, "catalogue.filter_" + std::string(name))},
                         {"all", Text(page, "catalogue.all")},
                         {"options", options}});
      if (!selected.empty()) {
        std::string shown = selected;
        for (const auto& value : values) {
          if (value.value == selected) shown = label(value);
        }
        return View{{"label", Text(page, "catalogue.filter_" + std::string(name)) + ": " + shown},
                    {"url", CatalogueUrl(pairs, name, "")}};
      }
      return View();
    };
    auto enum_label = [&](std::string_view group) {
      return
          [this, &page, group](const FacetValue& value) { return Label(page, group, value.value); };
    };
    auto own_label = [](const FacetValue& value) {
      return value.label.empty() ? value.value : value.label;
    };
    View active = View::array();
    auto keep = [&](View chip) {
      if (!chip.is_null()) active.push_back(std::move(chip));
    };
    keep(filter("agency", query.agency_id.has_value(), facets.agency, own_label));
    keep(filter("type", query.type.has_value(), facets.type, enum_label("type")));
    keep(filter("form", query.form.has_value(), facets.form, enum_label("form")));
    keep(filter("maturity", query.maturity.has_value(), facets.maturity, enum_label("maturity")));
    keep(filter("stage", query.stage.has_value(), facets.stage, enum_label("stage")));
    keep(filter("year", query.year.has_value(), facets.year, own_label));
    keep(filter("affair", !query.affair.empty(), facets.affair, own_label));
    keep(filter("digital", query.digital.has_value(), facets.digital, enum_label("digital")));

    View sorts = View::array();
    // The default order (best match with words, newest without) goes as an empty value, so
    // that words typed on a page without them still come best match first.
    const std::string_view default_sort = query.text.empty() ? "newest" : "relevance";
    for (std::string_view sort : {"relevance", "newest", "oldest", "title", "year"}) {
      if (sort == "relevance" && query.text.empty()) continue;
      sorts.push_back({{"value", sort == default_sort ? std::string_view() : sort},
                       {"label", Label(page, "sort", sort)},
                       {"selected", request.sort == sort}});
    }

    long long pages = (results.total + query.per_page - 1) / query.per_page;
    // Past the last page (a stale link after records changed): go to the last one.
    if (pages > 0 && query.page > pages) {
      return Redirect(CatalogueUrl(pairs, "page", std::to_string(pages)));
    }
    View pagination = View::object();
    if (pages > 1) {
      View numbers = View::array();
      long long first = std::max(1LL, static_cast<long long>(query.page) - 2);
      long long last = std::min(pages, first + 4);
      for (long long number = first; number <= last; ++number) {
        numbers.push_back({{"number", number},
                           {"url", CatalogueUrl(pairs, "page", std::to_string(number))},
                           {"current", number == query.page}});
      }
      pagination["pages"] = numbers;
      if (query.page > 1) {
        pagination["prev_url"] = CatalogueUrl(pairs, "page", std::to_string(query.page - 1));
      }
      if (query.page < pages) {
        pagination["next_url"] = CatalogueUrl(pairs, "page", std::to_string(query.page + 1));
      }
    }
    long long from = results.total == 0 ? 0 : (query.page - 1LL) * query.per_page + 1;
    long long to = std::min(results.total, from + static_cast<long long>(results.items.size()) - 1);
    View view = {
        {"q", query.text},
        {"filters", filters},
        {"active", active},
        {"sorts", sorts},
        {"items", items},
        {"total", results.total},
        {"showing", results.total == 0
                        ? Text(page, "catalogue.found_none")
                        : catalog_.Format("catalogue.showing", page.language,
                                          {{"from", std::to_string(from)},
                                           {"to", std::to_string(to)},
                                           {"total", std::to_string(results.total)}})},
        {"pagination", pagination},
        {"nav_catalogue", true},
    };
    // When the words as typed found nothing: say what was searched instead.
    if (!results.search.corrected_text.empty()) {
      view["search_note"] =
          catalog_.Format("catalogue.corrected", page.language,
                          {{"query", query.text}, {"corrected", results.search.corrected_text}});
    } else if (results.search.any_word) {
      view["search_note"] = Text(page, "catalogue.any_word");
    }
    return Render(page, 200, "catalogue", view, Text(page, "catalogue.title"));
  });
}

Response Site::InnovationPage(const PageContext& page, const PathParams& params) {
  return CachedPage(
      page, std::string(page.request.Path()), [this, &params](const PageContext& page) {
        auto id = ParseId(params.at(0));
        auto store = pool_.Acquire();
        auto innovation = id ? store->FindInnovation(*id) : std::nullopt;
        if (!innovation || !CanSee(page.actor, *innovation)) return NotFoundPage(page);
        View view = DetailView(page, *store, *innovation, page.actor);
        view["nav_catalogue"] = true;
        view["similar"] = SimilarView(
            page, *store, IdentityText(innovation->title, innovation->product, innovation->summary),
            options_.region_code, innovation->id, "/inovasi/");
        view["description"] = web::MarkdownToPlainText(innovation->summary, 160);
        return Render(page, 200, "innovation", view, innovation->title);
      });
}

Response Site::Agencies(const PageContext& page, const PathParams&) {
  return CachedPage(page, "/perangkat-daerah", [this](const PageContext& page) {
    auto store = pool_.Acquire();
    auto region = SiteRegion(*store);
    if (!region) return NotFoundPage(page);
    InnovationQuery query;
    query.region_code = region->code;
    RestrictToVisible(Actor::Public(""), query);
    // A sub-unit's innovations count for the agency it belongs to, as on the home page.
    auto top_of = TopLevelAgencies(*store, region->code);
    std::map<Id, long long> counts;
    for (const auto& value : store->CountFacets(query).agency) {
      if (auto id = ParseId(value.value)) {
        auto top = top_of.find(*id);
        counts[top == top_of.end() ? *id : top->second] += value.count;
      }
    }
    View agencies = View::array();
    for (const auto& agency : store->ListAgencies(region->code)) {
      if (agency.parent_id) continue;
      auto count = counts.find(agency.id);
      agencies.push_back({{"name", agency.name},
                          {"url", "/perangkat-daerah/" + std::to_string(agency.id)},
                          {"kind", Label(page, "agency_kind", ToString(agency.kind))},
                          {"count", count == counts.end() ? 0 : count->second}});
    }
    View view = {{"agencies", agencies}, {"nav_agencies", true}};
    return Render(page, 200, "agencies", view, Text(page, "agencies.title"));
  });
}

Response Site::AgencyPage(const PageContext& page, const PathParams& params) {
  return CachedPage(
      page, std::string(page.request.Path()), [this, &params](const PageContext& page) {
        auto id = ParseId(params.at(0));
        auto store = pool_.Acquire();
        auto agency = id ? store->FindAgency(*id) : std::nullopt;
        if (!agency) return NotFoundPage(page);
        // The agency's published innovations, newest year first, grouped by year.
        std::map<int, View, std::greater<>> by_year;
        InnovationQuery query;
        query.agency_id = agency->id;
        query.sort = InnovationSort::kYearNewest;
        query.per_page = 100;
        RestrictToVisible(Actor::Public(""), query);
        long long total = 0;
        for (query.page = 1;; ++query.page) {
          auto results = store->ListInnovations(query);
          total = results.total;
          for (const auto& item : results.items) {
            View& group = by_year[item.year.value_or(0)];
            if (group.is_null()) group = View::array();
            group.push_back(SummaryView(page, item));
          }
          if (static_cast<long long>(query.page) * query.per_page >= results.total) break;
        }
        View years = View::array();
        for (auto& [year, items] : by_year) {
          years.push_back(
              {{"year", year == 0 ? Text(page, "agency.no_year") : std::to_string(year)},
               {"items", std::move(items)}});
        }
        View units = View::array();
        for (const auto& other : store->ListAgencies(agency->region_code)) {
          if (other.parent_id == agency->id) {
            units.push_back(
                {{"name", other.name}, {"url", "/perangkat-daerah/" + std::to_string(other.id)}});
          }
        }
        View view = {{"name", agency->name},
                     {"kind", Label(page, "agency_kind", ToString(agency->kind))},
                     {"contact", AgencyContactView(*agency)},
                     {"years", years},
                     {"units", units},
                     {"total", total},
                     {"nav_agencies", true}};
        if (agency->parent_id) {
          if (auto parent = store->FindAgency(*agency->parent_id)) {
            view["parent"] = {{"name", parent->name},
                              {"url", "/perangkat-daerah/" + std::to_string(parent->id)}};
          }
        }
        return Render(page, 200, "agency", view, agency->name);
      });
}

Response Site::OpenData(const PageContext& page, const PathParams&) {
  return CachedPage(page, "/data-terbuka", [this](const PageContext& page) {
    auto store = pool_.Acquire();
    auto region = SiteRegion(*store);
    View view = {{"has_region", region.has_value()}, {"nav_open_data", true}};
    if (region) view["region_code"] = region->code;
    return Render(page, 200, "open_data", view, Text(page, "open_data.title"));
  });
}

Response Site::OpenDataFile(const PageContext& page, const PathParams& params) {
  const std::string& file = params.at(0);
  if (file != "inovasi.csv" && file != "inovasi.jsonl") return NotFoundPage(page);
  auto store = pool_.Acquire();
  auto region = SiteRegion(*store);
  if (!region) return NotFoundPage(page);
  bool csv = file.ends_with(".csv");
  std::ostringstream out;
  auto written = exchange::ExportInnovations(
      *store, region->code, csv ? exchange::ExportFormat::kCsv : exchange::ExportFormat::kJsonl,
      out, exchange::ExportScope::kPublished);
  if (!written) return NotFoundPage(page);
  Response response;
  response.content_type = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
  response.body = out.str();
  return response
      .With("Content-Disposition",
            "attachment; filename=\"inovasi-" + region->code + (csv ? ".csv\"" : ".jsonl\""))
      .With("Cache-Control", "no-cache");
}

View Site::DemoAccountsView(const PageContext& page) const {
  View demo = View::array();
  for (const auto& login : api_.demo_logins()) {
    demo.push_back(
        {{"username", login.username},
         {"password", login.password},
         {"role", Label(page, "role", login.role)},
         {"description", login.description.In(page.language == web::Language::kEnglish)}});
  }
  return demo;
}

Response Site::SignInForm(const PageContext& page, const PathParams&) {
  FormPairs query = QueryValues(page.request);
  std::string back = LocalPath(First(query, "kembali"), "/ruang-kerja");
  if (!page.actor.IsAnonymous()) return Redirect(back);
  View view = {{"back", back}, {"demo_accounts", DemoAccountsView(page)}, {"nav_workspace", true}};
  return Render(page, 200, "sign_in", view, Text(page, "sign_in.title"));
}

Response Site::SignIn(const PageContext& page, const PathParams&) {
  FormPairs form = FormValues(page.request);
  std::string back = LocalPath(First(form, "kembali"), "/ruang-kerja");
  std::string username = First(form, "username");
  std::string password = First(form, "password");
  // Without a session there is no token to check; the browser's Origin tells whether this
  // site's own form sent the request.
  std::string_view origin = page.request.Header("origin");
  std::string_view host = page.request.Header("host");
  if (!origin.empty() && origin != "http://" + std::string(host) &&
      origin != "https://" + std::string(host)) {
    return ForbiddenPage(page);
  }
  View view = {{"back", back}, {"username", username}, {"nav_workspace", true}};
  view["demo_accounts"] = DemoAccountsView(page);
  if (username.empty() || password.empty()) {
    view["error"] = Text(page, "sign_in.missing");
    return Render(page, 422, "sign_in", view, Text(page, "sign_in.title"));
  }
  std::int64_t retry_after = 0;
  auto signed_in = api_.SignIn(username, password, page.request, &retry_after);
  if (!signed_in) {
    view["error"] = signed_in.error().title.In(page.language == web::Language::kEnglish);
    Response refusal =
        Render(page, retry_after > 0 ? 429 : 401, "sign_in", view, Text(page, "sign_in.title"));
    if (retry_after > 0) refusal.With("Retry-After", std::to_string(retry_after));
    return refusal;
  }
  return Redirect(back).With("Set-Cookie", signed_in->cookie);
}

Response Site::SignOut(const PageContext& page, const PathParams&) {
  return Redirect("/").With("Set-Cookie", api_.SignOut(page.request));
}

}  // namespace lumbung::http
