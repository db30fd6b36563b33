# Lapor Kelompok — Bahasa Indonesia (bahasa utama).
# Satu bagian per fitur; setiap kunci diawali nama fiturnya.

## common — dipakai semua fitur
common-error = Maaf, ada gangguan di sistem kami. Jawaban Anda yang sudah dikonfirmasi tetap aman. Silakan coba lagi sebentar lagi.
common-stale-button = Tombol ini sudah tidak berlaku.
common-in-conversation = Anda masih di tengah percakapan. {hint}
    Ketik /batal bila ingin berhenti.
common-cancel-hint = (Ketik /batal untuk berhenti.)
common-cancelled = Baik, dibatalkan. Tidak ada yang disimpan dari percakapan tadi.
common-nothing-to-cancel = Tidak ada yang sedang berjalan. Ketik /bantuan untuk melihat apa yang bisa dilakukan.
common-unknown-input = Maaf, saya tidak mengerti pesan itu. Ketik /bantuan untuk melihat perintah yang bisa dipakai.
common-not-joined = Halo! Untuk memakai bot ini, buka tautan undangan dari petugas CSR atau ketua kelompok Anda.
common-erased = Data pribadi Anda sudah dihapus. Untuk bergabung lagi, buka tautan undangan yang baru.
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
