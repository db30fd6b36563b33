# Lapor Kelompok — Bahasa Indonesia (bahasa utama).
# Satu bagian per fitur; setiap kunci diawali nama fiturnya.

## common — dipakai semua fitur
common-error = Maaf, ada gangguan di sistem kami, jadi pesan atau tombol terakhir Anda BELUM diproses. Yang sudah tersimpan sebelumnya tetap aman. Silakan coba lagi sebentar lagi.
common-stale-button = Tombol ini sudah tidak berlaku.
common-in-conversation = Anda masih di tengah percakapan. { $hint }
common-flow-left = Percakapan sebelumnya saya tinggalkan.
common-flow-unsaved = Jawaban Anda di sini belum disimpan. Tinggalkan percakapan ini untuk menjalankan { $command }?
common-flow-leave = Ya, tinggalkan
common-flow-stay = Tidak, lanjutkan
common-flow-left-retype = Baik, percakapan tadi saya tinggalkan. Silakan ketik { $command } lagi.
    Ketik /batal bila ingin berhenti.
common-cancel-hint = (Ketik /batal untuk berhenti.)
common-cancelled = Baik, dibatalkan. Tidak ada yang disimpan dari percakapan tadi.
common-nothing-to-cancel = Tidak ada yang sedang berjalan. Ketik /bantuan untuk melihat apa yang bisa dilakukan.
common-unknown-input = Maaf, saya tidak mengerti pesan itu. Ketik /bantuan untuk melihat perintah yang bisa dipakai.
common-not-joined = Halo! Untuk memakai bot ini, buka tautan undangan dari petugas CSR atau ketua kelompok Anda.
common-not-allowed = Maaf, perintah ini hanya untuk petugas.
common-yes = Ya
common-no = Tidak
common-back = Kembali
common-skip = Lewati

## cmd — deskripsi perintah di menu dan /bantuan
cmd-lapor = Laporkan hasil kegiatan minggu ini
cmd-riwayat = Lihat laporan sebelumnya
cmd-tautan = Buat tautan undangan kelompok
cmd-bahasa = Ganti bahasa
cmd-bantuan = Bantuan
cmd-batal = Batalkan percakapan yang sedang berjalan

## help
help-intro-guest = Bot ini dipakai kelompok penerima manfaat program TJSL untuk melaporkan hasil kegiatan. Untuk bergabung, buka tautan undangan dari petugas.
help-intro-member = Yang bisa Anda lakukan:
help-intro-coordinator = Sebagai ketua kelompok, Anda bisa:
help-intro-stakeholder = Anda terdaftar sebagai pemangku kepentingan. Undangan rapat akan dikirim lewat bot ini.
help-intro-staff = Sebagai petugas CSR, Anda bisa:
help-intro-admin = Sebagai admin, Anda bisa:

## language
language-choose = Pilih bahasa:
language-name-id = Bahasa Indonesia
language-name-en = English
language-changed = Bahasa diganti ke Bahasa Indonesia.
language-join-first = Bergabunglah dengan kelompok dulu lewat tautan undangan.

## unit — satuan indikator
unit-liter = liter
unit-kg = kg
unit-rupiah = rupiah
unit-buah = buah
unit-kali = kali
unit-orang = orang
unit-batang = batang
unit-butir = butir
unit-gram = gram
unit-ons = ons
unit-ton = ton
unit-kuintal = kuintal
unit-ml = ml

## report — /lapor (melapor hasil kegiatan mingguan) dan /riwayat
report-not-member = Perintah ini untuk anggota kelompok, dan Anda belum terdaftar di kelompok mana pun. Minta tautan undangan kepada ketua kelompok atau petugas CSR.
report-refused-not-member = Maaf, Anda sudah tidak terdaftar di kelompok itu, jadi belum bisa melapor di sana.
report-refused-other = Maaf, Anda tidak bisa melapor untuk anggota itu. Ketua hanya bisa melapor untuk anggota kelompoknya sendiri.
report-week-closed = Minggu itu sudah tidak bisa dilaporkan lagi. Ketik /lapor untuk memilih minggu yang masih terbuka.
report-no-indicators = Program kelompok ini belum punya daftar isian laporan. Silakan hubungi petugas CSR.
report-too-many-tries = Sepertinya ada yang sulit di sini. Percakapan ini saya hentikan dulu, belum ada yang disimpan. Ketik /lapor untuk mulai lagi.
report-choose-group = Laporan ini untuk kelompok yang mana?
report-choose-group-hint = Tekan tombol nama kelompok di atas.
report-choose-who = Anda ketua kelompok { $group }. Laporan ini untuk siapa?
report-who-self = Untuk saya sendiri
report-who-other = Untuk anggota lain
report-choose-who-hint = Tekan "Untuk saya sendiri" atau "Untuk anggota lain".
report-choose-member = Pilih anggota yang mau Anda laporkan (halaman { $page } dari { $pages }):
report-choose-member-none = Belum ada anggota lain di kelompok ini. Anda bisa menambahkan anggota yang tidak punya Telegram.
report-choose-member-hint = Tekan nama anggota, atau tombol tambah anggota.
report-member-add = ➕ Tambah anggota tanpa Telegram
report-member-no-telegram = { $name } (tanpa Telegram)
report-no-name = (tanpa nama)
report-page-prev = « Sebelumnya
report-page-next = Berikutnya »
report-ask-member-name = Tulis nama anggota yang tidak punya Telegram:
report-ask-member-name-hint = Tulis namanya saja, misalnya: Siti Aminah
report-member-name-invalid = Nama harus berisi huruf, panjangnya 2 sampai 80 huruf. Coba tulis lagi.
report-member-added = { $name } sudah ditambahkan sebagai anggota { $group }.
report-choose-week = Laporan ini untuk minggu yang mana?
report-week-this = Minggu ini ({ $range })
report-week-last = Minggu lalu ({ $range })
report-choose-week-hint = Tekan salah satu tombol minggu di atas.
report-existing-self = Anda sudah mengirim laporan untuk minggu { $week }:
report-existing-other = Laporan { $member } untuk minggu { $week } sudah ada:
report-existing-question = Mau diganti dengan laporan baru? Laporan lama tetap disimpan sebagai arsip.
report-replace = Ganti
report-cancel = Batal
report-existing-hint = Tekan "Ganti" untuk mengisi ulang, atau "Batal".
report-kept = Baik, laporan yang sudah ada tetap dipakai. Tidak ada yang diubah.
report-question = ({ $number }/{ $total }) { $label } — berapa { $unit }?
    Contoh: { $example }
report-question-optional = Kalau tidak ada, tekan Lewati.
report-question-required = Wajib diisi. Kalau tidak ada, tulis 0.
report-question-previous = Laporan sebelumnya: { $value }
report-skip = Lewati
report-answer-hint = Untuk { $label }: tulis jumlahnya dalam { $unit } dengan angka, misalnya { $example }.
report-required = Pertanyaan ini wajib dijawab, jadi tidak bisa dilewati. Kalau memang tidak ada, tulis 0.
report-invalid = Maaf, saya belum bisa membaca jawaban itu. Tulis jumlahnya dengan angka saja, misalnya { $example }.
report-ambiguous = Maksud Anda { $first } atau { $second }? Tekan salah satu, atau tulis lagi.
report-unit-mismatch = Untuk pertanyaan ini satuannya { $unit }, bukan { $written }. Tolong tulis jumlahnya dalam { $unit }, misalnya { $example }.
report-negative = Jumlahnya tidak boleh minus. Tolong tulis lagi, misalnya { $example }.
report-below-min = Jumlahnya paling sedikit { $min }. Tolong periksa lagi dan tulis ulang.
report-above-max = { $value } terlalu besar untuk satu minggu (paling banyak { $max }). Tolong periksa lagi dan tulis ulang.
report-too-many-decimals-whole = Untuk { $label } cukup angka bulat, tanpa koma. Pakai { $rounded }? Atau tulis lagi.
report-too-many-decimals = Untuk { $label } cukup { $decimals } angka di belakang koma. Pakai { $rounded }? Atau tulis lagi.
report-use-rounded = Pakai { $rounded }
report-unusual = { $value } jauh lebih besar dari biasanya (biasanya sekitar { $median }). Apakah angka ini benar?
report-unusual-keep = Ya, benar { $value }
report-retype-button = Tulis ulang
report-retype = Baik, silakan tulis lagi jumlahnya.
report-ask-photo = Ada foto kegiatan? Kirim fotonya di sini, atau tekan Lewati.
report-photo-hint = Kirim satu foto, atau tekan Lewati.
report-ask-note = Ada catatan untuk laporan ini? Tulis singkat saja (paling banyak { $max } huruf), atau tekan Lewati.
report-note-hint = Tulis catatannya, atau tekan Lewati.
report-note-too-long = Catatannya { $length } huruf, terlalu panjang. Paling banyak { $max } huruf — tolong dipersingkat.
report-summary-title = Periksa dulu laporannya:
report-summary-group = Kelompok: { $group }
report-summary-member = Anggota: { $member }
report-summary-week = Minggu: { $week }
report-summary-value = • { $label }: { $value }
report-summary-skipped = • { $label }: dilewati
report-summary-photo-yes = Foto: ada
report-summary-photo-no = Foto: tidak ada
report-summary-note = Catatan: { $note }
report-summary-no-note = Catatan: -
report-summary-question = Kalau sudah benar, tekan Simpan. Untuk memperbaiki, tekan Ubah.
report-save = Simpan
report-edit = Ubah
report-summary-hint = Tekan Simpan, Ubah, atau Batal di bawah ringkasan laporan.
report-edit-choose = Mana yang mau diubah?
report-edit-photo = Foto
report-edit-note = Catatan
report-edit-hint = Tekan tombol bagian yang mau diubah.
report-cancelled = Baik, laporan dibatalkan. Tidak ada yang disimpan.
report-save-failed = Maaf, laporan BELUM tersimpan karena ada gangguan di sistem kami. Jawaban Anda masih ada: tekan Simpan lagi sebentar lagi.
report-save-invalid = Maaf, laporan ini tidak bisa disimpan karena isiannya sudah tidak sesuai (mungkin daftar isian baru saja diubah). Ketik /lapor untuk mengisi ulang.
report-saved = Tersimpan! Terima kasih atas laporannya.
report-saved-replaced = Tersimpan! Laporan lama untuk minggu ini sudah diganti (yang lama tetap diarsipkan).
report-saved-for = Laporan untuk { $member } tersimpan. Terima kasih!
report-totals-week = Jumlah kelompok { $group } minggu { $week }:
report-totals-year = Jumlah kelompok { $group } sepanjang tahun { $year } sampai minggu itu:
report-history-title = Laporan terakhir Anda:
report-history-empty = Anda belum pernah mengirim laporan. Ketik /lapor untuk mulai.
report-history-item = { $week } — { $group }
report-history-by-coordinator = (dikirim oleh ketua)
report-history-for-member = (untuk { $member })
report-history-updated = (diperbarui)
report-status-title = Minggu ini ({ $week }) di kelompok { $group }:
report-status-reported = Sudah lapor ({ $count }): { $names }
report-status-not-reported = Belum lapor ({ $count }): { $names }
report-status-nobody = -

## report — angka kelompok (indikator yang dilaporkan sekali per kelompok) dan kendala mingguan
report-question-group = Ini angka seluruh kelompok untuk minggu ini, bukan angka pribadi.
report-existing-group = Angka kelompok { $group } untuk minggu { $week } sudah dilaporkan:
report-saved-group = Angka kelompok { $group } juga tersimpan.
report-saved-group-replaced = Angka kelompok { $group } sudah diganti (yang lama tetap diarsipkan).
report-ask-obstacle = Ada kendala minggu ini? Ceritakan singkat (paling banyak { $max } huruf), atau tekan Lewati.
report-obstacle-hint = Tulis kendalanya, atau tekan Lewati.
report-summary-obstacle = Kendala: { $obstacle }
report-summary-no-obstacle = Kendala: -
report-edit-obstacle = Kendala
report-total-not-reported = • { $label }: —, tidak diisi

