# 保健所のコンソール（職員向け）
console-product = 見守り
console-nav-now = いま
console-nav-patients = 患者
console-nav-alerts = アラート
console-signout = ログアウト
console-back = コンソールに戻る
console-print = 印刷
console-save = 保存
console-reason = 理由
console-role-viewer = 閲覧
console-role-staff = 職員
console-role-admin = 管理者

console-signin-title = ログイン
console-signin-login = ログインID
console-signin-password = パスワード
console-signin-button = ログイン
console-signin-wrong = ログインIDまたはパスワードが違います。
console-signin-locked = パスワードの誤りが続いたため、{ $until } までロックされています。急ぐ場合は管理者に連絡してください。
console-signin-expired = ログイン画面の有効期限が切れました。もう一度ログインしてください。

console-error-title = 問題が発生しました
console-error-storage = データベースが応答しませんでした。少し待ってからもう一度お試しください。
console-refused-title = 権限がありません
console-refused-text = あなたの役割（{ $role }）ではこの操作はできません。何も変更されていません。この操作は記録されました。
console-refused-not-found = 該当する依頼・患者がないか、担当地区の外です。
console-refused-no-reason = 理由を入力してください。
console-refused-no-provider = その番号の有効な医師・看護師・薬剤師はいません。
console-refused-not-now = 今はできません。すでに終了しているか、他の人が対応しています。
console-refused-ended = この患者の療養はすでに終了しています。
console-refused-bad-day = 日付を入力してください（YYYY-MM-DD）。

console-now-title = いま：人の対応が必要なこと
console-now-empty = 未対応の依頼はありません。全員を見守っています。
console-overdue = 期限超過
console-opened = 受付
console-due = 期限
console-held-by = 担当
console-chain-none = 誰にも依頼していません：職員が手配してください。
console-assign = 割り当て
console-assign-to = 割り当て先
console-note = メモ（対応・確認したこと）
console-note-save = メモを追加
console-close = 完了にする
console-close-outcome = 結果

console-status-open = 未対応
console-status-assigned = 担当決定
console-status-in_progress = 対応中
console-status-done = 完了
console-status-cancelled = 取消
console-answer-offered = 依頼中（未回答）
console-answer-accepted = 受諾
console-answer-declined = 辞退
console-answer-expired = 期限内に回答なし
console-answer-taken = 他の人が先に受諾
console-answer-withdrawn = 取り下げ
console-answer-assigned = 職員が割り当て
console-answer-reassigned = 別の人に変更

console-alerts-title = アラート
console-alerts-none = 未解決のアラートはありません。
console-alerts-resolved = 解決済み
console-alert-ack = 対応します
console-alert-taken-by = 対応者
console-alert-resolution = 対応内容
console-alert-resolve = 解決にする
console-col-when = 日時
console-col-alert = アラート
console-col-patient = 患者
console-col-resolved-by = 解決者
console-col-note = メモ
console-alert-chain_exhausted = 受諾者なし：職員による手配が必要
console-alert-request_raised = 職員対応待ちの患者が悪化しました
console-alert-request_overdue = 受諾後、期限までに対応されていません
console-alert-emergency = 緊急
console-alert-check_in_not_enrolled = 健康観察の時刻ですが、チャット未登録の患者です
console-alert-check_in_unreachable = 健康観察の時刻ですが、患者のチャットに届きません
console-alert-patient_blocked_bot = 患者がボットをブロックしました
console-alert-provider_blocked_bot = 医療機関がボットをブロックしました
console-alert-patient_unreachable = 患者にメッセージが届きませんでした
console-alert-delivery_failed = メッセージを送信できませんでした
console-alert-line_quota_exhausted = LINEの月間送信上限に達しました
console-alert-event_failed = 患者からのメッセージを処理できませんでした
console-alert-low_stock = 酸素機器の在庫が少なくなっています
console-alert-no_oxygen_capacity = 酸素が必要な患者に、ステーションの空床も機器もありません
console-alert-no_oxygen_stock = 酸素機器の在庫がありません
console-alert-oxygen_delivered = 酸素機器を配送しました
console-alert-collection_failed = 機器の回収ができませんでした
console-alert-transport_failed = 患者の搬送ができませんでした
console-alert-referral_declined = 治療の紹介が受けられませんでした
console-alert-report_corrected = 患者が報告の読み違いを指摘しました
console-alert-safety_check = 自宅への安否確認が必要です
console-alert-safety_question_unanswered = 緊急の確認に回答がありません
console-alert-station_admission = ステーション入所
console-alert-station_arrival = 患者がステーションに到着しました
console-alert-duplicate_request_closed = 重複した依頼を終了しました

