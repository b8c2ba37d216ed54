# mimamori — English: what patients read in their chat.
# Every language has every message of patient.ftl; provider.ftl and console.ftl are whole when present (a test checks).
# $centre is health-centre below, formatted with the configured number.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] the health centre
   *[other] the health centre ({ $phone })
}

## Enrolment
enrol-instructions = Welcome to mimamori, the health centre's home-recovery check-in service. Please send the 10-character enrolment code the health centre gave you (for example ABCDE-FGHJK).
enrol-welcome = Welcome, { $name }. You are now registered. We will ask how you are every day at { $times } (Japan time).
enrol-wrong-code = That code was not recognised. Please check it and send it again ({ $left } tries left this hour).
enrol-too-many-tries = Too many wrong codes. Please wait an hour, or call { $centre } for help.
enrol-code-used = That code has already been used. If you did not use it, please call { $centre }.
enrol-code-expired = That code has expired. Please call { $centre } for a new one.
enrol-already = You are already registered, { $name }. You can send your readings at any time.
welcome-back = Welcome back, { $name }. You can send your readings at any time.
observation-ended = Your home recovery observation has ended. If you feel unwell, call { $centre }, or { $emergency } in an emergency.
text-only = Sorry, I can only read text. Please type your readings, for example: SpO2 94 37.8

## Reporting
how-to-report = You can report at any time in one message; describe symptoms in your own words. For example:
    SpO2 94 37.8
    SpO2 96 temp 36.5 short of breath, coughing
    If I read something wrong, send "wrong".
check-in-prompt = Hello { $name }, it is time for your health check.
check-in-reminder = { $name }, we have not heard from you yet. Please answer the health check.
check-in-closed = That check-in has already finished.
ask-spo2 = What is your SpO2 (oxygen level)? Tap a number or type it.
ask-temperature = What is your temperature? Tap a value or type it, for example 37.8
ask-symptoms = Do you have any of these symptoms now? Tap each one you have, then "Done".
    { $list }
ask-feeling = Compared with your last check, do you feel better, the same, or worse?
choice-none = None of these
choice-done = Done
choice-more = More symptoms
choice-feel-worse = I feel worse
choice-talk = Talk to someone
choice-yes = Yes
choice-no = No
feeling-better = better
feeling-same = about the same
feeling-worse = worse
partial-noted = Noted: { $summary }.
value-spo2 = SpO2 { $value }%
value-temperature = { $value } °C
value-pulse = pulse { $value }/min
value-symptoms = symptoms: { $list }
value-denied = not: { $list }
reading-unreadable = Sorry, I could not read that.
reenter-spo2 = The SpO2 value is not possible (it must be 100% or less). Please measure again and send the number.
reenter-temperature = The temperature must be between 34.0 and 43.0 °C. Please check your thermometer and send it again, for example 37.8
reenter-pulse = The pulse must be between 30 and 250 per minute. Please check and send it again.
confirm-low-spo2 = Your SpO2 is very low. If the number is wrong, measure again and send the correct number.

## Safety
alert-emergency = Call { $emergency } now for an ambulance. Say you are a COVID-19 patient recovering at home.
alert-call = Please call { $centre } now. If you feel very unwell, call { $emergency }.

## The urgent symptoms (MHLW list)
symptom-pale-face = Face looks pale
symptom-purple-lips = Lips are purple
symptom-not-themselves = Not themselves
symptom-fast-breathing = Breathing fast
symptom-sudden-breathlessness = Suddenly breathless
symptom-breathless-on-exertion = Breathless on slight effort
symptom-chest-pain = Chest pain
symptom-cannot-lie-down = Cannot lie down
symptom-shoulder-breathing = Breathing with shoulders
symptom-sudden-wheezing = Sudden wheezing
symptom-dazed = Dazed, weak response
symptom-confused = Confused, not answering
symptom-irregular-pulse = Pulse irregular

## Common symptoms (not urgent on their own)
symptom-fever = Fever
symptom-cough = Cough
symptom-sore-throat = Sore throat
symptom-taste-smell-loss = No taste or smell
symptom-runny-nose = Runny or blocked nose
symptom-headache = Headache
symptom-body-aches = Body or joint aches
symptom-fatigue = Tiredness
symptom-diarrhoea = Diarrhoea
symptom-nausea = Nausea or vomiting
symptom-chills = Chills
ask-other-symptoms = Do you have any of these other symptoms? (optional) Tap each one you have.
ask-other-symptoms-more = Tap any others you have, or "Done".
other-symptoms-thanks = Thank you, noted.

