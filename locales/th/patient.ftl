# mimamori — ไทย: what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] ศูนย์สาธารณสุข (โฮเคนโจ)
   *[other] ศูนย์สาธารณสุข (โฮเคนโจ { $phone })
}

## Enrolment
enrol-instructions = ยินดีต้อนรับสู่ mimamori บริการติดตามอาการระหว่างรักษาตัวที่บ้านของศูนย์สาธารณสุข กรุณาส่งรหัสลงทะเบียน 10 ตัวอักษรที่ศูนย์สาธารณสุขให้ไว้ (เช่น ABCDE-FGHJK)
enrol-welcome = ยินดีต้อนรับคุณ { $name } ลงทะเบียนเรียบร้อยแล้ว เราจะสอบถามอาการของคุณทุกวันเวลา { $times } (เวลาญี่ปุ่น)
enrol-wrong-code = ไม่พบรหัสนี้ กรุณาตรวจสอบแล้วส่งใหม่ (เหลืออีก { $left } ครั้งในชั่วโมงนี้)
enrol-too-many-tries = ใส่รหัสผิดหลายครั้งเกินไป กรุณารอหนึ่งชั่วโมง หรือโทรหา { $centre } เพื่อขอความช่วยเหลือ
enrol-code-used = รหัสนี้ถูกใช้ไปแล้ว ถ้าคุณไม่ได้ใช้เอง กรุณาโทรหา { $centre }
enrol-code-expired = รหัสนี้หมดอายุแล้ว กรุณาโทรหา { $centre } เพื่อขอรหัสใหม่
enrol-already = คุณ { $name } ลงทะเบียนไว้แล้ว ส่งค่าที่วัดได้มาได้ตลอดเวลา
welcome-back = ยินดีต้อนรับกลับคุณ { $name } ส่งค่าที่วัดได้มาได้ตลอดเวลา
observation-ended = การติดตามอาการระหว่างรักษาตัวที่บ้านของคุณสิ้นสุดแล้ว ถ้ารู้สึกไม่สบาย โทรหา { $centre } หรือโทร { $emergency } ในกรณีฉุกเฉิน
text-only = ขออภัย อ่านได้เฉพาะข้อความเท่านั้น กรุณาพิมพ์ค่าที่วัดได้ เช่น SpO2 94 37.8

## Reporting
how-to-report = รายงานได้ตลอดเวลาในข้อความเดียว บอกอาการด้วยคำพูดของคุณเอง เช่น
    SpO2 94 37.8
    ออกซิเจน 96 อุณหภูมิ 36.5 หายใจลำบาก ไอ
    ถ้าอ่านผิด ให้ส่งคำว่า "ผิดแล้ว"
check-in-prompt = สวัสดีคุณ { $name } ถึงเวลาตรวจสุขภาพแล้ว
check-in-reminder = คุณ { $name } เรายังไม่ได้รับคำตอบ กรุณาตอบการตรวจสุขภาพ
check-in-closed = การตรวจสุขภาพครั้งนั้นสิ้นสุดแล้ว
ask-spo2 = ค่า SpO2 (ออกซิเจนในเลือด) ของคุณเท่าไร? แตะตัวเลขหรือพิมพ์มา
ask-temperature = อุณหภูมิร่างกายของคุณเท่าไร? แตะค่าหรือพิมพ์มา เช่น 37.8
ask-symptoms = ตอนนี้คุณมีอาการเหล่านี้ไหม? แตะทุกอาการที่มี แล้วแตะ "เสร็จ"
    { $list }