## onboarding — bergabung lewat tautan undangan (/start) dan membuat tautan (/tautan)
onboarding-start-stranger =
    Halo! 👋 Bot ini dipakai kelompok penerima manfaat program TJSL untuk melaporkan hasil kegiatan dan menerima undangan rapat.

    Untuk bergabung, Anda perlu tautan undangan dari petugas CSR atau ketua kelompok Anda. Tekan tautan itu, lalu tekan MULAI.
onboarding-start-member =
    Halo lagi! 👋 Anda sudah terdaftar.
    Untuk melaporkan hasil kegiatan minggu ini, ketik /lapor.
    Ketik /bantuan untuk melihat semua yang bisa dilakukan.
onboarding-start-stakeholder =
    Halo lagi! 👋 Anda terdaftar sebagai pemangku kepentingan. Undangan rapat akan dikirim lewat bot ini.
    Ketik /bantuan bila perlu bantuan.
onboarding-start-staff =
    Halo! 👋 Anda terdaftar sebagai petugas.
    Ketik /tautan untuk membuat tautan undangan kelompok, atau /bantuan untuk perintah lainnya.

onboarding-code-malformed = Maaf, kode di tautan ini tidak lengkap atau salah. Coba tekan lagi tautan aslinya (jangan diketik ulang). Kalau masih gagal, mintalah tautan baru ke petugas CSR atau ketua kelompok Anda.
onboarding-code-unknown = Maaf, tautan undangan ini tidak kami kenali. Mungkin ada bagian yang terpotong saat disalin. Mintalah tautan baru ke petugas CSR atau ketua kelompok Anda.
onboarding-code-expired = Maaf, tautan undangan ini sudah kedaluwarsa (hanya berlaku sampai { $date }). Mintalah tautan baru ke petugas CSR atau ketua kelompok Anda.
onboarding-code-revoked = Maaf, tautan undangan ini sudah dicabut dan tidak bisa dipakai lagi. Mintalah tautan baru ke petugas CSR atau ketua kelompok Anda.
onboarding-code-used-up = Maaf, tautan undangan ini sudah penuh: sudah dipakai oleh jumlah orang yang ditentukan. Mintalah tautan baru ke petugas CSR atau ketua kelompok Anda.
onboarding-code-already-member =
    Anda sudah terdaftar di kelompok { $group }, jadi tidak perlu bergabung lagi. 😊
    Ketik /lapor untuk melaporkan hasil kegiatan, atau /bantuan untuk melihat perintah lain.
onboarding-code-already-stakeholder =
    Anda sudah terdaftar sebagai pemangku kepentingan, jadi tidak perlu bergabung lagi. 😊
    Undangan rapat akan dikirim lewat bot ini.

onboarding-join-greeting-group = Selamat datang! 👋 Tautan ini untuk bergabung dengan kelompok { $group } (program { $programme }) sebagai { $role }.
onboarding-join-greeting-stakeholder = Selamat datang! 👋 Tautan ini untuk mendaftar sebagai pemangku kepentingan, supaya Anda menerima undangan rapat (FGD) program TJSL.
onboarding-join-greeting-stakeholder-of = Selamat datang! 👋 Tautan ini untuk mendaftar sebagai pemangku kepentingan dari { $institution }, supaya Anda menerima undangan rapat (FGD) program TJSL.
onboarding-join-greeting-known = Anda sudah terdaftar di bot ini atas nama { $name }, jadi tinggal dikonfirmasi saja.

onboarding-consent =
    Sebelum lanjut, kami minta izin Anda untuk menyimpan data pribadi, sesuai Undang-Undang No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.

    Yang kami simpan:
    • nama Anda
    • nomor HP, kalau Anda mau membagikannya
    • nomor akun Telegram Anda, supaya bot bisa mengirim pesan
    { $kind ->
        [stakeholder] • lembaga Anda dan jawaban Anda atas undangan rapat
       *[member] • kelompok Anda, laporan hasil kegiatan yang Anda kirim, dan jawaban Anda atas undangan rapat
    }

    Untuk apa: supaya laporan dan kehadiran tercatat atas nama Anda, dan supaya petugas CSR bisa mengirim pengingat dan undangan. Data ini hanya dipakai untuk program ini dan tidak dibagikan ke pihak lain.

    Kapan saja Anda bisa melihat data Anda dengan /dataku dan menghapusnya dengan /hapusdata.

    Apakah Anda setuju?
onboarding-consent-agree = Setuju
onboarding-consent-decline = Tidak setuju
onboarding-consent-hint = Tekan «Setuju» atau «Tidak setuju» di bawah pesan tadi.
onboarding-consent-declined = Tidak apa-apa. Kami tidak menyimpan data apa pun tentang Anda. Kalau nanti berubah pikiran, tekan lagi tautan undangannya. Terima kasih! 🙏

onboarding-name-ask-with-telegram = Siapa nama Anda? Tekan tombol di bawah untuk memakai nama Telegram Anda, atau tulis nama lengkap Anda.
onboarding-name-ask = Siapa nama Anda? Tulis nama lengkap Anda.
onboarding-name-use-telegram = Pakai nama: { $name }
onboarding-name-hint = Tulis nama lengkap Anda (2 sampai 80 huruf).
onboarding-name-too-short = Nama itu terlalu pendek. Tulis nama lengkap Anda, paling sedikit 2 huruf.
onboarding-name-too-long = Nama itu terlalu panjang. Tulis nama Anda dengan paling banyak 80 huruf.
onboarding-name-no-letters = Nama harus berisi huruf. Tulis nama lengkap Anda.
onboarding-name-command = Nama tidak boleh diawali garis miring (/). Tulis nama lengkap Anda.
onboarding-too-many-tries = Sepertinya ada kesulitan. Tidak apa-apa: tidak ada yang disimpan. Silakan tekan lagi tautan undangannya nanti, atau minta bantuan petugas CSR.

onboarding-phone-ask = Boleh kami minta nomor HP Anda? Petugas memakainya hanya untuk menghubungi Anda soal kegiatan kelompok. Tekan tombol «📱 Bagikan nomor HP» di bawah. Kalau tidak mau, tekan «Lewati».
onboarding-phone-share = 📱 Bagikan nomor HP
onboarding-phone-skip = Lewati
onboarding-phone-hint = Tekan tombol «📱 Bagikan nomor HP» di bawah layar, atau «Lewati». (Nomor tidak perlu diketik.)
onboarding-phone-not-own = Itu nomor orang lain. Kami hanya menyimpan nomor Anda sendiri: tekan tombol «📱 Bagikan nomor HP», atau «Lewati».
onboarding-phone-thanks = Terima kasih.
onboarding-phone-skipped = Baik, tanpa nomor HP.

onboarding-institution-ask = Anda dari lembaga mana? Pilih di bawah.
onboarding-institution-hint = Pilih lembaga Anda dengan tombol di bawah pesan tadi.
onboarding-institution-none = Maaf, daftar lembaga belum tersedia. Mohon hubungi petugas CSR.

onboarding-summary-intro = Mohon periksa sekali lagi:
onboarding-summary-name = Nama: { $name }
onboarding-summary-phone = Nomor HP: { $phone }
onboarding-summary-phone-none = Nomor HP: tidak diisi
onboarding-summary-group = Kelompok: { $group } (program { $programme })
onboarding-summary-role = Sebagai: { $role }
onboarding-summary-stakeholder = Sebagai: pemangku kepentingan dari { $institution }
onboarding-summary-ask = Sudah benar? Tekan «Gabung» untuk bergabung.
onboarding-join-button = Gabung
onboarding-cancel-button = Batal
onboarding-summary-hint = Tekan «Gabung» atau «Batal» di bawah ringkasan tadi.
onboarding-join-cancelled = Baik, dibatalkan. Tidak ada data yang disimpan. Kalau berubah pikiran, tekan lagi tautan undangannya.
onboarding-join-failed = Maaf, pendaftaran Anda belum tersimpan.
onboarding-join-institution-gone = Lembaga yang dipilih sudah tidak ada di daftar. Silakan tekan lagi tautan undangannya untuk memilih ulang.
onboarding-join-consent-needed = Data Anda di bot ini baru saja berubah. Silakan tekan lagi tautan undangannya untuk mengulang pendaftaran.

onboarding-welcome-member =
    Selamat, Anda sudah bergabung dengan kelompok { $group }! 🎉

    Setiap minggu, laporkan hasil kegiatan kelompok dengan mengetik /lapor. Bot akan menanyakan angkanya satu per satu.
    Kalau bingung, ketik /bantuan.
onboarding-welcome-coordinator =
    Selamat, Anda sekarang terdaftar sebagai ketua kelompok { $group }! 🎉

    Ketik /lapor untuk melaporkan hasil kegiatan, juga atas nama anggota yang tidak memakai Telegram. Setiap Senin pagi Anda akan menerima ringkasan kelompok.
    Ketik /bantuan untuk melihat semua perintah.
onboarding-welcome-stakeholder =
    Terima kasih, Anda sudah terdaftar sebagai pemangku kepentingan dari { $institution }. 🎉

    Undangan rapat (FGD) akan dikirim lewat bot ini, dan Anda bisa menjawabnya dengan menekan tombol.
    Ketik /bantuan kapan saja bila perlu bantuan.

onboarding-role-member = anggota
onboarding-role-coordinator = ketua kelompok
onboarding-role-stakeholder = pemangku kepentingan
onboarding-datetime = { $date } pukul { $time }

onboarding-links-menu = Tautan undangan: apa yang ingin Anda lakukan?
onboarding-links-new = Buat tautan baru
onboarding-links-manage = Lihat & cabut tautan
onboarding-links-menu-hint = Pilih «Buat tautan baru» atau «Lihat & cabut tautan» dengan tombol di bawah.
onboarding-links-target-ask = Untuk kelompok mana? Atau untuk pemangku kepentingan?
onboarding-links-target-programme = Program { $programme }:
onboarding-links-target-group = • { $group } ({ $kelurahan })
onboarding-links-target-stakeholders = Pemangku kepentingan
onboarding-links-target-hint = Pilih kelompok, atau «Pemangku kepentingan», dengan tombol di bawah.
onboarding-links-no-groups = Belum ada kelompok atau lembaga yang aktif.
onboarding-links-role-ask = Tautan untuk kelompok { $group } ini untuk siapa?
onboarding-links-role-member = Anggota
onboarding-links-role-coordinator = Ketua kelompok
onboarding-links-role-hint = Pilih «Anggota» atau «Ketua kelompok» dengan tombol di bawah.
onboarding-links-institution-ask = Untuk pemangku kepentingan dari lembaga mana?
onboarding-links-institution-any = Lembaga mana saja (dipilih saat bergabung)
onboarding-links-institution-hint = Pilih lembaga dengan tombol di bawah.
onboarding-links-days-ask = Berapa lama tautan ini berlaku? Pilih di bawah, atau ketik jumlah harinya (1 sampai 365).
onboarding-links-days-button = { $days } hari
onboarding-links-days-hint = Pilih lama berlaku dengan tombol, atau ketik jumlah hari dari 1 sampai 365.
onboarding-links-uses-ask = Berapa orang yang boleh memakai tautan ini? Pilih di bawah, atau ketik angkanya (1 sampai 1000).
onboarding-links-uses-button = { $uses } orang
onboarding-links-uses-hint = Pilih jumlah orang dengan tombol, atau ketik angka dari 1 sampai 1000.
onboarding-links-created =
    Tautan undangan sudah jadi:
    { $link }

    Untuk: { $target }
    Berlaku sampai: { $expires }
    Bisa dipakai: { $uses } orang

    Kirimkan tautan ini lewat WhatsApp atau Telegram kepada orang yang diundang. Siapa pun yang memegang tautan ini bisa bergabung, jadi jangan dibagikan di tempat umum.