## Asking back (when the words leave an urgent sign unclear)
ask-confirm-symptom = To be sure: is this true for you now — "{ $symptom }"? Please tap Yes or No. If we hear nothing within { $minutes } minutes, we will act as if it is.
ask-measure-now = If you can, measure your SpO2 now and send the number. If you feel very unwell, call { $emergency } now.
confirm-noted-no = Thank you. Noted that "{ $symptom }" is not the case.
confirm-assumed = We did not hear back, so to be safe we are acting as if "{ $symptom }" is the case.
question-closed = That question has already been answered.

## Corrections
correction-nothing = I could not find a recent report to correct.
correction-reopened = Sorry. Your last report ({ $summary }) has been withdrawn. Please send it again as you meant it.
correction-applied = Sorry. Your last report ({ $summary }) has been corrected.

## Triage: what happens next
report-noted = { $summary } — recorded.
route-stable = Thank you. Keep resting; we will ask again at the next check-in. If you feel worse, send "worse" at any time.
route-watch = A doctor will call you within { $hours } hours to talk about how you are. If you feel worse before then, send "worse", or call { $centre }.
route-moderate = A doctor or nurse will call you within { $minutes } minutes, and visit you today if needed. If your breathing gets harder, call { $emergency }.
route-urgent = You may need oxygen. A doctor will call you within { $minutes } minutes and the health centre is arranging care. If you feel very unwell before then, call { $emergency }.
route-emergency = The health centre has been alerted and will arrange hospital care. Keep your phone with you.
route-referral = You have a risk factor and are early in your illness: the health centre will contact you about early treatment.
remeasure-ask = Please rest for a minute, warm your hand, measure your SpO2 again and send the number within { $minutes } minutes. If you feel very unwell, call { $emergency } now.
remeasure-counted = Thank you. The lower reading counts: SpO2 { $value }%.

## Release
release-notice = { $name }, your home recovery period ends today. The daily check-ins stop now. Thank you for reporting every day. If you feel unwell, call { $centre }.
release-by-staff = { $name }, the health centre has ended your home recovery observation. The check-ins stop now. If you feel unwell, call { $centre }.
reenter-respiratory-rate = The breathing rate must be between 4 and 80 breaths a minute. Please count for one minute and send it again, for example RR 20

## Providers (doctors, nurses, pharmacists, equipment contractors)
patient-provider-assigned = { $provider } ({ $role ->
        [doctor] doctor
        [nurse] nurse
        [pharmacist] pharmacist
       *[contractor] equipment contractor
    }) will contact you by { $by }.

## Oxygen (lending at home, the station)
oxygen-route-station = A bed at the oxygen station ({ $station }) is being held for you. The station will call you about admission and transport; keep your phone with you.
oxygen-route-home = Oxygen can be lent to you at home. A doctor will call you to decide; the equipment is then delivered to your home.
oxygen-route-hospital = The health centre is arranging hospital admission for you now and will call you. If you feel very unwell, call { $emergency } now.
oxygen-ordered-patient = The doctor has ordered oxygen equipment for your home ({ $flow } L/min). A contractor will bring it; you will be told who and when.
oxygen-delivered-patient = The oxygen equipment has been delivered. A doctor or nurse will visit to start oxygen with you; do not start it alone unless they told you how.
oxygen-started-patient = Oxygen has been started at { $flow } L/min. Keep reporting your SpO2 as usual.
station-accepted = The oxygen station ({ $station }) has accepted you. You will be told about transport; keep your phone with you.
station-declined = The oxygen station cannot take you. The health centre is arranging oxygen at home or hospital care and will contact you.
station-discharged = You are discharged from the oxygen station ({ $station }). Home recovery continues: please keep reporting your readings.
station-transferred = You are being moved from the oxygen station to hospital.

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = Check in now

## Language and menu
language-ask = Which language should I write in? Tap one.
language-set = From now on I will write in English. To change it, send "language".
choice-language = 🌐 Language
choice-more-languages = More languages
call-centre = Please call { $centre }. In an emergency, call { $emergency }.
menu-bar = Menu
menu-report = Report now
menu-worse = I feel worse
menu-call = Call the health centre
menu-language = Language

## The enrolment sheet, printed for the patient
sheet-title = Enrolment sheet
sheet-heading = Home recovery: your daily health check by chat
sheet-dear = — please keep this sheet.
sheet-intro = The health centre will ask you every day, through LINE or Telegram, for your oxygen level (SpO2), temperature and how you feel. A nurse or doctor is contacted at once if you get worse.
sheet-code = Your enrolment code:
sheet-valid = Valid until
sheet-line = LINE: scan to add the health centre
sheet-telegram = Telegram: scan to start
sheet-step-add = Scan a QR code with your phone (or add the health centre's account).
sheet-step-code = Send the enrolment code above as a message (Telegram sends it for you).
sheet-step-report = Answer the daily questions. Write as you like: "SpO2 96 37.2 cough".
sheet-phone = Questions: call the health centre on { $phone }.
sheet-emergency = If you find it hard to breathe, have chest pain or your lips turn purple, call { $emergency } at once.
