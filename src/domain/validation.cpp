#include "domain/validation.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "domain/messages.hpp"

namespace lumbung {
namespace {

// Collects the errors of one record, so each rule reads as one line.
class Checker {
 public:
  explicit Checker(std::vector<FieldError>& errors) : errors_(errors) {}

  void Text(const std::string& field, std::string_view value, std::size_t limit) {
    if (!IsValidUtf8(value)) {
      errors_.push_back(msg::BadUtf8(field));
    } else if (CountCharacters(value) > limit) {
      errors_.push_back(msg::TooLong(field, limit));
    }
  }

  void RequiredText(const std::string& field, std::string_view value, std::size_t limit) {
    if (value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      errors_.push_back(msg::Required(field));
    } else {
      Text(field, value, limit);
    }
  }

  void TextList(const std::string& field, const std::vector<std::string>& values,
                std::size_t limit) {
    if (values.size() > kMaxListItems) {
      errors_.push_back(msg::TooMany(field, kMaxListItems));
      return;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      RequiredText(field + "[" + std::to_string(i) + "]", values[i], limit);
    }
  }

  void Url(const std::string& field, std::string_view value) {
    if (value.empty()) return;
    Text(field, value, kMaxUrlLength);
    bool web = value.starts_with("https://") || value.starts_with("http://");
    if (!web || value.find_first_of(" \t\r\n<>\"") != std::string_view::npos) {
      errors_.push_back(msg::BadUrl(field));
    }
  }

  // An address of the shape name@host.domain: one "@", something before it, and a domain
  // with a dot inside it; no spaces or angle brackets.
  void Email(const std::string& field, std::string_view value) {
    if (value.empty()) return;
    Text(field, value, kMaxNameLength);
    auto at = value.find('@');
    std::string_view domain = at == std::string_view::npos ? "" : value.substr(at + 1);
    auto dot = domain.find('.');
    bool shaped = at != std::string_view::npos && at > 0 &&
                  domain.find('@') == std::string_view::npos && dot != std::string_view::npos &&
                  dot > 0 && !domain.ends_with('.') &&
                  value.find_first_of(" \t\r\n<>") == std::string_view::npos;
    if (!shaped) errors_.push_back(msg::BadEmail(field));
  }

  void Phone(const std::string& field, std::string_view value) {
    if (value.empty()) return;
    Text(field, value, kMaxPhoneLength);
    bool allowed = std::all_of(value.begin(), value.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')';
    });
    bool has_digit = value.find_first_of("0123456789") != std::string_view::npos;
    if (!allowed || !has_digit) errors_.push_back(msg::BadPhone(field));
  }

  void Year(const std::string& field, const std::optional<int>& year, const Date& today) {
    if (!year) return;
    if (*year > today.year) {
      errors_.push_back(msg::InFuture(field));
    } else if (*year < kFirstYear) {
      errors_.push_back(msg::OutOfRange(field, kFirstYear, today.year));
    }
  }

  std::optional<lumbung::Date> Day(const std::string& field, std::string_view value,
                                   const lumbung::Date& today) {
    if (value.empty()) return std::nullopt;
    auto date = ParseDate(value);
    if (!date) {
      errors_.push_back(msg::BadDate(field));
    } else if (*date > today) {
      errors_.push_back(msg::InFuture(field));
    } else if (date->year < kFirstYear) {
      errors_.push_back(msg::OutOfRange(field, kFirstYear, today.year));
    }
    return date;
  }

  void Add(FieldError error) { errors_.push_back(std::move(error)); }

 private:
  std::vector<FieldError>& errors_;
};

}  // namespace

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return false;
    unsigned code = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static constexpr unsigned kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

std::size_t CountCharacters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void CheckText(std::vector<FieldError>& errors, const std::string& field, std::string_view value,
               std::size_t limit, bool required) {
  Checker check(errors);
  if (required) {
    check.RequiredText(field, value, limit);
  } else {
    check.Text(field, value, limit);
  }
}

