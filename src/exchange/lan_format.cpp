#include "exchange/lan_format.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/messages.hpp"
#include "exchange/html_text.hpp"
#include "exchange/names.hpp"

namespace lumbung::exchange {
namespace {

// The eight types as LAN spells them (jenis_inovasi), in the order of InnovationType.
constexpr std::array<std::pair<std::string_view, InnovationType>, 8> kLanTypes = {{
    {"Proses", InnovationType::kProcess},
    {"Metode", InnovationType::kMethod},
    {"Produk", InnovationType::kProduct},
    {"Konseptual", InnovationType::kConceptual},
    {"Teknologi", InnovationType::kTechnology},
    {"Struktur Organisasi", InnovationType::kOrganizationalStructure},
    {"Hubungan", InnovationType::kRelationship},
    {"Sumber Daya Manusia", InnovationType::kHumanResources},
}};

// The rich-text fields of a LAN record and the narrative each one fills.
constexpr std::array<std::pair<std::string_view, std::string Innovation::*>, 8> kLanNarratives = {{
    {"deskripsi_html", &Innovation::description},
    {"faktor_pendorong_html", &Innovation::drivers},
    {"faktor_penghambat_html", &Innovation::obstacles},
    {"tahapan_proses_html", &Innovation::process_steps},
    {"output_html", &Innovation::outputs},
    {"outcome_html", &Innovation::outcomes},
    {"manfaat_html", &Innovation::benefits},
    {"prasyarat_replikasi_html", &Innovation::replication_prerequisites},
}};

// Fields LAN records have that Lumbung keeps nowhere: LAN's category (always empty), how LAN
// validated the record, and the checks it recorded. They are accepted and left out.
constexpr std::array<std::string_view, 3> kLanIgnored = {"kategori", "teknik_validasi", "validasi"};

// The Lumbung fields whose values come from one LAN field, for messages.
constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kLanFieldNames = {{
    {"title", "nama_inovasi"},
    {"product", "produk_inovasi"},
    {"initiator_names", "penggagas"},
    {"initiator_kind", "kelompok_inovator"},
    {"type", "jenis_inovasi"},
    {"year", "tahun_inisiasi"},
    {"implementation_year", "tahun_implementasi"},
    {"summary", "deskripsi_html"},
    {"description", "deskripsi_html"},
    {"drivers", "faktor_pendorong_html"},
    {"obstacles", "faktor_penghambat_html"},
    {"process_steps", "tahapan_proses_html"},
    {"outputs", "output_html"},
    {"outcomes", "outcome_html"},
    {"benefits", "manfaat_html"},
    {"replication_prerequisites", "prasyarat_replikasi_html"},
    {"location", "kabkota"},
    {"source", "sumber"},
    {"source_ref", "source_id"},
}};

bool IsKnownLanField(std::string_view key) {
  static constexpr std::string_view kPlain[] = {
      "source_id",     "nama_inovasi",      "produk_inovasi",
      "penggagas",     "kelompok_inovator", "jenis_inovasi",
      "provinsi",      "kabkota",           "nama_instansi",
      "unit_instansi", "tahun_inisiasi",    "tahun_implementasi",
      "sumber",        "status_terbit"};
  auto is = [key](std::string_view name) { return name == key; };
  return std::any_of(std::begin(kPlain), std::end(kPlain), is) ||
         std::any_of(kLanIgnored.begin(), kLanIgnored.end(), is) ||
         std::any_of(kLanNarratives.begin(), kLanNarratives.end(),
                     [key](const auto& narrative) { return narrative.first == key; });
}

// Reads a text field that may be null or absent; anything else is reported.
std::string Text(const Json& object, const char* key, std::vector<FieldError>& errors) {
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return {};
  if (!found->is_string()) {
    errors.push_back(msg::WrongType(key, "teks", "a string"));
    return {};
  }
  return found->get<std::string>();
}

// Reads a year given as a whole number, a string of digits, null or nothing.
std::optional<int> Year(const Json& object, const char* key, std::vector<FieldError>& errors) {
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::nullopt;
  if (found->is_number_integer()) {
    auto value = found->get<std::int64_t>();
    if (value >= 0 && value <= 9999) return static_cast<int>(value);
  } else if (found->is_string()) {
    auto text = CollapseSpaces(found->get<std::string>());
    if (text.empty()) return std::nullopt;
    if (text.size() <= 4 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::stoi(text);
    }
  }
  errors.push_back(msg::WrongType(key, "tahun (bilangan bulat)", "a year (a whole number)"));
  return std::nullopt;
}

std::string JoinLocation(const std::string& city, const std::string& province) {
  std::string location = TitleCase(city);
  std::string region = TitleCase(province);
  if (!location.empty() && !region.empty()) location += ", ";
  return location + region;
}

}  // namespace

bool IsLanRecord(const Json& object) {
  return object.is_object() && object.contains("nama_inovasi");
}

std::vector<FieldError> ReadLanRecord(const Json& object, Innovation& innovation, RowLinks& links) {
  std::vector<FieldError> errors;
  for (const auto& [key, value] : object.items()) {
    if (!IsKnownLanField(key)) errors.push_back(msg::UnknownField(key));
  }

  innovation.title = CollapseSpaces(Text(object, "nama_inovasi", errors));
  innovation.product = CollapseSpaces(Text(object, "produk_inovasi", errors));
  innovation.initiator_names = CollapseSpaces(Text(object, "penggagas", errors));
  // LAN groups innovators by the body they come from; only NGOs are not government.
  std::string group = NameKey(Text(object, "kelompok_inovator", errors));
  innovation.initiator_kind = group.find("lsm") != std::string::npos ||
                                      group.find("ngo") != std::string::npos ||
                                      group.find("masyarakat") != std::string::npos
                                  ? InitiatorKind::kCommunity
                                  : InitiatorKind::kAgency;

  std::string type = NameKey(Text(object, "jenis_inovasi", errors));
  if (!type.empty()) {
    auto found = std::find_if(kLanTypes.begin(), kLanTypes.end(),
                              [&type](const auto& lan) { return NameKey(lan.first) == type; });
    if (found == kLanTypes.end()) {
      std::string allowed;
      for (const auto& lan : kLanTypes)
        allowed += (allowed.empty() ? "" : ", ") + std::string(lan.first);
      errors.push_back(msg::UnknownValue("jenis_inovasi", allowed));
    } else {
      innovation.type = found->second;
    }
  }

  innovation.location =
      JoinLocation(Text(object, "kabkota", errors), Text(object, "provinsi", errors));
  std::string unit = CollapseSpaces(Text(object, "unit_instansi", errors));
  std::string body = CollapseSpaces(Text(object, "nama_instansi", errors));
  links.agency_name = unit.empty() ? body : unit;
  links.agency_field = unit.empty() ? "nama_instansi" : "unit_instansi";

  innovation.year = Year(object, "tahun_inisiasi", errors);
  innovation.implementation_year = Year(object, "tahun_implementasi", errors);
  innovation.maturity =
      innovation.implementation_year ? Maturity::kImplementation : Maturity::kInitiative;

  for (const auto& [key, member] : kLanNarratives) {
    std::string html = Text(object, std::string(key).c_str(), errors);
    innovation.*member = HtmlToMarkdown(html);
    if (member == &Innovation::description) {
      innovation.summary = OpeningText(HtmlToPlainText(html), kSummaryCharacters);
    }
  }

  innovation.source = CollapseSpaces(Text(object, "sumber", errors));
  auto id = object.find("source_id");
  if (id == object.end() || id->is_null() || (id->is_string() && id->get<std::string>().empty())) {
    errors.push_back(msg::Required("source_id"));
  } else if (id->is_number_integer()) {
    innovation.source_ref = "lan:" + std::to_string(id->get<std::int64_t>());
  } else if (id->is_string()) {
    innovation.source_ref = "lan:" + CollapseSpaces(id->get<std::string>());
  } else {
    errors.push_back(msg::WrongType("source_id", "bilangan bulat", "a whole number"));
  }

  innovation.status = NameKey(Text(object, "status_terbit", errors)) == "terbit"
                          ? RecordStatus::kPublished
                          : RecordStatus::kDraft;
  return errors;
}

std::string LanFieldName(std::string_view field) {
  for (const auto& [lumbung, lan] : kLanFieldNames) {
    if (lumbung == field) return std::string(lan);
  }
  return std::string(field);
}

}  // namespace lumbung::exchange
