# mimamori — Tiếng Việt: what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] Trung tâm y tế (Hokenjo)
   *[other] Trung tâm y tế (Hokenjo, { $phone })
}

## Enrolment
enrol-instructions = Chào mừng bạn đến với mimamori, dịch vụ theo dõi sức khỏe khi điều trị tại nhà của Trung tâm y tế. Hãy gửi mã đăng ký 10 ký tự mà Trung tâm y tế đã đưa cho bạn (ví dụ ABCDE-FGHJK).
enrol-welcome = Chào { $name }, bạn đã đăng ký xong. Mỗi ngày vào lúc { $times } (giờ Nhật Bản) chúng tôi sẽ hỏi thăm sức khỏe của bạn.
enrol-wrong-code = Không nhận ra mã này. Hãy kiểm tra và gửi lại (còn { $left } lần thử trong giờ này).
enrol-too-many-tries = Bạn đã nhập sai quá nhiều lần. Hãy đợi một giờ, hoặc gọi cho { $centre } để được giúp.
enrol-code-used = Mã này đã được dùng rồi. Nếu không phải bạn dùng, hãy gọi cho { $centre }.
enrol-code-expired = Mã này đã hết hạn. Hãy gọi cho { $centre } để nhận mã mới.
enrol-already = { $name }, bạn đã đăng ký rồi. Bạn có thể gửi kết quả đo bất cứ lúc nào.
welcome-back = Chào mừng { $name } quay lại. Bạn có thể gửi kết quả đo bất cứ lúc nào.
observation-ended = Việc theo dõi sức khỏe tại nhà của bạn đã kết thúc. Nếu thấy không khỏe, hãy gọi cho { $centre }; khi khẩn cấp hãy gọi { $emergency }.
text-only = Xin lỗi, tôi chỉ đọc được chữ. Hãy gõ kết quả đo, ví dụ: SpO2 94 37.8

## Reporting
how-to-report = Bạn có thể báo bất cứ lúc nào bằng một tin nhắn; hãy tả triệu chứng bằng lời của bạn. Ví dụ:
    SpO2 94 37.8
    SpO2 96 nhiệt độ 36,5 khó thở, ho
    Nếu tôi đọc sai, hãy gửi "sai rồi".
check-in-prompt = Chào { $name }, đến giờ kiểm tra sức khỏe rồi.
check-in-reminder = { $name } ơi, chúng tôi chưa nhận được trả lời. Hãy trả lời phần kiểm tra sức khỏe.
check-in-closed = Lần kiểm tra đó đã kết thúc.
ask-spo2 = Chỉ số SpO2 (nồng độ oxy trong máu) của bạn là bao nhiêu? Bấm một số hoặc gõ số.
ask-temperature = Nhiệt độ cơ thể của bạn là bao nhiêu? Bấm một giá trị hoặc gõ, ví dụ 37,8
ask-symptoms = Bây giờ bạn có triệu chứng nào dưới đây không? Bấm từng cái bạn có, rồi bấm "Xong".
    { $list }
ask-feeling = So với lần trước, bạn thấy khá hơn, vẫn như cũ, hay tệ hơn?
choice-none = Không có cái nào
choice-done = Xong
choice-more = Triệu chứng khác
choice-feel-worse = Tôi thấy tệ hơn
choice-talk = Tôi muốn nói chuyện
choice-yes = Có
choice-no = Không
feeling-better = khá hơn
feeling-same = vẫn như cũ
feeling-worse = tệ hơn
partial-noted = Đã ghi: { $summary }.
value-spo2 = SpO2 { $value }%
value-temperature = { $value } °C
value-pulse = mạch { $value }/phút
value-symptoms = triệu chứng: { $list }
value-denied = không có: { $list }
reading-unreadable = Xin lỗi, tôi không đọc được.
reenter-spo2 = Chỉ số SpO2 này không thể đúng (phải từ 100% trở xuống). Hãy đo lại và gửi số.
reenter-temperature = Nhiệt độ phải từ 34,0 đến 43,0 °C. Hãy xem lại nhiệt kế và gửi lại, ví dụ 37,8
reenter-pulse = Mạch phải từ 30 đến 250 lần mỗi phút. Hãy kiểm tra và gửi lại.
confirm-low-spo2 = SpO2 của bạn rất thấp. Nếu số bị sai, hãy đo lại và gửi số đúng.

## Safety
alert-emergency = Hãy gọi { $emergency } ngay để gọi xe cấp cứu. Hãy nói bạn là bệnh nhân COVID-19 đang điều trị tại nhà.
alert-call = Hãy gọi cho { $centre } ngay. Nếu thấy rất mệt, hãy gọi { $emergency }.