onboarding-links-for-group = kelompok { $group } (program { $programme }), sebagai { $role }
onboarding-links-for-stakeholder-of = pemangku kepentingan dari { $institution }
onboarding-links-for-stakeholder-any = pemangku kepentingan (lembaga dipilih sendiri saat bergabung)
onboarding-links-for-stakeholders = pemangku kepentingan
onboarding-links-list-header = Tautan yang masih aktif untuk { $target }:
onboarding-links-list-item =
    { $number }. { $role } · sudah dipakai { $uses } dari { $maxUses } · berlaku sampai { $expires }
    { $link }
onboarding-links-list-stakeholder-of = Pemangku kepentingan dari { $institution }
onboarding-links-list-stakeholder-any = Pemangku kepentingan (lembaga dipilih sendiri)
onboarding-links-list-more = (Yang ditampilkan hanya { $shown } tautan terbaru dari { $total }.)
onboarding-links-list-ask = Untuk mencabut tautan, tekan tombol «Cabut» dengan nomornya. Tautan yang dicabut tidak bisa dipakai lagi.
onboarding-links-list-empty = Tidak ada tautan aktif untuk { $target }. Ketik /tautan untuk membuat yang baru.
onboarding-links-revoke-button = Cabut no. { $number }
onboarding-links-done-button = Selesai
onboarding-links-revoke-hint = Tekan «Cabut» dengan nomor tautannya, atau «Selesai».
onboarding-links-revoked = Tautan no. { $number } sudah dicabut. Orang yang membukanya akan diberi tahu bahwa tautan itu tidak berlaku lagi.
onboarding-links-already-revoked = Tautan itu sudah dicabut sebelumnya.
onboarding-links-done = Baik, selesai.
onboarding-links-gone = Kelompok atau lembaga itu sudah tidak aktif. Ketik /tautan untuk memilih lagi.

## meeting-staff — /rapat (petugas: daftar rapat, jawaban undangan, jadwal, daftar hadir) dan /hadir (check-in)
cmd-rapat = Lihat rapat, jawaban undangan, dan daftar hadir
cmd-hadir = Catat kehadiran di rapat (check-in)
meeting-staff-not-found = Rapat itu tidak ditemukan.
meeting-staff-list-title = 📋 Daftar rapat
meeting-staff-list-upcoming = Akan datang dan sedang berlangsung:
meeting-staff-list-recent = Sudah lewat (30 hari terakhir):
meeting-staff-list-item = { $mark } { $when } — { $title } ({ $invited } diundang)
meeting-staff-list-choose = Tekan salah satu rapat di bawah untuk melihat jawaban undangan dan daftar hadirnya.
meeting-staff-list-empty = Belum ada rapat yang akan datang atau dalam 30 hari terakhir. Untuk membuat undangan rapat, ketik /undang.
meeting-staff-list-button = { $mark } { $when } · { $title }
meeting-staff-phase-mark-upcoming = 🗓
meeting-staff-phase-mark-open = 🟢
meeting-staff-phase-mark-past = ☑️
meeting-staff-phase-mark-cancelled = ❌
meeting-staff-view-title = 📋 { $title }
meeting-staff-view-when = 🗓 { $when }
meeting-staff-view-place = 📍 { $place }
meeting-staff-view-status = Status: { $status }
meeting-staff-status-upcoming = terjadwal
meeting-staff-status-open = check-in sedang dibuka (sampai pukul { $until })
meeting-staff-status-past = sudah selesai
meeting-staff-status-cancelled = DIBATALKAN
meeting-staff-view-code = 🔑 Kode check-in: { $code }
    Tunjukkan kode ini di ruangan. Peserta mengetik /hadir { $code } (check-in dibuka mulai { $opens }).
meeting-staff-view-answers = Jawaban dari { $total } orang yang diundang:
meeting-staff-view-yes = ✅ Hadir: { $count }
meeting-staff-view-no = ❌ Tidak hadir: { $count }
meeting-staff-view-maybe = 🤔 Mungkin: { $count }
meeting-staff-view-none = ⏳ Belum menjawab: { $count }
meeting-staff-view-checked-in = 🙋 Sudah check-in: { $count }
meeting-staff-view-by-unit = Per kelompok / lembaga:
meeting-staff-view-unit = • { $name }: { $total } diundang — { $yes } hadir, { $no } tidak hadir, { $maybe } mungkin, { $none } belum menjawab; { $checkedIn } sudah check-in
meeting-staff-view-unanswered = Belum menjawab ({ $count }): { $names }
meeting-staff-view-unreachable = { $name } (tidak bisa dihubungi)
meeting-staff-view-declined = Tidak hadir ({ $count }): { $names }
meeting-staff-view-declined-reason = { $name } — "{ $reason }"
meeting-staff-view-more = … dan { $count } orang lagi
meeting-staff-view-delivery = Pesan undangan: { $sent } terkirim, { $queued } menunggu giliran, { $failed } gagal, { $unreachable } tidak bisa dihubungi.
meeting-staff-btn-resend = 🔁 Kirim ulang ke yang belum menjawab
meeting-staff-btn-move = 🕑 Ubah jadwal
meeting-staff-btn-cancel = ✖️ Batalkan rapat
meeting-staff-btn-attendance = 📄 Daftar hadir
meeting-staff-btn-mark = ✍️ Tandai hadir
meeting-staff-btn-refresh = 🔄 Perbarui
meeting-staff-btn-list = « Daftar rapat
meeting-staff-btn-back-to-meeting = « Kembali ke rapat
meeting-staff-resend-ask = Kirim ulang undangan "{ $title }" ke { $count } orang yang belum menjawab?
meeting-staff-btn-resend-yes = Ya, kirim ulang
meeting-staff-resend-done = Undangan dikirim ulang ke { $count } orang. Pesannya masuk antrean dan akan terkirim dalam beberapa menit.
meeting-staff-resend-none = Tidak ada yang perlu dikirimi ulang: semua sudah menjawab, undangannya masih menunggu giliran kirim, atau orangnya tidak bisa dihubungi.
meeting-staff-resend-cancelled = Rapat ini sudah dibatalkan, jadi undangan tidak dikirim ulang.
meeting-staff-resend-started = Rapat ini sudah dimulai, jadi undangan tidak dikirim ulang.
meeting-staff-cancel-ask = Yakin membatalkan rapat ini?

    { $title }
    { $when }

    Semua { $count } orang yang diundang akan diberi tahu bahwa rapat dibatalkan, dan pengingatnya dihentikan. Ini tidak bisa diurungkan.
meeting-staff-btn-cancel-yes = Ya, batalkan rapat
meeting-staff-btn-cancel-no = Jangan, kembali
meeting-staff-cancel-done = Rapat sudah dibatalkan. Pemberitahuan sedang dikirim ke { $count } orang.
meeting-staff-cancel-already = Rapat ini sudah dibatalkan sebelumnya.
meeting-staff-move-ask = Rapat "{ $title }" sekarang dijadwalkan { $when }.

    Tulis tanggal dan jam yang baru, misalnya: 25/01/2027 09.00, besok 09:00, atau Selasa 26 Jan 14.00
meeting-staff-move-hint = Tulis tanggal dan jam yang baru, misalnya: besok 09.00 atau 25/01/2027 14.00.
meeting-staff-move-time-hint = Tulis jamnya, misalnya: 09.00 atau jam 2 siang.
meeting-staff-move-date-only = Jam berapa pada { $date }? Tulis jamnya, misalnya: 09.00 atau jam 2 siang.
meeting-staff-move-past = { $when } sudah lewat. Tolong tulis waktu yang akan datang.
meeting-staff-move-weekday = { $date } bukan hari { $written }. Tolong periksa lagi tanggal atau harinya, lalu tulis ulang.
meeting-staff-move-ambiguous = Maksud Anda yang mana? Tekan salah satu:
meeting-staff-move-ambiguous-hint = Tekan salah satu waktu di atas.
meeting-staff-move-invalid = Maaf, saya belum bisa membaca tanggal dan jam itu. Contoh: 25/01/2027 09.00, besok 09:00, atau lusa jam 2 siang.
meeting-staff-move-confirm = Jadwal baru: { $when }
    (sebelumnya { $old })

    Semua orang yang diundang akan diberi tahu, dan pengingatnya ikut dipindah. Lanjutkan?
meeting-staff-move-confirm-hint = Tekan "Ya, ubah jadwal", "Tulis ulang", atau "Batal".
meeting-staff-btn-move-yes = Ya, ubah jadwal
meeting-staff-btn-move-retype = Tulis ulang
meeting-staff-btn-move-no = Batal
meeting-staff-move-retype = Baik, silakan tulis lagi tanggal dan jam yang baru.
meeting-staff-move-kept = Baik, jadwal tidak diubah.
meeting-staff-move-done = Jadwal "{ $title }" sudah diubah ke { $when }. Pemberitahuan sedang dikirim ke { $count } orang.
meeting-staff-move-same = Itu sama dengan jadwal sekarang, jadi tidak ada yang diubah.
meeting-staff-move-cancelled = Rapat ini sudah dibatalkan, jadi jadwalnya tidak bisa diubah.
meeting-staff-move-too-many = Jadwal belum diubah. Tekan "Ubah jadwal" lagi kalau ingin mencoba lagi.
meeting-staff-picker = ✍️ Tandai hadir — { $title }
    Tekan nama orang yang hadir tetapi belum check-in sendiri (halaman { $page } dari { $pages }).
    Sudah hadir: { $checkedIn } · belum: { $notCheckedIn }
meeting-staff-picker-empty = Semua orang yang diundang ke "{ $title }" sudah tercatat hadir.
meeting-staff-page-prev = « Sebelumnya
meeting-staff-page-next = Berikutnya »
meeting-staff-mark-done = ✅ { $name } dicatat hadir.
meeting-staff-mark-already = { $name } sudah tercatat hadir (pukul { $time }).
meeting-staff-mark-not-yet = Check-in rapat ini baru dibuka { $opens }.
meeting-staff-mark-cancelled = Rapat ini sudah dibatalkan.
meeting-staff-mark-not-invited = Orang ini tidak ada di daftar undangan rapat ini.
meeting-staff-checkin-ok = ✅ Terima kasih! Kehadiran Anda di "{ $title }" sudah tercatat pukul { $time }. Selamat mengikuti rapat.
meeting-staff-checkin-already = Kehadiran Anda di "{ $title }" sudah tercatat sebelumnya (pukul { $time }). Tidak perlu check-in lagi.
meeting-staff-checkin-not-yet = Check-in untuk "{ $title }" belum dibuka. Check-in bisa dilakukan mulai { $opens }.
meeting-staff-checkin-closed = Check-in untuk "{ $title }" sudah ditutup. Kalau tadi Anda hadir, sampaikan kepada petugas supaya dicatat.
meeting-staff-checkin-cancelled = Rapat "{ $title }" sudah dibatalkan, jadi tidak ada check-in.
meeting-staff-checkin-not-invited = Maaf, nama Anda tidak ada di daftar undangan "{ $title }", jadi kehadiran tidak bisa dicatat lewat bot. Silakan lapor ke petugas di meja pendaftaran.
meeting-staff-checkin-wrong-code = Kode "{ $code }" tidak cocok dengan rapat mana pun. Periksa lagi kode yang ditunjukkan petugas di ruangan, lalu ketik /hadir diikuti kodenya, misalnya: /hadir K7Q2MX
meeting-staff-checkin-none-open = Saat ini tidak ada rapat yang sedang membuka check-in untuk Anda. Check-in dibuka { $minutes } menit sebelum rapat dimulai.

    Kalau Anda sudah di ruangan rapat, ketik /hadir diikuti kode yang ditunjukkan petugas, misalnya: /hadir K7Q2MX
