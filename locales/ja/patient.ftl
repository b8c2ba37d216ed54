# mimamori — 日本語: what patients read in their chat.
# Every language has every message of patient.ftl; provider.ftl and console.ftl are whole when present (a test checks).
# $centre は下の health-centre に電話番号を入れたもの。
phone-line = { $name }（{ $phone }）
health-centre = { $phone ->
    [unset] 保健所
   *[other] 保健所（{ $phone }）
}

## 登録
enrol-instructions = 見守りサービス（自宅療養の健康観察）へようこそ。保健所からお知らせした10文字の登録コード（例：ABCDE-FGHJK）を送ってください。
enrol-welcome = { $name }さん、登録が完了しました。毎日 { $times } に体調をおうかがいします。
enrol-wrong-code = コードが確認できませんでした。もう一度確かめて送ってください（この1時間であと{ $left }回）。
enrol-too-many-tries = 間違ったコードが続きました。1時間ほど待つか、{ $centre }にお電話ください。
enrol-code-used = このコードはすでに使われています。お心当たりがない場合は{ $centre }にお電話ください。
enrol-code-expired = このコードは有効期限が切れています。{ $centre }にお電話いただき、新しいコードを受け取ってください。
enrol-already = { $name }さんはすでに登録されています。測定値はいつでも送れます。
welcome-back = { $name }さん、おかえりなさい。測定値はいつでも送れます。
observation-ended = 自宅療養の健康観察は終了しました。具合が悪いときは{ $centre }へ、緊急時は{ $emergency }番へお電話ください。
text-only = 申し訳ありません、文字のメッセージのみ読み取れます。例：SpO2 94 37.8 のように送ってください。

## 報告
how-to-report = いつでも1通のメッセージで報告できます。症状はふだんの言葉で書いてください。例：
    SpO2 94 37.8
    酸素96 体温36.5 息苦しい、咳が出る
    読み間違いがあれば「違う」と送ってください。
check-in-prompt = { $name }さん、健康観察の時間です。
check-in-reminder = { $name }さん、まだお返事をいただいていません。健康観察にお答えください。
check-in-closed = その健康観察はすでに終わっています。
ask-spo2 = SpO2（血中酸素飽和度）はいくつですか？ボタンを押すか数字を送ってください。
ask-temperature = 体温は何度ですか？ボタンを押すか、例えば 37.8 のように送ってください。
ask-symptoms = 今、次の症状はありますか？当てはまるものをすべて押してから「完了」を押してください。
    { $list }
ask-feeling = 前回と比べて、体調はよくなりましたか、変わりませんか、悪くなりましたか？
choice-none = どれもない
choice-done = 完了
choice-more = ほかの症状
choice-feel-worse = 具合が悪くなった
choice-talk = 相談したい
choice-yes = はい
choice-no = いいえ
feeling-better = よくなった
feeling-same = 変わらない
feeling-worse = 悪くなった
partial-noted = 記録しました：{ $summary }。
value-spo2 = SpO2 { $value }%
value-temperature = 体温 { $value }℃
value-pulse = 脈拍 { $value }/分
value-symptoms = 症状：{ $list }
value-denied = ないと伺った症状：{ $list }
reading-unreadable = 申し訳ありません、読み取れませんでした。
reenter-spo2 = SpO2 の値が正しくないようです（100%以下です）。もう一度測って数字を送ってください。
reenter-temperature = 体温は 34.0〜43.0℃ の範囲で送ってください。体温計を確かめて、例えば 37.8 のようにもう一度送ってください。
reenter-pulse = 脈拍は 30〜250/分 の範囲で送ってください。確かめてもう一度送ってください。
confirm-low-spo2 = SpO2 がとても低い値です。数字が間違っている場合は、もう一度測って正しい数字を送ってください。

## 安全
alert-emergency = 今すぐ{ $emergency }番に電話して救急車を呼んでください。「新型コロナで自宅療養中」と伝えてください。
alert-call = 今すぐ{ $centre }にお電話ください。とても具合が悪いときは{ $emergency }番へ。