console-patients-title = 患者
console-patients-none = 該当する患者はいません。
console-search = 検索
console-search-hint = 氏名・電話番号・ID
console-filter = 表示
console-filter-silent = 連絡なし（時間以上）
console-filter-unenrolled = チャット未登録のみ
console-col-name = 氏名
console-col-status = 状態
console-col-severity = 重症度
console-col-latest = 最新の値
console-col-area = 地区
console-col-day = 病日
console-col-contact = 最終連絡
console-col-chat = チャット
console-patient-active = 療養中
console-patient-released = 療養終了
console-sheet = 登録用紙
console-register-title = 患者を登録
console-register-phone = 電話番号
console-register-birth = 生年月日
console-register-onset = 発症日
console-register-language = 言語
console-register-address = 住所（機器の配送先）
console-register-button = 登録して用紙を印刷
console-register-no-name = 氏名を入力してください。
console-register-bad-phone = 電話番号の形が正しくありません（例：090-1234-5678）。
console-register-birth-future = 生年月日が未来になっています。
console-register-onset-future = 発症日が未来になっています。
console-register-onset-before-birth = 発症日が生年月日より前です。
console-register-test-future = 検査日が未来になっています。
console-register-bad-date = 日付は YYYY-MM-DD で入力してください。
console-register-other-area = 担当地区の患者のみ登録できます。

console-sheet-enrolled = この患者はすでにチャット登録済みです。コードは不要です。

console-release = 療養終了予定
console-episode = 療養期間
console-episode-extend = 延長（日付まで）
console-episode-nurse = 訪問看護師による観察に切替
console-episode-self = 本人の報告に戻す
console-episode-nurse-now = 訪問看護師が観察中
console-episode-end = 今すぐ終了
console-episode-until = 終了日
console-requests = 依頼
console-assessments = 判定
console-reports = 報告
console-messages = 送信したメッセージ
console-set-aside = （患者が読み違いと指摘）
console-pulse = 脈拍 { $value }/分
console-breaths = 呼吸数 { $value }/分
console-chart-spo2 = SpO2 (%)
console-chart-temperature = 体温 (°C)
console-chart-pulse = 脈拍 (/分)
console-chart-fever = 発熱
console-chart-pulse-limit = 上限
console-sent-pending = 送信待ち
console-sent-sent = 送信済み
console-sent-failed = 未達

console-nav-resources = 資源
console-nav-audit = 監査
console-none = なし。
console-stock = 酸素機器の在庫
console-units-out = 貸出・移動中の機器
console-beds = ステーションの病床
console-bed-free = 空き
console-bed-held = 確保中
console-bed-occupied = 使用中
console-bed-oxygen = 酸素病床
console-bed-therapy = 治療病床
console-jobs = 配送・回収・搬送の未完了の仕事
console-roster = 地区の担当
console-shift = 時間帯
console-shift-day = 日中
console-shift-night = 夜間
console-shift-holiday = 休日
console-provider = 担当者
console-weekdays = 曜日
console-unit-cylinder = 酸素ボンベ
console-unit-regulator = 呼吸同調器
console-unit-concentrator = 酸素濃縮装置
console-unit-available = 在庫
console-unit-reserved = 確保済み
console-unit-out_for_delivery = 配送中
console-unit-in_use = 使用中
console-unit-to_collect = 回収待ち
console-unit-cleaning = 清掃中
console-unit-out_of_service = 使用停止
console-audit-action = 操作
console-audit-who = 誰が
console-audit-subject = 対象
console-audit-cli = （コマンドライン）
console-refused-no-chat = この患者にはメッセージを送れるチャットがありません。電話してください。
console-refused-needs-assignee = 担当する医師・看護師・薬剤師を選んでください。
console-message = 患者へのメッセージ
console-message-send = 送信
console-message-sent = 患者のチャットに送りました。
console-open-request = 依頼を手動で作成
console-open-button = 作成
console-alert-detail = 詳細（サービスの記録、英語）
console-oxygen = 酸素・ステーション
console-order-ordered = 発注
console-order-delivered = 配送済み
console-order-started = 使用中
console-order-ended = 終了
console-order-cancelled = 取消
console-stay-requested = 入所依頼
console-stay-accepted = 受入決定
console-stay-declined = 受入不可
console-stay-admitted = 入所中
console-stay-treated = 治療済み
console-stay-discharged = 退所
console-stay-transferred = 転院
console-stay-cancelled = 取消
console-register-test = 陽性判明日
console-register-asymptomatic = 無症状（療養期間は検査日から）
console-register-asymptomatic-needs-test = 無症状の患者は陽性判明日が必要です。
console-register-risks = 重症化リスク因子
console-register-family-doctor = かかりつけ医
console-register-pharmacy = かかりつけ薬局
console-register-independent = ADL自立
console-yes = はい
console-no = いいえ
console-risk-malignancy = 悪性腫瘍
console-risk-copd = 慢性閉塞性肺疾患
console-risk-chronic_kidney_disease = 慢性腎臓病
console-risk-diabetes = 糖尿病
console-risk-hypertension = 高血圧
console-risk-dyslipidaemia = 脂質異常症
console-risk-obesity = 肥満
console-risk-smoking = 喫煙
console-risk-immunosuppression = 免疫抑制
console-risk-pregnancy = 妊娠