meeting-staff-checkin-open-list = Rapat yang sedang membuka check-in:
meeting-staff-checkin-open-item = • { $title } — { $when }
meeting-staff-checkin-open-done =   ✅ kehadiran Anda sudah tercatat (pukul { $time })
meeting-staff-checkin-open-ask = Kalau Anda sudah di ruangan rapat, tekan "Saya hadir". Bisa juga ketik /hadir diikuti kode dari petugas.
meeting-staff-checkin-button = ✋ Saya hadir
meeting-staff-checkin-button-of = ✋ Saya hadir: { $title }
meeting-staff-att-preparing = Daftar hadir sedang disiapkan…
meeting-staff-att-sheet = Daftar hadir
meeting-staff-att-title = Daftar hadir: { $title }
meeting-staff-att-when = { $when } — { $place }
meeting-staff-att-made = Dibuat { $when }
meeting-staff-att-caption-xlsx = Daftar hadir "{ $title }" (Excel)
meeting-staff-att-caption-csv = Daftar hadir yang sama dalam CSV (UTF-8, pemisah titik koma)
meeting-staff-att-file = daftar-hadir
meeting-staff-recap-title = Rekap "{ $title }":
meeting-staff-recap-total = Diundang { $invited } · menjawab hadir { $yes } · datang { $attended }
meeting-staff-recap-line = • { $name }: diundang { $invited }, menjawab hadir { $yes }, datang { $attended }
meeting-staff-col-no = No
meeting-staff-col-name = Nama
meeting-staff-col-affiliation = Kelompok/Lembaga
meeting-staff-col-role = Peran
meeting-staff-col-answer = Jawaban
meeting-staff-col-reason = Alasan tidak hadir
meeting-staff-col-answered-at = Waktu jawaban
meeting-staff-col-present = Hadir
meeting-staff-col-checked-in-at = Waktu hadir
meeting-staff-col-method = Cara check-in
meeting-staff-role-member = Anggota
meeting-staff-role-coordinator = Ketua kelompok
meeting-staff-role-stakeholder = Pemangku kepentingan
meeting-staff-role-none = -
meeting-staff-answer-yes = Hadir
meeting-staff-answer-no = Tidak hadir
meeting-staff-answer-maybe = Mungkin
meeting-staff-answer-none = Belum menjawab
meeting-staff-present-yes = Ya
meeting-staff-present-no = Tidak
meeting-staff-method-code = Kode
meeting-staff-method-button = Tombol
meeting-staff-method-staff = Dicatat petugas
meeting-staff-name-none = (tanpa nama)
meeting-staff-name-erased = (data dihapus)
meeting-staff-affiliation-none = (tanpa kelompok)

## meeting — /undang (petugas membuat undangan rapat/FGD) dan jawaban undangan (Hadir / Tidak hadir / Mungkin)
cmd-undang = Undang kelompok dan pemangku kepentingan ke rapat
meeting-no-audience = Belum ada kelompok atau pemangku kepentingan yang aktif, jadi belum ada yang bisa diundang.
meeting-start = Baik, kita buat undangan rapat. Saya akan menanyakan beberapa hal satu per satu.
meeting-too-many-tries = Sepertinya ada yang sulit di sini. Percakapan ini saya hentikan dulu, belum ada undangan yang dikirim. Ketik /undang untuk mulai lagi.
meeting-too-long = Tulisannya { $length } huruf, terlalu panjang. Paling banyak { $max } huruf — tolong dipersingkat.
meeting-ask-title = Apa judul rapatnya? Misalnya: FGD Evaluasi Program TJSL { $year }
meeting-ask-title-hint = Tulis judul rapatnya, misalnya: FGD Evaluasi Program TJSL { $year }
meeting-ask-when =
    Kapan rapatnya? Tulis tanggal dan jamnya, misalnya:
    { $date }
    besok 09.00
    { $day }
    lusa jam 2 siang
meeting-ask-when-hint = Tulis tanggal dan jam rapat, misalnya: { $date } atau besok jam 9 pagi.
meeting-ask-when-again = Baik, silakan tulis lagi tanggal dan jam rapatnya, misalnya: { $date }
meeting-ask-time = Tanggalnya { $date }. Jam berapa rapatnya dimulai? Misalnya: 09.00 atau jam 2 siang
meeting-ask-time-hint = Tulis jam mulainya, misalnya: 09.00 atau jam 2 siang.
meeting-when-invalid = Maaf, saya belum bisa membaca tanggal dan jam itu. Coba tulis seperti ini: { $date }, besok 09.00, atau { $day }.
meeting-when-past = Waktu itu ({ $when }) sudah lewat. Tolong tulis tanggal dan jam yang akan datang.
meeting-when-weekday-mismatch = Tanggal itu jatuh pada { $date }, bukan hari { $written }. Tolong periksa lagi dan tulis ulang tanggal dan jamnya.
meeting-when-ambiguous = Maksudnya jam berapa? Tekan salah satu:
meeting-when-ambiguous-hint = Tekan salah satu pilihan jam di atas, atau "Tulis ulang".
meeting-when-confirm =
    Rapat pada:
    { $when }

    Sudah benar?
meeting-when-confirm-hint = Tekan "Ya, benar" atau "Tulis ulang".
meeting-time-ok = Ya, benar
meeting-time-retype = Tulis ulang
meeting-ask-place = Di mana tempatnya? Misalnya: Aula Kantor Kelurahan Margasari
meeting-ask-place-hint = Tulis tempat rapatnya, misalnya: Aula Kantor Kelurahan Margasari
meeting-ask-agenda = Apa agendanya? Boleh beberapa baris (paling banyak { $max } huruf). Kalau tidak perlu, tekan Lewati.
meeting-ask-agenda-hint = Tulis agendanya, atau tekan Lewati.
meeting-ask-audience =
    Siapa saja yang diundang? Tekan untuk memilih — boleh lebih dari satu. Tekan sekali lagi untuk membatalkan pilihan.
    Angka dalam kurung: jumlah orang yang bisa dihubungi lewat bot.
    Kalau sudah, tekan "Lanjut".
meeting-ask-audience-hint = Tekan tombol untuk memilih siapa yang diundang, lalu tekan "Lanjut".
meeting-audience-count = { $label } ({ $count })
meeting-audience-everyone = Semua orang
meeting-audience-programme = Program: { $name }
meeting-audience-stakeholders-all = Semua pemangku kepentingan
meeting-audience-stakeholders-choose = Pilih lembaga pemangku kepentingan…
meeting-audience-stakeholders-some = Lembaga dipilih: { $count } — ubah…
meeting-audience-done = Lanjut ➜ ({ $count } orang)
meeting-audience-empty = Belum ada yang dipilih. Tekan paling sedikit satu pilihan, lalu tekan "Lanjut".
meeting-audience-nobody = Pada pilihan ini belum ada orang yang bisa dihubungi lewat bot. Tambahkan pilihan lain, lalu tekan "Lanjut".
meeting-chosen = ✓ { $label }
meeting-preview-intro = Begini undangan yang akan diterima setiap orang:
meeting-preview-question =
    Undangan di atas akan dikirim ke { $count } orang:
    { $audience }

    Kirim sekarang?
meeting-preview-hint = Tekan "Kirim", "Ubah", atau "Batal".
meeting-preview-only = Ini hanya contoh. Tombol ini nanti dipakai para undangan untuk menjawab.
meeting-send = Kirim
meeting-edit = Ubah
meeting-cancel = Batal
meeting-edit-choose = Bagian mana yang mau diubah?
meeting-edit-hint = Tekan bagian yang mau diubah, atau "Kembali".
meeting-edit-title = Judul
meeting-edit-when = Tanggal & jam
meeting-edit-place = Tempat
meeting-edit-agenda = Agenda
meeting-edit-audience = Yang diundang
meeting-cancelled-draft = Baik, undangan dibatalkan. Tidak ada yang dikirim.
meeting-send-past = Waktu rapatnya sudah lewat selagi kita mengisi. Tolong tulis tanggal dan jam yang baru.
meeting-invalid = Maaf, ada isian yang tidak lengkap, jadi undangan belum dikirim. Ketik /undang untuk mulai lagi.
meeting-created =
    Undangan "{ $title }" sedang dikirim ke { $count } orang. Pengiriman ke banyak orang butuh beberapa saat.

    Kode hadir rapat ini: { $code }
    Tunjukkan kode ini di ruangan saat rapat; peserta mengetik /hadir { $code }.

    Lihat siapa yang sudah menjawab dengan /rapat.
meeting-created-not-queued =
    Rapat "{ $title }" sudah tersimpan dengan { $count } undangan, tetapi pengirimannya belum bisa dimulai karena gangguan sistem. Buka /rapat lalu tekan kirim ulang sebentar lagi.

    Kode hadir rapat ini: { $code }

## meeting — undangan yang diterima anggota dan pemangku kepentingan
meeting-head-invite = 📩 Undangan rapat
meeting-head-reminder-day = ⏰ Pengingat: besok ada rapat
meeting-head-reminder-2h = ⏰ Pengingat: rapat dimulai sekitar 2 jam lagi
meeting-head-rescheduled = 📅 Jadwal rapat berubah — mohon perhatikan waktu yang baru
meeting-invite-title = Acara: { $title }
meeting-invite-when = Waktu: { $when }
meeting-invite-place = Tempat: { $place }
meeting-invite-agenda =
    Agenda:
    { $agenda }
meeting-invite-question = Apakah Anda bisa hadir? Tekan salah satu tombol di bawah.
meeting-invite-your-answer = Jawaban Anda: { $answer }
meeting-invite-your-reason = Alasan: { $reason }
meeting-invite-can-change = Jawaban masih bisa diubah sampai rapat dimulai.
meeting-answer-yes = Hadir
meeting-answer-no = Tidak hadir
meeting-answer-maybe = Mungkin
meeting-reason-button = ✏️ Tulis alasan
meeting-rsvp-thanks-yes = Terima kasih! Tercatat: Hadir.
meeting-rsvp-thanks-no = Tercatat: Tidak hadir.
meeting-rsvp-thanks-maybe = Tercatat: Mungkin. Jawaban bisa diubah sampai rapat dimulai.
meeting-rsvp-cancelled = Rapat ini sudah dibatalkan, jadi tidak perlu dijawab lagi.
meeting-rsvp-started = Rapat ini sudah dimulai, jadi jawabannya tidak bisa diubah lagi.
meeting-reason-ask = Boleh tahu alasan Anda tidak bisa hadir? Tulis singkat saja (paling banyak { $max } huruf), atau tekan Lewati.
meeting-reason-hint = Tulis alasannya, atau tekan Lewati.
meeting-reason-saved = Terima kasih, alasan Anda sudah kami catat.
meeting-reason-none = Baik, tidak apa-apa. Jawaban "Tidak hadir" tetap tercatat.
meeting-reason-not-declined = Alasan hanya perlu ditulis kalau jawaban Anda "Tidak hadir".
meeting-reason-gave-up = Baik, alasannya tidak usah dulu. Jawaban "Tidak hadir" tetap tercatat.
meeting-cancelled-notice =
    ❌ Rapat dibatalkan

    Rapat "{ $title }" yang dijadwalkan { $when } di { $place } dibatalkan. Mohon maaf atas perubahan ini.

## achievement — /capaian (capaian kelompok dalam setahun)
cmd-capaian = Lihat capaian kelompok dalam setahun
achievement-title =
    🏆 Capaian tahun { $year }
    ({ $range })
achievement-title-so-far =
    🏆 Capaian tahun { $year } sejauh ini
    ({ $range })