## 緊急性の高い症状（厚生労働省）
symptom-pale-face = 顔色が明らかに悪い
symptom-purple-lips = 唇が紫色になっている
symptom-not-themselves = いつもと違う、様子がおかしい
symptom-fast-breathing = 息が荒くなった
symptom-sudden-breathlessness = 急に息苦しくなった
symptom-breathless-on-exertion = 少し動くと息苦しい
symptom-chest-pain = 胸の痛みがある
symptom-cannot-lie-down = 横になれない
symptom-shoulder-breathing = 肩で息をしている
symptom-sudden-wheezing = 突然ゼーゼーしはじめた
symptom-dazed = ぼんやりしている（反応が弱い）
symptom-confused = もうろうとしている（返事がない）
symptom-irregular-pulse = 脈がとぶ、脈のリズムが乱れる

## よくある症状（それだけでは緊急ではないもの）
symptom-fever = 発熱
symptom-cough = 咳
symptom-sore-throat = のどの痛み
symptom-taste-smell-loss = 味やにおいがしない
symptom-runny-nose = 鼻水・鼻づまり
symptom-headache = 頭痛
symptom-body-aches = 体や関節の痛み
symptom-fatigue = だるさ
symptom-diarrhoea = 下痢
symptom-nausea = 吐き気・嘔吐
symptom-chills = 寒気
ask-other-symptoms = ほかに、次の症状はありますか？（任意）当てはまるものを押してください。
ask-other-symptoms-more = ほかにもあれば押してください。なければ「完了」を。
other-symptoms-thanks = ありがとうございます。記録しました。

## 確認の質問（緊急の症状かどうか言葉からはっきりしないとき）
ask-confirm-symptom = 念のため確認させてください。今、「{ $symptom }」に当てはまりますか？「はい」か「いいえ」を押してください。{ $minutes }分以内にお返事がないときは、当てはまるものとして対応します。
ask-measure-now = できれば今SpO2を測って、数字を送ってください。とても具合が悪いときは今すぐ{ $emergency }番へ。
confirm-noted-no = ありがとうございます。「{ $symptom }」は当てはまらない、と記録しました。
confirm-assumed = 確認のお返事がなかったため、念のため「{ $symptom }」があるものとして対応します。
question-closed = その確認はすでに終わっています。

## 訂正
correction-nothing = 訂正できる最近の報告が見つかりませんでした。
correction-reopened = 失礼しました。さきほどの報告（{ $summary }）は取り消しました。正しい内容をもう一度送ってください。
correction-applied = 失礼しました。さきほどの報告（{ $summary }）を訂正しました。

## トリアージ：このあとのこと
report-noted = { $summary } — 記録しました。
route-stable = ありがとうございます。引き続き安静にしてください。次の健康観察でまたおうかがいします。具合が悪くなったら、いつでも「悪化」と送ってください。
route-watch = { $hours }時間以内に医師からお電話します。それまでに具合が悪くなったら「悪化」と送るか、{ $centre }にお電話ください。
route-moderate = { $minutes }分以内に医師または看護師からお電話し、必要なら本日中に訪問します。息が苦しくなったら{ $emergency }番へ。
route-urgent = 酸素が必要かもしれません。{ $minutes }分以内に医師からお電話し、保健所が対応を手配しています。それまでにとても具合が悪くなったら{ $emergency }番へ。
route-emergency = 保健所に連絡しました。入院の調整をします。電話をそばに置いてください。
route-referral = 重症化リスクがあり発症から間もないため、早期治療について保健所からご連絡します。
remeasure-ask = 1分ほど安静にして手を温め、もう一度SpO2を測って{ $minutes }分以内に数字を送ってください。とても具合が悪いときは今すぐ{ $emergency }番へ。
remeasure-counted = ありがとうございます。低いほうの値で判断します：SpO2 { $value }%。

