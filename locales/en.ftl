# Lapor Kelompok — English.
# One section per feature; every key starts with its feature's name.

## common
common-error = Sorry, something went wrong on our side, so your last message or button was NOT processed. What was saved before is safe. Please try again in a moment.
common-stale-button = This button is no longer valid.
common-in-conversation = You are in the middle of a conversation. { $hint }
    Send /batal to stop.
common-cancel-hint = (Send /batal to stop.)
common-cancelled = OK, cancelled. Nothing from that conversation was saved.
common-nothing-to-cancel = Nothing is in progress. Send /bantuan to see what you can do.
common-unknown-input = Sorry, I did not understand that. Send /bantuan to see the commands you can use.
common-not-joined = Hello! To use this bot, open the invitation link from the CSR staff or your group's coordinator.
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

## report — /lapor (weekly output report) and /riwayat
report-not-member = This command is for group members, and you are not registered in any group yet. Ask your group's coordinator or the CSR staff for an invitation link.
report-refused-not-member = Sorry, you are no longer registered in that group, so you cannot report there.
report-refused-other = Sorry, you cannot report for that member. A coordinator can only report for members of their own group.
report-week-closed = That week can no longer be reported. Send /lapor to choose a week that is still open.
report-no-indicators = This group's programme has no report questions yet. Please contact the CSR staff.
report-too-many-tries = Something seems difficult here. I have stopped this conversation; nothing was saved. Send /lapor to start again.
report-choose-group = Which group is this report for?
report-choose-group-hint = Tap one of the group buttons above.
report-choose-who = You are the coordinator of { $group }. Who is this report for?
report-who-self = For myself
report-who-other = For another member
report-choose-who-hint = Tap "For myself" or "For another member".
report-choose-member = Choose the member you are reporting for (page { $page } of { $pages }):
report-choose-member-none = There are no other members in this group yet. You can add a member who has no Telegram.
report-choose-member-hint = Tap a member's name, or the button to add a member.
report-member-add = ➕ Add a member without Telegram
report-member-no-telegram = { $name } (no Telegram)
report-no-name = (no name)
report-page-prev = « Previous
report-page-next = Next »
report-ask-member-name = Type the name of the member who has no Telegram:
report-ask-member-name-hint = Type just the name, for example: Siti Aminah
report-member-name-invalid = The name must contain letters and be 2 to 80 characters long. Please type it again.
report-member-added = { $name } has been added as a member of { $group }.
report-choose-week = Which week is this report for?
report-week-this = This week ({ $range })
report-week-last = Last week ({ $range })
report-choose-week-hint = Tap one of the week buttons above.
report-existing-self = You already sent a report for the week of { $week }:
report-existing-other = There is already a report by { $member } for the week of { $week }:
report-existing-question = Replace it with a new report? The old one is kept as an archive.
report-replace = Replace
report-cancel = Cancel
report-existing-hint = Tap "Replace" to fill it in again, or "Cancel".
report-kept = OK, the existing report stays as it is. Nothing was changed.
report-question = ({ $number }/{ $total }) { $label } — how many { $unit }?
    Example: { $example }
