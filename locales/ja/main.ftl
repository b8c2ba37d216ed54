# mimamori — 日本語。ここにある全てのメッセージは ../en/main.ftl にも必要です（テストで確認）。
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

## 判断の理由（医療者向け）
reason-spo2-at-or-below = SpO2 { $value }% ≤ { $bound }%（{ $label }）
reason-spo2-at-or-above = SpO2 { $value }% ≥ { $bound }%（{ $label }）
reason-baseline-drop = SpO2 { $value }% は基準値 { $baseline }% より { $points } ポイント以上低い
reason-missing-spo2 = SpO2 の報告なし
reason-pulse = 脈拍 { $value }/分 ≥ { $bound }/分
reason-respiratory-rate = 呼吸数 { $value }/分 ≥ { $bound }/分
reason-symptom = { $symptom }（緊急性の高い症状）
reason-worse = 前回より悪化
reason-worse-and-breathing = 悪化し、息がしにくい
reason-harder-to-breathe = 息がしにくい
reason-fever-days = { $days }日連続で体温 { $bound }℃ 以上
reason-asks-to-talk = 相談を希望
reason-high-risk-new-symptoms = 重症化リスクのある患者に新しい症状
reason-treatment-referral = 重症化リスクあり、発症{ $days }日以内、酸素不要：早期治療へ紹介
reason-no-answer = 健康観察に{ $minutes }分間応答なし
reason-no-contact = { $hours }時間連絡なし

## 療養解除
release-notice = { $name }さん、本日で自宅療養期間が終了します。健康観察はこれで終わります。毎日のご報告ありがとうございました。具合が悪いときは{ $centre }にお電話ください。
release-by-staff = { $name }さん、保健所が自宅療養の健康観察を終了しました。健康観察はこれで終わります。具合が悪いときは{ $centre }にお電話ください。
reason-cannot-eat = 食事・水分がとれない
reason-staff = { $staff } が依頼：{ $reason }
reenter-respiratory-rate = 呼吸数は 1分間に 4〜80 回の範囲で送ってください。1分間数えて、例えば「呼吸数20」のようにもう一度送ってください。

## 協力医療機関・事業者（医師・看護師・薬剤師・機器事業者）
provider-welcome = { $name } 様、このトークを { $role ->
        [doctor] 医師
        [nurse] 看護師
        [pharmacist] 薬剤師
        [support_centre] 支援センター
       *[contractor] 機器事業者
    }として見守りサービスに登録しました。担当をお願いする依頼は、このトークに「受ける」「断る」ボタン付きでお届けします。
provider-idle = { $name } 様、現在お願いしている依頼はありません。新しい依頼は、このトークに「受ける」「断る」ボタン付きでお届けします。
request-kind = { $kind ->
        [home_visit] 往診
        [phone_consultation] 電話診療
        [emergency] 緊急対応
        [oxygen] 酸素
        [hospital_coordination] 入院調整
        [treatment_referral] 治療の紹介
        [safety_check] 安否確認
        [pharmacy_delivery] 薬の配達
        [doctor_consultation] 医師への相談（看護師・薬剤師から）
        [oxygen_delivery] 酸素機器の配送
        [oxygen_collection] 酸素機器の回収
        [transport] 患者搬送
        [visiting_nursing] 訪問看護
        [oxygen_start_visit] 酸素開始のための往診
        [cylinder_swap] 酸素ボンベの交換
       *[other] 依頼
    }
offer = 【{ $kind }の依頼】{ $deadline }までにご回答ください。
    患者：{ $name }（{ $age }歳）
    電話：{ $phone }
    地域：{ $area }
    最近の測定値：
    { $readings }
    理由：
    { $reasons }
offer-accept = 受ける
offer-decline = 断る
offer-accepted = ありがとうございます。{ $name } さんの{ $kind }をご担当ください。{ $by }までに { $phone } へご連絡をお願いします。対応後、このトークで結果をお知らせください。
offer-declined = お断りを承りました。次の方にお願いします。
offer-taken = ありがとうございます。この依頼は既に他の方がお受けになりました。
offer-closed = この依頼の受付は終了しました（期限切れ、または回答済みです）。
offer-unknown = この依頼は見つかりませんでした。
patient-provider-assigned = { $by }までに、{ $role ->
        [doctor] 医師
        [nurse] 看護師
        [pharmacist] 薬剤師
       *[contractor] 機器事業者
    }の{ $provider }さんから連絡があります。
