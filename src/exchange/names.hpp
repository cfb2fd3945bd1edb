// The names and codes in outside files: how they are tidied, compared and read for what they
// say about the body or place they name.
#pragma once

#include <string>
#include <string_view>

#include "domain/enums.hpp"

namespace lumbung::exchange {

// `text` without spaces at either end and with each run of white space made one space.
std::string CollapseSpaces(std::string_view text);

// A name written in capitals, as official lists write them, in title case: "KOTA SURABAYA"
// becomes "Kota Surabaya", "DKI JAKARTA" "DKI Jakarta", "KABUPATEN TOLI-TOLI" "Kabupaten
// Toli-Toli", "KOTA B A T A M" "Kota Batam". A name that already has small letters is only
// tidied, since someone chose its capitals.
std::string TitleCase(std::string_view name);

// The form two names are compared in: ASCII letters in lower case and spaces collapsed, as
// Store::FindAgencyByName compares them.
std::string NameKey(std::string_view name);

// What kind of agency a name suggests: "PT ...", "Bank ...", and names with "Perusahaan",
// "PDAM" or "Perumda" are BUMD, "Kecamatan ..." a district, "UPT ..." a technical unit, anything
// else a Perangkat Daerah.
AgencyKind GuessAgencyKind(std::string_view name);

// The time zone of a province from its two-digit code (kode wilayah): WIT for Maluku and Papua
// (81 and up), WITA for Bali, Nusa Tenggara, South, East and North Kalimantan and Sulawesi
// (51-53, 63-65, 71-76), WIB for the rest of Sumatra, Java and West and Central Kalimantan.
TimeZone TimeZoneOfProvince(std::string_view province_code);

}  // namespace lumbung::exchange
