# mimamori — Tagalog: what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] ang health centre (Hokenjo)
   *[other] ang health centre (Hokenjo, { $phone })
}

## Enrolment
enrol-instructions = Maligayang pagdating sa mimamori, ang serbisyo ng health centre para sa pag-check ng kalusugan habang nagpapagaling sa bahay. Pakipadala ang 10-character na enrolment code na ibinigay sa inyo ng health centre (halimbawa ABCDE-FGHJK).
enrol-welcome = Maligayang pagdating, { $name }. Nakarehistro na kayo. Araw-araw sa { $times } (oras sa Japan) ay tatanungin namin kung kumusta kayo.
enrol-wrong-code = Hindi nakilala ang code na iyan. Pakisuri at ipadala ulit ({ $left } subok pa sa oras na ito).
enrol-too-many-tries = Masyadong maraming maling code. Maghintay ng isang oras, o tumawag sa { $centre } para sa tulong.
enrol-code-used = Nagamit na ang code na iyan. Kung hindi kayo ang gumamit, tumawag sa { $centre }.
enrol-code-expired = Expired na ang code na iyan. Tumawag sa { $centre } para sa bagong code.
enrol-already = Nakarehistro na kayo, { $name }. Maaari ninyong ipadala ang inyong mga sukat anumang oras.
welcome-back = Maligayang pagbabalik, { $name }. Maaari ninyong ipadala ang inyong mga sukat anumang oras.
observation-ended = Tapos na ang pagbabantay sa inyong pagpapagaling sa bahay. Kung masama ang pakiramdam, tumawag sa { $centre }, o sa { $emergency } kung emergency.
text-only = Paumanhin, text lang ang nababasa ko. Pakitype ang inyong sukat, halimbawa: SpO2 94 37.8

## Reporting
how-to-report = Maaari kayong mag-report anumang oras sa isang mensahe; ilarawan ang sintomas sa sarili ninyong salita. Halimbawa:
    SpO2 94 37.8
    SpO2 96 temp 36.5 hirap huminga, inuubo
    Kung mali ang basa ko, ipadala ang "mali".
check-in-prompt = Magandang araw { $name }, oras na para sa inyong health check.
check-in-reminder = { $name }, wala pa kaming natatanggap na sagot. Pakisagot ang health check.
check-in-closed = Tapos na ang health check na iyan.
ask-spo2 = Ano ang inyong SpO2 (oxygen level)? Pindutin ang numero o i-type ito.
ask-temperature = Ano ang inyong temperatura? Pindutin ang isang value o i-type, halimbawa 37.8
ask-symptoms = Mayroon ba kayo ngayon ng alinman sa mga sintomas na ito? Pindutin ang bawat isa na mayroon kayo, pagkatapos ay "Tapos na".
    { $list }
ask-feeling = Kumpara sa huling check, mas mabuti ba, pareho, o mas malala ang pakiramdam ninyo?
choice-none = Wala sa mga ito
choice-done = Tapos na
choice-more = Iba pang sintomas
choice-feel-worse = Lumalala ako
choice-talk = Gusto kong makausap ang isang tao
choice-yes = Oo
choice-no = Hindi
feeling-better = mas mabuti
feeling-same = pareho lang
feeling-worse = mas malala
partial-noted = Naitala: { $summary }.
value-spo2 = SpO2 { $value }%
value-temperature = { $value } °C
value-pulse = pulso { $value }/min
value-symptoms = sintomas: { $list }
value-denied = wala: { $list }
reading-unreadable = Paumanhin, hindi ko iyon mabasa.
reenter-spo2 = Hindi posible ang SpO2 na iyan (dapat 100% o mas mababa). Pakisukat ulit at ipadala ang numero.
reenter-temperature = Ang temperatura ay dapat nasa pagitan ng 34.0 at 43.0 °C. Pakitingnan ang thermometer at ipadala ulit, halimbawa 37.8
reenter-pulse = Ang pulso ay dapat nasa pagitan ng 30 at 250 bawat minuto. Pakisuri at ipadala ulit.
confirm-low-spo2 = Napakababa ng inyong SpO2. Kung mali ang numero, sukatin ulit at ipadala ang tamang numero.

## Safety
alert-emergency = Tumawag kaagad sa { $emergency } para sa ambulansya. Sabihin na kayo ay pasyenteng may COVID-19 na nagpapagaling sa bahay.
alert-call = Pakitawagan kaagad ang { $centre }. Kung napakasama ng pakiramdam, tumawag sa { $emergency }.