report-question-optional = If there is none, tap Skip.
report-question-required = Required. If there is none, type 0.
report-question-previous = Previous report: { $value }
report-skip = Skip
report-answer-hint = Type the amount as a number, for example { $example }.
report-required = This question is required, so it cannot be skipped. If there is none, type 0.
report-invalid = Sorry, I could not read that answer. Type just the amount as a number, for example { $example }.
report-ambiguous = Did you mean { $first } or { $second }? Tap one, or type it again.
report-unit-mismatch = The unit for this question is { $unit }, not { $written }. Please type the amount in { $unit }, for example { $example }.
report-negative = The amount cannot be negative. Please type it again, for example { $example }.
report-below-min = The amount must be at least { $min }. Please check and type it again.
report-above-max = { $value } is too much for one week (at most { $max }). Please check and type it again.
report-too-many-decimals-whole = { $label } takes a whole number, without decimals. Use { $rounded }? Or type it again.
report-too-many-decimals = { $label } takes at most { $decimals } decimal places. Use { $rounded }? Or type it again.
report-use-rounded = Use { $rounded }
report-unusual = { $value } is much more than usual (usually about { $median }). Is this right?
report-unusual-keep = Yes, { $value } is right
report-retype-button = Type again
report-retype = OK, please type the amount again.
report-ask-photo = Do you have a photo of the activity? Send it here, or tap Skip.
report-photo-hint = Send one photo, or tap Skip.
report-ask-note = Any note for this report? Keep it short (at most { $max } characters), or tap Skip.
report-note-hint = Type the note, or tap Skip.
report-note-too-long = The note has { $length } characters, which is too long. At most { $max } — please shorten it.
report-summary-title = Please check the report:
report-summary-group = Group: { $group }
report-summary-member = Member: { $member }
report-summary-week = Week: { $week }
report-summary-value = • { $label }: { $value }
report-summary-skipped = • { $label }: skipped
report-summary-photo-yes = Photo: yes
report-summary-photo-no = Photo: none
report-summary-note = Note: { $note }
report-summary-no-note = Note: -
report-summary-question = If everything is right, tap Save. To correct something, tap Change.
report-save = Save
report-edit = Change
report-summary-hint = Tap Save, Change or Cancel below the report summary.
report-edit-choose = What would you like to change?
report-edit-photo = Photo
report-edit-note = Note
report-edit-hint = Tap the part you want to change.
report-cancelled = OK, the report was cancelled. Nothing was saved.
report-save-failed = Sorry, the report has NOT been saved because of a problem on our side. Your answers are still here: tap Save again in a moment.
report-save-invalid = Sorry, this report cannot be saved because its answers no longer fit (the questions may have just changed). Send /lapor to fill it in again.
report-saved = Saved! Thank you for your report.
report-saved-replaced = Saved! The earlier report for this week has been replaced (the old one is archived).
report-saved-for = The report for { $member } has been saved. Thank you!
report-totals-week = Total of { $group } for the week of { $week }:
report-totals-year = Total of { $group } in { $year } up to that week:
report-history-title = Your latest reports:
report-history-empty = You have not sent any report yet. Send /lapor to start.
report-history-item = { $week } — { $group }
report-history-by-coordinator = (sent by the coordinator)
report-history-updated = (updated)
report-status-title = This week ({ $week }) in { $group }:
report-status-reported = Reported ({ $count }): { $names }
report-status-not-reported = Not reported yet ({ $count }): { $names }
report-status-nobody = -

## onboarding — joining through an invitation link (/start) and creating links (/tautan)
onboarding-start-stranger =
    Hello! 👋 This bot is used by the beneficiary groups of the TJSL programme to report their output and receive meeting invitations.

    To join, you need an invitation link from the CSR staff or your group's coordinator. Tap that link, then tap START.
onboarding-start-member =
    Hello again! 👋 You are registered.
    To report this week's output, send /lapor.
    Send /bantuan to see everything you can do.
onboarding-start-stakeholder =
    Hello again! 👋 You are registered as a stakeholder. Meeting invitations will reach you through this bot.
    Send /bantuan if you need help.
onboarding-start-staff =
    Hello! 👋 You are registered as staff.
    Send /tautan to create a group invitation link, or /bantuan for the other commands.

onboarding-code-malformed = Sorry, the code in this link is incomplete or wrong. Try tapping the original link again (do not retype it). If it still fails, ask the CSR staff or your group's coordinator for a new link.
onboarding-code-unknown = Sorry, we do not recognise this invitation link. Part of it may have been cut off when it was copied. Ask the CSR staff or your group's coordinator for a new link.
onboarding-code-expired = Sorry, this invitation link has expired (it was valid until { $date }). Ask the CSR staff or your group's coordinator for a new link.
onboarding-code-revoked = Sorry, this invitation link has been withdrawn and can no longer be used. Ask the CSR staff or your group's coordinator for a new link.
onboarding-code-used-up = Sorry, this invitation link is full: it has been used by as many people as allowed. Ask the CSR staff or your group's coordinator for a new link.
onboarding-code-already-member =
    You are already registered in the group { $group }, so there is no need to join again. 😊
    Send /lapor to report your output, or /bantuan to see the other commands.
