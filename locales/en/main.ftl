# mimamori — English. Every message here must also exist in ../ja/main.ftl (a test checks).
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

## Reasons, for clinicians
reason-spo2-at-or-below = SpO2 { $value }% ≤ { $bound }% ({ $label })
reason-spo2-at-or-above = SpO2 { $value }% ≥ { $bound }% ({ $label })
reason-baseline-drop = SpO2 { $value }% is { $points } or more points below the baseline { $baseline }%
reason-missing-spo2 = SpO2 not reported
reason-pulse = pulse { $value }/min ≥ { $bound }/min
reason-respiratory-rate = respiratory rate { $value }/min ≥ { $bound }/min
reason-symptom = { $symptom } (urgent symptom)
reason-worse = feels worse than at the last check
reason-worse-and-breathing = feels worse and breathing is harder
reason-harder-to-breathe = breathing is harder
reason-fever-days = temperature ≥ { $bound } °C on { $days } consecutive days
reason-asks-to-talk = asks to talk to someone
reason-high-risk-new-symptoms = high-risk patient with new symptoms
reason-treatment-referral = high risk, within { $days } days of onset, no oxygen needed: refer for early treatment
reason-no-answer = no answer to the check-in for { $minutes } minutes
reason-no-contact = no contact for { $hours } hours

## Release
release-notice = { $name }, your home recovery period ends today. The daily check-ins stop now. Thank you for reporting every day. If you feel unwell, call { $centre }.
release-by-staff = { $name }, the health centre has ended your home recovery observation. The check-ins stop now. If you feel unwell, call { $centre }.
reason-cannot-eat = cannot eat or drink
reason-staff = opened by { $staff }: { $reason }
reenter-respiratory-rate = The breathing rate must be between 4 and 80 breaths a minute. Please count for one minute and send it again, for example RR 20

## Providers (doctors, nurses, pharmacists, equipment contractors)
provider-welcome = Welcome, { $name }. This chat is now registered with mimamori for you as { $role ->
        [doctor] a doctor
        [nurse] a nurse
        [pharmacist] a pharmacist
        [support_centre] the support centre
       *[contractor] an equipment contractor
    }. Care requests for your patients will be offered here with Accept and Decline buttons.
provider-idle = { $name }, there is no request waiting for you right now. New requests will be offered in this chat with Accept and Decline buttons.
request-kind = { $kind ->
        [home_visit] Home visit
        [phone_consultation] Telephone consultation
        [emergency] Emergency
        [oxygen] Oxygen
        [hospital_coordination] Hospital admission
        [treatment_referral] Treatment referral
        [safety_check] Safety check
        [pharmacy_delivery] Prescription delivery
        [doctor_consultation] Doctor consultation (for a nurse or pharmacist)
        [oxygen_delivery] Oxygen equipment delivery
        [oxygen_collection] Oxygen equipment collection
        [transport] Patient transport
        [visiting_nursing] Visiting nursing
        [oxygen_start_visit] Home visit to start oxygen
        [cylinder_swap] Oxygen cylinder swap
       *[other] Care request
    }
offer = { $kind } requested — please answer by { $deadline }.
    Patient: { $name } ({ $age })
    Phone: { $phone }
    Area: { $area }
    Latest readings:
    { $readings }
    Why:
    { $reasons }
offer-accept = Accept
offer-decline = Decline
offer-accepted = Thank you. { $kind } for { $name } is yours: please contact them by { $by } at { $phone }. Send your outcome in this chat when you are done.
offer-declined = Noted: you declined. The request goes to the next person.
offer-taken = Thank you — someone else has already accepted this request.
offer-closed = This offer has closed (it expired or was answered already).
offer-unknown = This offer is not known for you.
patient-provider-assigned = { $provider } ({ $role ->
        [doctor] doctor
        [nurse] nurse
        [pharmacist] pharmacist
       *[contractor] equipment contractor
    }) will contact you by { $by }.
outcome-label = { $outcome ->
        [consulted] Consulted by phone
        [visited] Visited
        [prescribed] Prescribed
        [oxygen] Oxygen needed
        [admission] Admission needed
        [delivered] Delivered
        [kit_delivered] Delivered and set up
        [not_delivered] Could not deliver
        [collected] Collected
        [not_collected] Could not collect
        [arrived] Arrived
        [nursing] Visiting nursing needed
        [drug_set] First-line drug set given
        [admission_arranged] Admission arranged
        [oxygen_started] Oxygen started
        [swapped] Swapped, empty one taken back
        [not_swapped] Could not swap
        [plan_ended] Nursing plan ended
       *[no_contact] Could not reach
    }
