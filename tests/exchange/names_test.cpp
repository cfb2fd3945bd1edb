// Tidying names, comparing them, and what names and codes say.
#include "exchange/names.hpp"

#include <gtest/gtest.h>

namespace lumbung::exchange {
namespace {

TEST(TitleCaseTest, OfficialCapitals) {
  EXPECT_EQ(TitleCase("KOTA SURABAYA"), "Kota Surabaya");
  EXPECT_EQ(TitleCase("DKI JAKARTA"), "DKI Jakarta");
  EXPECT_EQ(TitleCase("DI YOGYAKARTA"), "DI Yogyakarta");
  EXPECT_EQ(TitleCase("KABUPATEN TOLI-TOLI"), "Kabupaten Toli-Toli");
  EXPECT_EQ(TitleCase("KABUPATEN PANGKAJENE DAN KEPULAUAN"), "Kabupaten Pangkajene dan Kepulauan");
  EXPECT_EQ(TitleCase("KOTA B A T A M"), "Kota Batam");
  EXPECT_EQ(TitleCase("  KOTA   BAUBAU "), "Kota Baubau");
  EXPECT_EQ(TitleCase(""), "");
}

TEST(TitleCaseTest, KeepsNamesThatAlreadyHaveSmallLetters) {
  EXPECT_EQ(TitleCase("Kota  Surabaya"), "Kota Surabaya");
  EXPECT_EQ(TitleCase("Kabupaten Toli-toli"), "Kabupaten Toli-toli");
}

TEST(NameKeyTest, IgnoresCaseAndSpacing) {
  EXPECT_EQ(NameKey("  Dinas   KESEHATAN\t"), "dinas kesehatan");
  EXPECT_EQ(NameKey("Dinas Kesehatan"), NameKey("DINAS kesehatan"));
}

TEST(GuessAgencyKindTest, ReadsTheName) {
  EXPECT_EQ(GuessAgencyKind("PT Pelindo III"), AgencyKind::kRegionalCompany);
  EXPECT_EQ(GuessAgencyKind("PT. Garuda Indonesia (Persero) Tbk."), AgencyKind::kRegionalCompany);
  EXPECT_EQ(GuessAgencyKind("Perusahaan Daerah Air Minum"), AgencyKind::kRegionalCompany);
  EXPECT_EQ(GuessAgencyKind("PDAM Surya Sembada"), AgencyKind::kRegionalCompany);
  EXPECT_EQ(GuessAgencyKind("Bank Jatim"), AgencyKind::kRegionalCompany);
  EXPECT_EQ(GuessAgencyKind("Kecamatan Rungkut"), AgencyKind::kDistrict);
  EXPECT_EQ(GuessAgencyKind("UPT Puskesmas Kenjeran"), AgencyKind::kTechnicalUnit);
  EXPECT_EQ(GuessAgencyKind("Dinas Kesehatan"), AgencyKind::kRegionalAgency);
  // Whole words only, and "PT" and "Bank" only at the start.
  EXPECT_EQ(GuessAgencyKind("Kantor Optimalisasi Layanan"), AgencyKind::kRegionalAgency);
  EXPECT_EQ(GuessAgencyKind("Dinas Lingkungan Hidup (Bank Sampah)"), AgencyKind::kRegionalAgency);
  EXPECT_EQ(GuessAgencyKind("Kantor Kecamatan Genteng"), AgencyKind::kDistrict);
}

TEST(TimeZoneOfProvinceTest, ThreeZones) {
  EXPECT_EQ(TimeZoneOfProvince("11"), TimeZone::kWib);    // Aceh
  EXPECT_EQ(TimeZoneOfProvince("35"), TimeZone::kWib);    // Jawa Timur
  EXPECT_EQ(TimeZoneOfProvince("3578"), TimeZone::kWib);  // a city's code starts with its province
  EXPECT_EQ(TimeZoneOfProvince("61"), TimeZone::kWib);    // Kalimantan Barat
  EXPECT_EQ(TimeZoneOfProvince("62"), TimeZone::kWib);    // Kalimantan Tengah
  EXPECT_EQ(TimeZoneOfProvince("51"), TimeZone::kWita);   // Bali
  EXPECT_EQ(TimeZoneOfProvince("53"), TimeZone::kWita);   // Nusa Tenggara Timur
  EXPECT_EQ(TimeZoneOfProvince("64"), TimeZone::kWita);   // Kalimantan Timur
  EXPECT_EQ(TimeZoneOfProvince("65"), TimeZone::kWita);   // Kalimantan Utara
  EXPECT_EQ(TimeZoneOfProvince("71"), TimeZone::kWita);   // Sulawesi Utara
  EXPECT_EQ(TimeZoneOfProvince("76"), TimeZone::kWita);   // Sulawesi Barat
  EXPECT_EQ(TimeZoneOfProvince("81"), TimeZone::kWit);    // Maluku
  EXPECT_EQ(TimeZoneOfProvince("82"), TimeZone::kWit);    // Maluku Utara
  EXPECT_EQ(TimeZoneOfProvince("91"), TimeZone::kWit);    // Papua Barat
  EXPECT_EQ(TimeZoneOfProvince("94"), TimeZone::kWit);    // Papua
}

}  // namespace
}  // namespace lumbung::exchange