onboarding-code-already-stakeholder =
    You are already registered as a stakeholder, so there is no need to join again. 😊
    Meeting invitations will reach you through this bot.

onboarding-join-greeting-group = Welcome! 👋 This link is for joining the group { $group } (programme { $programme }) as { $role }.
onboarding-join-greeting-stakeholder = Welcome! 👋 This link registers you as a stakeholder, so that you receive the TJSL programme's meeting (FGD) invitations.
onboarding-join-greeting-stakeholder-of = Welcome! 👋 This link registers you as a stakeholder from { $institution }, so that you receive the TJSL programme's meeting (FGD) invitations.
onboarding-join-greeting-known = You are already registered with this bot as { $name }, so you only need to confirm.

onboarding-consent =
    Before we go on, we ask your permission to store personal data, as required by Law No. 27 of 2022 on Personal Data Protection.

    What we store:
    • your name
    • your phone number, if you choose to share it
    • your Telegram account number, so the bot can message you
    { $kind ->
        [stakeholder] • your institution and your answers to meeting invitations
       *[member] • your group, the output reports you send, and your answers to meeting invitations
    }

    Why: so that reports and attendance are recorded in your name, and so the CSR staff can send you reminders and invitations. This data is used for this programme only and is not shared with anyone else.

    At any time you can see your data with /dataku and erase it with /hapusdata.

    Do you agree?
onboarding-consent-agree = I agree
onboarding-consent-decline = I do not agree
onboarding-consent-hint = Tap «I agree» or «I do not agree» under the previous message.
onboarding-consent-declined = That is fine. We have not stored anything about you. If you change your mind, tap the invitation link again. Thank you! 🙏

onboarding-name-ask-with-telegram = What is your name? Tap the button below to use your Telegram name, or type your full name.
onboarding-name-ask = What is your name? Type your full name.
onboarding-name-use-telegram = Use the name: { $name }
onboarding-name-hint = Type your full name (2 to 80 letters).
onboarding-name-too-short = That name is too short. Type your full name, at least 2 letters.
onboarding-name-too-long = That name is too long. Type your name in at most 80 letters.
onboarding-name-no-letters = A name needs letters. Type your full name.
onboarding-name-command = A name cannot start with a slash (/). Type your full name.
onboarding-too-many-tries = Something seems to be difficult. That is fine: nothing was stored. Tap the invitation link again later, or ask the CSR staff for help.

onboarding-phone-ask = May we have your phone number? The staff use it only to contact you about your group's activities. Tap the «📱 Share phone number» button below. If you would rather not, tap «Skip».
onboarding-phone-share = 📱 Share phone number
onboarding-phone-skip = Skip
onboarding-phone-hint = Tap the «📱 Share phone number» button at the bottom of the screen, or «Skip». (No need to type the number.)
onboarding-phone-not-own = That is someone else's number. We only store your own: tap «📱 Share phone number», or «Skip».
onboarding-phone-thanks = Thank you.
onboarding-phone-skipped = OK, no phone number.

onboarding-institution-ask = Which institution are you from? Choose below.
onboarding-institution-hint = Choose your institution with the buttons under the previous message.
onboarding-institution-none = Sorry, the list of institutions is not available yet. Please contact the CSR staff.

onboarding-summary-intro = Please check once more:
onboarding-summary-name = Name: { $name }
onboarding-summary-phone = Phone number: { $phone }
onboarding-summary-phone-none = Phone number: not given
onboarding-summary-group = Group: { $group } (programme { $programme })
onboarding-summary-role = As: { $role }
onboarding-summary-stakeholder = As: stakeholder from { $institution }
onboarding-summary-ask = Is this right? Tap «Join» to join.
onboarding-join-button = Join
onboarding-cancel-button = Cancel
onboarding-summary-hint = Tap «Join» or «Cancel» under the summary.
onboarding-join-cancelled = OK, cancelled. Nothing was stored. If you change your mind, tap the invitation link again.
onboarding-join-failed = Sorry, your registration has not been saved.
onboarding-join-institution-gone = The institution you chose is no longer on the list. Please tap the invitation link again to choose once more.
onboarding-join-consent-needed = Your data with this bot has just changed. Please tap the invitation link again to start over.

