# Lapor Kelompok — English.
# One section per feature; every key starts with its feature's name.

## common
common-error = Sorry, something went wrong on our side, so your last message or button was NOT processed. What was saved before is safe. Please try again in a moment.
common-stale-button = This button is no longer valid.
common-in-conversation = You are in the middle of a conversation. { $hint }
common-flow-left = I left the earlier conversation.
common-flow-unsaved = Your answers here are not saved yet. Leave this conversation to run { $command }?
common-flow-leave = Yes, leave it
common-flow-stay = No, go on
common-flow-left-retype = All right, I left that conversation. Please type { $command } again.
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
report-answer-hint = For { $label }: type the amount in { $unit } as a number, for example { $example }.
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
report-history-for-member = (for { $member })
report-history-updated = (updated)
report-status-title = This week ({ $week }) in { $group }:
report-status-reported = Reported ({ $count }): { $names }
report-status-not-reported = Not reported yet ({ $count }): { $names }
report-status-nobody = -

## report — group figures (indicators reported once per group) and the weekly obstacle
report-question-group = This is the figure for the whole group this week, not your own.
report-existing-group = The figures of { $group } for the week { $week } were already reported:
report-saved-group = The figures of { $group } were saved too.
report-saved-group-replaced = The figures of { $group } were replaced (the earlier ones are kept).
report-ask-obstacle = Any obstacles this week? Tell us briefly (at most { $max } characters), or tap Skip.
report-obstacle-hint = Write the obstacle, or tap Skip.
report-summary-obstacle = Obstacles: { $obstacle }
report-summary-no-obstacle = Obstacles: -
report-edit-obstacle = Obstacles
report-total-not-reported = • { $label }: —, not reported

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

## meeting-staff — /rapat (staff: meeting list, RSVP tally, schedule, attendance list) and /hadir (check-in)
cmd-rapat = See meetings, RSVP answers and the attendance list
cmd-hadir = Check in at a meeting
meeting-staff-not-found = That meeting was not found.
meeting-staff-list-title = 📋 Meetings
meeting-staff-list-upcoming = Upcoming and in progress:
meeting-staff-list-recent = Past (last 30 days):
meeting-staff-list-item = { $mark } { $when } — { $title } ({ $invited } invited)
meeting-staff-list-choose = Tap a meeting below to see its RSVP answers and attendance.
meeting-staff-list-empty = There are no upcoming meetings and none in the last 30 days. To invite people to a meeting, send /undang.
meeting-staff-list-button = { $mark } { $when } · { $title }
meeting-staff-phase-mark-upcoming = 🗓
meeting-staff-phase-mark-open = 🟢
meeting-staff-phase-mark-past = ☑️
meeting-staff-phase-mark-cancelled = ❌
meeting-staff-view-title = 📋 { $title }
meeting-staff-view-when = 🗓 { $when }
meeting-staff-view-place = 📍 { $place }
meeting-staff-view-status = Status: { $status }
meeting-staff-status-upcoming = scheduled
meeting-staff-status-open = check-in is open (until { $until })
meeting-staff-status-past = over
meeting-staff-status-cancelled = CANCELLED
meeting-staff-view-code = 🔑 Check-in code: { $code }
    Show this code in the room. Attendees send /hadir { $code } (check-in opens { $opens }).
meeting-staff-view-answers = Answers from the { $total } people invited:
meeting-staff-view-yes = ✅ Attending: { $count }
meeting-staff-view-no = ❌ Not attending: { $count }
meeting-staff-view-maybe = 🤔 Maybe: { $count }
meeting-staff-view-none = ⏳ No answer yet: { $count }
meeting-staff-view-checked-in = 🙋 Checked in: { $count }
meeting-staff-view-by-unit = By group / institution:
meeting-staff-view-unit = • { $name }: { $total } invited — { $yes } attending, { $no } not attending, { $maybe } maybe, { $none } no answer; { $checkedIn } checked in
meeting-staff-view-unanswered = No answer yet ({ $count }): { $names }
meeting-staff-view-unreachable = { $name } (cannot be reached)
meeting-staff-view-declined = Not attending ({ $count }): { $names }
meeting-staff-view-declined-reason = { $name } — "{ $reason }"
meeting-staff-view-more = … and { $count } more
meeting-staff-view-delivery = Invitation messages: { $sent } sent, { $queued } waiting, { $failed } failed, { $unreachable } could not be reached.
meeting-staff-btn-resend = 🔁 Re-send to those who have not answered
meeting-staff-btn-move = 🕑 Reschedule
meeting-staff-btn-cancel = ✖️ Cancel meeting
meeting-staff-btn-attendance = 📄 Attendance list
meeting-staff-btn-mark = ✍️ Mark present
meeting-staff-btn-refresh = 🔄 Refresh
meeting-staff-btn-list = « Meetings
meeting-staff-btn-back-to-meeting = « Back to the meeting
meeting-staff-resend-ask = Re-send the invitation to "{ $title }" to the { $count } people who have not answered?
meeting-staff-btn-resend-yes = Yes, re-send
meeting-staff-resend-done = The invitation was re-sent to { $count } people. The messages are queued and will go out within a few minutes.
meeting-staff-resend-none = Nobody needs it again: everyone has answered, their invitation is still waiting to be sent, or they cannot be reached.
meeting-staff-resend-cancelled = This meeting has been cancelled, so the invitation was not re-sent.
meeting-staff-resend-started = This meeting has already started, so the invitation was not re-sent.
meeting-staff-cancel-ask = Cancel this meeting?

    { $title }
    { $when }

    All { $count } people invited will be told that the meeting is cancelled, and their reminders are stopped. This cannot be undone.
meeting-staff-btn-cancel-yes = Yes, cancel the meeting
meeting-staff-btn-cancel-no = No, go back
meeting-staff-cancel-done = The meeting is cancelled. The notice is being sent to { $count } people.
meeting-staff-cancel-already = This meeting was already cancelled.
meeting-staff-move-ask = "{ $title }" is now scheduled for { $when }.

    Type the new date and time, for example: 25/01/2027 09.00, besok 09:00, or Selasa 26 Jan 14.00
meeting-staff-move-hint = Type the new date and time, for example: besok 09.00 or 25/01/2027 14.00.
meeting-staff-move-time-hint = Type the time, for example: 09.00 or 2 pm.
meeting-staff-move-date-only = At what time on { $date }? Type the time, for example: 09.00 or 2 pm.
meeting-staff-move-past = { $when } has already passed. Please type a time in the future.
meeting-staff-move-weekday = { $date } is not a { $written }. Please check the date or the day and type it again.
meeting-staff-move-ambiguous = Which one do you mean? Tap one:
meeting-staff-move-ambiguous-hint = Tap one of the times above.
meeting-staff-move-invalid = Sorry, I cannot read that date and time. For example: 25/01/2027 09.00, besok 09:00, or lusa jam 2 siang.
meeting-staff-move-confirm = New time: { $when }
    (was { $old })

    Everyone invited will be told, and their reminders move too. Go ahead?