std::vector<FieldError> ValidateInnovation(const Innovation& innovation, const Date& today) {
  std::vector<FieldError> errors;
  Checker check(errors);

  check.RequiredText("title", innovation.title, kMaxNameLength);
  if (innovation.agency_id <= 0) check.Add(msg::Required("agency_id"));
  check.Text("unit", innovation.unit, kMaxNameLength);
  check.Text("product", innovation.product, kMaxShortTextLength);
  check.Text("summary", innovation.summary, kMaxSummaryLength);
  check.Text("initiator_names", innovation.initiator_names, kMaxShortTextLength);
  check.TextList("team_members", innovation.team_members, kMaxNameLength);
  check.Text("main_affair", innovation.main_affair, kMaxNameLength);
  check.TextList("other_affairs", innovation.other_affairs, kMaxNameLength);
  check.TextList("themes", innovation.themes, kMaxNameLength);

  check.Year("year", innovation.year, today);
  check.Year("implementation_year", innovation.implementation_year, today);
  if (innovation.year && innovation.implementation_year &&
      *innovation.implementation_year < *innovation.year) {
    check.Add(msg::Inconsistent(
        "implementation_year",
        {"Tahun implementasi tidak boleh sebelum tahun inisiasi (year).",
         "The implementation year cannot come before the year the innovation started."}));
  }
  auto trial = check.Day("trial_date", innovation.trial_date, today);
  auto implemented = check.Day("implementation_date", innovation.implementation_date, today);
  if (trial && implemented && *implemented < *trial) {
    check.Add(msg::Inconsistent("implementation_date",
                                {"Tanggal penerapan tidak boleh sebelum tanggal uji coba.",
                                 "The implementation date cannot come before the trial date."}));
  }

  // Set with the continuation (domain/programme.hpp), which asks more; an import brings them.
  check.Day("continuation_date", innovation.continuation_date, today);
  check.Text("continuation_reason", innovation.continuation_reason, kMaxShortTextLength);

  const std::pair<const char*, const std::string*> narratives[] = {
      {"description", &innovation.description},
      {"background", &innovation.background},
      {"design", &innovation.design},
      {"goals", &innovation.goals},
      {"benefits", &innovation.benefits},
      {"results", &innovation.results},
      {"drivers", &innovation.drivers},
      {"obstacles", &innovation.obstacles},
      {"process_steps", &innovation.process_steps},
      {"outputs", &innovation.outputs},
      {"outcomes", &innovation.outcomes},
      {"replication_prerequisites", &innovation.replication_prerequisites},
  };
  for (const auto& [field, text] : narratives) check.Text(field, *text, kMaxNarrativeLength);

  if (innovation.budget.size() > kMaxListItems) {
    check.Add(msg::TooMany("budget", kMaxListItems));
  } else {
    std::set<int> years;
    for (std::size_t i = 0; i < innovation.budget.size(); ++i) {
      const auto& line = innovation.budget[i];
      std::string at = "budget[" + std::to_string(i) + "]";
      check.Year(at + ".year", line.year, today);
      if (line.amount < 0 || line.amount > kMaxBudget) {
        check.Add(msg::OutOfRange(at + ".amount", 0, kMaxBudget));
      }
      if (!years.insert(line.year).second) check.Add(msg::Duplicate(at + ".year"));
    }
  }

  check.Url("video_url", innovation.video_url);
  check.Text("location", innovation.location, kMaxShortTextLength);
  if (innovation.evidence.size() > kMaxListItems) {
    check.Add(msg::TooMany("evidence", kMaxListItems));
  } else {
    for (std::size_t i = 0; i < innovation.evidence.size(); ++i) {
      std::string at = "evidence[" + std::to_string(i) + "]";
      check.RequiredText(at + ".title", innovation.evidence[i].title, kMaxShortTextLength);
      if (innovation.evidence[i].url.empty()) {
        check.Add(msg::Required(at + ".url"));
      } else {
        check.Url(at + ".url", innovation.evidence[i].url);
      }
    }
  }
  if (innovation.partners.size() > kMaxListItems) {
    check.Add(msg::TooMany("partners", kMaxListItems));
  } else {
    for (std::size_t i = 0; i < innovation.partners.size(); ++i) {
      check.RequiredText("partners[" + std::to_string(i) + "].name", innovation.partners[i].name,
                         kMaxShortTextLength);
    }
  }

  if (innovation.replicated_from) {
    if (innovation.id != 0 && *innovation.replicated_from == innovation.id) {
      check.Add(
          msg::Inconsistent("replicated_from", {"Inovasi tidak dapat mereplikasi dirinya sendiri.",
                                                "An innovation cannot replicate itself."}));
    }
  } else if (innovation.replication_method || !innovation.transfer_kinds.empty() ||
             innovation.transfer_activity) {
    check.Add(msg::Inconsistent(
        "replicated_from",
        {"Cara replikasi dan jenis transfer hanya diisi untuk inovasi replikasi: isi juga "
         "replicated_from.",
         "A replication method and transfer kinds apply only to a replication: fill in "
         "replicated_from too."}));
  }
  std::set<TransferKind> kinds(innovation.transfer_kinds.begin(), innovation.transfer_kinds.end());
  if (kinds.size() != innovation.transfer_kinds.size()) {
    check.Add(msg::Duplicate("transfer_kinds"));
  }

  if (innovation.status == RecordStatus::kRejected) {
    check.RequiredText("rejection_reason", innovation.rejection_reason, kMaxSummaryLength);
  } else {
    check.Text("rejection_reason", innovation.rejection_reason, kMaxSummaryLength);
  }
  check.Text("source", innovation.source, kMaxShortTextLength);
  check.Text("source_ref", innovation.source_ref, kMaxNameLength);
  return errors;
}

