# mimamori — やさしい日本語: what patients read in their chat. Short sentences, one idea each,
# few kanji; numbers and 119 always written out.
phone-line = { $name }（{ $phone }）
health-centre = { $phone ->
    [unset] ほけんじょ
   *[other] ほけんじょ（{ $phone }）
}

## 登録
enrol-instructions = 「みまもり」です。ほけんじょが あなたの からだの ようすを ききます。ほけんじょから もらった 10もじの コードを おくってください（れい：ABCDE-FGHJK）。
enrol-welcome = { $name }さん、とうろく しました。まいにち { $times }（にほんの じかん）に からだの ようすを ききます。
enrol-wrong-code = この コードは ちがいます。もう いちど みて、おくってください（あと { $left }かい）。
enrol-too-many-tries = まちがいが おおいです。1じかん まってください。わからないときは { $centre }に でんわ してください。
enrol-code-used = この コードは もう つかいました。わからないときは { $centre }に でんわ してください。
enrol-code-expired = この コードは もう つかえません。{ $centre }に でんわ して、あたらしい コードを もらってください。
enrol-already = { $name }さんは もう とうろく しています。いつでも すうじを おくって ください。
welcome-back = { $name }さん、おかえりなさい。いつでも すうじを おくって ください。
observation-ended = みまもりは おわりました。からだの ちょうしが わるいときは { $centre }に でんわ してください。とても わるいときは { $emergency }に でんわ してください。
text-only = ごめんなさい。もじ（テキスト）だけ よめます。れい：SpO2 94 37.8

## 報告
how-to-report = いつでも メッセージ 1つで おしえてください。からだの ようすは じぶんの ことばで かいてください。れい：
    SpO2 94 37.8
    さんそ 96 ねつ 36.5 いきが くるしい、せきが でる
    まちがいが あったら「ちがう」と おくってください。
check-in-prompt = { $name }さん、からだの ようすを おしえてください。
check-in-reminder = { $name }さん、まだ へんじが ありません。からだの ようすを おしえてください。
check-in-closed = この しつもんは もう おわりました。
ask-spo2 = SpO2（さんその すうじ）は いくつですか？ボタンを おすか、すうじを おくってください。
ask-temperature = ねつ（たいおん）は なんどですか？ボタンを おすか、37.8 のように おくってください。
ask-symptoms = いま、つぎの ことが ありますか？ あるものを ぜんぶ おして、さいごに「おわり」を おしてください。
    { $list }
ask-feeling = まえと くらべて、からだは よく なりましたか？ おなじですか？ わるく なりましたか？
choice-none = どれも ない
choice-done = おわり
choice-more = ほかの ようす
choice-feel-worse = わるく なった
choice-talk = はなしたい
choice-yes = はい
choice-no = いいえ
feeling-better = よく なった
feeling-same = おなじ
feeling-worse = わるく なった
partial-noted = かきました：{ $summary }。
value-spo2 = SpO2 { $value }%
value-temperature = ねつ { $value }℃
value-pulse = みゃく { $value }/ぷん
value-symptoms = ようす：{ $list }
value-denied = ない：{ $list }
reading-unreadable = ごめんなさい。よめませんでした。
reenter-spo2 = SpO2 の すうじが おかしいです（100%より おおきく なりません）。もう いちど はかって、すうじを おくってください。
reenter-temperature = ねつは 34.0〜43.0℃ の すうじで おくってください。たいおんけいを みて、37.8 のように もう いちど おくってください。
reenter-pulse = みゃくは 1ぷんに 30〜250 の すうじで おくってください。もう いちど みて おくってください。
confirm-low-spo2 = SpO2 が とても ひくいです。すうじが まちがいなら、もう いちど はかって、ただしい すうじを おくってください。

## 安全
alert-emergency = いますぐ { $emergency }に でんわ して、きゅうきゅうしゃを よんでください。「コロナで いえに いる」と いってください。
alert-call = いますぐ { $centre }に でんわ してください。とても くるしいときは { $emergency }に でんわ してください。