meeting-staff-move-confirm-hint = Tap "Yes, reschedule", "Type again" or "Cancel".
meeting-staff-btn-move-yes = Yes, reschedule
meeting-staff-btn-move-retype = Type again
meeting-staff-btn-move-no = Cancel
meeting-staff-move-retype = All right, type the new date and time again.
meeting-staff-move-kept = All right, the time stays as it was.
meeting-staff-move-done = "{ $title }" is now scheduled for { $when }. The notice is being sent to { $count } people.
meeting-staff-move-same = That is the current time already, so nothing was changed.
meeting-staff-move-cancelled = This meeting has been cancelled, so it cannot be rescheduled.
meeting-staff-move-too-many = The time was not changed. Tap "Reschedule" again to try once more.
meeting-staff-picker = ✍️ Mark present — { $title }
    Tap the name of someone who is here but has not checked in themselves (page { $page } of { $pages }).
    Present: { $checkedIn } · not yet: { $notCheckedIn }
meeting-staff-picker-empty = Everyone invited to "{ $title }" is already marked present.
meeting-staff-page-prev = « Previous
meeting-staff-page-next = Next »
meeting-staff-mark-done = ✅ { $name } marked present.
meeting-staff-mark-already = { $name } is already marked present (at { $time }).
meeting-staff-mark-not-yet = Check-in for this meeting opens { $opens }.
meeting-staff-mark-cancelled = This meeting has been cancelled.
meeting-staff-mark-not-invited = This person is not on the meeting's invitation list.
meeting-staff-checkin-ok = ✅ Thank you! Your attendance at "{ $title }" was recorded at { $time }. Enjoy the meeting.
meeting-staff-checkin-already = Your attendance at "{ $title }" was already recorded (at { $time }). No need to check in again.
meeting-staff-checkin-not-yet = Check-in for "{ $title }" is not open yet. You can check in from { $opens }.
meeting-staff-checkin-closed = Check-in for "{ $title }" has closed. If you were there, please tell the staff so they can record it.
meeting-staff-checkin-cancelled = "{ $title }" has been cancelled, so there is no check-in.
meeting-staff-checkin-not-invited = Sorry, you are not on the invitation list of "{ $title }", so your attendance cannot be recorded through the bot. Please go to the staff at the registration desk.
meeting-staff-checkin-wrong-code = The code "{ $code }" does not match any meeting. Check the code the staff show in the room and send /hadir followed by it, for example: /hadir K7Q2MX
meeting-staff-checkin-none-open = No meeting you are invited to has check-in open right now. Check-in opens { $minutes } minutes before a meeting starts.

    If you are already in the meeting room, send /hadir followed by the code the staff show, for example: /hadir K7Q2MX
meeting-staff-checkin-open-list = Meetings with check-in open:
meeting-staff-checkin-open-item = • { $title } — { $when }
meeting-staff-checkin-open-done = ✅ your attendance is recorded (at { $time })
meeting-staff-checkin-open-ask = If you are in the meeting room, tap "I am here". You can also send /hadir followed by the code from the staff.
meeting-staff-checkin-button = ✋ I am here
meeting-staff-checkin-button-of = ✋ I am here: { $title }
meeting-staff-att-preparing = Preparing the attendance list…
meeting-staff-att-sheet = Attendance
meeting-staff-att-title = Attendance list: { $title }
meeting-staff-att-when = { $when } — { $place }
meeting-staff-att-made = Made { $when }
meeting-staff-att-caption-xlsx = Attendance list of "{ $title }" (Excel)
meeting-staff-att-caption-csv = The same list as CSV (UTF-8, semicolon-separated)
meeting-staff-att-file = attendance
meeting-staff-recap-title = Summary of "{ $title }":
meeting-staff-recap-total = Invited { $invited } · said yes { $yes } · attended { $attended }
meeting-staff-recap-line = • { $name }: invited { $invited }, said yes { $yes }, attended { $attended }
meeting-staff-col-no = No
meeting-staff-col-name = Name
meeting-staff-col-affiliation = Group/Institution
meeting-staff-col-role = Role
meeting-staff-col-answer = Answer
meeting-staff-col-reason = Reason for not attending
meeting-staff-col-answered-at = Answered at
meeting-staff-col-present = Present
meeting-staff-col-checked-in-at = Checked in at
meeting-staff-col-method = Check-in by
meeting-staff-role-member = Member
meeting-staff-role-coordinator = Group head
meeting-staff-role-stakeholder = Stakeholder
meeting-staff-role-none = -
meeting-staff-answer-yes = Attending
meeting-staff-answer-no = Not attending
meeting-staff-answer-maybe = Maybe
meeting-staff-answer-none = No answer
meeting-staff-present-yes = Yes
meeting-staff-present-no = No
meeting-staff-method-code = Code
meeting-staff-method-button = Button
meeting-staff-method-staff = Marked by staff
meeting-staff-name-none = (no name)
meeting-staff-name-erased = (data erased)
meeting-staff-affiliation-none = (no group)

## meeting — /undang (staff invite people to a meeting/FGD) and answering invitations (Attending / Not attending / Maybe)
cmd-undang = Invite groups and stakeholders to a meeting
meeting-no-audience = There are no active groups or stakeholders yet, so there is nobody to invite.
meeting-start = All right, let's make a meeting invitation. I will ask a few things one at a time.
meeting-too-many-tries = Something seems to be difficult here. I am stopping this conversation for now; no invitation was sent. Send /undang to start again.
meeting-too-long = That is { $length } characters, too long. At most { $max } — please shorten it.
meeting-ask-title = What is the meeting's title? For example: FGD Evaluasi Program TJSL { $year }
meeting-ask-title-hint = Type the meeting's title, for example: FGD Evaluasi Program TJSL { $year }
meeting-ask-when =
    When is the meeting? Type the date and time, for example:
    { $date }
    tomorrow 09:00
    { $day }
    besok jam 2 siang
meeting-ask-when-hint = Type the meeting's date and time, for example: { $date } or tomorrow 9am.
meeting-ask-when-again = All right, please type the meeting's date and time again, for example: { $date }
meeting-ask-time = The date is { $date }. What time does the meeting start? For example: 09.00 or 2pm
meeting-ask-time-hint = Type the start time, for example: 09.00 or 2pm.
meeting-when-invalid = Sorry, I cannot read that date and time yet. Try writing it like this: { $date }, tomorrow 09:00, or { $day }.
meeting-when-past = That time ({ $when }) has already passed. Please type a date and time in the future.
meeting-when-weekday-mismatch = That date is { $date }, not a { $written }. Please check and type the date and time again.
meeting-when-ambiguous = Which time do you mean? Tap one:
meeting-when-ambiguous-hint = Tap one of the times above, or "Type again".
meeting-when-confirm =
    Meeting on:
    { $when }

    Is that right?
meeting-when-confirm-hint = Tap "Yes, right" or "Type again".
meeting-time-ok = Yes, right
meeting-time-retype = Type again
meeting-ask-place = Where is it? For example: Aula Kantor Kelurahan Margasari
meeting-ask-place-hint = Type the meeting's place, for example: Aula Kantor Kelurahan Margasari
meeting-ask-agenda = What is the agenda? Several lines are fine (at most { $max } characters). If not needed, tap Skip.
meeting-ask-agenda-hint = Type the agenda, or tap Skip.
meeting-ask-audience =
    Who is invited? Tap to choose — more than one is fine. Tap again to unselect.
    The number in brackets: how many people the bot can reach.
    When done, tap "Next".