outcome-label = { $outcome ->
        [consulted] 電話診療済み
        [visited] 往診済み
        [prescribed] 処方した
        [oxygen] 酸素が必要
        [admission] 入院が必要
        [delivered] 配達済み
        [kit_delivered] 配送・設置した
        [not_delivered] 配送できない
        [collected] 回収した
        [not_collected] 回収できない
        [arrived] 到着した
        [nursing] 訪問看護が必要
        [drug_set] 初期薬セットを渡した
        [admission_arranged] 入院調整済み
        [oxygen_started] 酸素を開始した
        [swapped] 交換し、空ボンベを回収した
        [not_swapped] 交換できない
        [plan_ended] 訪問看護の計画終了
       *[no_contact] 連絡がつかない
    }
outcome-recorded = 記録しました：{ $outcome ->
        [consulted] 電話診療済み
        [visited] 往診済み
        [prescribed] 処方（配達の依頼を作成しました）
        [oxygen] 酸素が必要（酸素の依頼を作成しました）
        [admission] 入院が必要（入院調整を依頼しました）
        [delivered] 配達済み
        [kit_delivered] 配送済み（酸素開始のための訪問を手配しました）
        [not_delivered] 配送できない（再度依頼し、保健所に連絡しました）
        [collected] 回収済み（消毒に回します）
        [not_collected] 回収できない（再度依頼し、保健所に連絡しました）
        [arrived] 到着
        [nursing] 訪問看護が必要 — 訪問看護ステーションに依頼します
        [drug_set] 初期薬セットを渡した
        [admission_arranged] 入院を調整した — 在宅酸素を終了し、自宅療養の観察を終えます
        [oxygen_started] 酸素開始（患者さんに伝え、指示した医師が終了できます）
        [swapped] ボンベ交換済み（空ボンベは清掃へ）
        [not_swapped] 交換できない（再度依頼し、保健所に連絡しました）
        [plan_ended] 訪問看護の計画終了
       *[no_contact] 連絡がつかない（安否確認を依頼しました）
    }。ありがとうございました。補足があれば、このトークにお書きください。
outcome-note-saved = 補足を依頼に記録しました。
outcome-closed = この依頼は既に終了したか、担当が変わっています。
reason-outcome = { $provider }さんの報告：{ $outcome ->
        [prescribed] 処方
        [oxygen] 酸素が必要
        [admission] 入院が必要
        [nursing] 訪問看護が必要
       *[no_contact] 患者と連絡がつかない
    }
coordination-assign-button = 医師に往診を依頼
coordination-handback-button = 保健所に戻す
coordination-choose-doctor = どの医師に往診を依頼しますか？（患者さんの地区で現在当番の医師）
coordination-no-doctor = この地区で現在当番の医師がいません。保健所に戻すか、電話で調整してください。
coordination-assigned = { $name } さんの往診を { $doctor }（{ $phone }）に依頼し、詳細を送りました。
coordination-handed-back = 保健所に戻しました。保健所に通知され、保健所が調整します。
nursing-plan = { $until } まで { $hours } 時間ごとに{ $mode ->
    [visit] 訪問
   *[phone] 電話
}
nursing-plan-frequency = { $hours } 時間ごとに{ $mode ->
    [visit] 訪問
   *[phone] 電話
}
nursing-plan-days = { $days } 日間
nursing-plan-prompt = 訪問看護を依頼しました：{ $plan }。頻度や期間を変えるにはタップしてください。
nursing-plan-set = 訪問看護の計画：{ $plan }。
nursing-plan-changed = 医師が { $name } さんの訪問看護の計画を変更しました：{ $plan }。
nursing-brief = 住所：{ $address }
    計画：{ $plan }
    初回の{ $mode ->
        [visit] 訪問
       *[phone] 電話
    }は { $by } までに。観察結果をここに書いてください（例：「SpO2 95 36.8 脈拍 80 呼吸数 18 咳」）。患者さんの報告として記録されます。
