# mimamori — English: what providers (doctors, nurses, pharmacists, contractors) and staff read in their chats, and the clinical reasons staff see.
# Every language has every message of patient.ftl; provider.ftl and console.ftl are whole when present (a test checks).

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
reason-cannot-eat = cannot eat or drink
reason-staff = opened by { $staff }: { $reason }

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
oxygen-start-button = Oxygen started
oxygen-end-button = End oxygen
oxygen-started = Recorded: oxygen started. Tap "End oxygen" when it is no longer needed; the equipment is then collected.
oxygen-ended = Recorded: oxygen ended. The contractor is asked to collect the equipment.
oxygen-not-now = This oxygen order cannot change now (it has already started or ended).
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

## What a patient's words were understood as (staff see the words and this)
understood = 「{ $words }」→ { $polarity ->
        [negated] not: { $concept }
        [uncertain] unsure, asked: { $concept }
       *[affirmed] { $concept }
    }
concept-label = { $concept ->
        [worse] feels worse
        [better] feels better
        [same] about the same
        [harder_to_breathe] breathing is harder
        [asks_to_talk] asks to talk to someone
        [cannot_eat_or_drink] cannot eat or drink
        [no_symptoms] no symptoms
        [distress] distress, asks for help
        [correction] says the last report was misread
       *[other] { $concept }
    }

## The provider's own menu
provider-no-open-requests = You hold no open request.
provider-open-request = { $kind }: { $name } ({ $phone }), by { $by }
provider-away = Noted: you are off. No new requests will be offered to you until you tap "I'm available". Requests you already hold stay yours.
provider-available = Noted: you are available. New requests will be offered to you again.
provider-menu-bar = Menu
provider-menu-requests = My open requests
provider-menu-available = I'm available
provider-menu-away = I'm off
provider-menu-language = Language