std::vector<FieldError> ValidateAgency(const Agency& agency) {
  std::vector<FieldError> errors;
  Checker check(errors);
  check.RequiredText("name", agency.name, kMaxNameLength);
  check.Text("short_name", agency.short_name, 50);
  if (agency.echelon && (*agency.echelon < 1 || *agency.echelon > 4)) {
    check.Add(msg::OutOfRange("echelon", 1, 4));
  }
  check.Text("address", agency.address, kMaxShortTextLength);
  check.Phone("phone", agency.phone);
  check.Email("email", agency.email);
  check.Url("website", agency.website);
  if (agency.parent_id && agency.id != 0 && *agency.parent_id == agency.id) {
    check.Add(msg::Inconsistent("parent_id", {"Unit tidak dapat menjadi induk dirinya sendiri.",
                                              "A unit cannot be its own parent."}));
  }
  return errors;
}

std::vector<FieldError> ValidateUser(const User& user) {
  std::vector<FieldError> errors;
  Checker check(errors);
  bool name_ok =
      user.username.size() >= 3 && user.username.size() <= 50 &&
      std::all_of(user.username.begin(), user.username.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
      });
  if (user.username.empty()) {
    check.Add(msg::Required("username"));
  } else if (!name_ok) {
    check.Add(msg::Inconsistent(
        "username", {"Nama pengguna 3 sampai 50 karakter: huruf, angka, titik, minus atau garis "
                     "bawah.",
                     "A username has 3 to 50 characters: letters, digits, dots, dashes or "
                     "underscores."}));
  }
  check.RequiredText("display_name", user.display_name, kMaxNameLength);
  check.Email("email", user.email);
  return errors;
}

std::vector<FieldError> ValidateRegion(const Region& region) {
  std::vector<FieldError> errors;
  Checker check(errors);
  bool digits = !region.code.empty() && std::all_of(region.code.begin(), region.code.end(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
  std::size_t expected = region.level == RegionLevel::kProvince ? 2 : 4;
  if (region.code.empty()) {
    check.Add(msg::Required("code"));
  } else if (!digits || region.code.size() != expected) {
    check.Add(msg::Inconsistent(
        "code", {"Kode wilayah terdiri dari 2 angka untuk provinsi dan 4 angka untuk kabupaten/"
                 "kota, misalnya 35 atau 3578.",
                 "A region code has 2 digits for a province and 4 for a regency or city, for "
                 "example 35 or 3578."}));
  }
  check.RequiredText("name", region.name, kMaxNameLength);
  if (region.level != RegionLevel::kProvince && !region.parent_code.empty() &&
      (region.parent_code.size() != 2 || !region.code.starts_with(region.parent_code))) {
    check.Add(msg::Inconsistent(
        "parent_code", {"Kode provinsi harus 2 angka pertama dari kode wilayah.",
                        "The province code must be the first 2 digits of the region code."}));
  }
  if (region.target.count < 1 || region.target.count > 100) {
    check.Add(msg::OutOfRange("target.count", 1, 100));
  }
  // Any day of the calendar, 29 February included (it falls on the 28th in common years).
  if (region.target.deadline.size() != 5 || region.target.deadline[2] != '-' ||
      !ParseDate("2024-" + region.target.deadline)) {
    check.Add(msg::Inconsistent(
        "target.deadline", {"Tulis batas waktu sebagai BB-HH, misalnya 11-30 untuk 30 November.",
                            "Write the deadline as MM-DD, for example 11-30 for 30 November."}));
  }
  return errors;
}

}  // namespace lumbung