nursing-next = 次の{ $mode ->
    [visit] 訪問
   *[phone] 電話
}は { $by } までです。
nursing-last = 計画の最後の訪問でした。
nursing-reminder = { $mode ->
    [visit] 訪問
   *[phone] 電話
}の時間です：{ $name } さん（{ $phone }）、{ $address }。観察結果をここに書いてください。
nursing-missed = { $due } 予定の { $name } さんへの{ $mode ->
    [visit] 訪問
   *[phone] 電話
}の報告がありません。保健所に伝え、保健所から患者さんに電話します。
nursing-ended = { $name } さんの訪問看護の計画が終了しました。ありがとうございました。
reason-nursing-missed = { $due } 予定の訪問看護師の{ $mode ->
    [visit] 訪問
   *[phone] 電話
}の報告がない
reason-nurse-observation = 保健所が訪問看護師による観察に切り替え
consult-button = 医師に相談する
consult-opened = 医師にこの患者さんの対応を依頼しています。受けた医師をお知らせします。
consult-already = この患者さんについては既に医師に依頼しています。受けた医師をお知らせします。
consult-taken = { $name } さんの相談は { $provider } 医師（{ $phone }）が引き継ぎました。
reason-consult = { $role ->
        [nurse] 看護師
       *[pharmacist] 薬剤師
    }の{ $provider }さんから医師への相談
request-overdue = お知らせ：{ $name } さんの{ $kind }が期限を過ぎています。このトークで結果をお知らせください（保健所にも連絡しました）。
request-reassigned = 保健所により、{ $name } さんの依頼は別の方の担当になりました。対応は不要です。
level-name = { $level ->
        [emergency] 救急
        [urgent] 至急
        [moderate] 早めの対応
        [watch] 要観察
       *[stable] 安定
    }
request-raised = 【更新】{ $name } さんの状態が悪化しました。{ $kind }は「{ $level }」になりました。
    理由：
    { $reasons }
    { $by }までに { $phone } へご連絡をお願いします。
offer-raised = 【更新】患者さんの状態が悪化しました（「{ $level }」）。お早めにご回答ください。
report-column = { $column ->
        [provider_id] 提供者ID
        [name] 氏名
        [role] 職種
        [organisation] 所属
        [phone_consultations] 電話診療
        [home_visits] 往診
        [nursing_visits] 訪問看護
        [prescriptions] 処方
        [drug_sets] 初期薬セット
        [deliveries] 配達
        [other_outcomes] その他の結果
        [offers] 依頼数
        [accepted] 受諾
        [declined] 辞退
        [expired] 無回答
        [median_minutes_to_accept] 受諾までの中央値（分）
       *[median_minutes_to_outcome] 結果報告までの中央値（分）
    }

## 酸素（自宅への貸与、酸素ステーション）
offer-job = 【{ $kind }の依頼】{ $deadline }までにご回答ください。
    患者：{ $name }
    電話：{ $phone }
    住所：{ $address }
    内容：{ $what }
oxygen-route-station = 酸素ステーション（{ $station }）のベッドを確保しています。入所と搬送についてステーションから電話します。電話をそばに置いてください。
oxygen-route-home = ご自宅で酸素機器をお貸しできます。医師が電話で判断し、その後ご自宅へお届けします。
oxygen-route-hospital = 保健所が今、入院を調整しています。保健所から電話します。とても具合が悪いときは今すぐ{ $emergency }番へ。
reason-oxygen-needed = 酸素が必要：並行して入院調整
reason-oxygen-order = 酸素の指示：{ $kit ->
        [cylinder_sync] 酸素ボンベ＋呼吸同調器
        [cylinder] 酸素ボンベ＋標準の流量計
       *[concentrator] 酸素濃縮器
    }、毎分{ $flow }L
reason-oxygen-start = 酸素機器を配送済み（{ $kit ->
        [cylinder_sync] 酸素ボンベ＋呼吸同調器
        [cylinder] 酸素ボンベ＋標準の流量計
       *[concentrator] 酸素濃縮装置
    }、{ $flow } L/分）：自宅で酸素を開始し、使い方を説明してください