## 緊急性の高い症状（厚生労働省）
symptom-pale-face = かおいろが とても わるい
symptom-purple-lips = くちびるが むらさきいろ
symptom-not-themselves = いつもと ちがう、ようすが おかしい
symptom-fast-breathing = いきが あらい（はやい）
symptom-sudden-breathlessness = きゅうに いきが くるしい
symptom-breathless-on-exertion = すこし うごくと いきが くるしい
symptom-chest-pain = むねが いたい
symptom-cannot-lie-down = よこに なれない
symptom-shoulder-breathing = かたで いきを している
symptom-sudden-wheezing = きゅうに ゼーゼー する
symptom-dazed = ぼんやり している（へんじが よわい）
symptom-confused = いしきが はっきり しない（へんじが ない）
symptom-irregular-pulse = みゃくが とぶ、みゃくが みだれる

## よくある症状（それだけでは緊急ではないもの）
symptom-fever = ねつ
symptom-cough = せき
symptom-sore-throat = のどが いたい
symptom-taste-smell-loss = あじや においが わからない
symptom-runny-nose = はなみず、はなづまり
symptom-headache = あたまが いたい
symptom-body-aches = からだや ふしぶしが いたい
symptom-fatigue = からだが だるい
symptom-diarrhoea = げり
symptom-nausea = はきけ、はいた
symptom-chills = さむけ
ask-other-symptoms = ほかに、つぎの ことは ありますか？（こたえなくても いいです）あるものを おしてください。
ask-other-symptoms-more = ほかにも あれば おしてください。なければ「おわり」を おしてください。
other-symptoms-thanks = ありがとうございます。かきました。

## 確認の質問
ask-confirm-symptom = たしかめます。いま「{ $symptom }」ですか？「はい」か「いいえ」を おしてください。{ $minutes }ぷん へんじが ないときは「はい」と して うごきます。
ask-measure-now = できれば いま SpO2 を はかって、すうじを おくってください。とても くるしいときは いますぐ { $emergency }に でんわ してください。
confirm-noted-no = ありがとうございます。「{ $symptom }」は ない、と かきました。
confirm-assumed = へんじが ありませんでした。あぶないので「{ $symptom }」が ある と して うごきます。
question-closed = この しつもんは もう おわりました。

## 訂正
correction-nothing = なおす メッセージが ありません。
correction-reopened = ごめんなさい。まえの メッセージ（{ $summary }）を けしました。もう いちど おくってください。
correction-applied = ごめんなさい。まえの メッセージ（{ $summary }）を なおしました。

## トリアージ
report-noted = { $summary } — かきました。
route-stable = ありがとうございます。ゆっくり やすんでください。つぎの じかんに また ききます。わるく なったら いつでも「わるい」と おくってください。
route-watch = { $hours }じかんの あいだに いしゃが でんわ します。そのまえに わるく なったら「わるい」と おくるか、{ $centre }に でんわ してください。
route-moderate = { $minutes }ぷんの あいだに いしゃか かんごしが でんわ します。ひつようなら きょう いえに いきます。いきが もっと くるしく なったら { $emergency }に でんわ してください。
route-urgent = さんそが ひつようかも しれません。{ $minutes }ぷんの あいだに いしゃが でんわ します。ほけんじょが じゅんびを しています。そのまえに とても くるしく なったら { $emergency }に でんわ してください。
route-emergency = ほけんじょに しらせました。びょういんを さがします。でんわを そばに おいてください。
route-referral = あなたは おもく なりやすい ひとです。ほけんじょから はやい ちりょうの ことで れんらくします。
remeasure-ask = 1ぷん やすんで、てを あたためて、もう いちど SpO2 を はかってください。{ $minutes }ぷんの あいだに すうじを おくってください。とても くるしいときは いますぐ { $emergency }に でんわ してください。
remeasure-counted = ありがとうございます。ひくい ほうの すうじを つかいます：SpO2 { $value }%。

