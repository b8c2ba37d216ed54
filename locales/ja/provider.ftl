# mimamori — 日本語: what providers (doctors, nurses, pharmacists, contractors) and staff read in their chats, and the clinical reasons staff see.
# Every language has every message of patient.ftl; provider.ftl and console.ftl are whole when present (a test checks).

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
reason-cannot-eat = 食事・水分がとれない
reason-staff = { $staff } が依頼：{ $reason }

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
oxygen-start-button = 酸素を開始した
oxygen-end-button = 酸素を終了する
oxygen-started = 記録しました：酸素開始。不要になったら「酸素を終了する」を押してください。機器を回収します。
oxygen-ended = 記録しました：酸素終了。事業者に機器の回収を依頼します。
oxygen-not-now = この酸素の指示は今は変更できません（既に開始または終了しています）。
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

## 患者の言葉をどう読んだか（職員には言葉とこれが見える）
understood = 「{ $words }」→ { $polarity ->
        [negated] なし：{ $concept }
        [uncertain] 不確か・確認中：{ $concept }
       *[affirmed] { $concept }
    }
concept-label = { $concept ->
        [worse] 悪くなった
        [better] よくなった
        [same] 変わらない
        [harder_to_breathe] 呼吸が苦しくなった
        [asks_to_talk] 相談したい
        [cannot_eat_or_drink] 食べられない・飲めない
        [no_symptoms] 症状なし
        [distress] 助けを求めている
        [correction] 前の報告の読み違いを指摘
       *[other] { $concept }
    }

## 協力医療機関・事業者のメニュー
provider-no-open-requests = 対応中の依頼はありません。
provider-open-request = { $kind }：{ $name }さん（{ $phone }）、{ $by }まで
provider-away = 対応不可として記録しました。「対応可能」を押すまで新しい依頼はお送りしません。すでに受けた依頼はそのままです。
provider-available = 対応可能として記録しました。新しい依頼をまたお送りします。
provider-menu-bar = メニュー
provider-menu-requests = 対応中の依頼
provider-menu-available = 対応可能
provider-menu-away = 対応不可
provider-menu-language = 言語 Language