## The urgent symptoms (MHLW list)
symptom-pale-face = Sắc mặt rất xấu, xanh xao
symptom-purple-lips = Môi tím tái
symptom-not-themselves = Khác với mọi ngày, có vẻ không ổn
symptom-fast-breathing = Thở gấp
symptom-sudden-breathlessness = Đột nhiên khó thở
symptom-breathless-on-exertion = Cử động một chút là khó thở
symptom-chest-pain = Đau ngực
symptom-cannot-lie-down = Không nằm xuống được
symptom-shoulder-breathing = Phải thở bằng vai
symptom-sudden-wheezing = Đột nhiên thở khò khè
symptom-dazed = Lơ mơ, phản ứng yếu
symptom-confused = Lú lẫn, gọi không trả lời
symptom-irregular-pulse = Mạch đập không đều

## Common symptoms
symptom-fever = Sốt
symptom-cough = Ho
symptom-sore-throat = Đau họng
symptom-taste-smell-loss = Mất vị giác hoặc khứu giác
symptom-runny-nose = Sổ mũi, nghẹt mũi
symptom-headache = Đau đầu
symptom-body-aches = Đau người hoặc đau khớp
symptom-fatigue = Mệt mỏi
symptom-diarrhoea = Tiêu chảy
symptom-nausea = Buồn nôn hoặc nôn
symptom-chills = Ớn lạnh
ask-other-symptoms = Bạn có triệu chứng nào khác dưới đây không? (không bắt buộc) Bấm từng cái bạn có.
ask-other-symptoms-more = Bấm thêm nếu có, hoặc bấm "Xong".
other-symptoms-thanks = Cảm ơn bạn, đã ghi lại.

## Asking back
ask-confirm-symptom = Để chắc chắn: bây giờ bạn có bị "{ $symptom }" không? Hãy bấm Có hoặc Không. Nếu trong { $minutes } phút không có trả lời, chúng tôi sẽ xử lý như là có.
ask-measure-now = Nếu được, hãy đo SpO2 ngay bây giờ và gửi số. Nếu thấy rất mệt, hãy gọi { $emergency } ngay.
confirm-noted-no = Cảm ơn bạn. Đã ghi là bạn không bị "{ $symptom }".
confirm-assumed = Chúng tôi không nhận được trả lời, nên để an toàn sẽ xử lý như bạn có "{ $symptom }".
question-closed = Câu hỏi đó đã được trả lời rồi.

## Corrections
correction-nothing = Không tìm thấy báo cáo gần đây nào để sửa.
correction-reopened = Xin lỗi. Báo cáo vừa rồi ({ $summary }) đã được hủy. Hãy gửi lại đúng ý bạn.
correction-applied = Xin lỗi. Báo cáo vừa rồi ({ $summary }) đã được sửa.

## Triage
report-noted = { $summary } — đã ghi lại.
route-stable = Cảm ơn bạn. Hãy tiếp tục nghỉ ngơi; lần kiểm tra sau chúng tôi sẽ hỏi lại. Nếu thấy tệ hơn, hãy gửi "tệ hơn" bất cứ lúc nào.
route-watch = Bác sĩ sẽ gọi cho bạn trong vòng { $hours } giờ để hỏi về tình trạng của bạn. Nếu trước đó bạn thấy tệ hơn, hãy gửi "tệ hơn" hoặc gọi cho { $centre }.
route-moderate = Bác sĩ hoặc điều dưỡng sẽ gọi cho bạn trong vòng { $minutes } phút, và đến nhà hôm nay nếu cần. Nếu thở khó hơn, hãy gọi { $emergency }.
route-urgent = Có thể bạn cần thở oxy. Bác sĩ sẽ gọi cho bạn trong vòng { $minutes } phút và Trung tâm y tế đang sắp xếp điều trị. Nếu trước đó bạn thấy rất mệt, hãy gọi { $emergency }.
route-emergency = Trung tâm y tế đã được báo và sẽ sắp xếp nhập viện. Hãy để điện thoại bên cạnh.
route-referral = Bạn có yếu tố nguy cơ và mới bị bệnh: Trung tâm y tế sẽ liên lạc với bạn về việc điều trị sớm.
remeasure-ask = Hãy nghỉ một phút, làm ấm tay, đo lại SpO2 và gửi số trong vòng { $minutes } phút. Nếu thấy rất mệt, hãy gọi { $emergency } ngay.
remeasure-counted = Cảm ơn bạn. Chúng tôi dùng số thấp hơn: SpO2 { $value }%.