ask-feeling = เทียบกับครั้งที่แล้ว คุณรู้สึกดีขึ้น เหมือนเดิม หรือแย่ลง?
choice-none = ไม่มีเลย
choice-done = เสร็จ
choice-more = อาการอื่น
choice-feel-worse = ฉันรู้สึกแย่ลง
choice-talk = อยากคุยกับเจ้าหน้าที่
choice-yes = ใช่
choice-no = ไม่ใช่
feeling-better = ดีขึ้น
feeling-same = เหมือนเดิม
feeling-worse = แย่ลง
partial-noted = บันทึกแล้ว: { $summary }
value-spo2 = SpO2 { $value }%
value-temperature = { $value } °C
value-pulse = ชีพจร { $value }/นาที
value-symptoms = อาการ: { $list }
value-denied = ไม่มี: { $list }
reading-unreadable = ขออภัย อ่านไม่ออก
reenter-spo2 = ค่า SpO2 นี้เป็นไปไม่ได้ (ต้องไม่เกิน 100%) กรุณาวัดใหม่แล้วส่งตัวเลขมา
reenter-temperature = อุณหภูมิต้องอยู่ระหว่าง 34.0 ถึง 43.0 °C กรุณาดูเทอร์โมมิเตอร์แล้วส่งใหม่ เช่น 37.8
reenter-pulse = ชีพจรต้องอยู่ระหว่าง 30 ถึง 250 ครั้งต่อนาที กรุณาตรวจสอบแล้วส่งใหม่
confirm-low-spo2 = ค่า SpO2 ของคุณต่ำมาก ถ้าตัวเลขผิด กรุณาวัดใหม่แล้วส่งตัวเลขที่ถูกต้อง

## Safety
alert-emergency = โทร { $emergency } เรียกรถพยาบาลทันที บอกว่าคุณเป็นผู้ป่วยโควิด-19 ที่รักษาตัวอยู่ที่บ้าน
alert-call = กรุณาโทรหา { $centre } ทันที ถ้ารู้สึกแย่มาก โทร { $emergency }

## The urgent symptoms (MHLW list)
symptom-pale-face = หน้าซีด สีหน้าแย่มาก
symptom-purple-lips = ริมฝีปากม่วงคล้ำ
symptom-not-themselves = ไม่เหมือนปกติ ดูผิดปกติ
symptom-fast-breathing = หายใจเร็ว หอบ
symptom-sudden-breathlessness = หายใจลำบากขึ้นมาทันที
symptom-breathless-on-exertion = ขยับนิดหน่อยก็เหนื่อยหอบ
symptom-chest-pain = เจ็บหน้าอก
symptom-cannot-lie-down = นอนราบไม่ได้
symptom-shoulder-breathing = หายใจโดยใช้ไหล่
symptom-sudden-wheezing = หายใจมีเสียงวี้ดขึ้นมาทันที
symptom-dazed = ซึม ตอบสนองน้อย
symptom-confused = สับสน เรียกแล้วไม่ตอบ
symptom-irregular-pulse = ชีพจรเต้นไม่สม่ำเสมอ

## Common symptoms
symptom-fever = ไข้
symptom-cough = ไอ
symptom-sore-throat = เจ็บคอ
symptom-taste-smell-loss = ไม่รู้รสหรือไม่ได้กลิ่น
symptom-runny-nose = น้ำมูกไหลหรือคัดจมูก
symptom-headache = ปวดหัว
symptom-body-aches = ปวดเมื่อยตัวหรือข้อ
symptom-fatigue = อ่อนเพลีย
symptom-diarrhoea = ท้องเสีย
symptom-nausea = คลื่นไส้หรืออาเจียน
symptom-chills = หนาวสั่น
ask-other-symptoms = คุณมีอาการอื่นเหล่านี้ไหม? (ไม่บังคับ) แตะอาการที่มี
ask-other-symptoms-more = แตะอาการอื่นที่มี หรือแตะ "เสร็จ"
other-symptoms-thanks = ขอบคุณ บันทึกแล้ว

## Asking back
ask-confirm-symptom = เพื่อความแน่ใจ: ตอนนี้คุณมีอาการ "{ $symptom }" ใช่ไหม? กรุณาแตะ ใช่ หรือ ไม่ใช่ ถ้าไม่มีคำตอบภายใน { $minutes } นาที เราจะถือว่าใช่
ask-measure-now = ถ้าทำได้ กรุณาวัด SpO2 ตอนนี้แล้วส่งตัวเลขมา ถ้ารู้สึกแย่มาก โทร { $emergency } ทันที
confirm-noted-no = ขอบคุณ บันทึกแล้วว่าไม่มีอาการ "{ $symptom }"
confirm-assumed = เราไม่ได้รับคำตอบ เพื่อความปลอดภัยจึงถือว่าคุณมีอาการ "{ $symptom }"
question-closed = คำถามนั้นได้รับคำตอบแล้ว

