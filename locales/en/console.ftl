# The health centre's console (staff-facing).
console-product = mimamori
console-nav-now = Now
console-nav-patients = Patients
console-nav-alerts = Alerts
console-signout = Sign out
console-back = Back to the console
console-print = Print
console-save = Save
console-reason = Reason
console-role-viewer = viewer
console-role-staff = staff
console-role-admin = admin

console-signin-title = Sign in
console-signin-login = Login
console-signin-password = Password
console-signin-button = Sign in
console-signin-wrong = The login or the password is not right.
console-signin-locked = Too many wrong passwords: this account is locked until { $until }. Ask an administrator if you cannot wait.
console-signin-expired = The sign-in page had expired. Please sign in again.

console-error-title = Something went wrong
console-error-storage = The database did not answer. Please try again in a moment.
console-refused-title = Not allowed
console-refused-text = Your role ({ $role }) may not do this. Nothing was changed; the attempt was recorded.
console-refused-not-found = There is no such request or patient, or it is outside your areas.
console-refused-no-reason = Please give a reason.
console-refused-no-provider = There is no active doctor, nurse or pharmacist with that id.
console-refused-not-now = This cannot be done now: it was already closed or taken by someone else.
console-refused-ended = The patient's episode has already ended.
console-refused-bad-day = Please give a date (YYYY-MM-DD).

console-now-title = Now: what needs a person
console-now-empty = No open care request. Everyone is being watched over.
console-overdue = overdue
console-opened = opened
console-due = due
console-held-by = Held by
console-chain-none = Not offered to anyone: staff arrange it.
console-assign = Assign
console-assign-to = Assign to
console-note = Note (what you did or found)
console-note-save = Add note
console-close = Close
console-close-outcome = How it ended

console-status-open = open
console-status-assigned = assigned
console-status-in_progress = in progress
console-status-done = done
console-status-cancelled = cancelled
console-answer-offered = asked, no answer yet
console-answer-accepted = accepted
console-answer-declined = declined
console-answer-expired = did not answer in time
console-answer-taken = someone else accepted first
console-answer-withdrawn = withdrawn
console-answer-assigned = assigned by staff
console-answer-reassigned = handed to someone else

console-alerts-title = Alerts
console-alerts-none = No open alert.
console-alerts-resolved = Resolved
console-alert-ack = I'm on it
console-alert-taken-by = Taken by
console-alert-resolution = How it was resolved
console-alert-resolve = Resolve
console-col-when = When
console-col-alert = Alert
console-col-patient = Patient
console-col-resolved-by = Resolved by
console-col-note = Note
console-alert-chain_exhausted = Nobody accepted: staff must arrange it
console-alert-request_raised = A patient waiting for staff has worsened
console-alert-request_overdue = Accepted but not done in time
console-alert-emergency = Emergency
console-alert-check_in_not_enrolled = Check-in due, but the patient has not enrolled in chat
console-alert-check_in_unreachable = Check-in due, but the patient's chat is unreachable
console-alert-patient_blocked_bot = The patient blocked the bot
console-alert-provider_blocked_bot = A provider blocked the bot
console-alert-patient_unreachable = A message could not reach the patient
console-alert-delivery_failed = A message could not be delivered
console-alert-line_quota_exhausted = LINE's monthly message quota is used up
console-alert-event_failed = A message from a patient could not be processed
console-alert-low_stock = Oxygen equipment is running low
console-alert-no_oxygen_capacity = No station bed and no equipment for a patient who needs oxygen
console-alert-no_oxygen_stock = No oxygen equipment in stock
console-alert-oxygen_delivered = Oxygen equipment delivered
console-alert-collection_failed = Equipment collection failed
console-alert-transport_failed = Patient transport failed
console-alert-referral_declined = Treatment referral declined
console-alert-report_corrected = A patient said a report was misread
console-alert-safety_check = A home safety check is needed
console-alert-safety_question_unanswered = An urgent question went unanswered
console-alert-station_admission = Station admission
console-alert-station_arrival = A patient arrived at the station
console-alert-duplicate_request_closed = A duplicate request was closed