onboarding-welcome-member =
    Congratulations, you have joined the group { $group }! 🎉

    Every week, report your group's output by sending /lapor. The bot asks for the figures one at a time.
    If in doubt, send /bantuan.
onboarding-welcome-coordinator =
    Congratulations, you are now registered as the coordinator of { $group }! 🎉

    Send /lapor to report output, also on behalf of members who do not use Telegram. Every Monday morning you will receive your group's summary.
    Send /bantuan to see all commands.
onboarding-welcome-stakeholder =
    Thank you, you are now registered as a stakeholder from { $institution }. 🎉

    Meeting (FGD) invitations will reach you through this bot, and you can answer them with a tap.
    Send /bantuan whenever you need help.

onboarding-role-member = member
onboarding-role-coordinator = coordinator
onboarding-role-stakeholder = stakeholder
onboarding-datetime = { $date } at { $time }

onboarding-links-menu = Invitation links: what would you like to do?
onboarding-links-new = Create a new link
onboarding-links-manage = See & withdraw links
onboarding-links-menu-hint = Choose «Create a new link» or «See & withdraw links» with the buttons below.
onboarding-links-target-ask = For which group? Or for stakeholders?
onboarding-links-target-programme = Programme { $programme }:
onboarding-links-target-group = • { $group } ({ $kelurahan })
onboarding-links-target-stakeholders = Stakeholders
onboarding-links-target-hint = Choose a group, or «Stakeholders», with the buttons below.
onboarding-links-no-groups = There are no active groups or institutions yet.
onboarding-links-role-ask = Who is this link to { $group } for?
onboarding-links-role-member = Member
onboarding-links-role-coordinator = Coordinator
onboarding-links-role-hint = Choose «Member» or «Coordinator» with the buttons below.
onboarding-links-institution-ask = For stakeholders from which institution?
onboarding-links-institution-any = Any institution (chosen when joining)
onboarding-links-institution-hint = Choose an institution with the buttons below.
onboarding-links-days-ask = How long should this link be valid? Choose below, or type the number of days (1 to 365).
onboarding-links-days-button = { $days } days
onboarding-links-days-hint = Choose the validity with the buttons, or type a number of days from 1 to 365.
onboarding-links-uses-ask = How many people may use this link? Choose below, or type the number (1 to 1000).
onboarding-links-uses-button = { $uses } people
onboarding-links-uses-hint = Choose the number of people with the buttons, or type a number from 1 to 1000.
onboarding-links-created =
    The invitation link is ready:
    { $link }

    For: { $target }
    Valid until: { $expires }
    Can be used by: { $uses } people

    Send this link by WhatsApp or Telegram to the people you invite. Anyone holding this link can join, so do not share it in public places.
onboarding-links-for-group = group { $group } (programme { $programme }), as { $role }
onboarding-links-for-stakeholder-of = stakeholders from { $institution }
onboarding-links-for-stakeholder-any = stakeholders (institution chosen when joining)
onboarding-links-for-stakeholders = stakeholders
onboarding-links-list-header = Links still active for { $target }:
onboarding-links-list-item =
    { $number }. { $role } · used { $uses } of { $maxUses } · valid until { $expires }
    { $link }
onboarding-links-list-stakeholder-of = Stakeholder from { $institution }
onboarding-links-list-stakeholder-any = Stakeholder (institution chosen when joining)
onboarding-links-list-more = (Only the { $shown } newest of { $total } links are shown.)
onboarding-links-list-ask = To withdraw a link, tap «Withdraw» with its number. A withdrawn link can no longer be used.
onboarding-links-list-empty = There are no active links for { $target }. Send /tautan to create a new one.
onboarding-links-revoke-button = Withdraw no. { $number }
onboarding-links-done-button = Done
onboarding-links-revoke-hint = Tap «Withdraw» with the link's number, or «Done».
onboarding-links-revoked = Link no. { $number } has been withdrawn. Anyone who opens it will be told it is no longer valid.
onboarding-links-already-revoked = That link had already been withdrawn.
onboarding-links-done = OK, done.
onboarding-links-gone = That group or institution is no longer active. Send /tautan to choose again.