outcome-recorded = Recorded: { $outcome ->
        [consulted] consulted by phone
        [visited] visited
        [prescribed] prescribed — a delivery request is opened
        [oxygen] oxygen needed — an oxygen request is opened
        [admission] admission needed — hospital coordination is opened
        [delivered] delivered
        [kit_delivered] equipment delivered — a home visit to start oxygen is arranged
        [not_delivered] could not deliver — the job is offered again and staff are told
        [collected] equipment collected — it goes to cleaning
        [not_collected] could not collect — the job is offered again and staff are told
        [arrived] arrived
        [nursing] visiting nursing needed — the nurse agencies are asked
        [drug_set] first-line drug set given
        [admission_arranged] admission arranged — oxygen at home ends and the patient leaves home observation
        [oxygen_started] oxygen started — the patient is told; the ordering doctor can end it
        [swapped] cylinder swapped — the empty one goes to cleaning
        [not_swapped] could not swap — the job is offered again and staff are told
        [plan_ended] nursing plan ended
       *[no_contact] could not reach the patient — a home safety check is opened
    }. Thank you. You may send a short note in this chat.
outcome-note-saved = Your note is saved with the request.
outcome-closed = This request is no longer yours to report on (it was closed or reassigned).
reason-outcome = reported by { $provider }: { $outcome ->
        [prescribed] prescribed
        [oxygen] oxygen needed
        [admission] admission needed
        [nursing] visiting nursing needed
       *[no_contact] patient could not be reached
    }
coordination-assign-button = Give the visit to a doctor
coordination-handback-button = Hand back to the health centre
coordination-choose-doctor = Which doctor will visit? (those on the roster for the patient's area now)
coordination-no-doctor = No doctor is on the roster for this area now. Hand the request back to the health centre, or arrange it by phone.
coordination-assigned = { $doctor } ({ $phone }) now has the visit to { $name } and has been sent the details.
coordination-handed-back = Handed back: the health centre has been alerted and will arrange it.
nursing-plan = { $mode ->
    [visit] a visit
   *[phone] a phone call
} every { $hours } h until { $until }
nursing-plan-frequency = { $mode ->
    [visit] Visit
   *[phone] Call
} every { $hours } h
nursing-plan-days = For { $days } days
nursing-plan-prompt = Visiting nursing ordered: { $plan }. Tap to change how often or for how long.
nursing-plan-set = Nursing plan: { $plan }.
nursing-plan-changed = The doctor changed the nursing plan for { $name }: { $plan }.
nursing-brief = Address: { $address }
    Plan: { $plan }
    First { $mode ->
        [visit] visit
       *[phone] call
    } by { $by }. Write what you find here (e.g. "SpO2 95 36.8 pulse 80 RR 18 cough"): it is recorded as the patient's report.
nursing-next = Next { $mode ->
    [visit] visit
   *[phone] call
} due by { $by }.
nursing-last = That was the last visit of the plan.
nursing-reminder = { $mode ->
    [visit] Visit
   *[phone] Call
} due now: { $name } ({ $phone }), { $address }. Write what you find here.
nursing-missed = The { $mode ->
    [visit] visit
   *[phone] call
} to { $name } due at { $due } has not been reported. The health centre has been told and will call the patient.
nursing-ended = The nursing plan for { $name } has ended. Thank you.
reason-nursing-missed = the visiting nurse's { $mode ->
    [visit] visit
   *[phone] call
} due at { $due } was not reported
reason-nurse-observation = put under a visiting nurse's observation by the health centre
consult-button = Consult a doctor
consult-opened = A doctor is being asked to take over this patient; you will be told who accepts.
consult-already = A doctor has already been asked about this patient; you will be told who accepts.
consult-taken = { $provider } (doctor, { $phone }) has taken over the consultation for { $name }.
reason-consult = { $role ->
        [nurse] nurse
       *[pharmacist] pharmacist
    } { $provider } asks a doctor to take over
request-overdue = Reminder: { $kind } for { $name } is past its deadline. Please report the outcome in this chat; health-centre staff have been told.
request-reassigned = Health-centre staff have passed the request for { $name } to someone else; you need not act on it any more.
level-name = { $level ->
        [emergency] emergency
        [urgent] urgent
        [moderate] moderate
        [watch] watch
       *[stable] stable
    }
request-raised = Update: { $name } has worsened. { $kind } is now { $level }.
    Why:
    { $reasons }
    Please contact them by { $by } at { $phone }.
offer-raised = Update: the patient has worsened (now { $level }). Please answer sooner.
report-column = { $column ->
        [provider_id] Provider ID
        [name] Name
        [role] Role
        [organisation] Organisation
        [phone_consultations] Telephone consultations
        [home_visits] Home visits
        [nursing_visits] Nursing visits
        [prescriptions] Prescriptions
        [drug_sets] First-line drug sets
        [deliveries] Deliveries
        [other_outcomes] Other outcomes
        [offers] Requests offered
        [accepted] Accepted
        [declined] Declined
        [expired] Unanswered
        [median_minutes_to_accept] Median minutes to accept
       *[median_minutes_to_outcome] Median minutes to outcome
    }