## The urgent symptoms (MHLW list)
symptom-pale-face = Maputla o masama ang kulay ng mukha
symptom-purple-lips = Kulay-ube ang labi
symptom-not-themselves = Iba sa karaniwan, parang may mali
symptom-fast-breathing = Mabilis ang paghinga
symptom-sudden-breathlessness = Biglang hirap huminga
symptom-breathless-on-exertion = Hinihingal sa kaunting galaw
symptom-chest-pain = Masakit ang dibdib
symptom-cannot-lie-down = Hindi makahiga
symptom-shoulder-breathing = Humihinga gamit ang balikat
symptom-sudden-wheezing = Biglang humuhuni ang paghinga
symptom-dazed = Tulala, mahina ang tugon
symptom-confused = Lito, hindi sumasagot
symptom-irregular-pulse = Hindi regular ang pulso

## Common symptoms
symptom-fever = Lagnat
symptom-cough = Ubo
symptom-sore-throat = Masakit ang lalamunan
symptom-taste-smell-loss = Walang panlasa o pang-amoy
symptom-runny-nose = Sipon o baradong ilong
symptom-headache = Sakit ng ulo
symptom-body-aches = Pananakit ng katawan o kasukasuan
symptom-fatigue = Pagod, panghihina
symptom-diarrhoea = Pagtatae
symptom-nausea = Pagduduwal o pagsusuka
symptom-chills = Panginginig sa lamig
ask-other-symptoms = Mayroon ba kayo ng iba pang sintomas na ito? (hindi kailangan) Pindutin ang bawat isa na mayroon kayo.
ask-other-symptoms-more = Pindutin ang iba pa kung mayroon, o "Tapos na".
other-symptoms-thanks = Salamat, naitala na.

## Asking back
ask-confirm-symptom = Para makasiguro: totoo ba ito sa inyo ngayon — "{ $symptom }"? Pindutin ang Oo o Hindi. Kung wala kaming marinig sa loob ng { $minutes } minuto, ituturing naming totoo ito.
ask-measure-now = Kung kaya, sukatin ang inyong SpO2 ngayon at ipadala ang numero. Kung napakasama ng pakiramdam, tumawag kaagad sa { $emergency }.
confirm-noted-no = Salamat. Naitala na wala kayong "{ $symptom }".
confirm-assumed = Wala kaming natanggap na sagot, kaya para sa kaligtasan ituturing naming mayroon kayong "{ $symptom }".
question-closed = Nasagot na ang tanong na iyan.

## Corrections
correction-nothing = Wala akong makitang bagong report na maitatama.
correction-reopened = Paumanhin. Binawi na ang huli ninyong report ({ $summary }). Pakipadala ulit ayon sa ibig ninyong sabihin.
correction-applied = Paumanhin. Naitama na ang huli ninyong report ({ $summary }).

## Triage
report-noted = { $summary } — naitala.
route-stable = Salamat. Magpahinga lang; tatanungin namin kayo ulit sa susunod na check. Kung lumala ang pakiramdam, ipadala ang "lumala" anumang oras.
route-watch = Tatawagan kayo ng doktor sa loob ng { $hours } oras para alamin ang inyong kalagayan. Kung lumala bago noon, ipadala ang "lumala", o tumawag sa { $centre }.
route-moderate = Tatawagan kayo ng doktor o nurse sa loob ng { $minutes } minuto, at bibisitahin kayo ngayong araw kung kailangan. Kung lalong humirap ang paghinga, tumawag sa { $emergency }.
route-urgent = Maaaring kailangan ninyo ng oxygen. Tatawagan kayo ng doktor sa loob ng { $minutes } minuto at inaayos na ng health centre ang inyong pangangalaga. Kung napakasama ng pakiramdam bago noon, tumawag sa { $emergency }.
route-emergency = Naabisuhan na ang health centre at mag-aayos ito ng pagpapaospital. Panatilihing malapit sa inyo ang telepono.
route-referral = Mayroon kayong risk factor at bago pa lang ang sakit: kokontakin kayo ng health centre tungkol sa maagang gamutan.
remeasure-ask = Magpahinga ng isang minuto, painitin ang kamay, sukatin ulit ang SpO2 at ipadala ang numero sa loob ng { $minutes } minuto. Kung napakasama ng pakiramdam, tumawag kaagad sa { $emergency }.
remeasure-counted = Salamat. Ang mas mababang sukat ang gagamitin: SpO2 { $value }%.