## Broadcasts
console-nav-broadcasts = 一斉送信
console-broadcasts-title = 一斉送信
console-broadcasts-none = まだ一斉送信はありません。
console-broadcast-new = 新しい一斉送信
console-broadcast-title = 件名
console-broadcast-fallback = 受信者の言語の本文がないときに送る言語
console-broadcast-check-in = 「今すぐ報告する」ボタンを付ける
console-broadcast-who = 送信先
console-broadcast-audience = 対象
console-broadcast-audience-patients = 療養中の患者
console-broadcast-audience-providers = 医療機関・事業者
console-broadcast-audience-staff = 当番の職員
console-broadcast-min-level = 重症度
console-broadcast-platform = 送信手段
console-broadcast-not-reported = 今日未報告
console-broadcast-oxygen = 在宅酸素中
console-broadcast-draft = 下書きを保存して送信先を確認
console-broadcast-recipients = 送信先 { $count } 人
console-broadcast-missing = 受信者の言語 { $languages } の本文がありません。本文を加えるか、代わりに送る言語を選んでください。
console-broadcast-needs-approval = 上限を超えています。送信後、別の職員の承認が必要です。
console-broadcast-unreached = 届かなかった { $count } 人（CSV）
console-broadcast-send = 送信
console-broadcast-approve = 承認
console-broadcast-cancel = 中止
console-broadcast-cancel-confirm = この一斉送信を中止しますか？送信済みの分はそのまま、残りは送られません。
console-broadcast-empty = 件名と本文が必要です。
console-broadcast-own-approval = 別の職員の承認が必要です。
console-broadcast-outside-areas = 担当地域にのみ送信できます。
console-broadcast-status-draft = 下書き
console-broadcast-status-awaiting_approval = 承認待ち
console-broadcast-status-scheduled = 送信予定
console-broadcast-status-sending = 送信中
console-broadcast-status-done = 送信済み
console-broadcast-status-cancelled = 中止
console-broadcast-status-stopped = 停止
console-broadcast-over-quota = 今月の LINE の送信上限では、LINE の { $needed } 通を送れません。

## Excel用の書き出し（CSVの見出し）
export-column = { $column ->
        [patient_id] 患者ID
        [name] 氏名
        [phone] 電話番号
        [birth_date] 生年月日
        [area] 地区
        [language] 言語
        [status] 状態
        [onset_date] 発症日
        [test_date] 検査日
        [risk_factors] リスク因子
        [registered_at] 登録日時
        [released_at] 療養解除日時
        [report_id] 報告ID
        [reported_at] 報告日時
        [spo2] SpO2（%）
        [temperature] 体温（℃）
        [pulse] 脈拍（/分）
        [respiratory_rate] 呼吸数（/分）
        [symptoms] 症状
        [feeling] 体調
        [words] 患者の言葉
        [request_id] 依頼ID
        [kind] 種類
        [urgency] 緊急度
        [opened_at] 依頼日時
        [deadline] 期限
        [provider] 担当
        [outcome] 結果
        [closed_reason] 終了理由
        [unit_id] 機器ID
        [serial] 製造番号
        [state] 状態
        [updated_at] 更新日時
        [admission_id] 入所ID
        [station] ステーション
        [bed_kind] 病床
        [source] 経路
        [requested_at] 依頼日時
        [note] メモ
       *[other] { $column }
    }