## Oxygen (lending at home, the station)
offer-job = { $kind } requested — please answer by { $deadline }.
    Patient: { $name }
    Phone: { $phone }
    Address: { $address }
    Job: { $what }
oxygen-route-station = A bed at the oxygen station ({ $station }) is being held for you. The station will call you about admission and transport; keep your phone with you.
oxygen-route-home = Oxygen can be lent to you at home. A doctor will call you to decide; the equipment is then delivered to your home.
oxygen-route-hospital = The health centre is arranging hospital admission for you now and will call you. If you feel very unwell, call { $emergency } now.
reason-oxygen-needed = oxygen needed: hospital admission to be arranged in parallel
reason-oxygen-order = oxygen ordered: { $kit ->
        [cylinder_sync] cylinder with breath-synchronising regulator
        [cylinder] cylinder with standard regulator
       *[concentrator] concentrator
    }, { $flow } L/min
reason-oxygen-start = oxygen equipment delivered ({ $kit ->
        [cylinder_sync] cylinder with breath-synchronising regulator
        [cylinder] cylinder with standard regulator
       *[concentrator] concentrator
    }, { $flow } L/min): start oxygen at home and show the patient how to use it
reason-oxygen-swap = the cylinder is running empty: bring a full one ({ $flow } L/min) and take the empty one back
reason-oxygen-collect = oxygen ended: collect the { $kit ->
        [cylinder_sync] cylinder and regulator
        [cylinder] cylinder
       *[concentrator] concentrator
    }
oxygen-order-prompt = Order oxygen at home for { $name }: choose the equipment and flow, or write another, e.g. "cylinder 2.5" or "concentrator 1.5" (L/min).
oxygen-order-button = { $kit ->
        [cylinder] Cylinder
       *[concentrator] Concentrator
    } { $flow } L/min
oxygen-doctors-only = Only a doctor can order oxygen.
oxygen-ordered = Ordered: { $kit ->
        [cylinder_sync] cylinder with breath-synchronising regulator
        [cylinder] cylinder with standard regulator
       *[concentrator] concentrator
    }, { $flow } L/min. The equipment is reserved and the contractor is being asked to deliver it; you will be told when it is at the patient's home.
oxygen-already-ordered = Oxygen equipment is already ordered for this patient.
oxygen-no-stock = No { $unit ->
        [cylinder] cylinder
        [regulator] regulator
       *[concentrator] concentrator
    } is left in stock. Hospital admission is being arranged and health-centre staff have been alerted.
oxygen-ordered-patient = The doctor has ordered oxygen equipment for your home ({ $flow } L/min). A contractor will bring it; you will be told who and when.
oxygen-delivered-patient = The oxygen equipment has been delivered. A doctor or nurse will visit to start oxygen with you; do not start it alone unless they told you how.
oxygen-start-button = Oxygen started
oxygen-end-button = End oxygen
oxygen-started = Recorded: oxygen started. Tap "End oxygen" when it is no longer needed; the equipment is then collected.
oxygen-started-patient = Oxygen has been started at { $flow } L/min. Keep reporting your SpO2 as usual.
oxygen-ended = Recorded: oxygen ended. The contractor is asked to collect the equipment.
oxygen-not-now = This oxygen order cannot change now (it has already started or ended).
station-accepted = The oxygen station ({ $station }) has accepted you. You will be told about transport; keep your phone with you.
station-declined = The oxygen station cannot take you. The health centre is arranging oxygen at home or hospital care and will contact you.
station-discharged = You are discharged from the oxygen station ({ $station }). Home recovery continues: please keep reporting your readings.
station-transferred = You are being moved from the oxygen station to hospital.
transport-leg = { $leg ->
        [pickup] pick-up: the patient's home → { $station }
       *[return] return: { $station } → the patient's home
    }
reason-transport = { $leg ->
        [pickup] transport to the station for treatment
       *[return] transport home from the station
    }

staff-welcome = Welcome, { $name }. Alerts for the shifts you are on duty in will arrive in this chat.
staff-chat-help = This chat receives the health centre's alerts. Press "I'm on it" under one to take it; the console has the rest.
staff-page = [mimamori] { $what }
staff-page-patient = { $patient } { $phone }
staff-page-again = Still nobody has taken this.
staff-page-ack = I'm on it
staff-ack-done = Thank you: you have it. The others see that you are on it.
staff-ack-taken = { $name } has already taken this.
staff-ack-not-allowed = Your role may not take alerts; please tell someone who can.
nurse-observation-recorded = Recorded as a report on { $name } from your visit.
drug-set-covers-note = covered by the first-line drug set { $provider } handed over at the night visit
admission-arranged-note = admission to hospital arranged by { $provider }

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = Check in now
