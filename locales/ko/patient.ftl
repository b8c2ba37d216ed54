# mimamori — 한국어: what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] 보건소
   *[other] 보건소({ $phone })
}

## Enrolment
enrol-instructions = mimamori(재택 요양 건강 관찰 서비스)에 오신 것을 환영합니다. 보건소에서 받은 10자리 등록 코드를 보내 주세요(예: ABCDE-FGHJK).
enrol-welcome = { $name } 님, 등록이 완료되었습니다. 매일 { $times }(일본 시간)에 건강 상태를 여쭙겠습니다.
enrol-wrong-code = 코드를 확인할 수 없습니다. 다시 확인하고 보내 주세요(이번 한 시간 동안 { $left }번 남음).
enrol-too-many-tries = 잘못된 코드가 너무 많습니다. 한 시간 기다리시거나 { $centre }에 전화해 주세요.
enrol-code-used = 이미 사용된 코드입니다. 직접 사용하지 않으셨다면 { $centre }에 전화해 주세요.
enrol-code-expired = 유효 기간이 지난 코드입니다. { $centre }에 전화해서 새 코드를 받으세요.
enrol-already = { $name } 님은 이미 등록되어 있습니다. 측정값은 언제든지 보낼 수 있습니다.
welcome-back = { $name } 님, 다시 오신 것을 환영합니다. 측정값은 언제든지 보낼 수 있습니다.
observation-ended = 재택 요양 건강 관찰이 끝났습니다. 몸이 안 좋으면 { $centre }에, 응급 시에는 { $emergency }에 전화하세요.
text-only = 죄송합니다. 글자만 읽을 수 있습니다. 예: SpO2 94 37.8 처럼 입력해 주세요.

## Reporting
how-to-report = 언제든지 메시지 한 통으로 보고할 수 있습니다. 증상은 평소 쓰는 말로 적어 주세요. 예:
    SpO2 94 37.8
    산소포화도 96 체온 36.5 숨이 차요, 기침
    제가 잘못 읽었으면 "틀렸어요"라고 보내 주세요.
check-in-prompt = { $name } 님, 건강 관찰 시간입니다.
check-in-reminder = { $name } 님, 아직 답을 받지 못했습니다. 건강 관찰에 답해 주세요.
check-in-closed = 그 건강 관찰은 이미 끝났습니다.
ask-spo2 = 산소포화도(SpO2)는 얼마입니까? 숫자를 누르거나 입력해 주세요.
ask-temperature = 체온은 몇 도입니까? 값을 누르거나 예를 들어 37.8 처럼 입력해 주세요.
ask-symptoms = 지금 다음 증상이 있습니까? 해당하는 것을 모두 누른 뒤 "완료"를 누르세요.
    { $list }
ask-feeling = 지난번과 비교해서 좋아졌습니까, 비슷합니까, 나빠졌습니까?
choice-none = 하나도 없음
choice-done = 완료
choice-more = 다른 증상
choice-feel-worse = 더 나빠졌어요
choice-talk = 상담하고 싶어요
choice-yes = 예
choice-no = 아니요
feeling-better = 좋아짐
feeling-same = 비슷함
feeling-worse = 나빠짐
partial-noted = 기록했습니다: { $summary }.
value-spo2 = SpO2 { $value }%
value-temperature = 체온 { $value }℃
value-pulse = 맥박 { $value }회/분
value-symptoms = 증상: { $list }
value-denied = 없음: { $list }
reading-unreadable = 죄송합니다. 읽지 못했습니다.
reenter-spo2 = SpO2 값이 맞지 않습니다(100% 이하여야 합니다). 다시 측정해서 숫자를 보내 주세요.
reenter-temperature = 체온은 34.0~43.0℃ 사이여야 합니다. 체온계를 확인하고 예를 들어 37.8 처럼 다시 보내 주세요.
reenter-pulse = 맥박은 1분에 30~250회 사이여야 합니다. 확인하고 다시 보내 주세요.
confirm-low-spo2 = SpO2가 매우 낮습니다. 숫자가 틀렸다면 다시 측정해서 맞는 숫자를 보내 주세요.

## Safety
alert-emergency = 지금 바로 { $emergency }에 전화해서 구급차를 부르세요. 코로나19로 집에서 요양 중인 환자라고 말하세요.
alert-call = 지금 바로 { $centre }에 전화하세요. 몹시 안 좋으면 { $emergency }에 전화하세요.

