#include "demo/catalogue.hpp"

namespace lumbung::demo {
namespace {

using enum ServiceKind;

std::vector<Sector> MakeSectors() {
  std::vector<Sector> sectors(kSectorCount);
  auto at = [&sectors](SectorId id) -> Sector& { return sectors[static_cast<std::size_t>(id)]; };

  at(SectorId::kHealth) = {
      "Kesehatan",
      {"Pengendalian Penduduk dan Keluarga Berencana", "Sosial"},
      {"Stunting", "Kesehatan Ibu dan Anak", "Pelayanan Publik"},
      "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
      Form::kPublicService,
      {
          {"Imunisasi Dasar Lengkap",
           kOutreach,
           "banyak orang tua tidak sempat membawa bayi ke posyandu pada jam kerja sehingga "
           "jadwal imunisasi terlewat",
           "cakupan imunisasi dasar lengkap",
           {"Orang Tua Bayi", "Ibu Bekerja"},
           {"Posyandu", "Pusat Perbelanjaan", "Balai RW"}},
          {"Pemantauan Gizi Balita",
           kOutreach,
           "hasil penimbangan balita dicatat di buku dan baru terkumpul di puskesmas sebulan "
           "kemudian, sehingga balita berisiko stunting terlambat ditangani",
           "balita yang ditimbang setiap bulan",
           {"Ibu Balita", "Kader Posyandu"},
           {"Posyandu", "Balai RW"}},
          {"Pemeriksaan Ibu Hamil",
           kOutreach,
           "ibu hamil di permukiman padat jarang memeriksakan kandungan sesuai anjuran karena "
           "jarak dan ongkos angkutan",
           "cakupan pemeriksaan kehamilan lengkap",
           {"Ibu Hamil", "Calon Pengantin"},
           {"Posyandu", "Balai RW", "Rumah Ibadah"}},
          {"Skrining Hipertensi dan Diabetes",
           kOutreach,
           "penyakit tidak menular baru terdeteksi ketika pasien sudah mengalami komplikasi",
           "cakupan skrining penyakit tidak menular usia produktif",
           {"Lansia", "Pekerja Informal", "Pekerja Pabrik"},
           {"Kawasan Industri", "Pasar Rakyat", "Rumah Ibadah", "Hari Bebas Kendaraan"}},
          {"Pengobatan Tuberkulosis",
           kOutreach,
           "pasien tuberkulosis sering berhenti minum obat sebelum enam bulan karena tidak ada "
           "yang mengingatkan",
           "angka keberhasilan pengobatan tuberkulosis",
           {"Pasien Tuberkulosis", "Keluarga Pasien"},
           {"Balai RW", "Kawasan Industri"}},
          {"Pendaftaran Rawat Jalan",
           kDocument,
           "pasien rawat jalan mengantre sejak subuh untuk mendapat nomor pendaftaran poliklinik",
           "pasien yang dilayani kurang dari satu jam sejak datang",
           {"Pasien", "Lansia", "Penyandang Disabilitas"},
           {"Rumah Sakit"}},
          {"Rujukan Pasien",
           kInternal,
           "rujukan dari puskesmas ke rumah sakit diurus lewat telepon dan sering tertahan "
           "karena tidak ada informasi tempat tidur yang kosong",
           "rujukan yang diterima pada hari yang sama",
           {"Petugas Puskesmas", "Petugas Rumah Sakit"},
           {"Rumah Sakit"}},
      },
      {
          {"SI-PANDAI: Sistem Pemantauan Anak dan Ibu", 1, "app"},
          {"Posyandu Remaja Digital", 3, "app"},
          {"GERCEP TB: Gerakan Cepat Temukan dan Obati Tuberkulosis", 4, "movement"},
          {"SIAGA 112: Layanan Ambulans Gawat Darurat Terpadu", 6, "rapid-team"},
      },
  };
  at(SectorId::kEducation) = {
      "Pendidikan",
      {"Kepemudaan dan Olahraga", "Perpustakaan"},
      {"Pendidikan Inklusif", "Literasi", "Pelayanan Publik"},
      "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional",
      Form::kPublicService,
      {
          {"Penerimaan Murid Baru",
           kDocument,
           "orang tua mengantre sejak subuh di sekolah dan tidak tahu sisa kuota setiap zona",
           "pendaftar yang mendapat kepastian sekolah pada hari pengumuman",
           {"Orang Tua Murid", "Calon Murid"},
           {"Sekolah", "Kantor Kelurahan"}},
          {"Pendampingan Anak Putus Sekolah",
           kOutreach,
           "anak yang berhenti sekolah tidak terdata sehingga tidak pernah dijangkau program "
           "pendidikan kesetaraan",
           "anak usia sekolah yang kembali bersekolah",
           {"Anak Putus Sekolah", "Orang Tua Murid"},
           {"Balai RW", "Rumah Ibadah"}},
          {"Literasi Membaca Kelas Awal",
           kCommunity,
           "hasil asesmen menunjukkan banyak murid kelas dua belum lancar membaca",
           "murid kelas awal yang lancar membaca",
           {"Pelajar", "Guru", "Orang Tua Murid"},
           {"Sekolah", "Taman Kota"}},
          {"Sekolah Inklusif",
           kOutreach,
           "anak berkebutuhan khusus ditolak sekolah reguler karena gurunya belum terlatih",
           "anak berkebutuhan khusus yang terlayani di sekolah reguler",
           {"Anak Berkebutuhan Khusus", "Guru"},
           {"Sekolah"}},
          {"Legalisasi Ijazah",
           kDocument,
           "alumni yang tinggal di luar kota harus datang sendiri untuk melegalisasi ijazah",
           "permohonan legalisasi yang selesai dalam satu hari",
           {"Lulusan Sekolah", "Pencari Kerja"},
           {"Sekolah", "Kampus"}},
          {"Pelaporan Dana Bantuan Operasional Sekolah",
           kInternal,
           "sekolah menyusun laporan dana bantuan operasional secara manual dan sering terlambat",
           "sekolah yang melapor tepat waktu",
           {"Kepala Sekolah", "Bendahara Sekolah"},
           {"Sekolah"}},
      },
      {
          {"GEMAR BACA: Gerakan Masyarakat Gemar Membaca", 2, "movement"},
          {"SI-PINTAR: Sistem Informasi Penerimaan Murid Terpadu dan Ramah", 0, "app"},
          {"Guru Penggerak Literasi Kelurahan", 2, "cadre-school"},
      },
  };
  at(SectorId::kCivilRegistry) = {
      "Administrasi Kependudukan dan Pencatatan Sipil",
      {"Kesehatan", "Pendidikan", "Sosial"},
      {"Identitas Hukum", "Pelayanan Publik", "Digitalisasi"},
      "Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun "
      "2006 tentang Administrasi Kependudukan",
      Form::kPublicService,
      {
          {"Akta Kelahiran",
           kDocument,
           "banyak anak belum memiliki akta kelahiran karena orang tua harus datang ke kantor "
           "dinas di pusat kota pada jam kerja",
           "cakupan kepemilikan akta kelahiran anak",
           {"Orang Tua Bayi", "Pelajar"},
           {"Sekolah", "Rumah Sakit", "Posyandu"}},
          {"KTP Elektronik",
           kDocument,
           "warga lanjut usia dan penyandang disabilitas sulit datang ke kantor untuk merekam "
           "data KTP elektronik",
           "cakupan perekaman KTP elektronik",
           {"Lansia", "Penyandang Disabilitas", "Pemilih Pemula"},
           {"Sekolah", "Panti Sosial", "Pusat Perbelanjaan"}},
          {"Kartu Identitas Anak",
           kDocument,
           "kepemilikan Kartu Identitas Anak masih rendah karena manfaatnya belum dikenal "
           "orang tua",
           "cakupan kepemilikan Kartu Identitas Anak",
           {"Orang Tua Murid", "Orang Tua Bayi"},
           {"Sekolah", "Posyandu"}},
          {"Akta Kematian",
           kDocument,
           "kematian warga jarang dilaporkan sehingga data penduduk dan penerima bantuan sosial "
           "tidak mutakhir",
           "kematian yang dilaporkan dalam tiga puluh hari",
           {"Ahli Waris", "Pengurus RT/RW"},
           {"Rumah Sakit", "Rumah Ibadah", "Kantor Kelurahan"}},
          {"Perpindahan Penduduk",
           kDocument,
           "surat pindah harus diurus di dua kantor dan memakan waktu hingga dua minggu",
           "permohonan pindah yang selesai dalam satu hari",
           {"Pendatang", "Mahasiswa"},
           {"Kampus", "Kantor Kelurahan"}},
          {"Pemadanan Data Kependudukan",
           kInternal,
           "data penduduk di kelurahan tidak sinkron dengan basis data nasional sehingga banyak "
           "warga ditolak ketika mengakses layanan lain",
           "data penduduk yang padan dengan basis data nasional",
           {"Operator Kelurahan", "Perangkat Daerah"},
           {"Kantor Perangkat Daerah"}},
      },
      {
          {"Jemput Bola Akta Kelahiran di Sekolah", 0, "pick-up"},
          {"SI-DUKUN: Sistem Dukungan Kependudukan Daring", 4, "app"},
          {"TIGA IN SATU: Akta Kelahiran, Kartu Keluarga, dan KIA Sekaligus", 0, "same-day"},
          {"LAPOR MATI: Pelaporan Kematian Langsung dari Rumah Sakit", 3, "paperless"},
      },
  };
  at(SectorId::kInvestment) = {
      "Penanaman Modal",
      {"Koperasi, Usaha Kecil, dan Menengah", "Perdagangan"},
      {"Kemudahan Berusaha", "Pelayanan Publik", "Digitalisasi"},
      "Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha "
      "Berbasis Risiko",
      Form::kPublicService,
      {
          {"Perizinan Berusaha",
           kDocument,
           "pelaku usaha kecil belum memahami pendaftaran Nomor Induk Berusaha dan harus "
           "bolak-balik ke kantor pelayanan",
           "pelaku usaha mikro yang memiliki Nomor Induk Berusaha",
           {"Pelaku UMKM", "Pemuda Wirausaha"},
           {"Pasar Rakyat", "Kantor Kelurahan", "Pusat Perbelanjaan"}},
          {"Persetujuan Bangunan Gedung",
           kDocument,
           "permohonan persetujuan bangunan gedung tertahan karena berkas teknis diperiksa "
           "bergiliran oleh beberapa dinas",
           "permohonan yang selesai sesuai standar waktu",
           {"Pengembang Perumahan", "Pemilik Rumah"},
           {"Kantor Kelurahan"}},
          {"Pengaduan Perizinan",
           kResponse,
           "pengaduan pemohon izin tersebar di berbagai kanal dan tidak ada yang memantau "
           "tindak lanjutnya",
           "pengaduan yang ditindaklanjuti dalam lima hari kerja",
           {"Pemohon Izin", "Pelaku UMKM"},
           {"Kantor Kelurahan", "Pusat Perbelanjaan"}},
          {"Promosi Peluang Investasi",
           kInternal,
           "calon investor sulit memperoleh data lahan dan peluang usaha yang siap ditawarkan",
           "realisasi investasi terhadap target tahunan",
           {"Calon Investor"},
           {"Kantor Perangkat Daerah"}},
      },
      {
          {"SI-CANTIK: Sistem Cepat Antar Izin Keliling", 0, "mobile"},
          {"Gerai Perizinan Terpadu di Kecamatan", 0, "corner"},
          {"PETA INVESTASI: Pusat Data dan Peluang Investasi Daerah", 3, "map"},
      },
  };
  at(SectorId::kPlanning) = {
      "Perencanaan",
      {"Penelitian dan Pengembangan", "Statistik"},
      {"Perencanaan Partisipatif", "Satu Data", "Inovasi Daerah"},
      "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
      Form::kGovernance,
      {
          {"Musyawarah Perencanaan Pembangunan",
           kCommunity,
           "usulan warga dalam musrenbang ditulis di kertas dan sering hilang sebelum sampai "
           "ke tingkat kota",
           "usulan musrenbang yang tertampung dalam rencana kerja",
           {"Pengurus RW", "Kelompok Perempuan", "Pemuda"},
           {"Balai RW", "Kantor Kelurahan"}},
          {"Satu Data Pembangunan",
           kInternal,
           "setiap perangkat daerah menyimpan data sendiri dengan format berbeda sehingga sulit "
           "dipakai untuk perencanaan",
           "dataset prioritas yang diperbarui tepat waktu",
           {"Operator Data Perangkat Daerah"},
           {"Kantor Perangkat Daerah"}},
          {"Pembinaan Inovasi Daerah",
           kInternal,
           "perangkat daerah belum memiliki pendamping ketika menyusun proposal dan profil "
           "inovasi",
           "perangkat daerah yang melaporkan inovasi setiap tahun",
           {"Inovator Perangkat Daerah", "Perangkat Daerah"},
           {"Kantor Perangkat Daerah"}},
          {"Pengendalian Program Pembangunan",
           kInternal,
           "capaian program baru diketahui pada akhir tahun ketika sudah terlambat untuk "
           "diperbaiki",
           "program yang dipantau setiap triwulan",
           {"Perangkat Daerah"},
           {"Kantor Perangkat Daerah"}},
      },
      {
          {"KLINIK INOVASI: Konsultasi Langsung Inovasi Perangkat Daerah", 2, "consultation"},
          {"E-MUSRENBANG: Usulan Warga Daring", 0, "app"},
          {"Riset Kolaborasi Kampus untuk Kota", 1, "campus"},
      },
  };
  at(SectorId::kFinance) = {
      "Keuangan",
      {"Pertanahan", "Komunikasi dan Informatika"},
      {"Pendapatan Asli Daerah", "Akuntabilitas", "Digitalisasi"},
      "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
      Form::kGovernance,
      {
          {"Pembayaran Pajak Bumi dan Bangunan",
           kDocument,
           "wajib pajak harus membayar di loket bank tertentu dan sering tidak menerima surat "
           "tagihan",
           "realisasi penerimaan Pajak Bumi dan Bangunan",
           {"Wajib Pajak", "Lansia"},
           {"Pasar Rakyat", "Kantor Kelurahan", "Pusat Perbelanjaan", "Hari Bebas Kendaraan"}},
          {"Pelaporan Pajak Restoran",
           kDocument,
           "omzet restoran dilaporkan sendiri oleh wajib pajak tanpa data pembanding",
           "kepatuhan pelaporan pajak restoran",
           {"Pelaku Usaha Kuliner"},
           {"Pusat Perbelanjaan"}},
          {"Pencairan Dana Kegiatan",
           kInternal,
           "surat perintah pencairan dana diproses manual sehingga pembayaran kepada penyedia "
           "sering terlambat",
           "surat perintah pencairan dana yang terbit dalam dua hari",
           {"Bendahara Perangkat Daerah", "Penyedia Barang dan Jasa"},
           {"Kantor Perangkat Daerah"}},
          {"Penatausahaan Aset Daerah",
           kInternal,
           "banyak aset tanah belum bersertifikat dan catatan barang milik daerah tidak sesuai "
           "kondisi lapangan",
           "aset tanah yang telah bersertifikat",
           {"Pengurus Barang"},
           {"Kantor Perangkat Daerah"}},
      },
      {
          {"PBB Keliling Kelurahan", 0, "mobile"},
          {"SI-PAKDE: Sistem Informasi Pajak Daerah Elektronik", 1, "app"},
          {"Sertifikasi Aset Bersama Kantor Pertanahan", 3, "task-force"},
      },
  };
  at(SectorId::kPersonnel) = {
      "Kepegawaian",
      {"Pendidikan dan Pelatihan"},
      {"Manajemen Talenta", "Reformasi Birokrasi"},
      "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
      Form::kGovernance,
      {
          {"Kenaikan Pangkat",
           kInternal,
           "berkas kenaikan pangkat dikirim dalam bentuk fisik dan sering kembali karena kurang "
           "satu dokumen",
           "usul kenaikan pangkat yang disetujui tepat waktu",
           {"Aparatur Sipil Negara"},
           {"Kantor Perangkat Daerah"}},
          {"Pengembangan Kompetensi Aparatur",
           kInternal,
           "banyak aparatur belum memenuhi dua puluh jam pelajaran pengembangan kompetensi "
           "setiap tahun",
           "aparatur yang memenuhi jam pelajaran pengembangan kompetensi",
           {"Aparatur Sipil Negara", "Pejabat Administrator"},
           {"Kantor Perangkat Daerah"}},
          {"Penilaian Kinerja Pegawai",
           kInternal,
           "penilaian kinerja disusun di akhir tahun tanpa catatan capaian bulanan",
           "pegawai yang mengisi capaian kinerja bulanan",
           {"Aparatur Sipil Negara", "Pegawai Baru"},
           {"Kantor Perangkat Daerah"}},
          {"Pengurusan Pensiun",
           kInternal,
           "pegawai yang akan pensiun tidak diberi tahu sejak awal sehingga surat keputusan "
           "pensiun terlambat",
           "surat keputusan pensiun yang terbit sebelum tanggal pensiun",
           {"Pegawai Menjelang Pensiun"},
           {"Kantor Perangkat Daerah"}},
      },
      {
          {"SIAP PENSIUN: Sistem Antisipasi Pensiun Pegawai", 3, "same-day"},
          {"Akademi Kepemimpinan Aparatur Kota", 1, "mentoring"},
          {"MANTAP: Manajemen Talenta Aparatur Pemerintah", 2, "app"},
      },
  };
  at(SectorId::kGovernance) = {
      "Kesekretariatan",
      {"Pengawasan", "Persandian"},
      {"Reformasi Birokrasi", "Akuntabilitas", "Keterbukaan Informasi"},
      "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
      Form::kGovernance,
      {
          {"Penyusunan Produk Hukum Daerah",
           kInternal,
           "rancangan peraturan wali kota menumpuk karena diperiksa bergantian tanpa jadwal "
           "yang jelas",
           "rancangan produk hukum yang selesai dalam tiga puluh hari",
           {"Perangkat Daerah"},
           {"Kantor Perangkat Daerah"}},
          {"Pengadaan Barang dan Jasa",
           kInternal,
           "penyedia lokal jarang ikut tender karena tidak memahami tata cara pengadaan "
           "elektronik",
           "paket pengadaan yang diikuti penyedia lokal",
           {"Penyedia Lokal", "Pejabat Pengadaan"},
           {"Kantor Perangkat Daerah"}},
          {"Pengawasan Internal",
           kInternal,
           "temuan pemeriksaan lambat ditindaklanjuti karena tidak ada pemantauan rutin",
           "rekomendasi hasil pemeriksaan yang ditindaklanjuti",
           {"Perangkat Daerah", "Auditor"},
           {"Kantor Perangkat Daerah"}},
          {"Penyerapan Aspirasi Masyarakat",
           kCommunity,
           "aspirasi warga kepada DPRD tercatat di banyak buku dan sulit ditelusuri",
           "aspirasi warga yang dijawab dalam empat belas hari",
           {"Tokoh Masyarakat", "Kelompok Perempuan", "Pemuda"},
           {"Balai RW", "Rumah Ibadah"}},
          {"Pembinaan Wawasan Kebangsaan",
           kCommunity,
           "kegiatan wawasan kebangsaan hanya berupa ceramah dan kurang diminati pemuda",
           "pemuda yang mengikuti kegiatan wawasan kebangsaan",
           {"Pemuda", "Pelajar"},
           {"Sekolah", "Kampus"}},
      },
      {
          {"Satu Pintu Konsultasi Pengadaan", 1, "consultation"},
          {"JAGA: Jejaring Antikorupsi Gerakan Aparatur", 2, "integrity-zone"},
          {"RESES DARING: Rekap Aspirasi Warga Secara Daring", 3, "app"},
      },
  };
  at(SectorId::kPublicWorks) = {
      "Pekerjaan Umum dan Penataan Ruang",
      {"Perumahan Rakyat dan Kawasan Permukiman", "Lingkungan Hidup"},
      {"Infrastruktur", "Permukiman Layak"},
      "Undang-Undang Nomor 26 Tahun 2007 tentang Penataan Ruang",
      Form::kOtherAffairs,
      {
          {"Perbaikan Jalan Lingkungan",
           kResponse,
           "laporan jalan rusak dari warga tidak tercatat sehingga perbaikan tidak terjadwal",
           "laporan jalan rusak yang ditangani dalam tujuh hari",
           {"Pengurus RW", "Pengguna Jalan"},
           {"Balai RW", "Kawasan Permukiman Padat"}},
          {"Informasi Tata Ruang",
           kDocument,
           "warga dan pengembang sulit mengetahui peruntukan lahan sebelum membeli atau "
           "membangun",
           "permohonan informasi tata ruang yang dijawab dalam satu hari",
           {"Pengembang Perumahan", "Pemilik Lahan"},
           {"Kantor Kelurahan", "Pusat Perbelanjaan"}},
          {"Rehabilitasi Rumah Tidak Layak Huni",
           kCommunity,
           "data rumah tidak layak huni berbeda antara kelurahan dan dinas sehingga bantuan "
           "salah sasaran",
           "rumah tidak layak huni yang telah direhabilitasi",
           {"Keluarga Berpenghasilan Rendah", "Pengurus RW"},
           {"Kawasan Permukiman Padat"}},
          {"Penanganan Genangan",
           kResponse,
           "genangan di permukiman padat muncul setiap musim hujan karena saluran tersumbat",
           "titik genangan yang tertangani",
           {"Warga Permukiman Padat", "Pengurus RW"},
           {"Kawasan Permukiman Padat", "Pasar Rakyat"}},
      },
      {
          {"LAPOR JALAN: Layanan Pengaduan Jalan Rusak", 0, "app"},
          {"Bedah Rumah Gotong Royong", 2, "business"},
          {"Satgas Drainase Kelurahan", 3, "task-force"},
      },
  };
  at(SectorId::kPublicOrder) = {
      "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat",
      {"Sosial", "Perhubungan"},
      {"Kesiapsiagaan Bencana", "Ketertiban Umum"},
      "Undang-Undang Nomor 24 Tahun 2007 tentang Penanggulangan Bencana",
      Form::kPublicService,
      {
          {"Penanganan Kebakaran",
           kResponse,
           "armada pemadam sering terlambat tiba karena lokasi kejadian dilaporkan tanpa alamat "
           "yang jelas",
           "kejadian kebakaran yang dijangkau dalam lima belas menit",
           {"Warga Permukiman Padat", "Pengelola Gedung"},
           {"Kawasan Permukiman Padat", "Pasar Rakyat", "Pusat Perbelanjaan"}},
          {"Peringatan Dini Banjir",
           kCommunity,
           "warga bantaran sungai baru mengungsi ketika air sudah masuk rumah",
           "keluarga di daerah rawan yang menerima peringatan dini",
           {"Warga Bantaran Sungai", "Relawan Kelurahan"},
           {"Balai RW", "Rumah Ibadah"}},
          {"Penataan Pedagang Kaki Lima",
           kCommunity,
           "penertiban pedagang kaki lima sering berujung konflik karena tidak ada lokasi "
           "pengganti",
           "pedagang yang pindah ke lokasi binaan secara sukarela",
           {"Pedagang Kaki Lima"},
           {"Taman Kota", "Pasar Rakyat"}},
          {"Penegakan Peraturan Daerah",
           kResponse,
           "pelanggaran peraturan daerah dilaporkan warga tetapi tindak lanjutnya tidak "
           "diketahui pelapor",
           "laporan pelanggaran yang ditindaklanjuti",
           {"Pelapor", "Pengurus RT/RW"},
           {"Taman Kota", "Pasar Rakyat"}},
      },
      {
          {"KATANA: Kelurahan Tangguh Bencana", 1, "pilot-village"},
          {"SI-SIGAP: Sistem Siaga Cepat Pemadam", 0, "app"},
          {"Satpol PP Sahabat Pedagang", 2, "forum"},
      },
  };
  at(SectorId::kSocial) = {
      "Sosial",
      {"Administrasi Kependudukan dan Pencatatan Sipil", "Kesehatan"},
      {"Penanggulangan Kemiskinan", "Inklusi Disabilitas"},
      "Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial",
      Form::kPublicService,
      {
          {"Pemutakhiran Data Kesejahteraan Sosial",
           kCommunity,
           "data penerima bantuan sosial tidak diperbarui sehingga warga miskin baru tidak "
           "tercatat",
           "data penerima bantuan yang diverifikasi setiap tahun",
           {"Keluarga Miskin", "Pengurus RT/RW"},
           {"Kantor Kelurahan", "Balai RW"}},
          {"Bantuan Alat Bantu Disabilitas",
           kDocument,
           "penyandang disabilitas menunggu berbulan-bulan untuk mendapat kursi roda atau alat "
           "bantu dengar",
           "permohonan alat bantu yang terpenuhi",
           {"Penyandang Disabilitas"},
           {"Panti Sosial", "Kantor Kelurahan"}},
          {"Pendampingan Lansia Terlantar",
           kOutreach,
           "lansia yang hidup sendiri tidak terpantau dan baru diketahui ketika sudah sakit",
           "lansia terlantar yang mendapat pendampingan",
           {"Lansia", "Relawan Sosial"},
           {"Balai RW", "Rumah Ibadah"}},
          {"Rehabilitasi Sosial Anak Jalanan",
           kOutreach,
           "anak jalanan kembali ke jalan setelah penjangkauan karena tidak ada pendampingan "
           "lanjutan",
           "anak jalanan yang kembali ke keluarga",
           {"Anak Jalanan", "Relawan Sosial"},
           {"Taman Kota", "Panti Sosial"}},
      },
      {
          {"Lumbung Sosial Kelurahan", 0, "neighbourhood"},
          {"SI-PEKA: Sistem Informasi Peduli Keluarga", 0, "app"},
          {"Tetangga Peduli Lansia", 2, "door-to-door"},
      },
  };
  at(SectorId::kLabour) = {
      "Tenaga Kerja",
      {"Koperasi, Usaha Kecil, dan Menengah", "Pendidikan"},
      {"Penciptaan Lapangan Kerja", "Vokasi"},
      "Undang-Undang Nomor 13 Tahun 2003 tentang Ketenagakerjaan",
      Form::kPublicService,
      {
          {"Informasi Lowongan Kerja",
           kOutreach,
           "pencari kerja hanya mendapat informasi lowongan dari papan pengumuman kantor",
           "pencari kerja yang ditempatkan",
           {"Pencari Kerja", "Lulusan SMK"},
           {"Sekolah", "Kampus", "Kantor Kelurahan"}},
          {"Pelatihan Kerja Berbasis Kompetensi",
           kCommunity,
           "pelatihan kerja tidak sesuai kebutuhan industri sehingga lulusannya sulit terserap",
           "lulusan pelatihan yang bekerja dalam enam bulan",
           {"Pencari Kerja", "Pekerja Terkena PHK"},
           {"Kawasan Industri"}},
          {"Kartu Pencari Kerja",
           kDocument,
           "pembuatan kartu pencari kerja mengharuskan pemohon datang dua kali",
           "kartu pencari kerja yang terbit pada hari yang sama",
           {"Pencari Kerja", "Lulusan SMK"},
           {"Sekolah", "Kampus", "Kantor Kelurahan"}},
          {"Mediasi Hubungan Industrial",
           kResponse,
           "perselisihan pekerja dan pengusaha berlarut-larut karena jadwal mediasi penuh",
           "perselisihan yang selesai melalui mediasi",
           {"Pekerja", "Perusahaan"},
           {"Kawasan Industri"}},
      },
      {
          {"Bursa Kerja Keliling Kelurahan", 0, "mobile"},
          {"SIAP KERJA: Sinergi Industri dan Pelatihan Kerja", 1, "business"},
          {"AK1 Sekali Datang", 2, "same-day"},
      },
  };
  at(SectorId::kWomenAndChildren) = {
      "Pemberdayaan Perempuan dan Perlindungan Anak",
      {"Pengendalian Penduduk dan Keluarga Berencana", "Sosial"},
      {"Kesetaraan Gender", "Kota Layak Anak", "Stunting"},
      "Undang-Undang Nomor 35 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun "
      "2002 tentang Perlindungan Anak",
      Form::kPublicService,
      {
          {"Pengaduan Kekerasan terhadap Perempuan dan Anak",
           kResponse,
           "korban kekerasan enggan melapor karena harus bercerita berulang kali di banyak "
           "kantor",
           "kasus kekerasan yang mendapat pendampingan",
           {"Perempuan", "Anak"},
           {"Sekolah", "Rumah Ibadah", "Kantor Kelurahan"}},
          {"Pencegahan Perkawinan Anak",
           kCommunity,
           "masih ada perkawinan anak karena orang tua belum memahami risikonya",
           "permohonan dispensasi kawin yang berhasil dicegah",
           {"Remaja", "Orang Tua"},
           {"Sekolah", "Rumah Ibadah"}},
          {"Pelayanan Keluarga Berencana",
           kOutreach,
           "pasangan usia subur di permukiman padat sulit menjangkau layanan kontrasepsi jangka "
           "panjang",
           "peserta keluarga berencana aktif",
           {"Pasangan Usia Subur"},
           {"Posyandu", "Balai RW"}},
          {"Pendampingan Keluarga Berisiko Stunting",
           kOutreach,
           "keluarga berisiko stunting tidak terdata dan tidak mendapat pendampingan rutin",
           "keluarga berisiko stunting yang didampingi",
           {"Calon Pengantin", "Ibu Hamil", "Ibu Balita"},
           {"Posyandu", "Balai RW"}},
      },
      {
          {"RUMAH AMAN: Layanan Satu Atap Korban Kekerasan", 0, "one-unit"},
          {"Forum Anak Pelopor dan Pelapor", 1, "forum"},
          {"DAPUR SEHAT: Dapur Bersama Atasi Stunting", 3, "movement"},
      },
  };
  at(SectorId::kEnvironment) = {
      "Lingkungan Hidup",
      {"Kesehatan", "Pekerjaan Umum dan Penataan Ruang"},
      {"Pengelolaan Sampah", "Ekonomi Sirkular", "Perubahan Iklim"},
      "Undang-Undang Nomor 18 Tahun 2008 tentang Pengelolaan Sampah",
      Form::kOtherAffairs,
      {
          {"Pemilahan Sampah Rumah Tangga",
           kCommunity,
           "sampah rumah tangga langsung dibuang ke tempat pemrosesan akhir tanpa dipilah",
           "sampah yang terkurangi melalui pemilahan",
           {"Rumah Tangga", "Pelajar"},
           {"Balai RW", "Sekolah", "Pasar Rakyat"}},
          {"Bank Sampah",
           kCommunity,
           "bank sampah di kelurahan tidak aktif karena pencatatan tabungan nasabah rumit",
           "nasabah bank sampah yang aktif menabung",
           {"Pengurus Bank Sampah", "Ibu Rumah Tangga"},
           {"Balai RW", "Sekolah"}},
          {"Pengawasan Limbah Usaha",
           kResponse,
           "usaha kecil membuang limbah cair ke sungai karena tidak tahu cara mengolahnya",
           "usaha yang memenuhi baku mutu limbah",
           {"Pelaku Usaha Kecil"},
           {"Kawasan Industri", "Pasar Rakyat"}},
          {"Pemeliharaan Ruang Terbuka Hijau",
           kCommunity,
           "taman kota kurang terawat dan jarang dimanfaatkan warga",
           "ruang terbuka hijau yang terpelihara",
           {"Komunitas Warga", "Pelajar"},
           {"Taman Kota"}},
      },
      {
          {"SEDEKAH SAMPAH: Tukar Sampah Jadi Tabungan", 0, "movement"},
          {"SI-BANK SAMPAH: Aplikasi Tabungan Bank Sampah", 1, "app"},
          {"Kader Lingkungan Sekolah", 0, "cadre-school"},
      },
  };
  at(SectorId::kTransport) = {
      "Perhubungan",
      {"Komunikasi dan Informatika",
       "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat"},
      {"Transportasi Publik", "Keselamatan Jalan"},
      "Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan",
      Form::kPublicService,
      {
          {"Pengujian Kendaraan Bermotor",
           kDocument,
           "pemilik angkutan barang mengantre seharian untuk uji berkala",
           "kendaraan wajib uji yang lulus uji tepat waktu",
           {"Pemilik Angkutan Barang", "Pengemudi Angkutan Umum"},
           {"Terminal", "Kawasan Industri"}},
          {"Retribusi Parkir Tepi Jalan",
           kDocument,
           "pendapatan parkir bocor karena pembayaran tunai tanpa karcis",
           "penerimaan retribusi parkir terhadap potensinya",
           {"Juru Parkir", "Pengguna Parkir"},
           {"Pasar Rakyat", "Pusat Perbelanjaan"}},
          {"Angkutan Sekolah",
           kOutreach,
           "pelajar dari pinggiran kota harus berganti angkutan dua kali untuk ke sekolah",
           "pelajar pinggiran yang terlayani angkutan sekolah",
           {"Pelajar", "Orang Tua Murid"},
           {"Sekolah", "Terminal"}},
          {"Keselamatan di Sekitar Sekolah",
           kCommunity,
           "kecelakaan sering terjadi di depan sekolah pada jam masuk dan pulang",
           "sekolah dengan zona selamat yang berfungsi",
           {"Pelajar", "Guru"},
           {"Sekolah"}},
          {"Informasi Jadwal Bus Kota",
           kOutreach,
           "penumpang tidak tahu kapan bus berikutnya datang sehingga beralih ke kendaraan "
           "pribadi",
           "keterisian kursi bus kota",
           {"Penumpang Bus", "Lansia"},
           {"Terminal", "Pusat Perbelanjaan"}},
      },
      {
          {"Zona Selamat Sekolah Berbasis Relawan", 3, "movement"},
          {"PARKIR CERDAS: Karcis Parkir Nontunai", 1, "app"},
          {"BUS PINTAR: Jadwal Bus Kota di Genggaman", 4, "app"},
      },
  };
  at(SectorId::kInformatics) = {
      "Komunikasi dan Informatika",
      {"Statistik", "Persandian"},
      {"SPBE", "Keterbukaan Informasi", "Digitalisasi"},
      "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
      Form::kGovernance,
      {
          {"Pengaduan Masyarakat",
           kResponse,
           "pengaduan warga masuk lewat banyak kanal dan tidak ada yang memantau sampai selesai",
           "pengaduan yang selesai ditindaklanjuti",
           {"Warga", "Pengurus RT/RW"},
           {"Kantor Kelurahan", "Taman Kota", "Pasar Rakyat"}},
          {"Permohonan Informasi Publik",
           kDocument,
           "permohonan informasi publik dijawab lambat karena dokumennya tersebar di perangkat "
           "daerah",
           "permohonan informasi yang dijawab dalam sepuluh hari kerja",
           {"Pemohon Informasi", "Jurnalis"},
           {"Kantor Kelurahan", "Kampus"}},
          {"Internet Publik Kelurahan",
           kCommunity,
           "warga di permukiman padat tidak memiliki akses internet untuk mengurus layanan "
           "daring",
           "kelurahan dengan titik akses internet publik",
           {"Warga", "Pelajar"},
           {"Kantor Kelurahan", "Taman Kota"}},
          {"Keamanan Informasi Perangkat Daerah",
           kInternal,
           "situs web perangkat daerah beberapa kali diretas karena pembaruan sistem tidak rutin",
           "situs web yang lolos uji kerentanan",
           {"Operator Perangkat Daerah"},
           {"Kantor Perangkat Daerah"}},
      },
      {
          {"LUMBUNG LAPOR: Satu Kanal Pengaduan Warga", 0, "app"},
          {"Kampung Digital", 2, "pilot-village"},
          {"Relawan TIK Kelurahan", 2, "cadre-school"},
      },
  };
  at(SectorId::kSmallBusiness) = {
      "Koperasi, Usaha Kecil, dan Menengah",
      {"Perdagangan", "Perindustrian"},
      {"UMKM Naik Kelas", "Inklusi Keuangan"},
      "Peraturan Pemerintah Nomor 7 Tahun 2021 tentang Kemudahan, Pelindungan, dan "
      "Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah",
      Form::kOtherAffairs,
      {
          {"Kredit Usaha Mikro",
           kDocument,
           "pelaku usaha mikro terjerat pinjaman berbunga tinggi karena tidak punya agunan",
           "pelaku usaha mikro yang memperoleh kredit berbunga rendah",
           {"Pelaku UMKM", "Perempuan Pengusaha"},
           {"Pasar Rakyat", "Kantor Kelurahan"}},
          {"Pemasaran Produk UMKM",
           kCommunity,
           "produk usaha mikro hanya dijual di sekitar rumah karena pelakunya belum mengenal "
           "pemasaran daring",
           "pelaku usaha mikro yang berjualan daring",
           {"Pelaku UMKM", "Pemuda Wirausaha"},
           {"Pusat Perbelanjaan", "Hari Bebas Kendaraan"}},
          {"Pembinaan Koperasi",
           kCommunity,
           "banyak koperasi tidak lagi menyelenggarakan rapat anggota tahunan",
           "koperasi yang menyelenggarakan rapat anggota tahunan",
           {"Pengurus Koperasi"},
           {"Kantor Kelurahan"}},
          {"Sertifikasi Halal dan Merek",
           kDocument,
           "pelaku usaha mikro menganggap sertifikasi halal dan pendaftaran merek mahal dan "
           "rumit",
           "produk usaha mikro yang bersertifikat",
           {"Pelaku UMKM", "Industri Rumahan"},
           {"Pasar Rakyat", "Pusat Perbelanjaan"}},
      },
      {
          {"PINTU MODAL: Pinjaman Tanpa Agunan untuk Usaha Mikro", 0, "corner"},
          {"Pendamping UMKM Naik Kelas", 1, "cadre-school"},
          {"Klinik Halal dan Merek UMKM", 3, "consultation"},
      },
  };
  at(SectorId::kTrade) = {
      "Perdagangan",
      {"Perindustrian", "Koperasi, Usaha Kecil, dan Menengah"},
      {"Stabilitas Harga", "Pasar Rakyat"},
      "Undang-Undang Nomor 7 Tahun 2014 tentang Perdagangan",
      Form::kOtherAffairs,
      {
          {"Informasi Harga Bahan Pokok",
           kCommunity,
           "warga dan pedagang tidak mengetahui harga wajar bahan pokok sehingga harga mudah "
           "dipermainkan",
           "pasar yang melaporkan harga setiap hari",
           {"Pedagang Pasar", "Pembeli"},
           {"Pasar Rakyat"}},
          {"Tera Ulang Alat Ukur",
           kDocument,
           "timbangan pedagang pasar jarang ditera ulang sehingga pembeli dirugikan",
           "alat ukur yang ditera ulang setiap tahun",
           {"Pedagang Pasar", "Pemilik SPBU"},
           {"Pasar Rakyat"}},
          {"Pembayaran Retribusi Pasar",
           kDocument,
           "retribusi pasar dipungut tunai tanpa bukti sehingga pendapatan tidak tercatat utuh",
           "penerimaan retribusi pasar terhadap potensinya",
           {"Pedagang Pasar"},
           {"Pasar Rakyat"}},
          {"Revitalisasi Pasar Rakyat",
           kCommunity,
           "pasar rakyat kumuh dan sepi pembeli karena kalah bersaing dengan toko modern",
           "kios pasar rakyat yang terisi",
           {"Pedagang Pasar", "Pengelola Pasar"},
           {"Pasar Rakyat"}},
      },
      {
          {"SI-HARGA: Pantauan Harga Pasar Harian", 0, "app"},
          {"Tera Keliling Pasar", 1, "pick-up"},
          {"Pasar Bersih Pedagang Tertib", 3, "movement"},
      },
  };
  at(SectorId::kTourismAndSport) = {
      "Pariwisata",
      {"Kepemudaan dan Olahraga", "Kebudayaan"},
      {"Ekonomi Kreatif", "Pemuda"},
      "Undang-Undang Nomor 10 Tahun 2009 tentang Kepariwisataan",
      Form::kOtherAffairs,
      {
          {"Promosi Destinasi Wisata",
           kCommunity,
           "destinasi wisata kota kurang dikenal karena promosinya hanya lewat brosur",
           "kenaikan kunjungan wisatawan",
           {"Pelaku Ekonomi Kreatif", "Pemuda"},
           {"Taman Kota", "Hari Bebas Kendaraan"}},
          {"Pembinaan Kelompok Sadar Wisata",
           kCommunity,
           "kelompok sadar wisata di kelurahan belum mampu mengelola paket wisata sendiri",
           "kelompok sadar wisata yang menjual paket wisata",
           {"Kelompok Sadar Wisata", "Pemuda"},
           {"Balai RW"}},
          {"Peminjaman Fasilitas Olahraga",
           kDocument,
           "gedung olahraga milik kota jarang dipakai karena pemesanannya harus datang langsung",
           "keterpakaian fasilitas olahraga",
           {"Klub Olahraga", "Pelajar"},
           {"Sekolah", "Kampus"}},
          {"Pembinaan Atlet Muda",
           kOutreach,
           "bibit atlet dari sekolah tidak terdata sehingga pembinaannya tidak berkelanjutan",
           "atlet muda yang dibina berkelanjutan",
           {"Atlet Muda", "Pelatih Olahraga"},
           {"Sekolah", "Taman Kota"}},
      },
      {
          {"Festival Kampung Lumbung", 0, "business"},
          {"SEWA GOR: Pemesanan Fasilitas Olahraga Daring", 2, "app"},
          {"Pemandu Wisata Muda Bersertifikat", 1, "cadre-school"},
      },
  };
  at(SectorId::kLibrary) = {
      "Perpustakaan",
      {"Kearsipan", "Pendidikan"},
      {"Literasi", "Kearsipan"},
      "Undang-Undang Nomor 43 Tahun 2007 tentang Perpustakaan",
      Form::kPublicService,
      {
          {"Keanggotaan Perpustakaan",
           kOutreach,
           "warga pinggiran jarang datang ke perpustakaan kota karena jaraknya jauh",
           "warga yang menjadi anggota perpustakaan",
           {"Pelajar", "Ibu Rumah Tangga"},
           {"Sekolah", "Taman Kota", "Balai RW"}},
          {"Pengelolaan Arsip Dinamis",
           kInternal,
           "arsip perangkat daerah menumpuk di gudang dan sulit ditemukan ketika dibutuhkan",
           "arsip yang tertata sesuai klasifikasi",
           {"Arsiparis", "Perangkat Daerah"},
           {"Kantor Perangkat Daerah"}},
          {"Peminjaman Buku Digital",
           kDocument,
           "koleksi buku terbatas dan hanya bisa dipinjam di gedung perpustakaan",
           "anggota yang meminjam buku setiap bulan",
           {"Pelajar", "Komunitas Literasi"},
           {"Sekolah", "Kampus"}},
          {"Penyelamatan Arsip Keluarga",
           kCommunity,
           "dokumen penting keluarga rusak ketika banjir karena disimpan seadanya",
           "keluarga di daerah rawan banjir yang arsipnya terselamatkan",
           {"Warga Bantaran Sungai", "Pengurus RT/RW"},
           {"Balai RW"}},
      },
      {
          {"PERPUSLING: Perpustakaan Keliling Kampung", 0, "mobile"},
          {"Pojok Baca Kelurahan", 0, "corner"},
          {"SI-ARSIP: Sistem Informasi Arsip Terpadu", 1, "app"},
      },
  };
  at(SectorId::kAgriculture) = {
      "Pertanian",
      {"Pangan", "Kelautan dan Perikanan"},
      {"Ketahanan Pangan", "Pertanian Perkotaan"},
      "Undang-Undang Nomor 18 Tahun 2012 tentang Pangan",
      Form::kOtherAffairs,
      {
          {"Pertanian Perkotaan",
           kCommunity,
           "lahan pertanian kota terus menyusut sementara kebutuhan sayur dipasok dari luar "
           "daerah",
           "rumah tangga yang menanam sayur di pekarangan",
           {"Kelompok Wanita Tani", "Rumah Tangga"},
           {"Balai RW", "Sekolah"}},
          {"Pengawasan Keamanan Pangan",
           kResponse,
           "pangan segar di pasar jarang diuji sehingga residu pestisida dan formalin tidak "
           "terdeteksi",
           "sampel pangan segar yang memenuhi syarat keamanan",
           {"Pedagang Pasar", "Pembeli"},
           {"Pasar Rakyat", "Pusat Perbelanjaan"}},
          {"Penyuluhan Pertanian",
           kCommunity,
           "penyuluh pertanian terlalu sedikit untuk menjangkau semua kelompok tani",
           "kelompok tani yang mendapat penyuluhan rutin",
           {"Kelompok Tani", "Petani Muda"},
           {"Balai RW"}},
          {"Vaksinasi Hewan Ternak",
           kOutreach,
           "ternak warga terlambat divaksin sehingga penyakit mudah menyebar",
           "ternak yang divaksin tepat waktu",
           {"Peternak"},
           {"Balai RW", "Pasar Rakyat"}},
      },
      {
          {"PEKARANGAN LESTARI: Kebun Sayur Keluarga", 0, "pilot-village"},
          {"Laboratorium Keliling Keamanan Pangan", 1, "mobile"},
          {"Penyuluh Swadaya Muda Tani", 2, "cadre-school"},
      },
  };
  at(SectorId::kLocalAdministration) = {
      "Pemerintahan Umum",
      {"Pemberdayaan Masyarakat dan Desa", "Administrasi Kependudukan dan Pencatatan Sipil"},
      {"Pelayanan Administrasi Terpadu Kecamatan", "Pemberdayaan Masyarakat"},
      "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
      Form::kPublicService,
      {
          {"Surat Keterangan Kecamatan",
           kDocument,
           "warga harus datang beberapa kali ke kantor kecamatan untuk surat keterangan yang "
           "sederhana",
           "permohonan surat yang selesai pada hari yang sama",
           {"Warga", "Pekerja"},
           {"Kantor Kelurahan", "Balai RW"}},
          {"Surat Keterangan Tidak Mampu",
           kDocument,
           "surat keterangan tidak mampu diterbitkan tanpa verifikasi sehingga sering salah "
           "sasaran",
           "surat keterangan yang terverifikasi data kesejahteraan",
           {"Keluarga Miskin", "Pengurus RT/RW"},
           {"Kantor Kelurahan"}},
          {"Pemberdayaan Kelompok Masyarakat",
           kCommunity,
           "kegiatan kelompok masyarakat di kelurahan berjalan sendiri-sendiri tanpa "
           "pendampingan",
           "kelompok masyarakat yang aktif",
           {"Kader PKK", "Karang Taruna"},
           {"Balai RW"}},
          {"Penanganan Pengaduan Warga",
           kResponse,
           "pengaduan warga di tingkat kelurahan tidak tercatat dan tidak sampai ke perangkat "
           "daerah terkait",
           "pengaduan yang diteruskan dan dijawab",
           {"Warga", "Pengurus RT/RW"},
           {"Kantor Kelurahan", "Balai RW"}},
      },
      {
          {"Camat Berkantor di Kelurahan", 3, "pick-up"},
          {"PATEN MALAM: Layanan Kecamatan hingga Pukul 21.00", 0, "same-day"},
          {"Rembuk RW Mingguan", 2, "forum"},
      },
  };
  at(SectorId::kWater) = {
      "Pekerjaan Umum dan Penataan Ruang",
      {"Kesehatan", "Lingkungan Hidup"},
      {"Air Minum Aman", "Pelayanan Pelanggan"},
      "Peraturan Pemerintah Nomor 122 Tahun 2015 tentang Sistem Penyediaan Air Minum",
      Form::kPublicService,
      {
          {"Sambungan Rumah Baru",
           kDocument,
           "biaya dan waktu pemasangan sambungan baru memberatkan keluarga berpenghasilan "
           "rendah",
           "rumah tangga yang terlayani air perpipaan",
           {"Keluarga Berpenghasilan Rendah", "Warga Permukiman Padat"},
           {"Kantor Kelurahan", "Balai RW"}},
          {"Perbaikan Kebocoran Pipa",
           kResponse,
           "kebocoran pipa baru diperbaiki berhari-hari setelah dilaporkan",
           "kebocoran yang diperbaiki dalam dua puluh empat jam",
           {"Pelanggan", "Pengurus RT/RW"},
           {"Kawasan Permukiman Padat", "Balai RW"}},
          {"Pembacaan Meter Air",
           kInternal,
           "pembacaan meter dilakukan manual sehingga tagihan sering tidak sesuai pemakaian",
           "tagihan tanpa keluhan salah baca meter",
           {"Petugas Baca Meter", "Pelanggan"},
           {"Kawasan Permukiman Padat"}},
          {"Pembayaran Rekening Air",
           kDocument,
           "pelanggan harus membayar di loket kantor pada jam kerja",
           "pelanggan yang membayar tepat waktu",
           {"Pelanggan", "Pelanggan Niaga"},
           {"Pasar Rakyat", "Pusat Perbelanjaan", "Kantor Kelurahan"}},
      },
      {
          {"SAMBUNG HEMAT: Cicilan Sambungan Rumah", 0, "same-day"},
          {"Baca Meter dengan Foto", 2, "app"},
          {"Tim Sigap Bocor", 1, "rapid-team"},
      },
  };
  return sectors;
}

std::vector<AgencySpec> MakeAgencies() {
  using enum AgencyKind;
  using enum SectorId;
  return {
      {"Sekretariat Daerah",
       "Setda",
       kRegionalAgency,
       2,
       kGovernance,
       {{"Bagian Organisasi", "Bag. Organisasi"},
        {"Bagian Hukum", "Bag. Hukum"},
        {"Bagian Pengadaan Barang dan Jasa", "Bag. PBJ"}}},
      {"Sekretariat DPRD", "Setwan", kRegionalAgency, 2, kGovernance, {}},
      {"Inspektorat Daerah", "Inspektorat", kRegionalAgency, 2, kGovernance, {}},
      {"Badan Perencanaan Pembangunan Daerah",
       "Bappeda",
       kRegionalAgency,
       2,
       kPlanning,
       {{"Bidang Riset dan Inovasi Daerah", "Bid. Risnovda"},
        {"Bidang Perencanaan Pembangunan Manusia", "Bid. PPM"}}},
      {"Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", kRegionalAgency, 2, kFinance, {}},
      {"Badan Pendapatan Daerah", "Bapenda", kRegionalAgency, 2, kFinance, {}},
      {"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
       "BKPSDM",
       kRegionalAgency,
       2,
       kPersonnel,
       {}},
      {"Badan Kesatuan Bangsa dan Politik", "Kesbangpol", kRegionalAgency, 2, kGovernance, {}},
      {"Badan Penanggulangan Bencana Daerah", "BPBD", kRegionalAgency, 2, kPublicOrder, {}},
      {"Dinas Pendidikan",
       "Disdik",
       kRegionalAgency,
       2,
       kEducation,
       {{"Bidang Pembinaan Sekolah Dasar", "Bid. SD"},
        {"Bidang Pembinaan Sekolah Menengah Pertama", "Bid. SMP"},
        {"Bidang PAUD dan Pendidikan Nonformal", "Bid. PAUD-PNF"}}},
      {"Dinas Kesehatan",
       "Dinkes",
       kRegionalAgency,
       2,
       kHealth,
       {{"Bidang Pelayanan Kesehatan", "Bid. Yankes"},
        {"Bidang Kesehatan Masyarakat", "Bid. Kesmas"},
        {"Bidang Pencegahan dan Pengendalian Penyakit", "Bid. P2P"}}},
      {"Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", kRegionalAgency, 2, kPublicWorks, {}},
      {"Dinas Perumahan dan Kawasan Permukiman", "Disperkim", kRegionalAgency, 2, kPublicWorks, {}},
      {"Satuan Polisi Pamong Praja", "Satpol PP", kRegionalAgency, 2, kPublicOrder, {}},
      {"Dinas Sosial", "Dinsos", kRegionalAgency, 2, kSocial, {}},
      {"Dinas Tenaga Kerja", "Disnaker", kRegionalAgency, 2, kLabour, {}},
      {"Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
       "Berencana",
       "DP3AP2KB",
       kRegionalAgency,
       2,
       kWomenAndChildren,
       {}},
      {"Dinas Lingkungan Hidup", "DLH", kRegionalAgency, 2, kEnvironment, {}},
      {"Dinas Kependudukan dan Pencatatan Sipil",
       "Disdukcapil",
       kRegionalAgency,
       2,
       kCivilRegistry,
       {{"Bidang Pelayanan Pendaftaran Penduduk", "Bid. Dafduk"},
        {"Bidang Pelayanan Pencatatan Sipil", "Bid. Capil"},
        {"Bidang Pengelolaan Informasi Administrasi Kependudukan", "Bid. PIAK"}}},
      {"Dinas Perhubungan", "Dishub", kRegionalAgency, 2, kTransport, {}},
      {"Dinas Komunikasi dan Informatika",
       "Diskominfo",
       kRegionalAgency,
       2,
       kInformatics,
       {{"Bidang Aplikasi Informatika", "Bid. Aptika"},
        {"Bidang Informasi dan Komunikasi Publik", "Bid. IKP"}}},
      {"Dinas Koperasi, Usaha Kecil dan Menengah",
       "Diskop UKM",
       kRegionalAgency,
       2,
       kSmallBusiness,
       {}},
      {"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
       "DPMPTSP",
       kRegionalAgency,
       2,
       kInvestment,
       {{"Bidang Pelayanan Perizinan", "Bid. Perizinan"},
        {"Bidang Promosi dan Pengendalian Penanaman Modal", "Bid. Promosi"}}},
      {"Dinas Kepemudaan, Olahraga dan Pariwisata",
       "Disporapar",
       kRegionalAgency,
       2,
       kTourismAndSport,
       {}},
      {"Dinas Perpustakaan dan Kearsipan", "Dispusip", kRegionalAgency, 2, kLibrary, {}},
      {"Dinas Ketahanan Pangan dan Pertanian", "DKPP", kRegionalAgency, 2, kAgriculture, {}},
      {"Dinas Perdagangan dan Perindustrian", "Disdagin", kRegionalAgency, 2, kTrade, {}},
      {"Rumah Sakit Umum Daerah Kota Lumbung Sejahtera", "RSUD", kRegionalAgency, 3, kHealth, {}},
      {"Kecamatan Lumbung Utara", "Kec. Lumbung Utara", kDistrict, 3, kLocalAdministration, {}},
      {"Kecamatan Lumbung Selatan", "Kec. Lumbung Selatan", kDistrict, 3, kLocalAdministration, {}},
      {"Kecamatan Padi Emas", "Kec. Padi Emas", kDistrict, 3, kLocalAdministration, {}},
      {"Kecamatan Sumber Makmur", "Kec. Sumber Makmur", kDistrict, 3, kLocalAdministration, {}},
      {"UPTD Puskesmas Lumbung Utara", "Puskesmas Lumbung Utara", kTechnicalUnit, 4, kHealth, {}},
      {"UPTD Puskesmas Sumber Makmur", "Puskesmas Sumber Makmur", kTechnicalUnit, 4, kHealth, {}},
      {"UPTD Laboratorium Kesehatan Daerah", "Labkesda", kTechnicalUnit, 4, kHealth, {}},
      {"UPTD Pengujian Kendaraan Bermotor", "UPTD PKB", kTechnicalUnit, 4, kTransport, {}},
      {"Perumda Air Minum Tirta Lumbung", "Perumda Tirta Lumbung", kRegionalCompany, 0, kWater, {}},
      {"PT Bank Perkreditan Rakyat Lumbung Sejahtera (Perseroda)",
       "BPR Lumbung Sejahtera",
       kRegionalCompany,
       0,
       kSmallBusiness,
       {}},
      {"Perumda Pasar Lumbung Raya", "Perumda Pasar", kRegionalCompany, 0, kTrade, {}},
      {"PT Trans Lumbung Sejahtera (Perseroda)",
       "Trans Lumbung",
       kRegionalCompany,
       0,
       kTransport,
       {}},
  };
}

std::vector<Method> MakeMethods() {
  using enum InnovationType;
  return {
      {"same-day",
       kProcess,
       {kDocument, kInternal},
       false,
       "{Service} Satu Hari Jadi",
       "Layanan {service} satu hari jadi",
       "Alur {service} disederhanakan: berkas diperiksa sekali di meja depan, persetujuan "
       "diberikan berjenjang pada hari yang sama, dan dokumen dapat diambil sebelum kantor "
       "tutup.",
       "Standar waktu layanan yang semula beberapa hari dipangkas menjadi satu hari tanpa "
       "menambah petugas.",
       "Standar operasional prosedur baru dan maklumat pelayanan satu hari jadi.",
       {"Memetakan alur layanan lama bersama petugas loket.",
        "Menghapus langkah yang tidak menambah nilai bagi pemohon.",
        "Menetapkan standar operasional prosedur yang baru.",
        "Menguji coba alur baru di satu loket selama satu bulan.",
        "Menerapkan alur baru di semua loket dan mengumumkan maklumat pelayanan."}},
      {"paperless",
       kProcess,
       {kDocument, kInternal},
       true,
       "{Service} Tanpa Berkas Fisik",
       "Layanan {service} tanpa kertas",
       "Pemohon mengunggah dokumen dari ponsel, petugas memeriksa berkas secara elektronik, dan "
       "dokumen hasil dikirim dengan tanda tangan elektronik.",
       "Untuk pertama kalinya {short} menerbitkan dokumen {service} dengan tanda tangan "
       "elektronik tersertifikasi, sehingga pemohon tidak perlu datang sama sekali.",
       "Formulir daring, dokumen bertanda tangan elektronik, dan arsip digital permohonan.",
       {"Mendaftarkan pejabat penanda tangan pada penyelenggara sertifikat elektronik.",
        "Menyusun formulir daring dan daftar dokumen yang boleh diunggah.",
        "Melatih petugas memverifikasi berkas elektronik.",
        "Menguji coba dengan pemohon dari satu kelurahan.",
        "Membuka layanan untuk seluruh warga dan menutup penerimaan berkas kertas."}},
      {"online-queue",
       kProcess,
       {kDocument},
       true,
       "Antre Daring {Service}",
       "Antrean daring layanan {service}",
       "Warga mengambil nomor antrean melalui situs web atau WhatsApp dan mendapat perkiraan jam "
       "dilayani, sehingga tidak perlu menunggu berjam-jam di ruang tunggu.",
       "Kuota harian dan perkiraan jam layanan diumumkan terbuka, sehingga calo antrean tidak "
       "lagi punya ruang.",
       "Sistem antrean daring dan papan informasi antrean di ruang pelayanan.",
       {"Menghitung kapasitas layanan per jam di setiap loket.",
        "Menyiapkan sistem antrean daring beserta kuota harian.",
        "Menyosialisasikan cara mengambil antrean melalui media sosial dan kelurahan.",
        "Menjalankan antrean daring berdampingan dengan antrean langsung selama uji coba.",
        "Mengevaluasi waktu tunggu setiap bulan dan menyesuaikan kuota."}},
      {"referral",
       kProcess,
       {kOutreach},
       false,
       "Alur Rujukan Cepat {Service}",
       "Alur rujukan cepat {service}",
       "Kader dan pengurus RT yang menemukan warga belum terlayani {service} mengisi satu "
       "lembar rujukan; petugas {short} wajib menghubungi warga itu dalam tiga hari kerja.",
       "Rujukan dari warga kini punya satu formulir, satu penerima, dan batas waktu yang "
       "dipantau.",
       "Formulir rujukan, daftar penerima rujukan, dan rekap waktu tindak lanjut.",
       {"Menyepakati siapa saja yang boleh merujuk dan siapa yang menerima rujukan.",
        "Menyusun formulir rujukan satu lembar.", "Melatih kader dan pengurus RT mengisi formulir.",
        "Menjalankan alur rujukan di dua kelurahan.",
        "Memantau waktu tindak lanjut setiap bulan."}},
      {"participatory-data",
       kProcess,
       {kCommunity, kOutreach},
       false,
       "Pendataan Partisipatif {Service}",
       "Pendataan partisipatif {service}",
       "Warga dan kader mendata sendiri sasaran dan kondisi {service} di lingkungannya dengan "
       "formulir sederhana; data itu diverifikasi petugas {short} dan dipakai untuk menentukan "
       "prioritas.",
       "Data sasaran dikumpulkan oleh warga yang paling mengenal lingkungannya, bukan hanya oleh "
       "petugas kantor.",
       "Data sasaran per RW yang diverifikasi dan diperbarui setiap semester.",
       {"Menyusun formulir pendataan yang mudah diisi warga.",
        "Melatih kader pendata di setiap RW.", "Mengumpulkan data dari seluruh RW.",
        "Memverifikasi data bersama lurah.",
        "Memakai data untuk menyusun prioritas kegiatan tahun berikutnya."}},
      {"response-time",
       kProcess,
       {kResponse},
       false,
       "Standar Waktu Tanggap {Service}",
       "Standar waktu tanggap {service}",
       "Setiap laporan {service} diberi nomor dan batas waktu tanggap; laporan yang melewati "
       "batas naik dengan sendirinya ke pimpinan {short}.",
       "Batas waktu tanggap diumumkan kepada pelapor, dan keterlambatan terlihat oleh "
       "pimpinan pada hari itu juga.",
       "Standar waktu tanggap yang diumumkan dan rekap laporan yang terlambat.",
       {"Mengelompokkan laporan menurut tingkat kedaruratan.",
        "Menetapkan batas waktu tanggap untuk setiap kelompok.",
        "Memberi nomor pada setiap laporan yang masuk.",
        "Meneruskan laporan yang terlambat kepada pimpinan.",
        "Mengumumkan capaian waktu tanggap setiap bulan."}},
      {"pick-up",
       kMethod,
       {kDocument, kOutreach},
       false,
       "Jemput Bola {Service} di {Place}",
       "Layanan jemput bola {service}",
       "Petugas {short} datang ke {place} sesuai jadwal yang diumumkan setiap awal bulan, "
       "menerima dan memeriksa berkas di tempat, lalu mengantarkan hasilnya kembali tanpa warga "
       "perlu datang ke kantor.",
       "Layanan yang semula hanya tersedia di kantor kini datang ke tempat warga beraktivitas.",
       "Jadwal layanan jemput bola bulanan dan rekap permohonan per lokasi.",
       {"Mendata lokasi dengan warga yang paling banyak belum terlayani.",
        "Menyusun jadwal kunjungan bersama camat dan lurah.",
        "Menyiapkan perlengkapan layanan yang mudah dibawa.",
        "Melayani warga di lokasi dan mencatat setiap permohonan.",
        "Mengantarkan dokumen hasil dan mengevaluasi jadwal setiap triwulan."}},
      {"mobile",
       kMethod,
       {kDocument, kOutreach},
       false,
       "Layanan Keliling {Service} bagi {Target}",
       "Mobil layanan keliling {service}",
       "Sebuah mobil layanan berisi perangkat dan petugas berkeliling ke kelurahan secara "
       "bergiliran, mengutamakan {target} yang sulit datang ke kantor.",
       "Satu kendaraan operasional yang ada dialihfungsikan menjadi kantor layanan berjalan.",
       "Mobil layanan keliling dan jadwal kunjungan per kelurahan.",
       {"Menyiapkan kendaraan dan perangkat layanan keliling.",
        "Menyusun rute kunjungan bergilir ke seluruh kelurahan.",
        "Mengumumkan jadwal melalui RT/RW dan media sosial.",
        "Melayani warga di setiap titik singgah.",
        "Menilai jumlah warga terlayani per kunjungan dan memperbaiki rute."}},
      {"door-to-door",
       kMethod,
       {kOutreach},
       false,
       "Pendampingan Rumah ke Rumah {Service} bagi {Target}",
       "Pendampingan rumah ke rumah {service}",
       "Petugas bersama kader kelurahan mengunjungi rumah {target} satu per satu, mencatat "
       "kebutuhan, dan mendampingi sampai layanan {service} benar-benar diterima.",
       "Petugas tidak menunggu permohonan, tetapi mencari warga yang belum terlayani.",
       "Daftar sasaran per kelurahan dan catatan kunjungan rumah.",
       {"Menyusun daftar sasaran dari data kelurahan.",
        "Membagi wilayah kunjungan di antara petugas dan kader.",
        "Mengunjungi rumah sasaran dan mencatat kebutuhannya.",
        "Mendampingi warga sampai layanan diterima.", "Memperbarui daftar sasaran setiap bulan."}},
      {"consultation",
       kMethod,
       {kDocument, kInternal, kCommunity},
       false,
       "Klinik Konsultasi {Service}",
       "Klinik konsultasi {service}",
       "Setiap Selasa dan Kamis, petugas {short} membuka sesi konsultasi tatap muka dan daring "
       "tentang {service}; {target} membawa masalahnya dan pulang dengan langkah yang jelas.",
       "Pendampingan diberikan sebelum masalah terjadi, bukan setelah berkas ditolak.",
       "Jadwal klinik konsultasi, catatan konsultasi, dan daftar pertanyaan yang sering "
       "diajukan.",
       {"Menghimpun masalah yang paling sering membuat berkas ditolak.",
        "Menunjuk petugas konsultan dan menyusun jadwal klinik.",
        "Membuka pendaftaran konsultasi tatap muka dan daring.",
        "Menyelenggarakan klinik dan mencatat setiap konsultasi.",
        "Menerbitkan daftar pertanyaan yang sering diajukan setiap triwulan."}},
      {"sweep",
       kMethod,
       {kResponse, kCommunity},
       false,
       "Susur Kampung {Service}",
       "Kegiatan susur kampung {service}",
       "Setiap pekan petugas {short} bersama pengurus RW menyusuri satu kampung untuk "
       "menemukan masalah {service} sebelum warga sempat melapor.",
       "Petugas mencari masalah secara terjadwal, tidak hanya menunggu laporan masuk.",
       "Jadwal susur kampung, peta temuan, dan daftar tindak lanjut.",
       {"Membagi kota menjadi rute susur kampung.", "Menyusun jadwal bersama pengurus RW.",
        "Menyusuri kampung dan memotret setiap temuan.",
        "Menindaklanjuti temuan sesuai tingkat kedaruratan.",
        "Mengumumkan temuan dan tindak lanjutnya kepada warga."}},
      {"pocket-book",
       kProduct,
       {kDocument, kOutreach, kCommunity, kInternal},
       false,
       "Buku Saku {Service} untuk {Target}",
       "Buku saku dan poster {service}",
       "Syarat, alur, biaya, dan waktu layanan {service} dirangkum dalam buku saku bergambar "
       "yang dibagikan kepada {target} dan dipasang sebagai poster di {place}.",
       "Informasi layanan ditulis ulang dengan bahasa sehari-hari dan gambar, diuji lebih dulu "
       "kepada warga.",
       "Buku saku cetak, poster, dan versi digitalnya.",
       {"Mengumpulkan pertanyaan yang paling sering diajukan warga.",
        "Menulis ulang informasi layanan dengan bahasa sehari-hari.",
        "Menguji rancangan buku saku kepada sekelompok warga.",
        "Mencetak dan membagikan buku saku serta memasang poster.",
        "Memperbarui isi setiap ada perubahan aturan."}},
      {"corner",
       kProduct,
       {kDocument},
       false,
       "Pojok Layanan {Service} di {Place}",
       "Pojok layanan {service}",
       "Sebuah pojok layanan kecil dengan satu petugas dan satu komputer dibuka di {place}, "
       "sehingga warga dapat mengurus {service} sambil beraktivitas sehari-hari.",
       "Layanan ditempatkan di lokasi yang memang didatangi warga, bukan di kantor dinas.",
       "Pojok layanan yang buka setiap hari kerja dan rekap layanannya.",
       {"Memilih lokasi yang paling ramai didatangi warga.",
        "Menyepakati tempat dan jam layanan dengan pengelola lokasi.",
        "Menyiapkan perangkat dan petugas.",
        "Membuka pojok layanan dan mencatat setiap permohonan.",
        "Mengevaluasi jumlah pengunjung setiap bulan."}},
      {"priority-desk",
       kProduct,
       {kDocument},
       false,
       "Loket Prioritas {Service} bagi {Target}",
       "Loket prioritas {service}",
       "Loket khusus dengan meja rendah, kursi roda, dan petugas yang menguasai bahasa isyarat "
       "dasar melayani {target} tanpa antre.",
       "Kelompok rentan mendapat jalur layanan sendiri, bukan sekadar kursi prioritas di ruang "
       "tunggu.",
       "Loket prioritas yang memenuhi standar aksesibilitas.",
       {"Menilai aksesibilitas ruang pelayanan bersama organisasi penyandang disabilitas.",
        "Menata ulang satu loket menjadi loket prioritas.", "Melatih petugas loket prioritas.",
        "Membuka loket prioritas dan memasang penanda arah.",
        "Mengukur kepuasan pengguna loket setiap semester."}},
      {"qr-report",
       kProduct,
       {kResponse},
       true,
       "Stiker Kode QR Lapor {Service} di {Place}",
       "Stiker kode QR pelaporan {service}",
       "Stiker berkode QR dipasang di {place}; warga memindainya untuk melaporkan masalah "
       "{service} lengkap dengan foto dan titik lokasi, lalu menerima nomor laporan.",
       "Setiap laporan datang dengan lokasi yang tepat, sehingga petugas tidak lagi mencari "
       "alamat.",
       "Stiker kode QR di titik rawan dan rekap laporan per lokasi.",
       {"Memetakan titik yang paling sering dilaporkan.", "Mencetak dan memasang stiker kode QR.",
        "Menghubungkan formulir laporan dengan petugas piket.",
        "Menguji alur laporan bersama pengurus RW.",
        "Mengganti stiker yang rusak dan memperluas titik pemasangan."}},
      {"movement",
       kConceptual,
       {kOutreach, kCommunity},
       false,
       "Gerakan {Target} Peduli {Service}",
       "Gerakan {target} peduli {service}",
       "Gerakan ini mengajak {target} menjadi penggerak di lingkungan masing-masing: mengenali "
       "warga yang belum terlayani {service}, lalu menghubungkannya dengan petugas {short}.",
       "Sasaran layanan diubah menjadi penggerak layanan itu sendiri.",
       "Deklarasi gerakan, jejaring penggerak per kelurahan, dan laporan bulanan penggerak.",
       {"Merumuskan tujuan gerakan bersama tokoh masyarakat.",
        "Merekrut penggerak dari setiap kelurahan.",
        "Membekali penggerak dengan materi dan alur rujukan.",
        "Mendeklarasikan gerakan di hadapan wali kota.",
        "Menghimpun laporan penggerak dan memberi penghargaan setiap tahun."}},
      {"pilot-village",
       kConceptual,
       {kOutreach, kCommunity},
       false,
       "Kelurahan Percontohan {Service}",
       "Kelurahan percontohan {service}",
       "Satu kelurahan dipilih setiap tahun sebagai percontohan: perangkat kelurahan, pengurus "
       "RT/RW, dan kader bersama-sama menuntaskan layanan {service}, lalu praktik baiknya "
       "ditularkan ke kelurahan lain.",
       "Perubahan dimulai dari satu kelurahan yang tuntas, bukan dari program yang tipis di "
       "semua tempat.",
       "Kelurahan percontohan dan panduan praktik baik untuk kelurahan lain.",
       {"Menetapkan kriteria kelurahan percontohan.",
        "Memilih kelurahan dan membentuk tim kelurahan.",
        "Menuntaskan sasaran layanan di kelurahan percontohan.",
        "Mendokumentasikan praktik baik dalam panduan.",
        "Menularkan praktik baik ke kelurahan berikutnya."}},
      {"neighbourhood",
       kConceptual,
       {kDocument, kOutreach, kResponse, kCommunity},
       false,
       "Layanan {Service} Berbasis RW",
       "Layanan {service} berbasis rukun warga",
       "Rukun warga dijadikan titik layanan pertama untuk {service}: pengurus RW menerima "
       "laporan, memeriksa kelengkapan, dan meneruskannya ke {short}.",
       "Pengurus RW yang paling dekat dengan warga menjadi bagian resmi dari alur layanan.",
       "Titik layanan di setiap RW dan buku panduan pengurus RW.",
       {"Menyusun peran pengurus RW dalam alur layanan.",
        "Melatih pengurus RW di setiap kelurahan.",
        "Menyediakan formulir dan alur rujukan ke kantor.",
        "Menjalankan layanan di RW percontohan.",
        "Memperluas ke seluruh RW dan memantau waktu rujukan."}},
      {"integrity-zone",
       kConceptual,
       {kDocument, kInternal},
       false,
       "Zona Integritas {Service}",
       "Zona integritas layanan {service}",
       "Layanan {service} dijadikan zona integritas: setiap tahap punya standar waktu dan biaya "
       "yang diumumkan, pemberian dalam bentuk apa pun ditolak, dan pengguna diminta menilai "
       "setiap layanan yang diterimanya.",
       "Integritas tidak hanya diikrarkan, tetapi diukur dari penilaian pengguna setiap bulan.",
       "Maklumat zona integritas, standar layanan, dan hasil penilaian pengguna.",
       {"Memetakan titik rawan penyimpangan dalam alur layanan.",
        "Menetapkan standar waktu dan biaya setiap tahap.",
        "Menandatangani maklumat zona integritas.",
        "Memasang sarana penilaian layanan oleh pengguna.",
        "Membahas hasil penilaian dalam rapat pimpinan setiap bulan."}},
      {"app",
       kTechnology,
       {kDocument, kOutreach, kResponse, kCommunity, kInternal},
       true,
       "Aplikasi {Service} Terpadu",
       "Aplikasi web dan Android {service}",
       "Aplikasi web dan Android menggabungkan pendaftaran, pelacakan status, dan pemberitahuan "
       "untuk layanan {service}; petugas memantau semua permohonan dari satu dasbor.",
       "Pengguna dapat melihat posisi urusannya kapan saja, dan pimpinan melihat beban kerja "
       "setiap petugas.",
       "Aplikasi web dan Android, dasbor pemantauan, dan panduan pengguna.",
       {"Menyusun kebutuhan aplikasi bersama petugas dan perwakilan pengguna.",
        "Membangun aplikasi bersama dinas komunikasi dan informatika.",
        "Menguji keamanan dan kemudahan penggunaan.", "Menguji coba aplikasi di satu kecamatan.",
        "Meluncurkan aplikasi untuk seluruh kota dan memantau penggunaannya."}},
      {"whatsapp",
       kTechnology,
       {kDocument, kOutreach, kResponse},
       true,
       "Layanan {Service} via WhatsApp bagi {Target}",
       "Layanan percakapan WhatsApp {service}",
       "Nomor WhatsApp resmi menjawab pertanyaan umum secara otomatis, menerima dokumen, dan "
       "meneruskan permohonan kepada petugas; {target} cukup memakai ponsel yang sudah mereka "
       "miliki.",
       "Layanan dibawa ke aplikasi percakapan yang sudah dipakai warga setiap hari, tanpa "
       "aplikasi baru yang harus diunduh.",
       "Nomor layanan WhatsApp resmi, jawaban otomatis, dan rekap percakapan.",
       {"Mendaftarkan nomor resmi dan menyusun jawaban untuk pertanyaan umum.",
        "Menetapkan petugas piket dan batas waktu menjawab.",
        "Menguji alur percakapan bersama warga.", "Mengumumkan nomor layanan di semua kanal resmi.",
        "Mengkaji rekap percakapan setiap bulan untuk memperbaiki layanan."}},
      {"map",
       kTechnology,
       {kOutreach, kResponse, kCommunity, kInternal},
       true,
       "Peta Digital {Service}",
       "Peta digital {service}",
       "Data layanan {service} dipetakan per kelurahan pada peta digital yang diperbarui setiap "
       "minggu, sehingga pimpinan dapat menentukan wilayah prioritas dan warga dapat melihat "
       "capaian di lingkungannya.",
       "Keputusan tentang lokasi layanan diambil dari data terbaru, bukan dari laporan akhir "
       "tahun.",
       "Peta digital terbuka dan data per kelurahan yang dapat diunduh.",
       {"Menyeragamkan format data layanan dari setiap kelurahan.",
        "Membangun peta digital bersama dinas komunikasi dan informatika.",
        "Melatih operator kelurahan memperbarui data.", "Menerbitkan peta untuk umum.",
        "Memakai peta dalam rapat evaluasi bulanan pimpinan."}},
      {"rapid-team",
       kOrganizationalStructure,
       {kDocument, kResponse, kInternal},
       false,
       "Tim Reaksi Cepat {Service}",
       "Tim reaksi cepat {service}",
       "Tim kecil lintas bidang dibentuk dengan keputusan pimpinan {short} dan bertugas "
       "menangani permohonan dan keluhan {service} paling lambat satu hari kerja.",
       "Penanganan yang semula menunggu disposisi berjenjang kini dipegang satu tim dengan "
       "kewenangan penuh.",
       "Keputusan pembentukan tim, jadwal piket, dan laporan penanganan.",
       {"Memetakan keluhan yang paling sering terlambat ditangani.",
        "Membentuk tim dengan keputusan pimpinan perangkat daerah.",
        "Menetapkan kewenangan dan batas waktu penanganan.",
        "Menjalankan piket tim dan mencatat setiap penanganan.",
        "Melaporkan kinerja tim kepada pimpinan setiap bulan."}},
      {"task-force",
       kOrganizationalStructure,
       {kOutreach, kResponse, kCommunity, kInternal},
       false,
       "Satuan Tugas Lintas Perangkat Daerah {Service}",
       "Satuan tugas lintas perangkat daerah {service}",
       "Satuan tugas beranggotakan perangkat daerah terkait, camat, dan lurah bertemu setiap "
       "bulan untuk menuntaskan kasus {service} yang tidak dapat diselesaikan oleh satu "
       "instansi.",
       "Kasus yang selama ini saling dilempar antarinstansi kini punya satu forum yang wajib "
       "menuntaskannya.",
       "Keputusan wali kota tentang satuan tugas dan notulen rapat bulanan.",
       {"Mengidentifikasi kasus yang melibatkan lebih dari satu instansi.",
        "Mengusulkan keputusan wali kota tentang satuan tugas.",
        "Menyelenggarakan rapat bulanan dengan daftar kasus.",
        "Menindaklanjuti keputusan rapat di setiap instansi.",
        "Melaporkan kasus yang tuntas kepada sekretaris daerah."}},
      {"one-unit",
       kOrganizationalStructure,
       {kDocument, kResponse},
       false,
       "Unit Layanan Terpadu {Service}",
       "Unit layanan terpadu {service}",
       "Layanan {service} yang semula tersebar di beberapa bidang digabungkan dalam satu unit "
       "dengan satu penanggung jawab dan satu standar pelayanan.",
       "Warga cukup berurusan dengan satu unit dan satu penanggung jawab.",
       "Unit layanan terpadu dengan standar pelayanan yang diumumkan.",
       {"Menginventarisasi layanan yang tersebar di beberapa bidang.",
        "Menyusun struktur dan tugas unit layanan terpadu.",
        "Memindahkan petugas dan arsip ke unit baru.",
        "Menetapkan dan mengumumkan standar pelayanan.",
        "Mengukur kepuasan pengguna setiap semester."}},
      {"campus",
       kRelationship,
       {kOutreach, kCommunity, kInternal},
       false,
       "Kemitraan Kampus untuk {Service}",
       "Program kemitraan kampus {service}",
       "{short} bekerja sama dengan perguruan tinggi: mahasiswa kuliah kerja nyata membantu "
       "pendataan dan sosialisasi {service}, sedangkan dosen mendampingi evaluasinya.",
       "Kebutuhan tenaga dan keahlian dipenuhi melalui kerja sama, bukan dengan menambah "
       "pegawai.",
       "Perjanjian kerja sama, laporan pendataan mahasiswa, dan kajian evaluasi dosen.",
       {"Menyusun kebutuhan kerja sama bersama perguruan tinggi.",
        "Menandatangani perjanjian kerja sama.", "Menempatkan mahasiswa di kelurahan sasaran.",
        "Menghimpun hasil pendataan dan sosialisasi.",
        "Membahas kajian evaluasi bersama dosen pendamping."}},
      {"business",
       kRelationship,
       {kOutreach, kCommunity},
       false,
       "{Service} Bersama Dunia Usaha",
       "Program kolaborasi dunia usaha {service}",
       "Perusahaan di {city} menyalurkan program tanggung jawab sosialnya untuk mendukung "
       "{service}, dengan sasaran dan lokasi yang ditetapkan bersama {short}.",
       "Program tanggung jawab sosial perusahaan diarahkan ke sasaran yang ditetapkan "
       "pemerintah daerah, tidak berjalan sendiri-sendiri.",
       "Kesepakatan dengan perusahaan mitra dan laporan penyaluran program.",
       {"Memetakan perusahaan yang memiliki program tanggung jawab sosial.",
        "Menawarkan sasaran dan lokasi prioritas kepada perusahaan.",
        "Menandatangani kesepakatan kerja sama.", "Melaksanakan program bersama di lokasi sasaran.",
        "Melaporkan hasil program kepada wali kota dan perusahaan mitra."}},
      {"forum",
       kRelationship,
       {kDocument, kOutreach, kResponse, kCommunity},
       false,
       "Forum Warga Peduli {Service}",
       "Forum warga peduli {service}",
       "Forum warga yang beranggotakan tokoh masyarakat, kader, dan perwakilan {target} bertemu "
       "setiap triwulan dengan {short} untuk menyampaikan masukan tentang layanan {service}.",
       "Warga ikut menilai dan memperbaiki layanan secara terjadwal, bukan hanya saat ada "
       "keluhan.",
       "Forum warga, notulen pertemuan triwulan, dan daftar tindak lanjut.",
       {"Mengundang tokoh masyarakat dan perwakilan sasaran.",
        "Menyepakati tata tertib dan jadwal forum.", "Menyelenggarakan pertemuan triwulan.",
        "Menindaklanjuti masukan forum dan melaporkannya kembali.",
        "Menilai perubahan layanan bersama forum setiap akhir tahun."}},
      {"cadre-school",
       kHumanResources,
       {kOutreach, kCommunity},
       false,
       "Sekolah Kader {Service}",
       "Kurikulum sekolah kader {service}",
       "Kader kelurahan mengikuti kelas berjenjang selama tiga bulan tentang {service}, lalu "
       "mendampingi warga di lingkungannya dengan supervisi petugas {short}.",
       "Kader dibekali kurikulum berjenjang dan sertifikat, bukan sekadar sosialisasi satu "
       "hari.",
       "Kurikulum, modul, dan kader bersertifikat di setiap kelurahan.",
       {"Menyusun kurikulum dan modul bersama tenaga ahli.",
        "Merekrut kader dari setiap kelurahan.",
        "Menyelenggarakan kelas berjenjang selama tiga bulan.",
        "Menilai dan memberi sertifikat kepada kader.",
        "Memantau pendampingan kader di lapangan."}},
      {"staff-training",
       kHumanResources,
       {kDocument},
       false,
       "Pelatihan Petugas {Service} Ramah {Target}",
       "Modul pelatihan petugas {service}",
       "Petugas layanan {service} dilatih berkomunikasi dengan {target}, termasuk bahasa "
       "isyarat dasar dan cara melayani warga lanjut usia, lalu dinilai melalui survei "
       "kepuasan.",
       "Mutu sikap petugas diukur dan dilatih secara terjadwal, bukan diserahkan pada "
       "kebiasaan masing-masing.",
       "Modul pelatihan, petugas terlatih, dan hasil survei kepuasan.",
       {"Mengkaji keluhan tentang sikap petugas.",
        "Menyusun modul pelatihan bersama organisasi masyarakat.",
        "Melatih seluruh petugas layanan secara bergiliran.",
        "Menyelenggarakan survei kepuasan setelah pelatihan.",
        "Mengulang pelatihan bagi petugas baru setiap tahun."}},
      {"mentoring",
       kHumanResources,
       {kDocument, kResponse, kInternal},
       false,
       "Mentoring Sebaya Petugas {Service}",
       "Program mentoring sebaya {service}",
       "Petugas senior mendampingi petugas baru selama enam bulan dengan daftar kompetensi yang "
       "jelas, sehingga mutu layanan {service} tidak bergantung pada segelintir orang.",
       "Pengetahuan petugas senior dicatat dan diwariskan sebelum mereka pindah tugas atau "
       "pensiun.",
       "Daftar kompetensi, pasangan mentor, dan catatan kemajuan petugas baru.",
       {"Menyusun daftar kompetensi petugas layanan.",
        "Memasangkan petugas senior dengan petugas baru.",
        "Menjalankan pendampingan selama enam bulan.",
        "Menilai kompetensi petugas baru di akhir pendampingan.",
        "Memperbarui daftar kompetensi dari masukan para mentor."}},
  };
}

// The streets the city's offices stand on.
const std::vector<std::string_view>& Streets() {
  static const std::vector<std::string_view> streets = {
      "Jl. Balai Kota", "Jl. Pahlawan",      "Jl. Veteran",       "Jl. Lumbung Raya",
      "Jl. Padi Emas",  "Jl. Sumber Makmur", "Jl. Merdeka Timur", "Jl. Cendana",
      "Jl. Raya Tirta", "Jl. Kenanga",       "Jl. Pemuda",        "Jl. Sudirman",
  };
  return streets;
}

// The short name in lower-case letters and digits only, for addresses on the net:
// "Satpol PP" becomes "satpolpp".
std::string Slug(std::string_view short_name) {
  std::string slug;
  for (char c : short_name) {
    if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug += c;
  }
  return slug;
}

}  // namespace

const std::vector<AgencySpec>& Agencies() {
  static const std::vector<AgencySpec> agencies = MakeAgencies();
  return agencies;
}

Contacts ContactsOf(std::size_t index) {
  const AgencySpec& agency = Agencies().at(index);
  const auto& villages = Villages();
  // A kecamatan's office stands in the kecamatan; the others spread over the city.
  const Village* village = &villages[index % villages.size()];
  for (const auto& candidate : villages) {
    if (agency.name.ends_with(candidate.district)) {
      village = &candidate;
      break;
    }
  }
  const auto& streets = Streets();
  const std::string slug = Slug(agency.short_name);
  Contacts contacts;
  contacts.address = std::string(streets[index % streets.size()]) + " No. " +
                     std::to_string(1 + (index * 7) % 60) + ", Kelurahan " +
                     std::string(village->name) + ", Kecamatan " + std::string(village->district) +
                     ", " + std::string(kCityName);
  contacts.phone = "(0999) 71" + std::to_string(1000 + 10 * index);
  contacts.email = slug + "@lumbungsejahtera.example";
  contacts.website = "https://" + slug + ".lumbungsejahtera.example";
  return contacts;
}

const Sector& SectorOf(SectorId id) {
  static const std::vector<Sector> sectors = MakeSectors();
  return sectors[static_cast<std::size_t>(id)];
}

const std::vector<Method>& Methods() {
  static const std::vector<Method> methods = MakeMethods();
  return methods;
}

const std::vector<Village>& Villages() {
  static const std::vector<Village> villages = {
      {"Sukamaju", "Lumbung Utara"},     {"Tegalsari", "Lumbung Utara"},
      {"Karangrejo", "Lumbung Selatan"}, {"Mekarsari", "Lumbung Selatan"},
      {"Sidomulyo", "Padi Emas"},        {"Bumi Asri", "Padi Emas"},
      {"Sumberjaya", "Sumber Makmur"},   {"Tanjung Harapan", "Sumber Makmur"},
  };
  return villages;
}

const std::vector<PartnerSpec>& Partners() {
  using enum PartnerKind;
  static const std::vector<PartnerSpec> partners = {
      {"Kementerian Dalam Negeri", kMinistryOrAgency},
      {"Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", kMinistryOrAgency},
      {"Lembaga Administrasi Negara", kMinistryOrAgency},
      {"Pemerintah Kabupaten Padi Emas Raya", kOtherRegion},
      {"Pemerintah Kota Tirta Makmur", kOtherRegion},
      {"Universitas Lumbung Sejahtera", kUniversity},
      {"Politeknik Padi Emas", kUniversity},
      {"Institut Teknologi Tirta Makmur", kUniversity},
      {"Yayasan Peduli Warga Lumbung", kNgo},
      {"Perkumpulan Disabilitas Mandiri Lumbung", kNgo},
      {"Forum Anak Kota Lumbung Sejahtera", kNgo},
      {"Program Kemitraan Tata Kelola Daerah", kDevelopmentPartner},
      {"Asosiasi Pengusaha Kota Lumbung Sejahtera", kBusiness},
      {"Koperasi Pedagang Pasar Lumbung Raya", kBusiness},
      {"PT Telekomunikasi Lumbung Nusantara", kBusiness},
      {"Tim Penggerak PKK Kota Lumbung Sejahtera", kOther},
      {"Karang Taruna Kota Lumbung Sejahtera", kOther},
  };
  return partners;
}

const std::vector<std::string_view>& GivenNames() {
  static const std::vector<std::string_view> names = {
      "Agus",  "Siti",  "Budi",  "Dewi",    "Rina", "Hendra",  "Wahyu",   "Nur",
      "Eko",   "Sri",   "Rudi",  "Fitri",   "Andi", "Yuliana", "Bambang", "Ratna",
      "Dimas", "Ayu",   "Teguh", "Lestari", "Made", "Putu",    "Yohanes", "Maria",
      "Fajar", "Indah", "Rizki", "Anisa",   "Joko", "Mega",
  };
  return names;
}

const std::vector<std::string_view>& FamilyNames() {
  static const std::vector<std::string_view> names = {
      "Santoso", "Rahmawati", "Saputra", "Wulandari",   "Hidayat", "Kusuma",   "Pratama",
      "Nugroho", "Susanti",   "Siregar", "Lubis",       "Wijaya",  "Hasibuan", "Setiawan",
      "Permata", "Harahap",   "Gunawan", "Simanjuntak", "Purnomo", "Maharani",
  };
  return names;
}

const std::vector<std::string_view>& Degrees() {
  static const std::vector<std::string_view> degrees = {
      "S.Kom.", "S.E.", "S.Sos.", "S.K.M.", "M.Si.", "S.H.", "S.T.", "S.Pd.", "M.A.P.",
  };
  return degrees;
}

const std::vector<std::string_view>& Issues() {
  static const std::vector<std::string_view> issues = {
      "peningkatan kualitas pelayanan publik",
      "percepatan transformasi digital pemerintahan",
      "penanggulangan kemiskinan",
      "kemudahan berusaha",
      "reformasi birokrasi tematik",
      "pemerataan layanan di wilayah pinggiran kota",
  };
  return issues;
}

const std::vector<std::string_view>& Drivers() {
  static const std::vector<std::string_view> drivers = {
      "Dukungan penuh wali kota dan sekretaris daerah melalui surat edaran.",
      "Petugas muda yang terbiasa dengan teknologi dan bersedia bekerja di luar jam kantor.",
      "Kader kelurahan yang sudah dikenal dan dipercaya warga.",
      "Jaringan internet yang tersedia di seluruh kantor kelurahan.",
      "Anggaran pendukung dari APBD perubahan.",
      "Pendampingan klinik inovasi daerah sejak tahap diagnosis.",
      "Antusiasme warga yang tinggi sejak sosialisasi pertama.",
      "Kerja sama yang baik dengan camat dan lurah.",
  };
  return drivers;
}

const std::vector<std::string_view>& Obstacles() {
  static const std::vector<std::string_view> obstacles = {
      "Sebagian warga belum memiliki ponsel pintar atau kuota internet.",
      "Jumlah petugas terbatas dibandingkan luas wilayah layanan.",
      "Pergantian pejabat membuat beberapa kesepakatan harus dibahas ulang.",
      "Data awal dari kelurahan belum seragam dan perlu dibersihkan.",
      "Jaringan internet di beberapa titik layanan belum stabil.",
      "Anggaran pemeliharaan belum dialokasikan secara rutin.",
      "Masih ada kebiasaan mengurus layanan melalui perantara.",
      "Jadwal layanan kadang bertabrakan dengan kegiatan rutin kantor.",
  };
  return obstacles;
}

const std::vector<std::string_view>& Prerequisites() {
  static const std::vector<std::string_view> prerequisites = {
      "Keputusan pimpinan perangkat daerah tentang tim pelaksana.",
      "Standar operasional prosedur yang telah diuji coba.",
      "Paling sedikit dua petugas terlatih untuk setiap titik layanan.",
      "Dukungan camat dan lurah untuk penjadwalan dan sosialisasi.",
      "Anggaran operasional untuk transportasi dan konsumsi petugas.",
      "Data sasaran yang telah diverifikasi bersama kelurahan.",
  };
  return prerequisites;
}

const std::vector<std::string_view>& DigitalPrerequisites() {
  static const std::vector<std::string_view> prerequisites = {
      "Akses internet yang stabil dan perangkat komputer di lokasi layanan.",
      "Server atau layanan komputasi awan yang dikelola dinas komunikasi dan informatika.",
      "Petugas yang mampu mengelola data dan menjaga kerahasiaan data pribadi.",
  };
  return prerequisites;
}

const std::vector<std::string_view>& RejectionReasons() {
  static const std::vector<std::string_view> reasons = {
      "Belum ada bukti bahwa inovasi sudah diterapkan; lampirkan laporan penerapan dan data "
      "capaiannya.",
      "Profil belum menjelaskan apa yang baru dibandingkan layanan sebelumnya; lengkapi bagian "
      "rancang bangun.",
      "Dasar hukum belum diunggah; lampirkan keputusan pimpinan perangkat daerah.",
      "Inovasi serupa sudah dilaporkan perangkat daerah lain; ajukan sebagai replikasi dan "
      "sebutkan inovasi asalnya.",
      "Data capaian tidak disertai sumbernya; cantumkan sumber data dan periode pengukurannya.",
      "Tautan video penerapan tidak dapat dibuka; perbarui tautannya.",
  };
  return reasons;
}

const std::vector<std::string_view>& GenericUnits(AgencyKind kind) {
  static const std::vector<std::string_view> agency = {"Sekretariat", "Bidang Pelayanan",
                                                       "Bidang Perencanaan dan Pengembangan"};
  static const std::vector<std::string_view> district = {"Seksi Pelayanan Umum",
                                                         "Seksi Pemberdayaan Masyarakat",
                                                         "Seksi Ketenteraman dan Ketertiban Umum"};
  static const std::vector<std::string_view> technical = {"Subbagian Tata Usaha", "Unit Pelayanan"};
  static const std::vector<std::string_view> company = {
      "Divisi Pelayanan Pelanggan", "Divisi Teknologi Informasi", "Divisi Pengembangan Usaha"};
  switch (kind) {
    case AgencyKind::kDistrict:
      return district;
    case AgencyKind::kTechnicalUnit:
      return technical;
    case AgencyKind::kRegionalCompany:
      return company;
    default:
      return agency;
  }
}

}  // namespace lumbung::demo