achievement-programme = 📌 { $programme }
# { $achievements }: kalimat capaian per indikator dari data program, sudah digabung.
achievement-sentence = Kelompok { $group } { $achievements }.
achievement-none = Kelompok { $group }: belum ada laporan untuk tahun ini.
# Untuk indikator yang belum punya kalimat capaian sendiri (label huruf kecil + jumlah dan satuan).
achievement-fallback = { $label } sebanyak { $amount }
achievement-list-separator = {", "}
achievement-list-and = {" dan "}
achievement-footer = Angka di atas dihitung dari laporan mingguan yang tersimpan (untuk tahun sebelum ada laporan: angka setahun yang dimuat petugas). Untuk melihat tahun lain, ketik misalnya /capaian 2021
# Evaluasi per indikator di bawah kalimat capaian, bila ada target atau angka tahun lalu.
achievement-line = • { $label }: { $amount }
achievement-not-filled = —, tidak diisi
achievement-line-target = { $line } (target { $target })
achievement-line-percent = { $line } — { $percent }% dari target { $target }
achievement-line-last-year = { $line } · { $year } pada periode yang sama: { $amount }
achievement-line-last-year-whole = { $line } · setahun { $year }: { $amount }
achievement-bad-year = Maaf, tahunnya belum bisa saya baca. Tulis tahun dengan empat angka, antara { $min } dan { $max }, misalnya: /capaian 2021
achievement-no-groups = Anda belum terdaftar di kelompok mana pun, jadi belum ada capaian yang bisa ditampilkan.

## summary — ringkasan mingguan (Senin pagi) dan /ringkasan
cmd-ringkasan = Lihat ringkasan mingguan kelompok
summary-title = 📊 Ringkasan minggu { $range }
summary-title-programme =
    📊 Ringkasan minggu { $range }
    Program: { $programme }
summary-group = 👥 Kelompok { $group } ({ $kelurahan })
summary-reported = Sudah lapor: { $reported } dari { $active } anggota ({ $percent }%)
summary-no-members = Belum ada anggota yang terdaftar.
summary-not-reported = Belum lapor: { $names }
summary-all-reported = Semua anggota sudah lapor. Terima kasih! 👏
summary-names-more = { $names }, dan { $count } orang lagi
summary-no-name = (tanpa nama)
summary-indicator = • { $label }: { $amount } { $change }
summary-indicator-none = • { $label }: belum ada laporan
summary-year = { "   " }Sejak awal { $year }: { $amount }
summary-indicator-skipped = • { $label }: —, tidak diisi
summary-not-filled = —, tidak diisi
summary-year-target = { $text } (target { $target })
summary-year-percent = { $text } — { $percent }% dari target { $target }
summary-behind = { "   " }⚠️ Di bawah garis rencana: seharusnya sekitar { $line } saat ini
summary-last-year = { "   " }Periode yang sama { $year }: { $amount }
summary-last-year-whole = { "   " }Setahun penuh { $year }: { $amount }
summary-progress = 🎯 Kemajuan menuju target { $year }: { $percent }%
summary-progress-behind = 🎯 Kemajuan menuju target { $year }: { $percent }% — ⚠️ tertinggal dari rencana
summary-groups-behind = ⚠️ Tertinggal dari rencana { $year }: { $names }
summary-amount = { $number } { $unit }
summary-change-up = (naik { $diff }, +{ $percent }%)
summary-change-down = (turun { $diff }, −{ $percent }%)
summary-change-same = (sama dengan minggu lalu)
summary-change-new = (baru, minggu lalu belum ada)
summary-programme-totals = Jumlah dari { $groups } kelompok:
summary-more-groups = … dan { $count } kelompok lagi yang tidak muat di pesan ini. Ketik /ringkasan lalu pilih kelompoknya.
summary-meetings = 📅 Rapat dalam 14 hari ke depan:
summary-meeting = • { $title } — { $when }, di { $place }
summary-meeting-rsvp = { "   " }Hadir { $yes } · Mungkin { $maybe } · Tidak hadir { $no } · Belum menjawab { $unanswered }
summary-no-meetings = 📅 Tidak ada rapat dalam 14 hari ke depan.
summary-empty = Belum ada kelompok yang bisa diringkas.
summary-chart-title = { $name } — capaian { $year } sejauh ini
summary-chart-caption = 📈 Grafik capaian { $year } sejauh ini (garis putus-putus: rencana): { $name }
summary-chart-achieved = Capaian
summary-chart-plan = Rencana
summary-not-allowed = Ringkasan mingguan hanya untuk ketua kelompok dan petugas CSR.
summary-choose-programme = Ringkasan untuk program yang mana?
summary-all-programmes = Semua program
summary-choose-group = { $programme }: ringkasan seluruh program, atau satu kelompok saja?
summary-whole-programme = Seluruh program
summary-my-groups = Semua kelompok saya
summary-choose-my-group = Ringkasan untuk kelompok yang mana?
summary-choose-week = Ringkasan untuk minggu yang mana?
summary-week-this = Minggu ini ({ $range })
summary-week-last = Minggu lalu ({ $range })
summary-preparing = Sebentar, ringkasannya sedang saya siapkan…
summary-refused = Maaf, Anda tidak bisa melihat ringkasan itu.
summary-bad-choice = Pilihan itu sudah tidak berlaku. Ketik /ringkasan untuk memilih lagi.

## reminder — pengingat laporan mingguan (Jumat sore, Minggu sore), /berhenti dan /mulai
cmd-berhenti = Berhenti menerima pengingat laporan mingguan
cmd-mulai = Nyalakan lagi pengingat laporan mingguan
reminder-report-now = 📝 Lapor sekarang
reminder-first =
    { $named ->
        [yes] Halo, { $name }! 👋
       *[no] Halo! 👋
    }
    { $over ->
        [yes] Laporan Anda untuk kelompok { $group }, minggu { $week }, belum kami terima. Minggunya sudah lewat, tapi laporannya masih bisa dikirim.
       *[no] Laporan Anda untuk kelompok { $group } minggu ini ({ $week }) belum kami terima.
    }
    Yuk, lapor sekarang: tekan tombol di bawah, lalu jawab pertanyaannya satu per satu. Kalau memang tidak ada hasil, jawab saja 0 (nol) — itu juga laporan yang berguna.

    Tidak ingin diingatkan lagi? Kirim /berhenti.
reminder-second =
    { $named ->
        [yes] Halo lagi, { $name }! 🙏
       *[no] Halo lagi! 🙏
    }
    { $over ->
        [yes] Laporan Anda untuk kelompok { $group }, minggu { $week }, masih belum masuk. Minggunya sudah lewat, tapi laporannya masih bisa dikirim.
       *[no] Minggu ini ({ $week }) sudah hampir habis, dan laporan Anda untuk kelompok { $group } masih belum masuk.
    }
    Masih sempat! Tekan tombol di bawah untuk lapor sekarang. Kalau tidak ada hasil, jawab saja 0 (nol).

    Tidak ingin diingatkan lagi? Kirim /berhenti.
reminder-off =
    Baik, Anda tidak akan menerima pengingat laporan mingguan lagi. 🙏
    Anda tetap bisa lapor kapan saja dengan /lapor.
    Kalau berubah pikiran, kirim /mulai untuk menyalakan pengingat lagi.
reminder-off-already = Pengingat laporan mingguan untuk Anda memang sudah dimatikan. Kirim /mulai kalau ingin diingatkan lagi.
reminder-on =
    Siap! Pengingat laporan mingguan menyala lagi. 👍
    Kami akan mengingatkan Anda kalau laporan minggu ini belum masuk.
    Kirim /berhenti kalau ingin menghentikannya.
reminder-on-already = Pengingat laporan mingguan untuk Anda sudah menyala. Kirim /berhenti kalau ingin menghentikannya.

## Playground (halaman percobaan di peramban, tanpa Telegram) — label halaman saja

playground-title = Lapor Kelompok · Playground
playground-people = Orang
playground-choose-person = Pilih siapa Anda
playground-nobody = Pilih dulu siapa Anda dari daftar orang, lalu mulai mengobrol dengan bot.
playground-role-admin = Admin CSR
playground-role-staff = Petugas CSR
playground-role-coordinator = Ketua kelompok
playground-role-member = Anggota kelompok
playground-role-stakeholder = Pemangku kepentingan
playground-role-guest = Belum bergabung
playground-new-person = Orang baru
playground-new-person-hint = Orang baru bergabung lewat tautan undangan, sama seperti di Telegram.
playground-new-person-name = Nama
playground-new-person-link = Tautan undangan
playground-new-person-join = Buka tautan undangan
playground-link-member = anggota
playground-link-coordinator = ketua
playground-link-stakeholder = pemangku kepentingan
playground-link-open-as-new = Buka tautan ini sebagai orang baru?
playground-message-placeholder = Tulis pesan…
playground-send = Kirim
playground-menu = Menu
playground-no-commands = Belum ada perintah.
playground-attach = Kirim foto
playground-caption = Keterangan foto (boleh dikosongkan)
playground-download = Unduh
playground-typing = sedang mengetik…
playground-edited = diubah
playground-contact = Kontak
playground-operator = Operator
playground-clock = Jam bot
playground-clock-offset = maju { $days } hari { $hours } jam dari jam sebenarnya
playground-clock-hour = +1 jam
playground-clock-day = +1 hari
playground-clock-week = +1 minggu
playground-clock-note = Jam bot hanya bisa dimajukan. Pengingat rapat dan check-in mengikuti jam ini.
playground-jobs = Jalankan sekarang
playground-job-weekly-reminder = Pengingat laporan mingguan
playground-job-weekly-summary = Ringkasan mingguan
playground-job-unavailable = belum ada di versi bot ini
playground-job-started = Sudah dijalankan.
playground-reset = Atur ulang data demo
playground-reset-confirm = Semua obrolan dan perubahan akan hilang, lalu data demo dimuat ulang. Lanjutkan?
playground-reset-done = Data demo sudah dimuat ulang.
playground-language-switch = English
playground-close = Tutup
playground-offline = Sambungan terputus, mencoba lagi…
playground-failed = Gagal: { $error }
playground-empty-chat = Belum ada pesan dengan bot. Di Telegram, obrolan baru dimulai dengan tombol Mulai.
playground-start = Mulai

## announcement — /umumkan (petugas mengirim pengumuman ke program dan kelompok)
cmd-umumkan = Kirim pengumuman ke kelompok
announcement-start = Baik, kita buat pengumuman. (Ketik /batal kapan saja untuk berhenti.)
announcement-ask-text =
    Tulis isi pengumumannya.
    Kalau ada foto, kirim saja fotonya dengan isi pengumuman sebagai keterangan foto (paling banyak { $max } huruf).
announcement-ask-text-hint = Tulis isi pengumumannya, atau kirim foto dengan keterangan.
announcement-ask-text-for-photo = Fotonya sudah diterima. Sekarang tulis isi pengumumannya (paling banyak { $max } huruf).
announcement-photo-received = Fotonya sudah diterima. Sekarang tulis isi pengumumannya (paling banyak { $max } huruf, karena dipasang di bawah foto).
announcement-text-too-long = Teksnya terlalu panjang: { $length } huruf, padahal paling banyak { $max }. Tolong tulis lebih singkat.
announcement-ask-photo = Tambahkan foto? Kirim fotonya sekarang, atau tekan «Lewati».
announcement-ask-photo-hint = Kirim sebuah foto, atau tekan tombol di bawah pesan tadi.
announcement-ask-photo-edit = Kirim foto pengganti, atau tekan «Tanpa foto» untuk mengirim pengumuman tanpa foto.
announcement-photo-skip = Lewati
announcement-photo-remove = Tanpa foto
announcement-photo-text-too-long = Teks pengumuman ini lebih dari { $max } huruf, jadi tidak bisa dipasang di bawah foto. Kalau mau memakai foto, persingkat dulu teksnya (Ubah → Teks).
announcement-ask-text-again = Tulis isi pengumuman yang baru.
announcement-ask-text-again-photo = Tulis isi pengumuman yang baru (paling banyak { $max } huruf, karena dipasang di bawah foto).
announcement-ask-audience = Pengumuman ini untuk siapa? Tekan program atau kelompok (boleh lebih dari satu; tekan sekali lagi untuk membatalkan). Angka dalam kurung adalah jumlah anggota yang bisa dihubungi lewat bot. Setelah itu tekan «Lanjut».
announcement-ask-audience-hint = Pilih program atau kelompok dengan tombol di bawah pesan tadi, lalu tekan «Lanjut».
announcement-audience-programme = Program: { $name }
announcement-audience-group = Kelompok { $name }
announcement-audience-count = { $label } ({ $count })
announcement-chosen = ✓ { $label }
announcement-audience-done = Lanjut ➜ ({ $count } orang)
announcement-audience-empty = Belum ada yang dipilih. Tekan paling sedikit satu program atau kelompok, lalu tekan «Lanjut».
announcement-audience-nobody = Pada pilihan ini belum ada anggota yang bisa dihubungi lewat bot. Tambahkan pilihan lain, lalu tekan «Lanjut».
announcement-no-audience = Belum ada program atau kelompok yang aktif, jadi belum ada yang bisa diberi pengumuman.
announcement-message =
    📢 Pengumuman

    { $text }