## Corrections
correction-nothing = ไม่พบรายงานล่าสุดที่จะแก้ไข
correction-reopened = ขออภัย รายงานล่าสุดของคุณ ({ $summary }) ถูกยกเลิกแล้ว กรุณาส่งใหม่ตามที่ตั้งใจ
correction-applied = ขออภัย รายงานล่าสุดของคุณ ({ $summary }) ได้รับการแก้ไขแล้ว

## Triage
report-noted = { $summary } — บันทึกแล้ว
route-stable = ขอบคุณ พักผ่อนต่อไปนะ เราจะถามอีกครั้งในการตรวจครั้งถัดไป ถ้ารู้สึกแย่ลง ส่งคำว่า "แย่ลง" ได้ตลอดเวลา
route-watch = แพทย์จะโทรหาคุณภายใน { $hours } ชั่วโมงเพื่อสอบถามอาการ ถ้าแย่ลงก่อนนั้น ส่งคำว่า "แย่ลง" หรือโทรหา { $centre }
route-moderate = แพทย์หรือพยาบาลจะโทรหาคุณภายใน { $minutes } นาที และจะไปเยี่ยมที่บ้านวันนี้ถ้าจำเป็น ถ้าหายใจลำบากขึ้น โทร { $emergency }
route-urgent = คุณอาจต้องใช้ออกซิเจน แพทย์จะโทรหาคุณภายใน { $minutes } นาที และศูนย์สาธารณสุขกำลังจัดการดูแล ถ้ารู้สึกแย่มากก่อนนั้น โทร { $emergency }
route-emergency = แจ้งศูนย์สาธารณสุขแล้ว และจะจัดการให้เข้าโรงพยาบาล กรุณาเก็บโทรศัพท์ไว้ใกล้ตัว
route-referral = คุณมีปัจจัยเสี่ยงและเพิ่งเริ่มป่วย ศูนย์สาธารณสุขจะติดต่อคุณเรื่องการรักษาตั้งแต่เนิ่นๆ
remeasure-ask = กรุณาพักหนึ่งนาที ทำให้มืออุ่น วัด SpO2 อีกครั้ง แล้วส่งตัวเลขภายใน { $minutes } นาที ถ้ารู้สึกแย่มาก โทร { $emergency } ทันที
remeasure-counted = ขอบคุณ ใช้ค่าที่ต่ำกว่า: SpO2 { $value }%

## Release
release-notice = คุณ { $name } วันนี้เป็นวันสุดท้ายของการรักษาตัวที่บ้าน การตรวจประจำวันหยุดแล้ว ขอบคุณที่รายงานทุกวัน ถ้ารู้สึกไม่สบาย โทรหา { $centre }
release-by-staff = คุณ { $name } ศูนย์สาธารณสุขได้สิ้นสุดการติดตามอาการที่บ้านของคุณแล้ว การตรวจหยุดแล้ว ถ้ารู้สึกไม่สบาย โทรหา { $centre }
reenter-respiratory-rate = อัตราการหายใจต้องอยู่ระหว่าง 4 ถึง 80 ครั้งต่อนาที กรุณานับหนึ่งนาทีแล้วส่งใหม่ เช่น RR 20

## Providers
patient-provider-assigned = { $role ->
        [doctor] แพทย์
        [nurse] พยาบาล
        [pharmacist] เภสัชกร
       *[contractor] บริษัทอุปกรณ์
    } { $provider } จะติดต่อคุณภายใน { $by }