## The urgent symptoms (MHLW list)
symptom-pale-face = 얼굴색이 눈에 띄게 나쁨
symptom-purple-lips = 입술이 보라색
symptom-not-themselves = 평소와 다름, 상태가 이상함
symptom-fast-breathing = 숨이 가쁨(빠름)
symptom-sudden-breathlessness = 갑자기 숨이 참
symptom-breathless-on-exertion = 조금만 움직여도 숨이 참
symptom-chest-pain = 가슴 통증
symptom-cannot-lie-down = 누울 수 없음
symptom-shoulder-breathing = 어깨로 숨을 쉼
symptom-sudden-wheezing = 갑자기 쌕쌕거림
symptom-dazed = 멍함, 반응이 약함
symptom-confused = 의식이 흐림, 대답이 없음
symptom-irregular-pulse = 맥박이 불규칙함

## Common symptoms
symptom-fever = 발열
symptom-cough = 기침
symptom-sore-throat = 목 아픔
symptom-taste-smell-loss = 맛이나 냄새를 못 느낌
symptom-runny-nose = 콧물, 코막힘
symptom-headache = 두통
symptom-body-aches = 몸살, 관절통
symptom-fatigue = 피로감
symptom-diarrhoea = 설사
symptom-nausea = 메스꺼움, 구토
symptom-chills = 오한
ask-other-symptoms = 다른 증상도 있습니까? (선택) 해당하는 것을 누르세요.
ask-other-symptoms-more = 더 있으면 누르고, 없으면 "완료"를 누르세요.
other-symptoms-thanks = 감사합니다. 기록했습니다.

## Asking back
ask-confirm-symptom = 확인하겠습니다. 지금 "{ $symptom }"에 해당합니까? "예" 또는 "아니요"를 눌러 주세요. { $minutes }분 안에 답이 없으면 해당하는 것으로 보고 조치합니다.
ask-measure-now = 가능하면 지금 SpO2를 재서 숫자를 보내 주세요. 몹시 안 좋으면 지금 바로 { $emergency }에 전화하세요.
confirm-noted-no = 감사합니다. "{ $symptom }"은(는) 해당하지 않는다고 기록했습니다.
confirm-assumed = 답을 받지 못해, 안전을 위해 "{ $symptom }"이(가) 있는 것으로 보고 조치합니다.
question-closed = 그 질문은 이미 답이 끝났습니다.

## Corrections
correction-nothing = 고칠 수 있는 최근 보고를 찾지 못했습니다.
correction-reopened = 죄송합니다. 지난 보고({ $summary })를 취소했습니다. 원래 뜻대로 다시 보내 주세요.
correction-applied = 죄송합니다. 지난 보고({ $summary })를 고쳤습니다.

## Triage
report-noted = { $summary } — 기록했습니다.
route-stable = 감사합니다. 계속 쉬세요. 다음 건강 관찰 때 다시 여쭙겠습니다. 나빠지면 언제든지 "나빠졌어요"라고 보내 주세요.
route-watch = { $hours }시간 안에 의사가 전화해서 상태를 여쭙니다. 그 전에 나빠지면 "나빠졌어요"라고 보내거나 { $centre }에 전화하세요.
route-moderate = { $minutes }분 안에 의사나 간호사가 전화하고, 필요하면 오늘 방문합니다. 숨쉬기가 더 힘들어지면 { $emergency }에 전화하세요.
route-urgent = 산소가 필요할 수 있습니다. { $minutes }분 안에 의사가 전화하고, 보건소가 치료를 준비하고 있습니다. 그 전에 몹시 안 좋으면 { $emergency }에 전화하세요.
route-emergency = 보건소에 알렸고, 입원을 준비합니다. 전화기를 곁에 두세요.
route-referral = 중증화 위험 요인이 있고 발병 초기입니다. 조기 치료에 대해 보건소에서 연락드립니다.
remeasure-ask = 1분 쉬고 손을 따뜻하게 한 뒤 SpO2를 다시 재서 { $minutes }분 안에 숫자를 보내 주세요. 몹시 안 좋으면 지금 바로 { $emergency }에 전화하세요.
remeasure-counted = 감사합니다. 낮은 값으로 판단합니다: SpO2 { $value }%.