meeting-ask-audience-hint = Tap the buttons to choose who is invited, then tap "Next".
meeting-audience-count = { $label } ({ $count })
meeting-audience-everyone = Everyone
meeting-audience-programme = Programme: { $name }
meeting-audience-stakeholders-all = All stakeholders
meeting-audience-stakeholders-choose = Choose stakeholder institutions…
meeting-audience-stakeholders-some = Institutions chosen: { $count } — change…
meeting-audience-done = Next ➜ ({ $count } people)
meeting-audience-empty = Nothing is chosen yet. Tap at least one choice, then tap "Next".
meeting-audience-nobody = Nobody in this choice can be reached through the bot yet. Add another choice, then tap "Next".
meeting-chosen = ✓ { $label }
meeting-preview-intro = This is the invitation everyone will receive:
meeting-preview-question =
    The invitation above will be sent to { $count } people:
    { $audience }

    Send it now?
meeting-preview-hint = Tap "Send", "Change" or "Cancel".
meeting-preview-only = This is only a preview. Invitees will use these buttons to answer.
meeting-send = Send
meeting-edit = Change
meeting-cancel = Cancel
meeting-edit-choose = Which part do you want to change?
meeting-edit-hint = Tap the part to change, or "Back".
meeting-edit-title = Title
meeting-edit-when = Date & time
meeting-edit-place = Place
meeting-edit-agenda = Agenda
meeting-edit-audience = Invitees
meeting-cancelled-draft = All right, the invitation is cancelled. Nothing was sent.
meeting-send-past = The meeting time passed while we were filling this in. Please type a new date and time.
meeting-invalid = Sorry, something in the invitation is incomplete, so it was not sent. Send /undang to start again.
meeting-created =
    The invitation "{ $title }" is being sent to { $count } people. Sending to many people takes a little while.

    Check-in code for this meeting: { $code }
    Show this code in the room during the meeting; attendees send /hadir { $code }.

    See who has answered with /rapat.
meeting-created-not-queued =
    The meeting "{ $title }" is saved with { $count } invitations, but sending could not start because of a system problem. Open /rapat and tap re-send in a little while.

    Check-in code for this meeting: { $code }

## meeting — the invitation members and stakeholders receive
meeting-head-invite = 📩 Meeting invitation
meeting-head-reminder-day = ⏰ Reminder: there is a meeting tomorrow
meeting-head-reminder-2h = ⏰ Reminder: the meeting starts in about 2 hours
meeting-head-rescheduled = 📅 The meeting has been rescheduled — please note the new time
meeting-invite-title = Event: { $title }
meeting-invite-when = When: { $when }
meeting-invite-place = Where: { $place }
meeting-invite-agenda =
    Agenda:
    { $agenda }
meeting-invite-question = Can you attend? Tap one of the buttons below.
meeting-invite-your-answer = Your answer: { $answer }
meeting-invite-your-reason = Reason: { $reason }
meeting-invite-can-change = You can change your answer until the meeting starts.
meeting-answer-yes = Attending
meeting-answer-no = Not attending
meeting-answer-maybe = Maybe
meeting-reason-button = ✏️ Give a reason
meeting-rsvp-thanks-yes = Thank you! Recorded: Attending.
meeting-rsvp-thanks-no = Recorded: Not attending.
meeting-rsvp-thanks-maybe = Recorded: Maybe. You can change your answer until the meeting starts.
meeting-rsvp-cancelled = This meeting has been cancelled, so there is no need to answer.
meeting-rsvp-started = This meeting has already started, so the answer can no longer be changed.
meeting-reason-ask = May we know why you cannot attend? Keep it short (at most { $max } characters), or tap Skip.
meeting-reason-hint = Type the reason, or tap Skip.
meeting-reason-saved = Thank you, your reason has been recorded.
meeting-reason-none = That's fine. Your answer "Not attending" stays recorded.
meeting-reason-not-declined = A reason is only needed when your answer is "Not attending".
meeting-reason-gave-up = All right, no reason for now. Your answer "Not attending" stays recorded.
meeting-cancelled-notice =
    ❌ Meeting cancelled

    The meeting "{ $title }" scheduled for { $when } at { $place } has been cancelled. We apologise for the change.

## achievement — /capaian (a group's achievements over a year)
cmd-capaian = See the groups' achievements for a year
achievement-title =
    🏆 Achievements in { $year }
    ({ $range })
achievement-title-so-far =
    🏆 Achievements in { $year } so far
    ({ $range })
achievement-programme = 📌 { $programme }
# { $achievements }: the per-indicator phrases from the programme's data, already joined.
achievement-sentence = Group { $group } { $achievements }.
achievement-none = Group { $group }: no reports for this year yet.
# For an indicator without a phrase of its own (lower-case label + amount with unit).
achievement-fallback = { $label } totalling { $amount }
achievement-list-separator = {", "}
achievement-list-and = {" and "}
achievement-footer = These figures come from the stored weekly reports (for years before the reports: the yearly figures staff loaded). To see another year, type for example /capaian 2021
# The evaluation per indicator under the sentence, when there is a target or last year's figure.
achievement-line = • { $label }: { $amount }
achievement-not-filled = —, not filled in
achievement-line-target = { $line } (target { $target })
achievement-line-percent = { $line } — { $percent }% of the target { $target }
achievement-line-last-year = { $line } · { $year } same period: { $amount }
achievement-line-last-year-whole = { $line } · all of { $year }: { $amount }
achievement-bad-year = Sorry, I could not read that year. Write a four-digit year between { $min } and { $max }, for example: /capaian 2021
achievement-no-groups = You are not a member of any group yet, so there are no achievements to show.

## summary — the weekly summary (Monday morning) and /ringkasan
cmd-ringkasan = See a group's weekly summary
summary-title = 📊 Summary of the week { $range }
summary-title-programme =
    📊 Summary of the week { $range }
    Programme: { $programme }