## Release
release-notice = { $name }, ngayong araw matatapos ang inyong pagpapagaling sa bahay. Titigil na ang araw-araw na check. Salamat sa pag-report araw-araw. Kung masama ang pakiramdam, tumawag sa { $centre }.
release-by-staff = { $name }, tinapos na ng health centre ang pagbabantay sa inyong pagpapagaling sa bahay. Titigil na ang mga check. Kung masama ang pakiramdam, tumawag sa { $centre }.
reenter-respiratory-rate = Ang bilis ng paghinga ay dapat nasa pagitan ng 4 at 80 bawat minuto. Bilangin sa loob ng isang minuto at ipadala ulit, halimbawa RR 20

## Providers
patient-provider-assigned = Kokontakin kayo ni { $provider } ({ $role ->
        [doctor] doktor
        [nurse] nurse
        [pharmacist] parmasyutiko
       *[contractor] kompanya ng kagamitan
    }) bago mag-{ $by }.

## Oxygen
oxygen-route-station = May kama sa oxygen station ({ $station }) na nakalaan para sa inyo. Tatawag ang station tungkol sa pagpasok at transportasyon; panatilihing malapit ang telepono.
oxygen-route-home = Maaari kayong pahiramin ng oxygen sa bahay. Tatawag ang doktor para magpasya; pagkatapos ay ihahatid ang kagamitan sa inyong bahay.
oxygen-route-hospital = Inaayos na ngayon ng health centre ang inyong pagpapaospital at tatawagan kayo. Kung napakasama ng pakiramdam, tumawag kaagad sa { $emergency }.
oxygen-ordered-patient = Nag-order ang doktor ng oxygen equipment para sa inyong bahay ({ $flow } L/min). Ihahatid ito ng kompanya; sasabihin namin kung sino at kailan.
oxygen-delivered-patient = Naihatid na ang oxygen equipment. Bibisita ang doktor o nurse para simulan ang oxygen kasama ninyo; huwag itong simulan nang mag-isa kung hindi pa kayo tinuruan.
oxygen-started-patient = Sinimulan na ang oxygen sa { $flow } L/min. Ituloy ang pag-report ng SpO2 gaya ng dati.
station-accepted = Tinanggap kayo ng oxygen station ({ $station }). Sasabihan kayo tungkol sa transportasyon; panatilihing malapit ang telepono.
station-declined = Hindi kayo matatanggap ng oxygen station. Inaayos ng health centre ang oxygen sa bahay o pagpapaospital at kokontakin kayo.
station-discharged = Nakalabas na kayo sa oxygen station ({ $station }). Magpapatuloy ang pagpapagaling sa bahay: ituloy ang pag-report ng inyong mga sukat.
station-transferred = Ililipat kayo mula sa oxygen station papunta sa ospital.

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = Mag-report ngayon

## Language and menu
language-ask = Anong wika ang gusto ninyo? Pindutin ang isa.
language-set = Mula ngayon ay magsusulat ako sa Tagalog. Para palitan, ipadala ang "wika".
choice-language = 🌐 Wika Language
choice-more-languages = Iba pang wika
call-centre = Pakitawagan ang { $centre }. Kung emergency, tumawag sa { $emergency }.
menu-bar = Menu
menu-report = Mag-report ngayon
menu-worse = Lumalala ako
menu-call = Tawagan ang health centre
menu-language = Wika Language

## The enrolment sheet, printed for the patient
sheet-title = Enrolment sheet
sheet-heading = Pagpapagaling sa bahay: araw-araw na health check sa chat
sheet-dear = — pakitago ang papel na ito.
sheet-intro = Araw-araw ay tatanungin kayo ng health centre sa LINE o Telegram tungkol sa oxygen level (SpO2), temperatura at pakiramdam. Kokontakin kaagad ang nurse o doktor kapag lumala kayo.
sheet-code = Ang inyong enrolment code:
sheet-valid = May bisa hanggang
sheet-line = LINE: i-scan para idagdag ang health centre
sheet-telegram = Telegram: i-scan para magsimula
sheet-step-add = I-scan ang QR code gamit ang telepono (o idagdag ang account ng health centre).
sheet-step-code = Ipadala ang enrolment code sa itaas bilang mensahe (ang Telegram ang magpapadala nito).
sheet-step-report = Sagutin ang mga tanong araw-araw. Sumulat nang malaya: "SpO2 96 37.2 ubo".
sheet-phone = Mga tanong: tumawag sa health centre sa { $phone }.
sheet-emergency = Kung hirap huminga, masakit ang dibdib o kulay-ube ang labi, tumawag kaagad sa { $emergency }.