console-patients-title = Patients
console-patients-none = No patient matches.
console-search = Search
console-search-hint = name, phone or id
console-filter = Show
console-filter-silent = No contact for more than (hours)
console-filter-unenrolled = Not yet enrolled in chat
console-col-name = Name
console-col-status = Status
console-col-severity = Severity
console-col-latest = Latest reading
console-col-area = Area
console-col-day = Day
console-col-contact = Last contact
console-col-chat = Chat
console-patient-active = under observation
console-patient-released = released
console-sheet = enrolment sheet
console-register-title = Register a patient
console-register-phone = Phone
console-register-birth = Born
console-register-onset = Onset
console-register-language = Language
console-register-address = Address (for equipment)
console-register-button = Register and print the sheet
console-register-no-name = Please give the patient's name.
console-register-bad-phone = The phone number does not look right (for example 090-1234-5678).
console-register-birth-future = The birth date is in the future.
console-register-onset-future = The onset date is in the future.
console-register-onset-before-birth = The onset date is before the birth date.
console-register-test-future = The test date is in the future.
console-register-bad-date = Please give the dates as YYYY-MM-DD.
console-register-other-area = You may register patients of your own areas only.

console-sheet-enrolled = This patient has already enrolled in chat: no code is needed.

console-release = Release
console-episode = Episode
console-episode-extend = Extend until
console-episode-nurse = Observe by a visiting nurse
console-episode-self = Back to self-report
console-episode-nurse-now = Observed by a visiting nurse
console-episode-end = End now
console-episode-until = Until
console-requests = Care requests
console-assessments = Assessments
console-reports = Reports
console-messages = Messages sent
console-set-aside = (the patient said this was misread)
console-pulse = pulse { $value }/min
console-breaths = { $value } breaths/min
console-chart-spo2 = SpO2 (%)
console-chart-temperature = Temperature (°C)
console-chart-pulse = Pulse (/min)
console-chart-fever = fever
console-chart-pulse-limit = limit
console-sent-pending = waiting
console-sent-sent = sent
console-sent-failed = not delivered

console-nav-resources = Resources
console-nav-audit = Audit
console-none = None.
console-stock = Oxygen equipment in stock
console-units-out = Units out
console-beds = Station beds
console-bed-free = free
console-bed-held = held
console-bed-occupied = occupied
console-bed-oxygen = oxygen bed
console-bed-therapy = therapy bed
console-jobs = Open delivery, collection and transport jobs
console-roster = Who covers which area
console-shift = Shift
console-shift-day = day
console-shift-night = night
console-shift-holiday = holiday
console-provider = Provider
console-weekdays = Days
console-unit-cylinder = cylinder
console-unit-regulator = regulator
console-unit-concentrator = concentrator
console-unit-available = in stock
console-unit-reserved = reserved
console-unit-out_for_delivery = out for delivery
console-unit-in_use = in use
console-unit-to_collect = to collect
console-unit-cleaning = cleaning
console-unit-out_of_service = out of service
console-audit-action = Action
console-audit-who = Who
console-audit-subject = Subject
console-audit-cli = (command line)
console-refused-no-chat = The patient has no chat the service can write to: please call them.
console-refused-needs-assignee = Choose the doctor, nurse or pharmacist to assign the request to.
console-message = Message to the patient
console-message-send = Send
console-message-sent = Sent to the patient's chat.
console-open-request = Open a request by hand
console-open-button = Open
console-alert-detail = Details (as the service recorded them, in English)
console-oxygen = Oxygen and the station
console-order-ordered = ordered
console-order-delivered = delivered
console-order-started = in use
console-order-ended = ended
console-order-cancelled = cancelled
console-stay-requested = requested
console-stay-accepted = accepted
console-stay-declined = declined
console-stay-admitted = admitted
console-stay-treated = treated
console-stay-discharged = discharged
console-stay-transferred = transferred
console-stay-cancelled = cancelled
console-register-test = Positive test
console-register-asymptomatic = No symptoms (release is counted from the test)
console-register-asymptomatic-needs-test = A patient without symptoms needs the date of the positive test.
console-register-risks = Risk factors
console-register-family-doctor = Family doctor
console-register-pharmacy = Usual pharmacy
console-register-independent = Independent in daily living
console-yes = yes
console-no = no
console-risk-malignancy = cancer
console-risk-copd = COPD
console-risk-chronic_kidney_disease = chronic kidney disease
console-risk-diabetes = diabetes
console-risk-hypertension = hypertension
console-risk-dyslipidaemia = dyslipidaemia
console-risk-obesity = obesity
console-risk-smoking = smoking
console-risk-immunosuppression = immunosuppression
console-risk-pregnancy = pregnancy