summary-group = 👥 Group { $group } ({ $kelurahan })
summary-reported = Reported: { $reported } of { $active } members ({ $percent }%)
summary-no-members = No members registered yet.
summary-not-reported = Not yet reported: { $names }
summary-all-reported = Every member has reported. Thank you! 👏
summary-names-more = { $names }, and { $count } more
summary-no-name = (no name)
summary-indicator = • { $label }: { $amount } { $change }
summary-indicator-none = • { $label }: nothing reported
summary-year = { "   " }Since the start of { $year }: { $amount }
summary-indicator-skipped = • { $label }: —, not filled in
summary-not-filled = —, not filled in
summary-year-target = { $text } (target { $target })
summary-year-percent = { $text } — { $percent }% of the target { $target }
summary-behind = { "   " }⚠️ Below the plan line: about { $line } expected by now
summary-last-year = { "   " }Same period { $year }: { $amount }
summary-last-year-whole = { "   " }All of { $year }: { $amount }
summary-progress = 🎯 Progress towards the { $year } targets: { $percent }%
summary-progress-behind = 🎯 Progress towards the { $year } targets: { $percent }% — ⚠️ behind the plan
summary-groups-behind = ⚠️ Behind the { $year } plan: { $names }
summary-amount = { $number } { $unit }
summary-change-up = (up { $diff }, +{ $percent }%)
summary-change-down = (down { $diff }, −{ $percent }%)
summary-change-same = (same as last week)
summary-change-new = (new, nothing last week)
summary-programme-totals = Total of { $groups } groups:
summary-more-groups = … and { $count } more groups that do not fit in this message. Type /ringkasan and choose the group.
summary-meetings = 📅 Meetings in the next 14 days:
summary-meeting = • { $title } — { $when }, at { $place }
summary-meeting-rsvp = { "   " }Attending { $yes } · Maybe { $maybe } · Not attending { $no } · No answer { $unanswered }
summary-no-meetings = 📅 No meetings in the next 14 days.
summary-empty = There are no groups to summarise yet.
summary-chart-title = { $name } — { $year } so far
summary-chart-caption = 📈 Chart of { $year } so far (dashed: the plan): { $name }
summary-chart-achieved = Achieved
summary-chart-plan = Plan
summary-not-allowed = The weekly summary is for group coordinators and CSR staff.
summary-choose-programme = A summary of which programme?
summary-all-programmes = All programmes
summary-choose-group = { $programme }: the whole programme, or one group?
summary-whole-programme = Whole programme
summary-my-groups = All my groups
summary-choose-my-group = A summary of which group?
summary-choose-week = A summary of which week?
summary-week-this = This week ({ $range })
summary-week-last = Last week ({ $range })
summary-preparing = One moment, preparing the summary…
summary-refused = Sorry, you cannot see that summary.
summary-bad-choice = That choice is no longer valid. Type /ringkasan to choose again.

## reminder — weekly report reminders (Friday afternoon, Sunday evening), /berhenti and /mulai
cmd-berhenti = Stop the weekly report reminders
cmd-mulai = Turn the weekly report reminders back on
reminder-report-now = 📝 Report now
reminder-first =
    { $named ->
        [yes] Hello, { $name }! 👋
       *[no] Hello! 👋
    }
    { $over ->
        [yes] We have not received your report for the group { $group } for the week of { $week }. That week is over, but you can still send the report.
       *[no] We have not received your report for the group { $group } for this week ({ $week }) yet.
    }
    Please report now: tap the button below and answer the questions one by one. If there was nothing, just answer 0 (zero) — that is a useful report too.

    Don't want these reminders? Send /berhenti.
reminder-second =
    { $named ->
        [yes] Hello again, { $name }! 🙏
       *[no] Hello again! 🙏
    }
    { $over ->
        [yes] Your report for the group { $group } for the week of { $week } has still not come in. That week is over, but you can still send the report.
       *[no] This week ({ $week }) is almost over, and your report for the group { $group } has still not come in.
    }
    There is still time! Tap the button below to report now. If there was nothing, just answer 0 (zero).

    Don't want these reminders? Send /berhenti.
reminder-off =
    All right, you will no longer get the weekly report reminders. 🙏
    You can still report any time with /lapor.
    If you change your mind, send /mulai to turn the reminders back on.
reminder-off-already = Your weekly report reminders are already off. Send /mulai if you want them back.
reminder-on =
    Done! The weekly report reminders are on again. 👍
    We will remind you when this week's report has not come in.
    Send /berhenti if you want to stop them.
reminder-on-already = Your weekly report reminders are already on. Send /berhenti if you want to stop them.

## Playground (trying the bot in a browser, without Telegram) — the page's own labels

playground-title = Lapor Kelompok · Playground
playground-people = People
playground-choose-person = Choose who you are
playground-nobody = First choose who you are from the list of people, then start chatting with the bot.
playground-role-admin = CSR admin
playground-role-staff = CSR staff
playground-role-coordinator = Group coordinator
playground-role-member = Group member
playground-role-stakeholder = Stakeholder
playground-role-guest = Not joined yet
playground-new-person = New person
playground-new-person-hint = A new person joins through a join link, just as on Telegram.
playground-new-person-name = Name
playground-new-person-link = Join link
playground-new-person-join = Open the join link
playground-link-member = member
playground-link-coordinator = coordinator
playground-link-stakeholder = stakeholder
playground-link-open-as-new = Open this link as a new person?
playground-message-placeholder = Write a message…
playground-send = Send
playground-menu = Menu
playground-no-commands = No commands yet.
playground-attach = Send a photo
playground-caption = Photo caption (optional)
playground-download = Download
playground-typing = typing…
playground-edited = edited
playground-contact = Contact
playground-operator = Operator
playground-clock = The bot's clock
playground-clock-offset = { $days } days { $hours } hours ahead of real time
playground-clock-hour = +1 hour
playground-clock-day = +1 day
playground-clock-week = +1 week
playground-clock-note = The bot's clock only moves forward. Meeting reminders and check-in follow it.
playground-jobs = Run now
playground-job-weekly-reminder = Weekly report reminder
playground-job-weekly-summary = Weekly summary
playground-job-unavailable = not in this version of the bot yet
playground-job-started = Started.
playground-reset = Reset the demo data
playground-reset-confirm = Every chat and change will be lost, and the demo data loaded again. Continue?
playground-reset-done = The demo data has been loaded again.
playground-language-switch = Bahasa Indonesia
playground-close = Close
playground-offline = Connection lost, trying again…
playground-failed = Failed: { $error }
playground-empty-chat = No messages with the bot yet. On Telegram, a new chat begins with the Start button.
playground-start = Start

## announcement — /umumkan (staff send an announcement to programmes and groups)
cmd-umumkan = Send an announcement to groups
announcement-start = All right, let's write an announcement. (Type /batal at any time to stop.)
announcement-ask-text =
    Write the announcement.
    If you have a photo, just send the photo with the announcement as its caption (at most { $max } characters).
announcement-ask-text-hint = Write the announcement, or send a photo with a caption.
announcement-ask-text-for-photo = Got the photo. Now write the announcement (at most { $max } characters).
announcement-photo-received = Got the photo. Now write the announcement (at most { $max } characters, as it goes under the photo).
announcement-text-too-long = That text is too long: { $length } characters, and the most is { $max }. Please make it shorter.
announcement-ask-photo = Add a photo? Send the photo now, or press «Skip».
announcement-ask-photo-hint = Send a photo, or press a button under the message above.
announcement-ask-photo-edit = Send another photo, or press «No photo» to send the announcement without one.
announcement-photo-skip = Skip
announcement-photo-remove = No photo
announcement-photo-text-too-long = This announcement is longer than { $max } characters, so it cannot go under a photo. To use a photo, shorten the text first (Edit → Text).
announcement-ask-text-again = Write the new announcement.
announcement-ask-text-again-photo = Write the new announcement (at most { $max } characters, as it goes under the photo).
announcement-ask-audience = Who is this announcement for? Press programmes or groups (more than one is fine; press again to undo). The number in brackets is how many members the bot can reach. Then press «Next».
announcement-ask-audience-hint = Choose programmes or groups with the buttons under the message above, then press «Next».
announcement-audience-programme = Programme: { $name }
announcement-audience-group = Group { $name }
announcement-audience-count = { $label } ({ $count })
announcement-chosen = ✓ { $label }
announcement-audience-done = Next ➜ ({ $count } people)
announcement-audience-empty = Nothing is chosen yet. Press at least one programme or group, then press «Next».
announcement-audience-nobody = Nobody in this choice can be reached through the bot yet. Add another choice, then press «Next».
announcement-no-audience = There is no active programme or group yet, so there is nobody to announce to.
announcement-message =
    📢 Announcement

    { $text }