## Release
release-notice = { $name }, hôm nay là ngày cuối điều trị tại nhà. Việc kiểm tra hằng ngày dừng từ bây giờ. Cảm ơn bạn đã báo cáo mỗi ngày. Nếu thấy không khỏe, hãy gọi cho { $centre }.
release-by-staff = { $name }, Trung tâm y tế đã kết thúc việc theo dõi sức khỏe tại nhà của bạn. Việc kiểm tra dừng từ bây giờ. Nếu thấy không khỏe, hãy gọi cho { $centre }.
reenter-respiratory-rate = Nhịp thở phải từ 4 đến 80 lần mỗi phút. Hãy đếm trong một phút và gửi lại, ví dụ RR 20

## Providers
patient-provider-assigned = { $role ->
        [doctor] Bác sĩ
        [nurse] Điều dưỡng
        [pharmacist] Dược sĩ
       *[contractor] Công ty thiết bị
    } { $provider } sẽ liên lạc với bạn trước { $by }.

## Oxygen
oxygen-route-station = Một giường tại trạm oxy ({ $station }) đang được giữ cho bạn. Trạm sẽ gọi cho bạn về việc vào trạm và đưa đón; hãy để điện thoại bên cạnh.
oxygen-route-home = Bạn có thể được cho mượn máy oxy tại nhà. Bác sĩ sẽ gọi để quyết định, sau đó thiết bị được mang đến nhà bạn.
oxygen-route-hospital = Trung tâm y tế đang sắp xếp nhập viện cho bạn và sẽ gọi cho bạn. Nếu thấy rất mệt, hãy gọi { $emergency } ngay.
oxygen-ordered-patient = Bác sĩ đã đặt thiết bị oxy cho nhà bạn ({ $flow } L/phút). Công ty thiết bị sẽ mang đến; chúng tôi sẽ báo ai đến và khi nào.
oxygen-delivered-patient = Thiết bị oxy đã được giao. Bác sĩ hoặc điều dưỡng sẽ đến để cùng bạn bắt đầu thở oxy; đừng tự bắt đầu một mình nếu chưa được hướng dẫn.
oxygen-started-patient = Đã bắt đầu thở oxy với { $flow } L/phút. Hãy tiếp tục báo SpO2 như thường lệ.
station-accepted = Trạm oxy ({ $station }) đã nhận bạn. Chúng tôi sẽ báo về việc đưa đón; hãy để điện thoại bên cạnh.
station-declined = Trạm oxy không nhận được bạn. Trung tâm y tế đang sắp xếp oxy tại nhà hoặc nhập viện và sẽ liên lạc với bạn.
station-discharged = Bạn đã rời trạm oxy ({ $station }). Việc điều trị tại nhà vẫn tiếp tục: hãy tiếp tục báo kết quả đo.
station-transferred = Bạn đang được chuyển từ trạm oxy đến bệnh viện.

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = Báo ngay bây giờ

## Language and menu
language-ask = Bạn muốn tôi viết bằng ngôn ngữ nào? Hãy bấm một ngôn ngữ.
language-set = Từ bây giờ tôi sẽ viết bằng tiếng Việt. Muốn đổi, hãy gửi "ngôn ngữ".
choice-language = 🌐 Ngôn ngữ Language
choice-more-languages = Ngôn ngữ khác
call-centre = Hãy gọi cho { $centre }. Khi khẩn cấp, hãy gọi { $emergency }.
menu-bar = Menu
menu-report = Báo ngay
menu-worse = Tôi thấy tệ hơn
menu-call = Gọi Trung tâm y tế
menu-language = Ngôn ngữ Language

## The enrolment sheet, printed for the patient
sheet-title = Phiếu đăng ký
sheet-heading = Điều trị tại nhà: kiểm tra sức khỏe hằng ngày qua tin nhắn
sheet-dear = — hãy giữ phiếu này.
sheet-intro = Mỗi ngày Trung tâm y tế sẽ hỏi bạn qua LINE hoặc Telegram về chỉ số oxy (SpO2), nhiệt độ và cảm giác của bạn. Nếu bạn tệ hơn, điều dưỡng hoặc bác sĩ sẽ được báo ngay.
sheet-code = Mã đăng ký của bạn:
sheet-valid = Có hiệu lực đến
sheet-line = LINE: quét để kết bạn với Trung tâm y tế
sheet-telegram = Telegram: quét để bắt đầu
sheet-step-add = Quét mã QR bằng điện thoại (hoặc thêm tài khoản của Trung tâm y tế).
sheet-step-code = Gửi mã đăng ký ở trên bằng tin nhắn (Telegram tự gửi giúp bạn).
sheet-step-report = Trả lời câu hỏi mỗi ngày. Viết tự nhiên, ví dụ "SpO2 96 37,2 ho".
sheet-phone = Hỏi đáp: gọi Trung tâm y tế { $phone }
sheet-emergency = Nếu khó thở, đau ngực hoặc môi tím tái, hãy gọi { $emergency } ngay.