## Broadcasts
console-nav-broadcasts = Broadcasts
console-broadcasts-title = Broadcasts
console-broadcasts-none = No broadcasts yet.
console-broadcast-new = New broadcast
console-broadcast-title = Title
console-broadcast-fallback = Where a recipient's language has no text, send
console-broadcast-check-in = Add a "check in now" button
console-broadcast-who = Who gets it
console-broadcast-audience = Audience
console-broadcast-audience-patients = Patients under observation
console-broadcast-audience-providers = Providers
console-broadcast-audience-staff = Staff on duty
console-broadcast-min-level = At least
console-broadcast-platform = Platform
console-broadcast-not-reported = Not reported today
console-broadcast-oxygen = Oxygen at home
console-broadcast-draft = Save draft and see who gets it
console-broadcast-recipients = { $count } recipients
console-broadcast-missing = Recipients read { $languages } and there is no text in it: add one, or choose a fallback.
console-broadcast-needs-approval = Over the limit: a second member of staff must approve it after you send it.
console-broadcast-unreached = { $count } not reached (CSV)
console-broadcast-send = Send
console-broadcast-approve = Approve
console-broadcast-cancel = Cancel
console-broadcast-cancel-confirm = Cancel this broadcast? What was sent stays sent; nothing more goes.
console-broadcast-empty = A title and a text are needed.
console-broadcast-own-approval = A second member of staff must approve it.
console-broadcast-outside-areas = You can only broadcast to your own areas.
console-broadcast-status-draft = draft
console-broadcast-status-awaiting_approval = awaiting approval
console-broadcast-status-scheduled = scheduled
console-broadcast-status-sending = sending
console-broadcast-status-done = sent
console-broadcast-status-cancelled = cancelled
console-broadcast-status-stopped = stopped
console-broadcast-over-quota = LINE's monthly message quota cannot hold the { $needed } LINE copies this month.

## Exports for Excel (CSV headings)
export-column = { $column ->
        [patient_id] Patient ID
        [name] Name
        [phone] Phone
        [birth_date] Date of birth
        [area] Area
        [language] Language
        [status] Status
        [onset_date] Onset
        [test_date] Test date
        [risk_factors] Risk factors
        [registered_at] Registered
        [released_at] Released
        [report_id] Report ID
        [reported_at] Reported at
        [spo2] SpO2 (%)
        [temperature] Temperature (°C)
        [pulse] Pulse (/min)
        [respiratory_rate] Breaths (/min)
        [symptoms] Symptoms
        [feeling] Feeling
        [words] Patient's words
        [request_id] Request ID
        [kind] Kind
        [urgency] Urgency
        [opened_at] Opened
        [deadline] Deadline
        [provider] Provider
        [outcome] Outcome
        [closed_reason] Closed because
        [unit_id] Unit ID
        [serial] Serial
        [state] State
        [updated_at] Updated
        [admission_id] Admission ID
        [station] Station
        [bed_kind] Bed
        [source] Referred by
        [requested_at] Requested
        [note] Note
       *[other] { $column }
    }