announcement-preview-intro = This is the announcement everyone will get:
announcement-preview-question =
    The announcement above will go to { $count } people: { $audience }.
    Send it now?
announcement-preview-hint = Press «Send», «Edit» or «Cancel» under the question above.
announcement-send = Send
announcement-edit = Edit
announcement-cancel = Cancel
announcement-edit-choose = Which part do you want to change?
announcement-edit-hint = Press the part to change, or «Back».
announcement-edit-text = Text
announcement-edit-photo = Photo
announcement-edit-audience = Recipients
announcement-cancelled-draft = All right, the announcement is cancelled. Nothing was sent.
announcement-invalid = Sorry, this announcement cannot be sent (it is empty or too long). Please start again with /umumkan.
announcement-too-many-tries = Something seems to be getting in the way, so the announcement was not sent. Please start again with /umumkan.
announcement-sent = The announcement is being sent to { $count } people. I will tell you how many it reached.
announcement-delivery-report =
    The announcement reached { $delivered } of { $total } people ({ $unreachable } could not be reached).
    Announcement: «{ $excerpt }»
announcement-delivery-report-pending =
    The announcement reached { $delivered } of { $total } people ({ $unreachable } could not be reached, { $pending } still not sent after a day).
    Announcement: «{ $excerpt }»

## privacy — /dataku (what is stored) and /hapusdata (erase it and withdraw consent)
cmd-dataku = See the data stored about you
cmd-hapusdata = Erase your data and withdraw consent (processing stops at once)
privacy-no-data = No personal data about you is stored in this bot. To join, open the invitation link from the CSR staff or your group's head.
privacy-data-title = 📋 Your data stored in this bot
privacy-data-profile = 👤 Profile
privacy-data-name = Name: { $name }
privacy-data-phone = Phone number: { $phone }
privacy-data-username = Telegram username: { $username }
privacy-data-language = Language: { $language }
privacy-data-status = Status: { $status }
privacy-data-since = Registered since: { $date }
privacy-data-staff = Role: { $role }
privacy-data-institution = Institution: { $institution }
privacy-data-not-given = not given
privacy-data-not-stored = not stored
privacy-status-active = active
privacy-status-left = left
privacy-status-unreachable = the bot's messages do not arrive (the bot may be blocked)
privacy-status-erased = erased
privacy-staff-staff = CSR staff
privacy-staff-admin = admin
privacy-role-member = member
privacy-role-coordinator = head
privacy-data-groups = 👥 Groups
privacy-data-groups-none = You are not registered in any group.
privacy-data-group = • { $group } (programme { $programme }): { $role }, since { $since }
privacy-data-group-left = • { $group } (programme { $programme }): { $role }, { $since } to { $until } (left)
privacy-data-consent = ✅ Consent to store your data
privacy-data-consent-given = You gave it on { $when } (consent text version { $version }).
privacy-data-consent-none = Not recorded.
privacy-data-reports = 📝 Reports
privacy-data-reports-none = No reports in your name yet.
privacy-data-reports-count = { $count ->
    [one] 1 weekly report is
   *[other] { $count } weekly reports are
} stored in your name. The latest is for the week of { $week }.
privacy-data-reports-for-others = You also sent { $count ->
    [one] 1 report
   *[other] { $count } reports
} for other members.
privacy-data-invitations = 📩 Meeting invitations
privacy-data-invitations-none = No meeting invitations for you yet.
privacy-data-invitations-count = { $count ->
    [one] 1 invitation
   *[other] { $count } invitations
}. Your answers: { $yes } Attending, { $no } Not attending, { $maybe } Maybe, { $unanswered } not answered.
privacy-data-reminders-on = 🔔 Weekly report reminders: on. (Type /berhenti to turn them off.)
privacy-data-reminders-off = 🔕 Weekly report reminders: off. (Type /mulai to turn them back on.)
privacy-data-footer = This data is used for this programme only. To erase your personal data and withdraw your consent, type /hapusdata. As soon as you press «Yes, erase my data», your data is no longer processed.
privacy-erase-confirm =
    Are you sure you want to erase your personal data? This also withdraws your consent to store it, and your data is no longer processed from that moment.

    Erased right away:
    • your name, phone number and Telegram username
    • the link between your Telegram account and this bot (the bot will no longer know you)
    • notes and photos on your reports, and any reasons you gave for not attending a meeting
    • your group memberships (you leave your groups)
    • messages from the bot not yet sent to you (reminders, invitations, announcements)

    Kept, without your name:
    • the figures you reported, so that group totals stay right
    • meeting answers and attendance records
    • a record that your data was erased, and when

    This cannot be undone. To join again later, ask the staff for a new invitation link.
privacy-erase-yes = Yes, erase my data
privacy-erase-no = No, cancel
privacy-erase-kept = All right, nothing was erased. Your data is still stored.
privacy-erase-expired = This confirmation has expired, so nothing was erased. If you still want to erase your data, type /hapusdata again.
privacy-erased =
    Your personal data has been erased and your consent withdrawn. The bot will not send you any more messages.
    The figures you reported stay stored without your name.
    Thank you for taking part in this programme. 🙏 To join again, ask the CSR staff for a new invitation link.

## export — /ekspor (reports as XLSX and CSV files)
cmd-ekspor = Download group reports as Excel/CSV files
export-not-allowed = Sorry, exporting reports is for staff, and for coordinators (their own groups).
export-not-found = Sorry, that group or programme can no longer be found. Please start again with /ekspor.
export-ask-period = Which period would you like the reports for?
export-period-this-year = This year ({ $year })
export-period-last-year = Last year ({ $year })
export-period-last-4-weeks = Last 4 weeks
export-period-other-year = Choose a year…
export-period-hint = Press one of the period buttons above.
export-ask-year = Type the year in four digits, for example 2021 (between { $min } and { $max }).
export-year-hint = Type a four-digit year between { $min } and { $max }, for example 2021.
export-gave-up = That year still does not look right. Let's stop here; type /ekspor to try again.
export-ask-scope = Which groups' reports would you like?
export-scope-all-button = All programmes and groups
export-scope-whole-programme = The whole programme
export-ask-group = Programme { $programme }: the whole programme, or one group?
export-scope-my-groups = All my groups
export-scope-hint = Press one of the buttons above to choose a group or programme.
export-ask-format = In which file format?
export-format-xlsx = Excel (XLSX)
export-format-csv = CSV
export-format-both = Both
export-format-hint = Press Excel (XLSX), CSV or Both.
export-preparing = All right, the report files are being prepared. With a lot of data this can take a few minutes; I will send the files here as soon as they are ready.
export-empty = There are no reports for { $scope } in weeks { $period }, so no file was sent.
export-caption-xlsx = Reports of { $scope }, weeks { $period }: { $rows } reports.
export-caption-csv = Reports of { $scope } — programme { $programme }, weeks { $period }: { $rows } reports, as CSV.
export-caption-xlsx-programme = Reports of { $scope } — programme { $programme }, weeks { $period }: { $rows } reports.
export-too-large = Some files were too large to send through Telegram (over 50 MB) and were left out. Try the export again with a shorter period or a single programme or group.
export-failed = Sorry, the report files could not be prepared because of a problem on our side. Please try again later with /ekspor.
export-scope = { $kind ->
    [group] group { $name }
    [programme] programme { $name }
    [mine] your groups
   *[all] all groups
}
# Parts of the file name (lower case, no spaces).
export-file-prefix = reports
export-file-all = all
export-file-mine = my-groups
# Column headings in the files.
export-col-week = Week
export-col-week-key = Week code
export-col-group = Group
export-col-kelurahan = Kelurahan
export-col-member = Member
export-col-reported-by = Reported by
export-col-reported-at = Reported at
export-col-note = Note
export-col-total = Total
export-erased-person = (erased)
export-group-report = (group report)