announcement-preview-intro = Begini pengumuman yang akan diterima setiap orang:
announcement-preview-question =
    Pengumuman di atas akan dikirim ke { $count } orang: { $audience }.
    Kirim sekarang?
announcement-preview-hint = Tekan «Kirim», «Ubah», atau «Batal» di bawah pertanyaan tadi.
announcement-send = Kirim
announcement-edit = Ubah
announcement-cancel = Batal
announcement-edit-choose = Bagian mana yang mau diubah?
announcement-edit-hint = Tekan bagian yang mau diubah, atau «Kembali».
announcement-edit-text = Teks
announcement-edit-photo = Foto
announcement-edit-audience = Penerima
announcement-cancelled-draft = Baik, pengumuman dibatalkan. Tidak ada yang dikirim.
announcement-invalid = Maaf, pengumuman ini tidak bisa dikirim (isinya kosong atau terlalu panjang). Silakan mulai lagi dengan /umumkan.
announcement-too-many-tries = Sepertinya ada kesulitan, jadi pengumumannya belum dikirim. Silakan mulai lagi dengan /umumkan.
announcement-sent = Pengumuman sedang dikirim ke { $count } orang. Nanti saya kabari berapa yang sudah sampai.
announcement-delivery-report =
    Pengumuman terkirim ke { $delivered } dari { $total } orang ({ $unreachable } tidak bisa dihubungi).
    Pengumuman: «{ $excerpt }»
announcement-delivery-report-pending =
    Pengumuman terkirim ke { $delivered } dari { $total } orang ({ $unreachable } tidak bisa dihubungi, { $pending } masih belum terkirim setelah sehari).
    Pengumuman: «{ $excerpt }»

## privacy — /dataku (data yang tersimpan) dan /hapusdata (menghapus data dan menarik persetujuan)
cmd-dataku = Lihat data Anda yang tersimpan
cmd-hapusdata = Hapus data Anda dan tarik persetujuan (data langsung berhenti diproses)
privacy-no-data = Tidak ada data pribadi Anda yang tersimpan di bot ini. Untuk bergabung, buka tautan undangan dari petugas CSR atau ketua kelompok Anda.
privacy-data-title = 📋 Data Anda yang tersimpan di bot ini
privacy-data-profile = 👤 Profil
privacy-data-name = Nama: { $name }
privacy-data-phone = Nomor HP: { $phone }
privacy-data-username = Nama pengguna Telegram: { $username }
privacy-data-language = Bahasa: { $language }
privacy-data-status = Status: { $status }
privacy-data-since = Terdaftar sejak: { $date }
privacy-data-staff = Peran: { $role }
privacy-data-institution = Lembaga: { $institution }
privacy-data-not-given = tidak diisi
privacy-data-not-stored = tidak disimpan
privacy-status-active = aktif
privacy-status-left = sudah keluar
privacy-status-unreachable = pesan dari bot tidak sampai (mungkin bot diblokir)
privacy-status-erased = sudah dihapus
privacy-staff-staff = petugas CSR
privacy-staff-admin = admin
privacy-role-member = anggota
privacy-role-coordinator = ketua
privacy-data-groups = 👥 Kelompok
privacy-data-groups-none = Anda tidak terdaftar di kelompok mana pun.
privacy-data-group = • { $group } (program { $programme }): { $role }, sejak { $since }
privacy-data-group-left = • { $group } (program { $programme }): { $role }, { $since } sampai { $until } (sudah keluar)
privacy-data-consent = ✅ Persetujuan penyimpanan data
privacy-data-consent-given = Anda menyetujuinya pada { $when } (naskah persetujuan versi { $version }).
privacy-data-consent-none = Belum tercatat.
privacy-data-reports = 📝 Laporan
privacy-data-reports-none = Belum ada laporan atas nama Anda.
privacy-data-reports-count = { $count } laporan mingguan tersimpan atas nama Anda. Yang terakhir untuk minggu { $week }.
privacy-data-reports-for-others = Anda juga mengirim { $count } laporan atas nama anggota lain.
privacy-data-invitations = 📩 Undangan rapat
privacy-data-invitations-none = Belum ada undangan rapat untuk Anda.
privacy-data-invitations-count = { $count } undangan. Jawaban Anda: { $yes } Hadir, { $no } Tidak hadir, { $maybe } Mungkin, { $unanswered } belum dijawab.
privacy-data-reminders-on = 🔔 Pengingat laporan mingguan: menyala. (Ketik /berhenti untuk mematikannya.)
privacy-data-reminders-off = 🔕 Pengingat laporan mingguan: dimatikan. (Ketik /mulai untuk menyalakannya lagi.)
privacy-data-footer = Data ini hanya dipakai untuk program ini. Untuk menghapus data pribadi Anda dan menarik persetujuan, ketik /hapusdata. Begitu Anda menekan «Ya, hapus data saya», data Anda langsung tidak diproses lagi.
privacy-erase-confirm =
    Anda yakin ingin menghapus data pribadi Anda? Ini juga berarti Anda menarik persetujuan penyimpanan data, dan data Anda langsung tidak diproses lagi.

    Yang dihapus saat itu juga:
    • nama, nomor HP, dan nama pengguna Telegram Anda
    • hubungan akun Telegram Anda dengan bot ini (bot tidak mengenal Anda lagi)
    • catatan dan foto pada laporan Anda, dan alasan tidak hadir rapat yang pernah Anda tulis
    • keanggotaan Anda di kelompok (Anda keluar dari kelompok)
    • pesan dari bot yang belum terkirim kepada Anda (pengingat, undangan, pengumuman)

    Yang tetap disimpan, tanpa nama:
    • angka laporan yang sudah dikirim, supaya jumlah kelompok tetap benar
    • jawaban undangan rapat dan catatan kehadiran
    • catatan bahwa data Anda dihapus, dan kapan

    Penghapusan ini tidak bisa dibatalkan. Kalau nanti ingin bergabung lagi, minta tautan undangan baru kepada petugas.
privacy-erase-yes = Ya, hapus data saya
privacy-erase-no = Tidak, batalkan
privacy-erase-kept = Baik, tidak ada yang dihapus. Data Anda tetap tersimpan.
privacy-erase-expired = Konfirmasi ini sudah kedaluwarsa, jadi tidak ada yang dihapus. Kalau masih ingin menghapus data Anda, ketik /hapusdata lagi.
privacy-erased =
    Data pribadi Anda sudah dihapus dan persetujuan Anda sudah ditarik. Bot tidak akan mengirim pesan lagi kepada Anda.
    Angka laporan yang pernah dikirim tetap tersimpan tanpa nama.
    Terima kasih sudah ikut dalam program ini. 🙏 Kalau ingin bergabung lagi, minta tautan undangan baru kepada petugas CSR.

## export — /ekspor (laporan sebagai file XLSX dan CSV)
cmd-ekspor = Unduh laporan kelompok sebagai file Excel/CSV
export-not-allowed = Maaf, ekspor laporan hanya untuk petugas dan ketua kelompok (untuk kelompoknya sendiri).
export-not-found = Maaf, kelompok atau program itu tidak ditemukan lagi. Silakan mulai lagi dengan /ekspor.
export-ask-period = Laporan untuk periode kapan yang ingin diunduh?
export-period-this-year = Tahun ini ({ $year })
export-period-last-year = Tahun lalu ({ $year })
export-period-last-4-weeks = 4 minggu terakhir
export-period-other-year = Pilih tahun…
export-period-hint = Tekan salah satu tombol periode di atas.
export-ask-year = Tulis tahunnya dengan empat angka, misalnya 2021 (antara { $min } dan { $max }).
export-year-hint = Tulis tahun dengan empat angka antara { $min } dan { $max }, misalnya 2021.
export-gave-up = Sepertinya tahunnya belum pas. Kita berhenti dulu; ketik /ekspor untuk mencoba lagi.
export-ask-scope = Laporan kelompok mana yang ingin diunduh?
export-scope-all-button = Semua program dan kelompok
export-scope-whole-programme = Seluruh program ini
export-ask-group = Program { $programme }: seluruh program, atau satu kelompok saja?
export-scope-my-groups = Semua kelompok saya
export-scope-hint = Tekan salah satu tombol di atas untuk memilih kelompok atau program.
export-ask-format = Dalam bentuk file apa?
export-format-xlsx = Excel (XLSX)
export-format-csv = CSV
export-format-both = Keduanya
export-format-hint = Tekan Excel (XLSX), CSV, atau Keduanya.
export-preparing = Baik, file laporannya sedang disiapkan. Kalau datanya banyak, mungkin perlu beberapa menit; filenya akan saya kirim ke sini begitu siap.
export-empty = Belum ada laporan untuk { $scope } pada minggu { $period }, jadi tidak ada file yang dikirim.
export-caption-xlsx = Laporan { $scope }, minggu { $period }: { $rows } laporan.
export-caption-csv = Laporan { $scope } — program { $programme }, minggu { $period }: { $rows } laporan, dalam CSV.
export-caption-xlsx-programme = Laporan { $scope } — program { $programme }, minggu { $period }: { $rows } laporan.
export-too-large = Sebagian file terlalu besar untuk dikirim lewat Telegram (lebih dari 50 MB), jadi tidak ikut terkirim. Coba ekspor lagi dengan periode yang lebih pendek atau satu program/kelompok saja.
export-failed = Maaf, file laporannya gagal disiapkan karena ada gangguan di sistem kami. Silakan coba lagi nanti dengan /ekspor.
export-scope = { $kind ->
    [group] kelompok { $name }
    [programme] program { $name }
    [mine] kelompok Anda
   *[all] semua kelompok
}
# Bagian nama file (huruf kecil, tanpa spasi).
export-file-prefix = laporan
export-file-all = semua
export-file-mine = kelompok-saya
# Judul kolom di file.
export-col-week = Minggu
export-col-week-key = Kode minggu
export-col-group = Kelompok
export-col-kelurahan = Kelurahan
export-col-member = Anggota
export-col-reported-by = Dilaporkan oleh
export-col-reported-at = Waktu lapor
export-col-note = Catatan
export-col-total = Jumlah
export-erased-person = (dihapus)
export-group-report = (laporan kelompok)

## console: the staff console (web) and /konsol
cmd-konsol = Buka konsol web (tautan sekali pakai)
console-bot-link = Tautan konsol Anda (berlaku { $minutes } menit, hanya sekali pakai, jangan dibagikan):
    { $url }
