// Calendar dates and timestamps as the API writes them (ISO 8601).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/enums.hpp"

namespace lumbung {

// A calendar date without a time zone.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD", rejecting dates that do not exist (2023-02-30).
std::optional<Date> ParseDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatDate(const Date& date);

// The date at `now` in an Indonesian time zone.
Date DateIn(std::chrono::system_clock::time_point now, TimeZone zone);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatTimestamp(std::chrono::system_clock::time_point when);

// A source of the current time, replaceable in tests.
using Clock = std::chrono::system_clock::time_point (*)();

}  // namespace lumbung