## console: the staff console (web) and /konsol
cmd-konsol = Open the web console (one-time link)
console-bot-link = Your console link (valid { $minutes } minutes, works once, do not share it):
    { $url }
console-bot-not-allowed = The web console is for CSR staff and group coordinators only.
console-bot-off = The web console is not switched on on this server (CONSOLE_URL is not set). Please ask whoever runs the bot.
console-link-invalid-title = This link does not work
console-link-invalid-body = This link was already used, has expired or is unknown. Send /konsol to the bot for a new one.
console-signed-out-title = Please sign in
console-signed-out-body = Your session has ended or you no longer have access. Send /konsol to the bot for a new sign-in link.
console-bye-title = You are signed out
console-bye-body = Goodbye. Send /konsol to the bot whenever you want to sign in again.
console-csrf-title = Form expired
console-csrf-body = This form could not be processed (the security token did not match). Reload the page and try again.
console-rate-title = Too many attempts
console-rate-body = Please wait a moment, then try again.
console-error-title = Something went wrong
console-error-body = Sorry, this page could not be loaded. Please try again shortly.
console-refused-title = Cannot be opened
console-refused-body = This page does not exist or is not for your account.
console-nav-home = Home
console-nav-reports = Reports
console-nav-meetings = Meetings
console-nav-settings = Settings
console-nav-audit = Change history
console-switch-en = English
console-switch-id = Bahasa Indonesia
console-sign-out = Sign out
console-home-title = Home
console-filter-programme = Programme
console-filter-group = Group
console-filter-member = Member
console-filter-year = Year
console-filter-from = From week
console-filter-to = To week
console-filter-all = All
console-filter-apply = Show
console-completeness = Reporting completeness (last 12 weeks)
console-completeness-cell = { $reported } of { $members } members reported
console-upcoming = Upcoming meetings
console-upcoming-none = No meetings scheduled.
console-rsvp-counts = yes { $yes } · no { $no } · maybe { $maybe } · no answer { $none }
console-obstacles = Latest obstacles
console-obstacles-none = No obstacles reported yet.
console-reports-title = Reports
console-reports-count = { $total } reports · page { $page } of { $pages }
console-download-xlsx = Download XLSX
console-download-csv = Download CSV
console-csv-one-programme = A CSV file holds one programme. Choose one programme or group first, then download again.
console-col-week = Week
console-col-group = Group
console-col-member = Member
console-col-values = Figures
console-col-submitted = Submitted
console-col-versions = Versions
console-col-role = Role
console-col-status = Status
console-col-last-report = Last report
console-col-reachable = Reachable
console-col-when = When
console-col-title = Title
console-col-place = Place
console-col-invited = Invited
console-col-group-or-institution = Group / institution
console-col-who = By
console-col-what = Change
console-col-before = Before
console-col-after = After
console-submitted-by = submitted by { $name }
console-prev = Previous
console-next = Next
console-erased = (data erased)
console-note = Note
console-obstacle = Obstacle
console-versions-title = Report versions
console-version = Version { $version }
console-current = current
console-members = Members
console-inactive = inactive
console-no-telegram = no Telegram
console-role-member = Member
console-role-coordinator = Coordinator
console-role-stakeholder = Stakeholder
console-status-active = active
console-status-left = left
console-status-unreachable = unreachable
console-status-erased = erased
console-links = Join links
console-links-none = No join link is still valid.
console-links-manage = Manage join links
console-links-print = Print the QR code sheet (A4)
console-link-valid-until = valid until { $date }
console-link-uses = used { $uses } of { $max }
console-link-days = Valid (days)
console-link-max-uses = Use limit
console-link-create = Create link
console-link-revoke = Revoke
console-link-valid = Valid until
console-link-used = Used
console-link-not-allowed = You may not create links.
console-link-unknown-group = That group does not exist or is inactive.
console-link-unknown-stakeholder = That institution does not exist or is inactive.
console-link-invalid-days = Validity must be between { $min } and { $max } days.
console-link-invalid-uses = The use limit must be between { $min } and { $max }.
console-any-stakeholder = Stakeholder (any institution)
console-qr-title = QR codes to join
console-qr-hint = Print this page (Ctrl+P). Each code opens the bot with its group's join link.
console-meetings-title = Meetings
console-meeting-scheduled = scheduled
console-meeting-cancelled = cancelled
console-tally = Answers to the invitation
console-answer-yes = Coming
console-answer-no = Not coming
console-answer-maybe = Maybe
console-answer-none = No answer yet
console-reasons = Reasons for not coming
console-attendance = Attendance list ({ $count } people)
console-input = Input before the meeting
console-input-achievements = Achievements
console-input-obstacles = Obstacles
console-input-proposals = Proposals for next year
console-input-stakeholder_input = Stakeholder input
console-notes = Minutes
console-notes-none = No minutes recorded yet.
console-other = Other
console-settings-title = Settings
console-settings-indicators = Indicators
console-settings-targets = Annual targets
console-settings-links = Join links
console-settings-baselines = Figures of earlier years
console-targets-no-programme = There is no active programme yet.
console-targets-kind = Kind
console-targets-kind-target = Target
console-targets-kind-baseline = Earlier year's figure (baseline)
console-targets-saved = Saved: { $changed } figures changed.
console-targets-errors = Not saved — please fix these cells first (nothing was changed):
console-targets-paste = Or paste a block from Excel (rows = groups, columns = indicators, in the table's order):
console-targets-paste-hint = copy cells in Excel and paste them here
console-targets-save = Save
console-targets-unreadable = { $group } — { $indicator }: "{ $value }" cannot be read as a number.
console-targets-ambiguous = { $group } — { $indicator }: "{ $value }" could mean { $first } or { $second }; please write it clearly.
console-targets-negative = { $group } — { $indicator }: "{ $value }" cannot be negative.
console-targets-too-many-decimals = { $group } — { $indicator }: "{ $value }" allows at most { $decimals } decimals.

## target — /target (staff: yearly targets per group and indicator, earlier years' totals, XLSX templates)

cmd-target = Set yearly targets and earlier years' figures
target-ask-action = What would you like to set?
target-action-one = Set one target
target-action-template = Target template (XLSX)
target-action-baseline = Earlier year template (XLSX)
target-action-hint = Choose one of the buttons above.
target-ask-programme = Choose a programme:
target-ask-group = Choose a group in { $programme }:
target-ask-indicator = Choose an indicator for { $group }:
target-pick-hint = Choose with the buttons above.
target-ask-year = For which year? Choose or type the year.
target-year-hint = Type a year between { $min } and { $max }, e.g. 2026.
target-ask-value = What is the { $year } target of { $indicator } for { $group }? Write the figure in { $unit }.
target-current = Current target: { $value } { $unit }.
target-value-hint = Just write the figure, e.g. 1.250 or 789,5.
target-value-ambiguous = "{ $text }" could mean { $first } or { $second }. Please write it again clearly.
target-value-negative = A target cannot be negative. Please write the figure again.
target-value-decimals = This indicator allows at most { $decimals } decimals. Please write the figure again.
target-saved = Saved: { $year } target of { $indicator } for { $group } = { $value } { $unit }.
target-unchanged = That target was already { $value } { $unit }; nothing changed.
target-gave-up = Nothing was saved. Type /target to try again.
target-not-found = That programme, group or indicator does not exist (any more).
target-template-caption = Target template for { $programme } { $year }. Fill in the yellow Target column and send this file back to me.
target-baseline-caption = Data template for { $programme } { $year }. Fill in the year's totals in the yellow column and send this file back to me.
target-file-target = target
target-file-baseline = baseline
target-file-title = { $programme } targets for { $year }
target-file-hint = Fill in the Target column (yellow). Do not change the codes in columns A and C. Figures may be written 1.250 or 789,5; empty cells are left unchanged.
target-file-baseline-title = { $programme } figures for { $year } (before the bot)
target-file-baseline-hint = Fill in the year's totals (yellow). Do not change the codes in columns A and C. Figures may be written 1.250 or 789,5; empty cells are left unchanged.
target-col-group-code = Group code
target-col-group = Group
target-col-indicator-code = Indicator code
target-col-indicator = Indicator
target-col-unit = Unit
target-col-last-year = Actual { $year }
target-col-this-year = { $year } so far
target-col-target = Target { $year }
target-col-baseline = Total { $year }
target-kind-target = Targets
target-kind-baseline = Earlier year's figures
target-import-not-template = This file is not a template from the bot. Get the template with /target, fill it in and send it back.
target-import-unknown-programme = I do not know the programme in this file. Get a new template with /target.
target-import-bad-year = The year in this file is out of range. Get a new template with /target.
target-import-errors = This file has { $count } error(s), so nothing was saved:
    { $errors }
    Please fix them and send the file again.
target-import-error-line = • Row { $row }, column { $column }: { $problem }
target-import-more = … and { $count } more error(s).
target-issue-unknown-group = group code "{ $text }" is not known in this programme
target-issue-unknown-indicator = indicator code "{ $text }" is not known in this programme
target-issue-unreadable = "{ $text }" cannot be read as a figure
target-issue-ambiguous = "{ $text }" could mean two figures; write 1.250 or 1,25
target-issue-negative = "{ $text }" is negative
target-issue-too-many-decimals = "{ $text }" has too many decimals
target-issue-duplicate = this group and indicator ({ $text }) appear twice
target-import-nothing = Nothing to change: every figure in the file equals what is stored.
target-import-preview = { $what } { $programme } { $year }: { $count } figure(s) will change.
    { $changes }
    Save these changes?
target-import-change-line = • { $group } — { $indicator }: { $before } → { $after } { $unit }
target-import-more-changes = … and { $count } more change(s).
target-none = (none)
target-import-button-ok = Save
target-import-button-cancel = Cancel
target-import-done = Saved: { $count } figure(s).
target-import-cancelled = Cancelled; nothing was saved.
target-import-expired = This preview is no longer valid. Please send the file again.
target-import-download-failed = I could not fetch that file. Please send it again.
console-year-note = Year { $year }: a week counts in the year its Thursday falls in (the week across New Year belongs to the year holding most of its days).
console-no-target = no target yet
console-last-year = Same period last year
console-behind = below the pro-rata line
console-from-baseline = yearly figure (baseline)
console-group-year = Progress in { $year }
console-group-weeks = The group's weekly figures (last 12 weeks)
console-group-targets = Targets

## Report: counts and rupiah with decimals (issue 8)
report-not-whole = { $label } takes whole numbers only, without decimals. What is the exact figure? Please type it again, e.g. { $example }.
onboarding-links-qr-caption = This link's QR code ({ $target }): scan it with a phone camera to join.
console-trend = Trend of the last { $weeks } weeks

## meeting-fgd — input before an FGD, the staff briefing, and the minutes (notulen)

meeting-fgd-btn-ask = 💬 Ask for input
meeting-fgd-btn-brief = 📊 FGD briefing
meeting-fgd-btn-notes = 📝 Minutes
meeting-fgd-asked = Input requested from { $count } invitees.
meeting-fgd-closed = This meeting has started or was cancelled; input can no longer be requested.
meeting-fgd-request-group = For the meeting "{ $title }" ({ $when }) we would like to hear from your group: achievements to highlight, obstacles you met, and proposals for next year. Press the button below to answer (you can change it until the meeting starts).
meeting-fgd-request-stakeholder = For the meeting "{ $title }" ({ $when }) we would welcome your input for the programme. Press the button below to write it (you can change it until the meeting starts).
meeting-fgd-give-button = ✍️ Give input
meeting-fgd-input-intro = Input for the meeting "{ $title }". Write your answer, or press Skip.
meeting-fgd-q-achievements = 1. Which achievements would your group like to highlight this year?
meeting-fgd-q-obstacles = 2. Which obstacles did your group meet?
meeting-fgd-q-proposals = 3. What does your group propose for next year?
meeting-fgd-q-stakeholder_input = What is your input for the programme?
meeting-fgd-input-before = Your earlier answer: { $text }
meeting-fgd-input-skip = Skip
meeting-fgd-input-keep = Keep as it is
meeting-fgd-input-hint = Write your answer in one message, or press the button above.
meeting-fgd-input-thanks = Thank you, your input is saved. You can change it with the same button until the meeting starts.
meeting-fgd-input-nothing = All right, nothing changed.
meeting-fgd-input-closed = This meeting has started or was cancelled, so input can no longer be given.
meeting-fgd-input-not-invited = You are not invited to this meeting.
meeting-fgd-topic-achievements = Achievements
meeting-fgd-topic-obstacles = Obstacles
meeting-fgd-topic-proposals = Proposals
meeting-fgd-topic-stakeholder_input = Input
meeting-fgd-brief-preparing = Preparing the FGD briefing…
meeting-fgd-brief-caption = FGD briefing: { $title } ({ $when })
meeting-fgd-brief-title = { $group } — briefing for { $title }
meeting-fgd-brief-col-indicator = Indicator
meeting-fgd-brief-col-unit = Unit
meeting-fgd-brief-col-year = { $year } so far
meeting-fgd-brief-col-target = Target
meeting-fgd-brief-col-percent = % of target
meeting-fgd-brief-col-last-year = Same period { $year }
meeting-fgd-brief-completeness = Weeks reported / weeks expected
meeting-fgd-brief-completeness-of = { $reported } of { $expected } weeks
meeting-fgd-brief-obstacles = Obstacles reported since { $since }
meeting-fgd-brief-start-of-year = the start of { $year }
meeting-fgd-brief-inputs = Input for this meeting
meeting-fgd-brief-none = (none yet)
meeting-fgd-brief-stakeholders-sheet = Stakeholders
meeting-fgd-brief-stakeholders-title = Stakeholders' input — { $title }
meeting-fgd-brief-col-institution = Institution
meeting-fgd-brief-col-name = Name
meeting-fgd-brief-col-input = Input
meeting-fgd-notes-ask = Write the minutes of the meeting (decisions and follow-up) in one message. New targets can be set with /target.
meeting-fgd-notes-hint = Write the minutes in one message, or /batal to leave.
meeting-fgd-notes-not-yet = Minutes can be recorded once the meeting has started.
meeting-fgd-notes-saved = Minutes saved. Send them to the attendees now?
meeting-fgd-notes-send = Send to attendees
meeting-fgd-notes-later = Later
meeting-fgd-notes-send-hint = Choose Send to attendees or Later.
meeting-fgd-notes-kept = All right, the minutes are saved and not sent yet.
meeting-fgd-notes-sent = Minutes sent to { $count } attendee(s).
meeting-fgd-notes-gave-up = The minutes were not saved. Open /rapat to try again.
meeting-fgd-notes-message = Minutes of the meeting "{ $title }" ({ $when }):

    { $notes }
console-settings-programmes = Programmes, groups, indicators and institutions
console-groups = Groups
console-kelurahan = Kelurahan
console-group-name = Group name
console-group-add = Add group
console-rename = Rename
console-deactivate = Deactivate
console-reactivate = Reactivate
console-save = Save
console-stakeholders = Stakeholders
console-ind-label-id = Label (Indonesian)
console-ind-label-en = Label (English)
console-ind-min = Min
console-ind-max = Max
console-ind-order = Order
console-ind-required = Required
console-ind-reported-by = Reported by
console-ind-aggregation = Adds up as
console-ind-help = Min and max: the sensible range of one report in one week (write without thousands separators). "Reported by the group": one figure per group and week. "Latest": head counts and stocks — the year's figure is the latest one, not the sum of all weeks.
console-reporter-member = each member
console-reporter-group = the group
console-aggregation-sum = sum
console-aggregation-latest = latest value
console-aggregation-max = highest value
console-change-changed = Saved. The change is recorded in the change history.
console-change-unchanged = Nothing changed.
console-change-not-found = That was not found.
console-change-invalid-label = A label may not be empty or too long.
console-change-invalid-bounds = Invalid bounds: min and max must be numbers, min not negative and not above max.
console-change-invalid-position = The order must be a whole number.
console-change-invalid-reported-by = Unknown choice for "reported by".
console-change-invalid-aggregation = Unknown choice for "adds up as".
console-change-invalid-empty = Nothing was changed.
console-change-invalid-name = Name and kelurahan must be filled in (letters and digits).
console-change-invalid-code-taken = A group with that name already exists.
console-change-invalid-not-member = That person is not an active member of this group.
console-change-invalid-programme-inactive = This programme is inactive: reactivate the programme first.

## kelola — /kelola (staff: groups, members, stakeholders; admins: programmes and indicators)
cmd-kelola = Manage groups, members, programmes and indicators
kelola-menu = What would you like to manage?
kelola-groups = Groups
kelola-stakeholders = Stakeholders
kelola-programmes = Programmes
kelola-indicators = Indicators
kelola-finish = Done
kelola-bye = Done. Every change has been recorded.
kelola-hint = Tap one of the buttons above.
kelola-type-hint = Type the answer, or tap Back.
kelola-inactive = { $name } (inactive)
kelola-state-active = active
kelola-state-inactive = inactive
kelola-choose-group = Choose a group:
kelola-add-group = ➕ Add a group
kelola-choose-programme = Choose a programme:
kelola-choose-programme-toggle = Choose a programme to activate or deactivate (its groups go with it):
kelola-ask-group-name = Type the group's name:
kelola-ask-kelurahan = Type its kelurahan:
kelola-group-added = The new group is saved (code { $code }). Create its invitation links with /tautan.
kelola-group = Group { $name } ({ $kelurahan }), code { $code } — { $state }
kelola-rename = Rename
kelola-deactivate = Deactivate
kelola-reactivate = Activate again
kelola-members = Members
kelola-choose-member = Choose a member:
kelola-no-members = This group has no active members yet.
kelola-no-name = (no name)
kelola-coordinator = { $name } (coordinator)
kelola-make-coordinator = Make coordinator
kelola-make-member = Make a plain member
kelola-remove-member = Remove from the group
kelola-choose-stakeholder = Choose an institution to activate or deactivate:
kelola-choose-indicator = Choose an indicator:
kelola-indicator =
    { $label } ({ $labelEn }) — { $state }
    Unit: { $unit }; bounds: { $min } to { $max }; position: { $position }; required: { $required }
    Reported by: { $reportedBy }; adds up as: { $aggregation }
kelola-yes = yes
kelola-no = no
kelola-reported-by-member = each member
kelola-reported-by-group = the group (one figure a week)
kelola-aggregation-sum = sum
kelola-aggregation-latest = latest figure
kelola-aggregation-max = highest figure
kelola-make-optional = Make optional
kelola-make-required = Make required
kelola-set-reported-by = Reported by: { $to }
kelola-set-aggregation = Adds up as: { $to }
kelola-edit-label-id = Change the name (Indonesian)
kelola-edit-label-en = Change the name (English)
kelola-edit-min = Change the lower bound
kelola-edit-max = Change the upper bound
kelola-edit-position = Change the position
kelola-ask-labelId = Type the indicator's name in Indonesian:
kelola-ask-labelEn = Type the indicator's name in English:
kelola-ask-minValue = Type the lower bound (a number, e.g. 0):
kelola-ask-maxValue = Type the upper bound for one weekly report (a number, e.g. 5,000):
kelola-ask-position = Type its position (0 = first):
kelola-result-changed = Saved. This change has been recorded.
kelola-result-unchanged = Nothing changed: it already was so.
kelola-result-not-found = That could not be found any more.
kelola-result-forbidden = Sorry, you may not change this.
kelola-invalid-name = That name cannot be used: write 2 to 120 characters.
kelola-invalid-code-taken = This programme already has a group with that name.
kelola-invalid-not-member = That person is not an active member of this group.
kelola-invalid-programme-inactive = That programme is inactive. Activate the programme first.
kelola-invalid-label = That indicator name cannot be used: write 2 to 120 characters.
kelola-invalid-bounds = The bounds do not fit: write numbers; the lower bound may not be below 0 or above the upper bound.
kelola-invalid-position = Write the position as a whole number, e.g. 3.
kelola-invalid-reported-by = That choice is not known.
kelola-invalid-aggregation = That choice is not known.
kelola-invalid-empty = Nothing was changed.
console-chart = This year's chart