console-bot-not-allowed = Konsol web hanya untuk petugas CSR dan koordinator kelompok.
console-bot-off = Konsol web belum diaktifkan di server ini (CONSOLE_URL belum diisi). Hubungi pengelola bot.
console-link-invalid-title = Tautan tidak berlaku
console-link-invalid-body = Tautan ini sudah dipakai, sudah kedaluwarsa, atau tidak dikenal. Kirim /konsol ke bot untuk tautan baru.
console-signed-out-title = Silakan masuk
console-signed-out-body = Sesi Anda sudah berakhir atau Anda tidak lagi punya akses. Kirim /konsol ke bot untuk tautan masuk baru.
console-bye-title = Anda sudah keluar
console-bye-body = Sampai jumpa. Kirim /konsol ke bot kapan saja untuk masuk lagi.
console-csrf-title = Formulir kedaluwarsa
console-csrf-body = Formulir ini tidak bisa diproses (token keamanan tidak cocok). Muat ulang halaman lalu coba lagi.
console-rate-title = Terlalu banyak percobaan
console-rate-body = Tunggu sebentar, lalu coba lagi.
console-error-title = Ada gangguan
console-error-body = Maaf, halaman ini gagal dimuat. Coba lagi sebentar lagi.
console-refused-title = Tidak bisa dibuka
console-refused-body = Halaman ini tidak ada atau bukan untuk akun Anda.
console-nav-home = Beranda
console-nav-reports = Laporan
console-nav-meetings = Rapat
console-nav-settings = Pengaturan
console-nav-audit = Riwayat perubahan
console-switch-en = English
console-switch-id = Bahasa Indonesia
console-sign-out = Keluar
console-home-title = Beranda
console-filter-programme = Program
console-filter-group = Kelompok
console-filter-member = Anggota
console-filter-year = Tahun
console-filter-from = Dari minggu
console-filter-to = Sampai minggu
console-filter-all = Semua
console-filter-apply = Tampilkan
console-completeness = Kelengkapan laporan (12 minggu terakhir)
console-completeness-cell = { $reported } dari { $members } anggota melapor
console-upcoming = Rapat mendatang
console-upcoming-none = Belum ada rapat terjadwal.
console-rsvp-counts = hadir { $yes } · tidak { $no } · mungkin { $maybe } · belum menjawab { $none }
console-obstacles = Kendala terbaru
console-obstacles-none = Belum ada kendala yang dilaporkan.
console-reports-title = Laporan
console-reports-count = { $total } laporan · halaman { $page } dari { $pages }
console-download-xlsx = Unduh XLSX
console-download-csv = Unduh CSV
console-csv-one-programme = File CSV berisi satu program. Pilih satu program atau kelompok dulu, lalu unduh lagi.
console-col-week = Minggu
console-col-group = Kelompok
console-col-member = Anggota
console-col-values = Isi laporan
console-col-submitted = Dikirim
console-col-versions = Versi
console-col-role = Peran
console-col-status = Status
console-col-last-report = Laporan terakhir
console-col-reachable = Bisa dihubungi
console-col-when = Waktu
console-col-title = Judul
console-col-place = Tempat
console-col-invited = Diundang
console-col-group-or-institution = Kelompok / lembaga
console-col-who = Oleh
console-col-what = Perubahan
console-col-before = Sebelum
console-col-after = Sesudah
console-submitted-by = dikirim oleh { $name }
console-prev = Sebelumnya
console-next = Berikutnya
console-erased = (data dihapus)
console-note = Catatan
console-obstacle = Kendala
console-versions-title = Versi laporan
console-version = Versi { $version }
console-current = berlaku
console-members = Anggota
console-inactive = nonaktif
console-no-telegram = tanpa Telegram
console-role-member = Anggota
console-role-coordinator = Koordinator
console-role-stakeholder = Pemangku kepentingan
console-status-active = aktif
console-status-left = keluar
console-status-unreachable = tidak terjangkau
console-status-erased = dihapus
console-links = Tautan undangan
console-links-none = Tidak ada tautan undangan yang masih berlaku.
console-links-manage = Kelola tautan undangan
console-links-print = Cetak lembar kode QR (A4)
console-link-valid-until = berlaku sampai { $date }
console-link-uses = dipakai { $uses } dari { $max }
console-link-days = Berlaku (hari)
console-link-max-uses = Batas pemakaian
console-link-create = Buat tautan
console-link-revoke = Cabut
console-link-valid = Berlaku sampai
console-link-used = Dipakai
console-link-not-allowed = Anda tidak boleh membuat tautan.
console-link-unknown-group = Kelompok itu tidak ada atau sudah nonaktif.
console-link-unknown-stakeholder = Lembaga itu tidak ada atau sudah nonaktif.
console-link-invalid-days = Masa berlaku harus di antara { $min } dan { $max } hari.
console-link-invalid-uses = Batas pemakaian harus di antara { $min } dan { $max }.
console-any-stakeholder = Pemangku kepentingan (semua lembaga)
console-qr-title = Kode QR untuk bergabung
console-qr-hint = Cetak halaman ini (Ctrl+P). Setiap kode membuka bot dengan tautan undangan kelompoknya.
console-meetings-title = Rapat
console-meeting-scheduled = terjadwal
console-meeting-cancelled = dibatalkan
console-tally = Jawaban undangan
console-answer-yes = Hadir
console-answer-no = Tidak hadir
console-answer-maybe = Mungkin
console-answer-none = Belum menjawab
console-reasons = Alasan tidak hadir
console-attendance = Daftar hadir ({ $count } orang)
console-input = Masukan sebelum rapat
console-input-achievements = Capaian
console-input-obstacles = Kendala
console-input-proposals = Usulan tahun depan
console-input-stakeholder_input = Masukan pemangku kepentingan
console-notes = Notulen
console-notes-none = Notulen belum dicatat.
console-other = Lainnya
console-settings-title = Pengaturan
console-settings-indicators = Indikator
console-settings-targets = Target tahunan
console-settings-links = Tautan undangan
console-settings-baselines = Angka tahun-tahun sebelumnya
console-targets-no-programme = Belum ada program aktif.
console-targets-kind = Jenis
console-targets-kind-target = Target
console-targets-kind-baseline = Angka tahun sebelumnya (baseline)
console-targets-saved = Tersimpan: { $changed } angka berubah.
console-targets-errors = Belum disimpan — perbaiki dulu sel berikut (tidak ada yang diubah):
console-targets-paste = Atau tempel blok dari Excel (baris = kelompok, kolom = indikator, urutan seperti tabel):
console-targets-paste-hint = salin sel dari Excel lalu tempel di sini
console-targets-save = Simpan
console-targets-unreadable = { $group } — { $indicator }: "{ $value }" tidak terbaca sebagai angka.
console-targets-ambiguous = { $group } — { $indicator }: "{ $value }" bisa berarti { $first } atau { $second }; tulis dengan jelas.
console-targets-negative = { $group } — { $indicator }: "{ $value }" tidak boleh negatif.
console-targets-too-many-decimals = { $group } — { $indicator }: "{ $value }" paling banyak { $decimals } angka di belakang koma.

## target — /target (petugas: target tahunan per kelompok dan indikator, data tahun sebelumnya, templat XLSX)

cmd-target = Atur target tahunan dan data tahun sebelumnya
target-ask-action = Mau mengatur apa?
target-action-one = Isi satu target
target-action-template = Templat target (XLSX)
target-action-baseline = Templat data tahun sebelumnya (XLSX)
target-action-hint = Pilih salah satu tombol di atas.
target-ask-programme = Pilih program:
target-ask-group = Pilih kelompok di { $programme }:
target-ask-indicator = Pilih indikator untuk { $group }:
target-pick-hint = Pilih dengan tombol di atas.
target-ask-year = Untuk tahun berapa? Pilih atau ketik tahunnya.
target-year-hint = Ketik tahun antara { $min } dan { $max }, misalnya 2026.
target-ask-value = Berapa target { $indicator } untuk { $group } tahun { $year }? Tulis angkanya dalam { $unit }.
target-current = Target sekarang: { $value } { $unit }.
target-value-hint = Tulis angkanya saja, misalnya 1.250 atau 789,5.
target-value-ambiguous = "{ $text }" bisa berarti { $first } atau { $second }. Tulis lagi dengan jelas.
target-value-negative = Target tidak boleh negatif. Tulis lagi angkanya.
target-value-decimals = Indikator ini paling banyak { $decimals } angka di belakang koma. Tulis lagi angkanya.
target-saved = Tersimpan: target { $indicator } { $group } tahun { $year } = { $value } { $unit }.
target-unchanged = Target itu memang sudah { $value } { $unit }; tidak ada yang berubah.
target-gave-up = Belum ada yang tersimpan. Ketik /target untuk mencoba lagi.
target-not-found = Program, kelompok atau indikator itu tidak ada (lagi).
target-template-caption = Templat target { $programme } tahun { $year }. Isi kolom Target yang berwarna kuning, lalu kirim file ini kembali ke saya.
target-baseline-caption = Templat data { $programme } tahun { $year }. Isi total setahun di kolom kuning, lalu kirim file ini kembali ke saya.
target-file-target = target
target-file-baseline = data-awal
target-file-title = Target { $programme } tahun { $year }
target-file-hint = Isi kolom Target (kuning). Jangan ubah kode di kolom A dan C. Angka boleh ditulis 1.250 atau 789,5; sel kosong tidak diubah.
target-file-baseline-title = Data { $programme } tahun { $year } (sebelum bot dipakai)
target-file-baseline-hint = Isi total setahun (kuning). Jangan ubah kode di kolom A dan C. Angka boleh ditulis 1.250 atau 789,5; sel kosong tidak diubah.
target-col-group-code = Kode kelompok
target-col-group = Kelompok
target-col-indicator-code = Kode indikator
target-col-indicator = Indikator
target-col-unit = Satuan
target-col-last-year = Realisasi { $year }
target-col-this-year = { $year } sejauh ini
target-col-target = Target { $year }
target-col-baseline = Total { $year }
target-kind-target = Target
target-kind-baseline = Data tahun sebelumnya
target-import-not-template = File ini bukan templat dari bot. Ambil templatnya lewat /target, isi, lalu kirim kembali.
target-import-unknown-programme = Program di file ini tidak saya kenal. Ambil templat baru lewat /target.
target-import-bad-year = Tahun di file ini di luar jangkauan. Ambil templat baru lewat /target.
target-import-errors = Ada { $count } kesalahan di file ini, jadi belum ada yang saya simpan:
    { $errors }
    Perbaiki, lalu kirim lagi filenya.
target-import-error-line = • Baris { $row }, kolom { $column }: { $problem }
target-import-more = … dan { $count } kesalahan lain.
target-issue-unknown-group = kode kelompok "{ $text }" tidak dikenal di program ini
target-issue-unknown-indicator = kode indikator "{ $text }" tidak dikenal di program ini
target-issue-unreadable = "{ $text }" tidak terbaca sebagai angka
target-issue-ambiguous = "{ $text }" bisa berarti dua angka; tulis 1.250 atau 1,25
target-issue-negative = "{ $text }" negatif
target-issue-too-many-decimals = "{ $text }" punya terlalu banyak angka di belakang koma
target-issue-duplicate = kelompok dan indikator ini ({ $text }) muncul dua kali
target-import-nothing = Tidak ada yang berubah: semua angka di file sama dengan yang tersimpan.
target-import-preview = { $what } { $programme } tahun { $year }: { $count } angka akan berubah.
    { $changes }
    Simpan perubahan ini?
target-import-change-line = • { $group } — { $indicator }: { $before } → { $after } { $unit }
target-import-more-changes = … dan { $count } perubahan lain.
target-none = (kosong)
target-import-button-ok = Simpan
target-import-button-cancel = Batal
target-import-done = Tersimpan: { $count } angka.
target-import-cancelled = Dibatalkan; tidak ada yang disimpan.
target-import-expired = Pratinjau ini sudah tidak berlaku. Kirim filenya sekali lagi.
target-import-download-failed = File itu tidak bisa saya ambil. Coba kirim lagi.
console-year-note = Tahun { $year }: minggu dihitung pada tahun tempat hari Kamisnya jatuh (minggu yang melewati tahun baru masuk ke tahun yang memiliki sebagian besar harinya).
console-no-target = belum ada target
console-last-year = Periode sama tahun lalu
console-behind = di bawah garis pro-rata
console-from-baseline = angka tahunan (baseline)
console-group-year = Capaian tahun { $year }
console-group-weeks = Angka mingguan kelompok (12 minggu terakhir)
console-group-targets = Target

## Laporan: jumlah dan rupiah dengan koma (issue 8)
report-not-whole = Untuk { $label } hanya angka bulat, tanpa koma. Berapa angka tepatnya? Silakan tulis lagi, misalnya { $example }.
onboarding-links-qr-caption = Kode QR tautan ini ({ $target }): pindai dengan kamera HP untuk bergabung.
console-trend = Tren { $weeks } minggu terakhir

