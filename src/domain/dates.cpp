#include "domain/dates.hpp"

#include <charconv>
#include <cstdio>

namespace lumbung {
namespace {

bool ParseDigits(std::string_view text, int& out) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date date;
  if (!ParseDigits(text.substr(0, 4), date.year) || !ParseDigits(text.substr(5, 2), date.month) ||
      !ParseDigits(text.substr(8, 2), date.day)) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                  std::chrono::month{static_cast<unsigned>(date.month)},
                                  std::chrono::day{static_cast<unsigned>(date.day)}};
  if (!ymd.ok()) return std::nullopt;
  return date;
}

std::string FormatDate(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

Date DateIn(std::chrono::system_clock::time_point now, TimeZone zone) {
  int offset_hours = zone == TimeZone::kWib ? 7 : zone == TimeZone::kWita ? 8 : 9;
  auto local = std::chrono::floor<std::chrono::days>(now + std::chrono::hours(offset_hours));
  std::chrono::year_month_day ymd{local};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string FormatTimestamp(std::chrono::system_clock::time_point when) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(when);
  auto day = std::chrono::floor<std::chrono::days>(seconds);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss time{seconds - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

}  // namespace lumbung
