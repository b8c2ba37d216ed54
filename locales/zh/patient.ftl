# mimamori — 中文（简体）: what patients read in their chat.
phone-line = { $name }（{ $phone }）
health-centre = { $phone ->
    [unset] 保健所
   *[other] 保健所（{ $phone }）
}

## Enrolment
enrol-instructions = 欢迎使用 mimamori（居家疗养健康观察服务）。请发送保健所给您的10位登记码（例如 ABCDE-FGHJK）。
enrol-welcome = { $name }，登记已完成。我们每天 { $times }（日本时间）会询问您的身体状况。
enrol-wrong-code = 无法确认这个登记码。请核对后重新发送（本小时内还可尝试 { $left } 次）。
enrol-too-many-tries = 输入错误次数过多。请等待一小时，或致电{ $centre }寻求帮助。
enrol-code-used = 这个登记码已被使用。如果不是您本人使用的，请致电{ $centre }。
enrol-code-expired = 这个登记码已过期。请致电{ $centre }领取新的登记码。
enrol-already = { $name }，您已经登记过了。您可以随时发送测量结果。
welcome-back = { $name }，欢迎回来。您可以随时发送测量结果。
observation-ended = 您的居家疗养健康观察已经结束。如果身体不适，请致电{ $centre }；紧急情况请拨打 { $emergency }。
text-only = 抱歉，我只能读取文字。请输入测量结果，例如：SpO2 94 37.8

## Reporting
how-to-report = 您可以随时用一条消息报告。症状请用您自己的话描述。例如：
    SpO2 94 37.8
    血氧 96 体温 36.5 呼吸困难，咳嗽
    如果我读错了，请发送"错了"。
check-in-prompt = { $name }，您好，现在是健康观察的时间。
check-in-reminder = { $name }，我们还没有收到您的回复。请回答健康观察的问题。
check-in-closed = 这次健康观察已经结束。
ask-spo2 = 您的血氧饱和度（SpO2）是多少？请点击数字或直接输入。
ask-temperature = 您的体温是多少度？请点击数值或输入，例如 37.8
ask-symptoms = 您现在有以下症状吗？请点击所有符合的症状，然后点击"完成"。
    { $list }
ask-feeling = 和上次相比，您感觉好一些、差不多，还是更差了？
choice-none = 都没有
choice-done = 完成
choice-more = 其他症状
choice-feel-worse = 我感觉更差了
choice-talk = 我想和人谈谈
choice-yes = 是
choice-no = 不是
feeling-better = 好一些了
feeling-same = 差不多
feeling-worse = 更差了
partial-noted = 已记录：{ $summary }。
value-spo2 = SpO2 { $value }%
value-temperature = 体温 { $value }℃
value-pulse = 脉搏 { $value }次/分
value-symptoms = 症状：{ $list }
value-denied = 没有：{ $list }
reading-unreadable = 抱歉，我没能读懂。
reenter-spo2 = 这个 SpO2 数值不可能（应在100%以下）。请重新测量并发送数字。
reenter-temperature = 体温应在 34.0 到 43.0℃ 之间。请核对体温计后重新发送，例如 37.8
reenter-pulse = 脉搏应在每分钟 30 到 250 次之间。请核对后重新发送。
confirm-low-spo2 = 您的 SpO2 非常低。如果数字有误，请重新测量并发送正确的数字。

## Safety
alert-emergency = 请立即拨打 { $emergency } 叫救护车。请告诉对方您是在家疗养的新冠患者。
alert-call = 请立即致电{ $centre }。如果感觉非常不舒服，请拨打 { $emergency }。

## The urgent symptoms (MHLW list)
symptom-pale-face = 脸色明显很差
symptom-purple-lips = 嘴唇发紫
symptom-not-themselves = 和平时不一样，样子不对劲
symptom-fast-breathing = 呼吸急促
symptom-sudden-breathlessness = 突然呼吸困难
symptom-breathless-on-exertion = 稍微活动就喘不过气
symptom-chest-pain = 胸痛
symptom-cannot-lie-down = 不能平躺
symptom-shoulder-breathing = 用肩膀呼吸
symptom-sudden-wheezing = 突然喘鸣（呼吸有哮鸣声）
symptom-dazed = 发呆，反应迟钝
symptom-confused = 意识模糊，叫了不回答
symptom-irregular-pulse = 脉搏不规则

## Common symptoms
symptom-fever = 发烧
symptom-cough = 咳嗽
symptom-sore-throat = 喉咙痛
symptom-taste-smell-loss = 没有味觉或嗅觉
symptom-runny-nose = 流鼻涕、鼻塞
symptom-headache = 头痛
symptom-body-aches = 身体或关节疼痛
symptom-fatigue = 乏力
symptom-diarrhoea = 腹泻
symptom-nausea = 恶心或呕吐
symptom-chills = 发冷
ask-other-symptoms = 您还有以下其他症状吗？（可不回答）请点击符合的症状。
ask-other-symptoms-more = 如果还有其他症状请点击，没有的话请点击"完成"。
other-symptoms-thanks = 谢谢，已记录。