## Release
release-notice = { $name } 님, 오늘로 재택 요양 기간이 끝납니다. 매일의 건강 관찰도 이제 끝납니다. 매일 보고해 주셔서 감사합니다. 몸이 안 좋으면 { $centre }에 전화하세요.
release-by-staff = { $name } 님, 보건소가 재택 요양 건강 관찰을 종료했습니다. 건강 관찰은 이제 끝납니다. 몸이 안 좋으면 { $centre }에 전화하세요.
reenter-respiratory-rate = 호흡수는 1분에 4~80회 사이여야 합니다. 1분 동안 세어서 예를 들어 호흡 20 처럼 다시 보내 주세요.

## Providers
patient-provider-assigned = { $role ->
        [doctor] 의사
        [nurse] 간호사
        [pharmacist] 약사
       *[contractor] 장비 업체
    } { $provider } 님이 { $by }까지 연락드립니다.

## Oxygen
oxygen-route-station = 산소 스테이션({ $station })에 병상을 확보하고 있습니다. 입소와 이송에 대해 스테이션에서 전화합니다. 전화기를 곁에 두세요.
oxygen-route-home = 집에서 산소 장비를 빌려 드릴 수 있습니다. 의사가 전화로 결정한 뒤 장비를 집으로 보내 드립니다.
oxygen-route-hospital = 보건소가 지금 입원을 준비하고 있으며 전화드립니다. 몹시 안 좋으면 지금 바로 { $emergency }에 전화하세요.
oxygen-ordered-patient = 의사가 집에서 쓸 산소 장비(분당 { $flow }L)를 주문했습니다. 업체가 가져다 드리며, 누가 언제 가는지 알려 드립니다.
oxygen-delivered-patient = 산소 장비가 도착했습니다. 의사나 간호사가 방문해서 함께 산소를 시작합니다. 방법을 배우기 전에는 혼자 시작하지 마세요.
oxygen-started-patient = 분당 { $flow }L로 산소를 시작했습니다. 평소처럼 SpO2를 계속 보고해 주세요.
station-accepted = 산소 스테이션({ $station })에서 받아 주기로 했습니다. 이송에 대해 알려 드립니다. 전화기를 곁에 두세요.
station-declined = 산소 스테이션에서 받을 수 없습니다. 보건소가 집에서의 산소나 입원을 준비해서 연락드립니다.
station-discharged = 산소 스테이션({ $station })에서 퇴소했습니다. 재택 요양이 계속되니 측정값을 계속 보내 주세요.
station-transferred = 산소 스테이션에서 병원으로 옮깁니다.

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = 지금 보고하기

## Language and menu
language-ask = 어떤 언어로 보내 드릴까요? 하나를 누르세요.
language-set = 이제부터 한국어로 보내 드립니다. 바꾸려면 "언어"라고 보내 주세요.
choice-language = 🌐 언어 Language
choice-more-languages = 다른 언어
call-centre = { $centre }에 전화하세요. 응급 시에는 { $emergency }에 전화하세요.
menu-bar = 메뉴
menu-report = 지금 보고
menu-worse = 더 나빠졌어요
menu-call = 보건소에 전화
menu-language = 언어 Language

## The enrolment sheet, printed for the patient
sheet-title = 등록 용지
sheet-heading = 재택 요양: 매일 채팅으로 건강 관찰
sheet-dear = 님, 이 용지를 보관해 주세요.
sheet-intro = 보건소가 매일 LINE 또는 Telegram으로 산소포화도(SpO2), 체온, 몸 상태를 여쭙니다. 나빠지면 바로 간호사나 의사에게 연락합니다.
sheet-code = 등록 코드:
sheet-valid = 유효 기간
sheet-line = LINE: 스캔해서 보건소를 친구 추가
sheet-telegram = Telegram: 스캔해서 시작
sheet-step-add = 휴대폰으로 QR 코드를 스캔하세요(또는 보건소 계정을 추가).
sheet-step-code = 위의 등록 코드를 메시지로 보내세요(Telegram은 자동으로 보냅니다).
sheet-step-report = 매일의 질문에 답해 주세요. "산소포화도 96 37.2 기침"처럼 자유롭게 쓰세요.
sheet-phone = 문의: 보건소 { $phone }
sheet-emergency = 숨쉬기 힘들거나 가슴이 아프거나 입술이 보라색이면 바로 { $emergency }에 전화하세요.