console-export-title = Export for Excel (CSV)
console-export-what = Records
console-export-from = From
console-export-to = To
console-export-download = Download
console-export-patients = Patients
console-export-reports = Reports
console-export-care_requests = Care requests
console-export-oxygen_units = Oxygen units
console-export-admissions = Station admissions

## The wave simulator's report (mimamori simulate)
sim-title = Wave simulation
sim-sweep-title = Wave simulation: sweep
sim-start = From
sim-days = days
sim-seed = seed
sim-patients = patients
sim-providers = providers
sim-peak-observation = Peak under observation
sim-reports = Reports
sim-requests = Care requests
sim-urgent-offered = Urgent requests offered
sim-urgent-contact = Urgent: minutes to a provider (p50 / p90 / max)
sim-urgent-contact-p90 = Urgent: p90 minutes to a provider
sim-urgent-overdue = Urgent, overdue
sim-chains-exhausted = Reached staff (chain exhausted)
sim-staff-alerts = Staff alerts
sim-releases = Released
sim-releases-day = Released per day
sim-oxygen-peak = Oxygen out at peak / lowest in stock
sim-beds-peak = Station beds at peak
sim-chart-observation = Patients under observation
sim-under-observation = Under observation
sim-chart-assessments = Reports and assessments per day
sim-chart-requests = Care requests per day
sim-opened = Opened
sim-done = Done
sim-overdue = Overdue
sim-chart-contact = Minutes from opening to a provider's acceptance, per day (p50, p90; the longest are in the table)
sim-chart-oxygen = Oxygen and beds
sim-oxygen-in-stock = Oxygen in stock
sim-oxygen-out = Oxygen out with patients
sim-oxygen-waiting = Oxygen requests waiting
sim-beds-occupied = Station beds held
sim-by-kind = By kind of request
sim-kind-heading = Kind
sim-level-heading = Level
sim-offered = Offered
sim-taken = Taken
sim-contact-columns = Minutes to a provider (p50 / p90 / max)
sim-longest = The patients who waited longest
sim-patient = Patient
sim-opened-at = Opened
sim-waited = Minutes waited
sim-why = Why
sim-why-offers = offered to { $offered }: { $declined } declined, { $unanswered } no answer
sim-why-staff = the chain ran out and staff were alerted
sim-why-hours = opened out of hours
sim-why-never = no provider took it in the run
sim-about = About this run
sim-about-text = The service's own code ran this wave on a virtual clock: the parser, triage, chains, rosters, oxygen routing, station, timers and outbox. Patients and providers are synthetic, drawn from the scenario with its seed. A request is overdue when no provider had taken it by its deadline while it was still open.
sim-run = Run
sim-database = { $where ->
    [memory] SQLite in memory
   *[given] the database given
}
sim-messages = messages in / out
sim-sweep-chart = Urgent requests overdue by { $path }
sim-kind = { $kind ->
    [emergency] Emergency
    [hospital_coordination] Hospital coordination
    [oxygen] Oxygen
    [home_visit] Home visit
    [phone_consultation] Phone consultation
    [treatment_referral] Treatment referral
    [safety_check] Safety check
    [staff_call] Staff call
    [pharmacy_delivery] Prescription delivery
    [doctor_consultation] Doctor consultation
    [oxygen_delivery] Oxygen delivery
    [oxygen_collection] Oxygen collection
    [transport] Transport
    [visiting_nursing] Visiting nursing
    [oxygen_start_visit] Oxygen start visit
    [cylinder_swap] Cylinder swap
   *[other] { $kind }
}
sim-level = { $level ->
    [stable] Stable
    [watch] Watch
    [moderate] Moderate
    [urgent] Urgent
    [emergency] Emergency
   *[other] { $level }
}