## Asking back
ask-confirm-symptom = 为了确认：您现在是否"{ $symptom }"？请点击"是"或"不是"。如果 { $minutes } 分钟内没有回复，我们将按"是"来处理。
ask-measure-now = 如果可以，请现在测量 SpO2 并发送数字。如果感觉非常不舒服，请立即拨打 { $emergency }。
confirm-noted-no = 谢谢。已记录您没有"{ $symptom }"。
confirm-assumed = 我们没有收到回复，为了安全起见，将按有"{ $symptom }"来处理。
question-closed = 这个问题已经回答过了。

## Corrections
correction-nothing = 没有找到可以更正的最近报告。
correction-reopened = 抱歉。您上一条报告（{ $summary }）已撤回。请按您的本意重新发送。
correction-applied = 抱歉。您上一条报告（{ $summary }）已更正。

## Triage
report-noted = { $summary } — 已记录。
route-stable = 谢谢。请继续休息，下次健康观察时我们会再询问。如果感觉变差，请随时发送"变差"。
route-watch = 医生会在 { $hours } 小时内给您打电话，了解您的情况。如果在此之前感觉变差，请发送"变差"，或致电{ $centre }。
route-moderate = 医生或护士会在 { $minutes } 分钟内给您打电话，必要时今天上门。如果呼吸变得更困难，请拨打 { $emergency }。
route-urgent = 您可能需要吸氧。医生会在 { $minutes } 分钟内给您打电话，保健所正在安排救治。如果在此之前感觉非常不舒服，请拨打 { $emergency }。
route-emergency = 已通知保健所，保健所将安排住院。请把电话放在身边。
route-referral = 您有重症风险因素，且刚发病不久：保健所会就早期治疗与您联系。
remeasure-ask = 请休息一分钟，暖一暖手，再测一次 SpO2，并在 { $minutes } 分钟内发送数字。如果感觉非常不舒服，请立即拨打 { $emergency }。
remeasure-counted = 谢谢。以较低的数值为准：SpO2 { $value }%。

## Release
release-notice = { $name }，您的居家疗养期今天结束，每日健康观察到此为止。感谢您每天的报告。如果身体不适，请致电{ $centre }。
release-by-staff = { $name }，保健所已结束您的居家疗养健康观察，健康观察到此为止。如果身体不适，请致电{ $centre }。
reenter-respiratory-rate = 呼吸次数应在每分钟 4 到 80 次之间。请数一分钟后重新发送，例如 呼吸 20

## Providers
patient-provider-assigned = { $role ->
        [doctor] 医生
        [nurse] 护士
        [pharmacist] 药剂师
       *[contractor] 设备公司的
    } { $provider } 会在 { $by } 之前与您联系。

## Oxygen
oxygen-route-station = 已为您在氧气站（{ $station }）保留了床位。氧气站会打电话告诉您入住和交通的安排，请把电话放在身边。
oxygen-route-home = 可以在家中借给您氧气设备。医生会打电话来决定，之后把设备送到您家。
oxygen-route-hospital = 保健所正在为您安排住院，会给您打电话。如果感觉非常不舒服，请立即拨打 { $emergency }。
oxygen-ordered-patient = 医生已为您家订了氧气设备（每分钟 { $flow } 升）。设备公司会送来，具体人员和时间会另行通知。
oxygen-delivered-patient = 氧气设备已送到。医生或护士会上门和您一起开始吸氧；在他们教您之前，请不要自己开始。
oxygen-started-patient = 已开始吸氧，每分钟 { $flow } 升。请像平常一样继续报告 SpO2。
station-accepted = 氧气站（{ $station }）已同意接收您。交通安排会另行通知，请把电话放在身边。
station-declined = 氧气站无法接收您。保健所正在安排居家吸氧或住院，会与您联系。
station-discharged = 您已从氧气站（{ $station }）出站。继续居家疗养，请继续报告测量结果。
station-transferred = 您将从氧气站转往医院。

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = 现在报告

## Language and menu
language-ask = 您希望我用哪种语言？请点击一个。
language-set = 从现在起我会用中文（简体）回复。如需更改，请发送"语言"。
choice-language = 🌐 语言 Language
choice-more-languages = 更多语言
call-centre = 请致电{ $centre }。紧急情况请拨打 { $emergency }。
menu-bar = 菜单
menu-report = 现在报告
menu-worse = 我感觉更差了
menu-call = 打电话给保健所
menu-language = 语言 Language

## The enrolment sheet, printed for the patient
sheet-title = 登记表
sheet-heading = 居家疗养：每天通过聊天进行健康观察
sheet-dear = ：请保管好这张表。
sheet-intro = 保健所每天会通过LINE或Telegram询问您的血氧（SpO2）、体温和身体状况。病情变差时会立即联系护士或医生。
sheet-code = 您的登记码：
sheet-valid = 有效期至
sheet-line = LINE：扫码添加保健所为好友
sheet-telegram = Telegram：扫码开始
sheet-step-add = 请用手机扫描二维码（或添加保健所的账号）。
sheet-step-code = 请把上面的登记码作为消息发送（Telegram会自动发送）。
sheet-step-report = 请回答每天的问题。可以随意书写，例如"血氧 96 37.2 咳嗽"。
sheet-phone = 咨询：保健所 { $phone }
sheet-emergency = 如果呼吸困难、胸痛或嘴唇发紫，请立即拨打 { $emergency }。