## 療養解除
release-notice = { $name }さん、本日で自宅療養期間が終了します。健康観察はこれで終わります。毎日のご報告ありがとうございました。具合が悪いときは{ $centre }にお電話ください。
release-by-staff = { $name }さん、保健所が自宅療養の健康観察を終了しました。健康観察はこれで終わります。具合が悪いときは{ $centre }にお電話ください。
reenter-respiratory-rate = 呼吸数は 1分間に 4〜80 回の範囲で送ってください。1分間数えて、例えば「呼吸数20」のようにもう一度送ってください。

## 協力医療機関・事業者（医師・看護師・薬剤師・機器事業者）
patient-provider-assigned = { $by }までに、{ $role ->
        [doctor] 医師
        [nurse] 看護師
        [pharmacist] 薬剤師
       *[contractor] 機器事業者
    }の{ $provider }さんから連絡があります。

## 酸素（自宅への貸与、酸素ステーション）
oxygen-route-station = 酸素ステーション（{ $station }）のベッドを確保しています。入所と搬送についてステーションから電話します。電話をそばに置いてください。
oxygen-route-home = ご自宅で酸素機器をお貸しできます。医師が電話で判断し、その後ご自宅へお届けします。
oxygen-route-hospital = 保健所が今、入院を調整しています。保健所から電話します。とても具合が悪いときは今すぐ{ $emergency }番へ。
oxygen-ordered-patient = 医師がご自宅用の酸素機器（毎分{ $flow }L）を手配しました。事業者がお届けします。担当者と時間はあらためてお知らせします。
oxygen-delivered-patient = 酸素機器をお届けしました。医師または看護師が訪問して一緒に酸素を始めます。説明を受けるまで、ご自分で始めないでください。
oxygen-started-patient = 毎分{ $flow }Lで酸素を開始しました。これまでどおりSpO2の報告を続けてください。
station-accepted = 酸素ステーション（{ $station }）が受け入れを決めました。搬送についてお知らせします。電話をそばに置いてください。
station-declined = 酸素ステーションでの受け入れができませんでした。保健所がご自宅での酸素または入院を手配し、ご連絡します。
station-discharged = 酸素ステーション（{ $station }）を退所しました。自宅療養を続けます。引き続き測定値を報告してください。
station-transferred = 酸素ステーションから病院へ移ります。

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = 今すぐ報告する

## 言語とメニュー
language-ask = どの言語でお送りしましょうか。ひとつ選んでください。
language-set = これからは日本語でお送りします。変えるときは「言語」と送ってください。
choice-language = 🌐 言語 Language
choice-more-languages = ほかの言語
call-centre = { $centre }にお電話ください。緊急のときは{ $emergency }番へお電話ください。
menu-bar = メニュー
menu-report = 今すぐ報告
menu-worse = 具合が悪くなった
menu-call = 保健所に電話
menu-language = 言語 Language

## The enrolment sheet, printed for the patient
sheet-title = 登録用紙
sheet-heading = 自宅療養：チャットで毎日の健康観察
sheet-dear = 様　この用紙を保管してください。
sheet-intro = 保健所から毎日、LINEまたはTelegramで、酸素飽和度（SpO2）・体温・体調をおたずねします。悪化したときはすぐに看護師・医師に連絡します。
sheet-code = 登録コード：
sheet-valid = 有効期限
sheet-line = LINE：読み取って保健所を友だち追加
sheet-telegram = Telegram：読み取って開始
sheet-step-add = スマートフォンでQRコードを読み取ってください（または保健所のアカウントを追加）。
sheet-step-code = 上の登録コードをメッセージで送ってください（Telegramは自動で送られます）。
sheet-step-report = 毎日の質問に答えてください。「SpO2 96 37.2 せき」のように自由に書けます。
sheet-phone = お問い合わせ：保健所 { $phone }
sheet-emergency = 息が苦しい、胸が痛い、唇の色が悪いときは、すぐに{ $emergency }番に電話してください。