reason-oxygen-swap = 酸素ボンベが残りわずか：満タンのボンベ（{ $flow } L/分）を届け、空ボンベを回収してください
reason-oxygen-collect = 酸素終了：{ $kit ->
        [cylinder_sync] 酸素ボンベと呼吸同調器
        [cylinder] 酸素ボンベ
       *[concentrator] 酸素濃縮器
    }を回収
oxygen-order-prompt = { $name } さんの在宅酸素を指示してください：機器と流量を選ぶか、「ボンベ 2.5」「濃縮器 1.5」のように書いて送ってください（毎分L）。
oxygen-order-button = { $kit ->
        [cylinder] ボンベ
       *[concentrator] 濃縮器
    } 毎分{ $flow }L
oxygen-doctors-only = 酸素の指示は医師のみができます。
oxygen-ordered = 指示を受け付けました：{ $kit ->
        [cylinder_sync] 酸素ボンベ＋呼吸同調器
        [cylinder] 酸素ボンベ＋標準の流量計
       *[concentrator] 酸素濃縮器
    }、毎分{ $flow }L。機器を確保し、事業者に配送を依頼しています。患者宅に届いたらお知らせします。
oxygen-already-ordered = この患者さんには既に酸素機器を手配しています。
oxygen-no-stock = { $unit ->
        [cylinder] 酸素ボンベ
        [regulator] 呼吸同調器
       *[concentrator] 酸素濃縮器
    }の在庫がありません。入院調整を始め、保健所に連絡しました。
oxygen-ordered-patient = 医師がご自宅用の酸素機器（毎分{ $flow }L）を手配しました。事業者がお届けします。担当者と時間はあらためてお知らせします。
oxygen-delivered-patient = 酸素機器をお届けしました。医師または看護師が訪問して一緒に酸素を始めます。説明を受けるまで、ご自分で始めないでください。
oxygen-start-button = 酸素を開始した
oxygen-end-button = 酸素を終了する
oxygen-started = 記録しました：酸素開始。不要になったら「酸素を終了する」を押してください。機器を回収します。
oxygen-started-patient = 毎分{ $flow }Lで酸素を開始しました。これまでどおりSpO2の報告を続けてください。
oxygen-ended = 記録しました：酸素終了。事業者に機器の回収を依頼します。
oxygen-not-now = この酸素の指示は今は変更できません（既に開始または終了しています）。
station-accepted = 酸素ステーション（{ $station }）が受け入れを決めました。搬送についてお知らせします。電話をそばに置いてください。
station-declined = 酸素ステーションでの受け入れができませんでした。保健所がご自宅での酸素または入院を手配し、ご連絡します。
station-discharged = 酸素ステーション（{ $station }）を退所しました。自宅療養を続けます。引き続き測定値を報告してください。
station-transferred = 酸素ステーションから病院へ移ります。
transport-leg = { $leg ->
        [pickup] お迎え：患者宅 → { $station }
       *[return] お送り：{ $station } → 患者宅
    }
reason-transport = { $leg ->
        [pickup] 治療のためステーションへ搬送
       *[return] ステーションから自宅へ搬送
    }

staff-welcome = { $name } さん、登録しました。担当の時間帯のアラートがこのチャットに届きます。
staff-chat-help = このチャットには保健所のアラートが届きます。対応するときは「対応します」を押してください。詳しくはコンソールで確認できます。
staff-page = 【見守り】{ $what }
staff-page-patient = { $patient } { $phone }
staff-page-again = まだ誰も対応していません。
staff-page-ack = 対応します
staff-ack-done = ありがとうございます。あなたが対応者になりました。他の職員にも表示されます。
staff-ack-taken = { $name } さんがすでに対応しています。
staff-ack-not-allowed = あなたの役割ではアラートを引き受けられません。対応できる職員に伝えてください。
nurse-observation-recorded = 訪問での観察を { $name } さんの報告として記録しました。
drug-set-covers-note = { $provider } が夜間往診で初期薬セットを手渡し済み
admission-arranged-note = { $provider } が入院を調整

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = 今すぐ報告する