## meeting-fgd — masukan sebelum FGD, bahan FGD untuk petugas, dan notulen

meeting-fgd-btn-ask = 💬 Minta masukan
meeting-fgd-btn-brief = 📊 Bahan FGD
meeting-fgd-btn-notes = 📝 Notulen
meeting-fgd-asked = Permintaan masukan dikirim ke { $count } undangan.
meeting-fgd-closed = Rapat ini sudah dimulai atau dibatalkan; masukan tidak bisa diminta lagi.
meeting-fgd-request-group = Untuk rapat "{ $title }" ({ $when }), kami ingin mendengar dari kelompok Anda: capaian yang ingin ditonjolkan, kendala yang dihadapi, dan usulan untuk tahun depan. Tekan tombol di bawah untuk menjawab (bisa diubah sampai rapat dimulai).
meeting-fgd-request-stakeholder = Untuk rapat "{ $title }" ({ $when }), kami mengharapkan masukan Bapak/Ibu untuk program ini. Tekan tombol di bawah untuk menulisnya (bisa diubah sampai rapat dimulai).
meeting-fgd-give-button = ✍️ Beri masukan
meeting-fgd-input-intro = Masukan untuk rapat "{ $title }". Tulis jawaban Anda, atau tekan Lewati.
meeting-fgd-q-achievements = 1. Capaian apa yang ingin kelompok Anda tonjolkan tahun ini?
meeting-fgd-q-obstacles = 2. Kendala apa yang dihadapi kelompok Anda?
meeting-fgd-q-proposals = 3. Apa usulan kelompok Anda untuk tahun depan?
meeting-fgd-q-stakeholder_input = Apa masukan Bapak/Ibu untuk program ini?
meeting-fgd-input-before = Jawaban Anda sebelumnya: { $text }
meeting-fgd-input-skip = Lewati
meeting-fgd-input-keep = Tetap seperti sebelumnya
meeting-fgd-input-hint = Tulis jawaban Anda dalam satu pesan, atau tekan tombol di atas.
meeting-fgd-input-thanks = Terima kasih, masukan Anda tersimpan. Anda bisa mengubahnya lewat tombol yang sama sampai rapat dimulai.
meeting-fgd-input-nothing = Baik, tidak ada yang diubah.
meeting-fgd-input-closed = Rapat ini sudah dimulai atau dibatalkan, jadi masukan tidak bisa diisi lagi.
meeting-fgd-input-not-invited = Anda tidak diundang ke rapat ini.
meeting-fgd-topic-achievements = Capaian
meeting-fgd-topic-obstacles = Kendala
meeting-fgd-topic-proposals = Usulan
meeting-fgd-topic-stakeholder_input = Masukan
meeting-fgd-brief-preparing = Bahan FGD sedang disiapkan…
meeting-fgd-brief-caption = Bahan FGD: { $title } ({ $when })
meeting-fgd-brief-title = { $group } — bahan untuk { $title }
meeting-fgd-brief-col-indicator = Indikator
meeting-fgd-brief-col-unit = Satuan
meeting-fgd-brief-col-year = { $year } sejauh ini
meeting-fgd-brief-col-target = Target
meeting-fgd-brief-col-percent = % target
meeting-fgd-brief-col-last-year = Periode sama { $year }
meeting-fgd-brief-completeness = Minggu melapor / minggu seharusnya
meeting-fgd-brief-completeness-of = { $reported } dari { $expected } minggu
meeting-fgd-brief-obstacles = Kendala yang dilaporkan sejak { $since }
meeting-fgd-brief-start-of-year = awal { $year }
meeting-fgd-brief-inputs = Masukan untuk rapat ini
meeting-fgd-brief-none = (belum ada)
meeting-fgd-brief-stakeholders-sheet = Pemangku kepentingan
meeting-fgd-brief-stakeholders-title = Masukan pemangku kepentingan — { $title }
meeting-fgd-brief-col-institution = Lembaga
meeting-fgd-brief-col-name = Nama
meeting-fgd-brief-col-input = Masukan
meeting-fgd-notes-ask = Tulis notulen rapat (keputusan dan tindak lanjut) dalam satu pesan. Target baru bisa diatur dengan /target.
meeting-fgd-notes-hint = Tulis notulen dalam satu pesan, atau /batal untuk keluar.
meeting-fgd-notes-not-yet = Notulen baru bisa dicatat setelah rapat dimulai.
meeting-fgd-notes-saved = Notulen tersimpan. Kirim ke peserta yang hadir sekarang?
meeting-fgd-notes-send = Kirim ke peserta
meeting-fgd-notes-later = Nanti saja
meeting-fgd-notes-send-hint = Pilih Kirim ke peserta atau Nanti saja.
meeting-fgd-notes-kept = Baik, notulen disimpan dan belum dikirim.
meeting-fgd-notes-sent = Notulen dikirim ke { $count } peserta.
meeting-fgd-notes-gave-up = Notulen belum tersimpan. Buka /rapat untuk mencoba lagi.
meeting-fgd-notes-message = Notulen rapat "{ $title }" ({ $when }):

    { $notes }
console-settings-programmes = Program, kelompok, indikator dan lembaga
console-groups = Kelompok
console-kelurahan = Kelurahan
console-group-name = Nama kelompok
console-group-add = Tambah kelompok
console-rename = Ganti nama
console-deactivate = Nonaktifkan
console-reactivate = Aktifkan lagi
console-save = Simpan
console-stakeholders = Pemangku kepentingan
console-ind-label-id = Label (Indonesia)
console-ind-label-en = Label (Inggris)
console-ind-min = Min
console-ind-max = Maks
console-ind-order = Urutan
console-ind-required = Wajib
console-ind-reported-by = Dilaporkan oleh
console-ind-aggregation = Dijumlah sebagai
console-ind-help = Min dan maks: batas wajar satu laporan dalam satu minggu (tulis tanpa titik ribuan). "Dilaporkan oleh kelompok": satu angka per kelompok per minggu. "Terakhir": jumlah orang/stok — angka setahun adalah angka terakhir, bukan jumlah semua minggu.
console-reporter-member = setiap anggota
console-reporter-group = kelompok
console-aggregation-sum = jumlah
console-aggregation-latest = angka terakhir
console-aggregation-max = angka tertinggi
console-change-changed = Tersimpan. Perubahan dicatat di riwayat perubahan.
console-change-unchanged = Tidak ada yang berubah.
console-change-not-found = Data itu tidak ditemukan.
console-change-invalid-label = Label tidak boleh kosong atau terlalu panjang.
console-change-invalid-bounds = Batas tidak valid: min dan maks harus angka, min tidak negatif dan tidak lebih besar dari maks.
console-change-invalid-position = Urutan harus bilangan bulat.
console-change-invalid-reported-by = Pilihan "dilaporkan oleh" tidak dikenal.
console-change-invalid-aggregation = Pilihan "dijumlah sebagai" tidak dikenal.
console-change-invalid-empty = Tidak ada yang diubah.
console-change-invalid-name = Nama dan kelurahan harus diisi (huruf dan angka).
console-change-invalid-code-taken = Kelompok dengan nama itu sudah ada.
console-change-invalid-not-member = Orang itu bukan anggota aktif kelompok ini.
console-change-invalid-programme-inactive = Program ini nonaktif: aktifkan dulu programnya.

## kelola — /kelola (petugas: kelompok, anggota, pemangku kepentingan; admin: program dan indikator)
cmd-kelola = Kelola kelompok, anggota, program dan indikator
kelola-menu = Apa yang mau dikelola?
kelola-groups = Kelompok
kelola-stakeholders = Pemangku kepentingan
kelola-programmes = Program
kelola-indicators = Indikator
kelola-finish = Selesai
kelola-bye = Selesai. Semua perubahan sudah tercatat.
kelola-hint = Tekan salah satu tombol di atas.
kelola-type-hint = Tulis jawabannya, atau tekan Kembali.
kelola-inactive = { $name } (nonaktif)
kelola-state-active = aktif
kelola-state-inactive = nonaktif
kelola-choose-group = Pilih kelompok:
kelola-add-group = ➕ Tambah kelompok
kelola-choose-programme = Pilih program:
kelola-choose-programme-toggle = Pilih program untuk diaktifkan atau dinonaktifkan (kelompoknya ikut):
kelola-ask-group-name = Tulis nama kelompok:
kelola-ask-kelurahan = Tulis nama kelurahannya:
kelola-group-added = Kelompok baru tersimpan (kode { $code }). Buat tautan undangannya dengan /tautan.
kelola-group = Kelompok { $name } ({ $kelurahan }), kode { $code } — { $state }
kelola-rename = Ganti nama
kelola-deactivate = Nonaktifkan
kelola-reactivate = Aktifkan lagi
kelola-members = Anggota
kelola-choose-member = Pilih anggota:
kelola-no-members = Kelompok ini belum punya anggota aktif.
kelola-no-name = (tanpa nama)
kelola-coordinator = { $name } (ketua)
kelola-make-coordinator = Jadikan ketua
kelola-make-member = Jadikan anggota biasa
kelola-remove-member = Keluarkan dari kelompok
kelola-choose-stakeholder = Pilih lembaga untuk diaktifkan atau dinonaktifkan:
kelola-choose-indicator = Pilih indikator:
kelola-indicator =
    { $label } ({ $labelEn }) — { $state }
    Satuan: { $unit }; batas: { $min } sampai { $max }; urutan: { $position }; wajib: { $required }
    Dilaporkan oleh: { $reportedBy }; dijumlahkan: { $aggregation }
kelola-yes = ya
kelola-no = tidak
kelola-reported-by-member = tiap anggota
kelola-reported-by-group = kelompok (satu angka per minggu)
kelola-aggregation-sum = dijumlahkan
kelola-aggregation-latest = angka terakhir
kelola-aggregation-max = angka tertinggi
kelola-make-optional = Jadikan tidak wajib
kelola-make-required = Jadikan wajib
kelola-set-reported-by = Dilaporkan oleh: { $to }
kelola-set-aggregation = Cara menjumlah: { $to }
kelola-edit-label-id = Ubah nama (Indonesia)
kelola-edit-label-en = Ubah nama (Inggris)
kelola-edit-min = Ubah batas bawah
kelola-edit-max = Ubah batas atas
kelola-edit-position = Ubah urutan
kelola-ask-labelId = Tulis nama indikator dalam bahasa Indonesia:
kelola-ask-labelEn = Tulis nama indikator dalam bahasa Inggris:
kelola-ask-minValue = Tulis batas bawah (angka, misalnya 0):
kelola-ask-maxValue = Tulis batas atas untuk satu laporan seminggu (angka, misalnya 5.000):
kelola-ask-position = Tulis nomor urutnya (0 = paling awal):
kelola-result-changed = Tersimpan. Perubahan ini tercatat.
kelola-result-unchanged = Tidak ada yang berubah: memang sudah begitu.
kelola-result-not-found = Data itu tidak ditemukan lagi.
kelola-result-forbidden = Maaf, Anda tidak berhak mengubah ini.
kelola-invalid-name = Nama itu belum bisa dipakai: tulis 2 sampai 120 huruf.
kelola-invalid-code-taken = Sudah ada kelompok dengan nama itu di program ini.
kelola-invalid-not-member = Orang itu bukan anggota aktif kelompok ini.
kelola-invalid-programme-inactive = Program itu sedang nonaktif. Aktifkan dulu programnya.
kelola-invalid-label = Nama indikator belum bisa dipakai: tulis 2 sampai 120 huruf.
kelola-invalid-bounds = Batasnya belum pas: tulis angka, batas bawah tidak boleh kurang dari 0 atau lebih dari batas atas.
kelola-invalid-position = Urutan ditulis dengan angka bulat, misalnya 3.
kelola-invalid-reported-by = Pilihan itu tidak dikenal.
kelola-invalid-aggregation = Pilihan itu tidak dikenal.
kelola-invalid-empty = Tidak ada yang diubah.
console-chart = Grafik tahun ini