## 療養解除
release-notice = { $name }さん、きょうで いえでの りょうようは おわりです。みまもりも おわります。まいにち ありがとうございました。わるく なったら { $centre }に でんわ してください。
release-by-staff = { $name }さん、ほけんじょが みまもりを おわりに しました。わるく なったら { $centre }に でんわ してください。
reenter-respiratory-rate = こきゅうの かずは 1ぷんに 4〜80 で おくってください。1ぷん かぞえて、「こきゅう 20」のように もう いちど おくってください。

## 協力医療機関
patient-provider-assigned = { $by }までに { $role ->
        [doctor] いしゃ
        [nurse] かんごし
        [pharmacist] やくざいし
       *[contractor] きかいの かいしゃ
    }の { $provider }さんから れんらくが あります。

## 酸素
oxygen-route-station = さんそステーション（{ $station }）の ベッドを よういしています。ステーションから でんわが きます。でんわを そばに おいてください。
oxygen-route-home = いえで さんその きかいを かすことが できます。いしゃが でんわで きめます。そのあと いえに とどけます。
oxygen-route-hospital = ほけんじょが いま びょういんを さがしています。ほけんじょから でんわ します。とても くるしいときは いますぐ { $emergency }に でんわ してください。
oxygen-ordered-patient = いしゃが いえで つかう さんその きかい（1ぷんに { $flow }L）を たのみました。かいしゃの ひとが もって いきます。だれが いつ いくかは あとで しらせます。
oxygen-delivered-patient = さんその きかいが とどきました。いしゃか かんごしが いえに きて、いっしょに はじめます。ひとりで はじめないでください。
oxygen-started-patient = さんそを はじめました（1ぷんに { $flow }L）。これからも SpO2 を おくってください。
station-accepted = さんそステーション（{ $station }）に はいれます。くるまの ことは あとで しらせます。でんわを そばに おいてください。
station-declined = さんそステーションに はいれません。ほけんじょが いえの さんそか びょういんを さがして、れんらく します。
station-discharged = さんそステーション（{ $station }）を でました。いえでの りょうようを つづけます。すうじを おくって ください。
station-transferred = さんそステーションから びょういんに うつります。

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = いま おしえる

## 言語とメニュー
language-ask = どの ことばで メッセージを おくりますか？ ひとつ おしてください。
language-set = これからは やさしい にほんごで おくります。かえるときは「ことば」と おくってください。
choice-language = 🌐 ことば Language
choice-more-languages = ほかの ことば
call-centre = { $centre }に でんわ してください。とても くるしいときは { $emergency }に でんわ してください。
menu-bar = メニュー
menu-report = いま おしえる
menu-worse = わるく なった
menu-call = ほけんじょに でんわ
menu-language = ことば Language

## The enrolment sheet, printed for the patient
sheet-title = とうろくの かみ
sheet-heading = いえで りょうよう：まいにち チャットで からだの ようすを おしえる
sheet-dear = さん　この かみを なくさないで ください。
sheet-intro = ほけんじょが まいにち LINE か Telegram で、さんそ（SpO2）、ねつ、からだの ようすを ききます。わるく なったら すぐ かんごしや いしゃに しらせます。
sheet-code = とうろく コード：
sheet-valid = つかえる ひ
sheet-line = LINE：よみとって ほけんじょを ともだちに する
sheet-telegram = Telegram：よみとって はじめる
sheet-step-add = スマホで QRコードを よみとって ください。
sheet-step-code = うえの コードを メッセージで おくって ください（Telegramは じどうで おくります）。
sheet-step-report = まいにちの しつもんに こたえて ください。「SpO2 96 37.2 せき」のように かけます。
sheet-phone = しつもん：ほけんじょ { $phone }
sheet-emergency = いきが くるしい、むねが いたい、くちびるが むらさきの ときは、すぐ { $emergency }に でんわ して ください。
