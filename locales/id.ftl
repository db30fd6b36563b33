# Lapor Kelompok — Bahasa Indonesia (bahasa utama).
# Satu bagian per fitur; setiap kunci diawali nama fiturnya.

## common — dipakai semua fitur
common-error = Maaf, ada gangguan di sistem kami, jadi pesan atau tombol terakhir Anda BELUM diproses. Yang sudah tersimpan sebelumnya tetap aman. Silakan coba lagi sebentar lagi.
common-stale-button = Tombol ini sudah tidak berlaku.
common-in-conversation = Anda masih di tengah percakapan. { $hint }
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
report-answer-hint = Tulis jumlahnya dengan angka, misalnya { $example }.
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
report-history-updated = (diperbarui)
report-status-title = Minggu ini ({ $week }) di kelompok { $group }:
report-status-reported = Sudah lapor ({ $count }): { $names }
report-status-not-reported = Belum lapor ({ $count }): { $names }
report-status-nobody = -

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
