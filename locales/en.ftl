# Lapor Kelompok — English.
# One section per feature; every key starts with its feature's name.

## common
common-error = Sorry, something went wrong on our side. Answers you already confirmed are safe. Please try again in a moment.
common-stale-button = This button is no longer valid.
common-in-conversation = You are in the middle of a conversation. {hint}
    Send /batal to stop.
common-cancel-hint = (Send /batal to stop.)
common-cancelled = OK, cancelled. Nothing from that conversation was saved.
common-nothing-to-cancel = Nothing is in progress. Send /bantuan to see what you can do.
common-unknown-input = Sorry, I did not understand that. Send /bantuan to see the commands you can use.
common-not-joined = Hello! To use this bot, open the invitation link from the CSR staff or your group's coordinator.
common-erased = Your personal data has been erased. To join again, open a new invitation link.
common-not-allowed = Sorry, this command is for staff only.
common-yes = Yes
common-no = No
common-back = Back
common-skip = Skip

## cmd
cmd-lapor = Report this week's output
cmd-riwayat = See earlier reports
cmd-tautan = Create a group invitation link
cmd-bahasa = Change language
cmd-bantuan = Help
cmd-batal = Cancel the current conversation

## help
help-intro-guest = This bot is used by the beneficiary groups of the TJSL programme to report their output. To join, open the invitation link from the staff.
help-intro-member = What you can do:
help-intro-coordinator = As the group's coordinator, you can:
help-intro-stakeholder = You are registered as a stakeholder. Meeting invitations will reach you through this bot.
help-intro-staff = As CSR staff, you can:
help-intro-admin = As an admin, you can:

## language
language-choose = Choose a language:
language-name-id = Bahasa Indonesia
language-name-en = English
language-changed = Language changed to English.
language-join-first = Join a group first through an invitation link.

## unit
unit-liter = litres
unit-kg = kg
unit-rupiah = rupiah
unit-buah = pieces
unit-kali = times
unit-orang = people
unit-batang = trees
unit-butir = eggs
unit-gram = grams
unit-ons = ons (100 g)
unit-ton = tonnes
unit-kuintal = quintals
unit-ml = ml