## Oxygen
oxygen-route-station = กำลังจองเตียงที่สถานีออกซิเจน ({ $station }) ให้คุณ สถานีจะโทรหาเรื่องการเข้าพักและการเดินทาง กรุณาเก็บโทรศัพท์ไว้ใกล้ตัว
oxygen-route-home = เราให้ยืมออกซิเจนใช้ที่บ้านได้ แพทย์จะโทรมาตัดสินใจ จากนั้นจะส่งอุปกรณ์ไปที่บ้าน
oxygen-route-hospital = ศูนย์สาธารณสุขกำลังจัดการให้คุณเข้าโรงพยาบาลและจะโทรหา ถ้ารู้สึกแย่มาก โทร { $emergency } ทันที
oxygen-ordered-patient = แพทย์สั่งอุปกรณ์ออกซิเจนสำหรับบ้านคุณแล้ว ({ $flow } ลิตร/นาที) บริษัทจะนำไปส่ง และจะแจ้งว่าใครและเมื่อไร
oxygen-delivered-patient = ส่งอุปกรณ์ออกซิเจนแล้ว แพทย์หรือพยาบาลจะมาเริ่มให้ออกซิเจนพร้อมคุณ อย่าเริ่มเองถ้ายังไม่ได้รับการสอน
oxygen-started-patient = เริ่มให้ออกซิเจน { $flow } ลิตร/นาทีแล้ว กรุณารายงาน SpO2 ต่อไปตามปกติ
station-accepted = สถานีออกซิเจน ({ $station }) รับคุณแล้ว จะแจ้งเรื่องการเดินทาง กรุณาเก็บโทรศัพท์ไว้ใกล้ตัว
station-declined = สถานีออกซิเจนรับคุณไม่ได้ ศูนย์สาธารณสุขกำลังจัดหาออกซิเจนที่บ้านหรือโรงพยาบาล และจะติดต่อคุณ
station-discharged = คุณออกจากสถานีออกซิเจน ({ $station }) แล้ว การรักษาตัวที่บ้านยังดำเนินต่อ กรุณารายงานค่าที่วัดต่อไป
station-transferred = คุณกำลังถูกย้ายจากสถานีออกซิเจนไปโรงพยาบาล

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = รายงานตอนนี้

## Language and menu
language-ask = ต้องการให้เขียนเป็นภาษาอะไร? แตะหนึ่งภาษา
language-set = ต่อจากนี้จะเขียนเป็นภาษาไทย ถ้าต้องการเปลี่ยน ส่งคำว่า "ภาษา"
choice-language = 🌐 ภาษา Language
choice-more-languages = ภาษาอื่น
call-centre = กรุณาโทรหา { $centre } กรณีฉุกเฉิน โทร { $emergency }
menu-bar = เมนู
menu-report = รายงานตอนนี้
menu-worse = ฉันรู้สึกแย่ลง
menu-call = โทรหาศูนย์สาธารณสุข
menu-language = ภาษา Language

## The enrolment sheet, printed for the patient
sheet-title = ใบลงทะเบียน
sheet-heading = รักษาตัวที่บ้าน: ตรวจสุขภาพทุกวันผ่านแชท
sheet-dear = — กรุณาเก็บใบนี้ไว้
sheet-intro = ศูนย์สาธารณสุขจะถามคุณทุกวันทาง LINE หรือ Telegram เรื่องค่าออกซิเจน (SpO2) อุณหภูมิ และอาการ ถ้าอาการแย่ลงจะติดต่อพยาบาลหรือแพทย์ทันที
sheet-code = รหัสลงทะเบียนของคุณ:
sheet-valid = ใช้ได้ถึง
sheet-line = LINE: สแกนเพื่อเพิ่มศูนย์สาธารณสุขเป็นเพื่อน
sheet-telegram = Telegram: สแกนเพื่อเริ่ม
sheet-step-add = สแกนคิวอาร์โค้ดด้วยโทรศัพท์ (หรือเพิ่มบัญชีของศูนย์สาธารณสุข)
sheet-step-code = ส่งรหัสลงทะเบียนข้างบนเป็นข้อความ (Telegram จะส่งให้อัตโนมัติ)
sheet-step-report = ตอบคำถามทุกวัน เขียนได้ตามสะดวก เช่น "ออกซิเจน 96 37.2 ไอ"
sheet-phone = สอบถาม: ศูนย์สาธารณสุข { $phone }
sheet-emergency = ถ้าหายใจลำบาก เจ็บหน้าอก หรือริมฝีปากม่วง ให้โทร { $emergency } ทันที