console-export-title = Excel用に書き出す（CSV）
console-export-what = 記録
console-export-from = 開始日
console-export-to = 終了日
console-export-download = ダウンロード
console-export-patients = 患者
console-export-reports = 報告
console-export-care_requests = 依頼
console-export-oxygen_units = 酸素機器
console-export-admissions = ステーション入所

## 流行シミュレーションの報告 (mimamori simulate)
sim-title = 流行シミュレーション
sim-sweep-title = 流行シミュレーション：条件を変えた比較
sim-start = 開始
sim-days = 日数
sim-seed = シード
sim-patients = 患者
sim-providers = 協力者
sim-peak-observation = 観察中の患者（最大）
sim-reports = 報告
sim-requests = 依頼
sim-urgent-offered = 緊急の依頼（協力者へ）
sim-urgent-contact = 緊急：協力者が受けるまでの分（中央値 / 90% / 最大）
sim-urgent-contact-p90 = 緊急：受けるまでの分（90%）
sim-urgent-overdue = 緊急で期限超過
sim-chains-exhausted = 職員へ（連絡順を尽くした）
sim-staff-alerts = 職員への通知
sim-releases = 療養解除
sim-releases-day = 1日の療養解除
sim-oxygen-peak = 貸出中の酸素（最大）/ 在庫（最少）
sim-beds-peak = ステーションの病床（最大）
sim-chart-observation = 観察中の患者
sim-under-observation = 観察中
sim-chart-assessments = 1日の報告と判定
sim-chart-requests = 1日の依頼
sim-opened = 発生
sim-done = 完了
sim-overdue = 期限超過
sim-chart-contact = 依頼から協力者が受けるまでの分（日ごと、中央値と90%。最長は表に）
sim-chart-oxygen = 酸素と病床
sim-oxygen-in-stock = 酸素の在庫
sim-oxygen-out = 貸出中の酸素
sim-oxygen-waiting = 待っている酸素の依頼
sim-beds-occupied = ステーションの病床
sim-by-kind = 依頼の種類ごと
sim-kind-heading = 種類
sim-level-heading = 緊急度
sim-offered = 打診
sim-taken = 受諾
sim-contact-columns = 受けるまでの分（中央値 / 90% / 最大）
sim-longest = 最も長く待った患者
sim-patient = 患者
sim-opened-at = 発生時刻
sim-waited = 待った分
sim-why = 理由
sim-why-offers = { $offered }人に打診：辞退 { $declined }、応答なし { $unanswered }
sim-why-staff = 連絡順を尽くし職員に通知
sim-why-hours = 時間外に発生
sim-why-never = 期間中に受けた協力者なし
sim-about = この実行について
sim-about-text = サービス自身のコード（読み取り、トリアージ、連絡順、当番表、酸素の振り分け、ステーション、タイマー、送信）が仮想の時計でこの流行を処理しました。患者と協力者はシナリオとシードから作った架空の人です。期限までにどの協力者も受けず、依頼がまだ開いていたとき「期限超過」とします。
sim-run = 実行
sim-database = { $where ->
    [memory] SQLite（メモリ上）
   *[given] 指定のデータベース
}
sim-messages = 受信 / 送信メッセージ
sim-sweep-chart = 緊急で期限超過の依頼（{ $path } ごと）
sim-kind = { $kind ->
    [emergency] 救急
    [hospital_coordination] 入院調整
    [oxygen] 酸素
    [home_visit] 往診
    [phone_consultation] 電話診療
    [treatment_referral] 治療の紹介
    [safety_check] 安否確認
    [staff_call] 職員の電話
    [pharmacy_delivery] 薬の配達
    [doctor_consultation] 医師への相談
    [oxygen_delivery] 酸素の配送
    [oxygen_collection] 酸素の回収
    [transport] 搬送
    [visiting_nursing] 訪問看護
    [oxygen_start_visit] 酸素開始の訪問
    [cylinder_swap] ボンベ交換
   *[other] { $kind }
}
sim-level = { $level ->
    [stable] 安定
    [watch] 経過観察
    [moderate] 中等度
    [urgent] 緊急
    [emergency] 救急
   *[other] { $level }
}
