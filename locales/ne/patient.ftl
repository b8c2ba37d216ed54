# mimamori — नेपाली: what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] स्वास्थ्य केन्द्र (होकेन्जो)
   *[other] स्वास्थ्य केन्द्र (होकेन्जो, { $phone })
}

## Enrolment
enrol-instructions = mimamori मा स्वागत छ। यो घरमै उपचार गर्दा स्वास्थ्य केन्द्रले तपाईंको स्वास्थ्य हेर्ने सेवा हो। स्वास्थ्य केन्द्रले दिएको १० अक्षरको दर्ता कोड पठाउनुहोस् (जस्तै ABCDE-FGHJK)।
enrol-welcome = स्वागत छ, { $name }। तपाईंको दर्ता भयो। हामी हरेक दिन { $times } (जापानको समय) मा तपाईंलाई कस्तो छ भनेर सोध्नेछौं।
enrol-wrong-code = यो कोड चिनिएन। कृपया जाँचेर फेरि पठाउनुहोस् (यो घण्टामा अझै { $left } पटक)।
enrol-too-many-tries = धेरै पटक गलत कोड पठाइयो। एक घण्टा पर्खनुहोस्, वा सहयोगका लागि { $centre } मा फोन गर्नुहोस्।
enrol-code-used = यो कोड पहिले नै प्रयोग भइसकेको छ। तपाईंले प्रयोग गर्नुभएको होइन भने { $centre } मा फोन गर्नुहोस्।
enrol-code-expired = यो कोडको म्याद सकियो। नयाँ कोडका लागि { $centre } मा फोन गर्नुहोस्।
enrol-already = { $name }, तपाईंको दर्ता भइसकेको छ। तपाईं जुनसुकै बेला नाप पठाउन सक्नुहुन्छ।
welcome-back = फेरि स्वागत छ, { $name }। तपाईं जुनसुकै बेला नाप पठाउन सक्नुहुन्छ।
observation-ended = तपाईंको घरमै उपचारको निगरानी सकियो। अस्वस्थ महसुस भए { $centre } मा, आपतकालमा { $emergency } मा फोन गर्नुहोस्।
text-only = माफ गर्नुहोस्, म अक्षर मात्र पढ्न सक्छु। नाप टाइप गर्नुहोस्, जस्तै: SpO2 94 37.8

## Reporting
how-to-report = तपाईं जुनसुकै बेला एउटै सन्देशमा रिपोर्ट गर्न सक्नुहुन्छ; लक्षण आफ्नै शब्दमा लेख्नुहोस्। जस्तै:
    SpO2 94 37.8
    SpO2 96 ज्वरो 36.5 सास फेर्न गाह्रो, खोकी
    मैले गलत पढें भने "गलत" पठाउनुहोस्।
check-in-prompt = नमस्ते { $name }, स्वास्थ्य जाँचको समय भयो।
check-in-reminder = { $name }, हामीले अझै जवाफ पाएका छैनौं। कृपया स्वास्थ्य जाँचको जवाफ दिनुहोस्।
check-in-closed = त्यो स्वास्थ्य जाँच सकिइसकेको छ।
ask-spo2 = तपाईंको SpO2 (रगतमा अक्सिजन) कति छ? अंक थिच्नुहोस् वा टाइप गर्नुहोस्।
ask-temperature = तपाईंको शरीरको तापक्रम कति छ? एउटा थिच्नुहोस् वा टाइप गर्नुहोस्, जस्तै 37.8
ask-symptoms = के अहिले तपाईंलाई यीमध्ये कुनै लक्षण छ? भएका सबै थिच्नुहोस्, अनि "सकियो" थिच्नुहोस्।
    { $list }
ask-feeling = पछिल्लो जाँचभन्दा तपाईंलाई अहिले राम्रो, उस्तै, कि झन् खराब लाग्छ?
choice-none = कुनै पनि छैन
choice-done = सकियो
choice-more = अरू लक्षण
choice-feel-worse = मलाई झन् खराब भयो
choice-talk = कसैसँग कुरा गर्न चाहन्छु
choice-yes = हो
choice-no = होइन
feeling-better = राम्रो
feeling-same = उस्तै
feeling-worse = झन् खराब
partial-noted = टिपियो: { $summary }।
value-spo2 = SpO2 { $value }%
value-temperature = { $value } °C
value-pulse = नाडी { $value }/मिनेट
value-symptoms = लक्षण: { $list }
value-denied = छैन: { $list }
reading-unreadable = माफ गर्नुहोस्, मैले पढ्न सकिनँ।
reenter-spo2 = यो SpO2 सम्भव छैन (१००% वा कम हुनुपर्छ)। फेरि नापेर अंक पठाउनुहोस्।
reenter-temperature = तापक्रम 34.0 देखि 43.0 °C बीच हुनुपर्छ। थर्मामिटर हेरेर फेरि पठाउनुहोस्, जस्तै 37.8
reenter-pulse = नाडी प्रति मिनेट 30 देखि 250 बीच हुनुपर्छ। जाँचेर फेरि पठाउनुहोस्।
confirm-low-spo2 = तपाईंको SpO2 धेरै कम छ। अंक गलत भए फेरि नापेर सही अंक पठाउनुहोस्।

## Safety
alert-emergency = अहिल्यै { $emergency } मा फोन गरेर एम्बुलेन्स बोलाउनुहोस्। आफू घरमै उपचार गरिरहेको कोभिड-१९ बिरामी हुँ भन्नुहोस्।
alert-call = अहिल्यै { $centre } मा फोन गर्नुहोस्। धेरै अस्वस्थ भए { $emergency } मा फोन गर्नुहोस्।

## The urgent symptoms (MHLW list)
symptom-pale-face = अनुहार फिक्का वा रङ खराब
symptom-purple-lips = ओठ नीलो-बैजनी
symptom-not-themselves = सधैंजस्तो छैन, केही गडबड छ
symptom-fast-breathing = छिटो-छिटो सास फेर्ने
symptom-sudden-breathlessness = अचानक सास फेर्न गाह्रो
symptom-breathless-on-exertion = थोरै हिँड्दा पनि सास फुल्ने
symptom-chest-pain = छाती दुख्ने
symptom-cannot-lie-down = सुत्न नसक्ने
symptom-shoulder-breathing = काँधले सास फेर्ने
symptom-sudden-wheezing = अचानक सास फेर्दा सिठी जस्तो आवाज
symptom-dazed = लट्ठ परेको, कम प्रतिक्रिया
symptom-confused = होस ठेगानमा नभएको, जवाफ नदिने
symptom-irregular-pulse = नाडी अनियमित

## Common symptoms
symptom-fever = ज्वरो
symptom-cough = खोकी
symptom-sore-throat = घाँटी दुख्ने
symptom-taste-smell-loss = स्वाद वा गन्ध थाहा नहुने
symptom-runny-nose = सिंगान बग्ने वा नाक बन्द
symptom-headache = टाउको दुख्ने
symptom-body-aches = जीउ वा जोर्नी दुख्ने
symptom-fatigue = थकान
symptom-diarrhoea = पखाला
symptom-nausea = वाकवाकी वा बान्ता
symptom-chills = जाडो लागेर काँप्ने
ask-other-symptoms = के तपाईंलाई यी अरू लक्षण पनि छन्? (ऐच्छिक) भएका थिच्नुहोस्।
ask-other-symptoms-more = अरू भए थिच्नुहोस्, नभए "सकियो"।
other-symptoms-thanks = धन्यवाद, टिपियो।

## Asking back
ask-confirm-symptom = पक्का गर्न: के अहिले तपाईंलाई "{ $symptom }" छ? "हो" वा "होइन" थिच्नुहोस्। { $minutes } मिनेटभित्र जवाफ नआए हामी "हो" मानेर काम गर्छौं।
ask-measure-now = सक्नुहुन्छ भने अहिले SpO2 नापेर अंक पठाउनुहोस्। धेरै अस्वस्थ भए अहिल्यै { $emergency } मा फोन गर्नुहोस्।
confirm-noted-no = धन्यवाद। तपाईंलाई "{ $symptom }" छैन भनेर टिपियो।
confirm-assumed = हामीले जवाफ पाएनौं, त्यसैले सुरक्षाका लागि "{ $symptom }" छ भनेर काम गर्दैछौं।
question-closed = त्यो प्रश्नको जवाफ भइसक्यो।

## Corrections
correction-nothing = सच्याउनुपर्ने हालैको रिपोर्ट भेटिएन।
correction-reopened = माफ गर्नुहोस्। तपाईंको पछिल्लो रिपोर्ट ({ $summary }) रद्द गरियो। आफूले भन्न खोजेजस्तै फेरि पठाउनुहोस्।
correction-applied = माफ गर्नुहोस्। तपाईंको पछिल्लो रिपोर्ट ({ $summary }) सच्याइयो।

## Triage
report-noted = { $summary } — टिपियो।
route-stable = धन्यवाद। आराम गर्नुहोस्; अर्को जाँचमा फेरि सोध्नेछौं। झन् खराब भए जुनसुकै बेला "खराब" पठाउनुहोस्।
route-watch = { $hours } घण्टाभित्र डाक्टरले तपाईंलाई फोन गरेर अवस्था बुझ्नुहुनेछ। त्यसअघि झन् खराब भए "खराब" पठाउनुहोस्, वा { $centre } मा फोन गर्नुहोस्।
route-moderate = { $minutes } मिनेटभित्र डाक्टर वा नर्सले फोन गर्नुहुनेछ, र आवश्यक भए आजै घरमा आउनुहुनेछ। सास फेर्न झन् गाह्रो भए { $emergency } मा फोन गर्नुहोस्।
route-urgent = तपाईंलाई अक्सिजन चाहिन सक्छ। { $minutes } मिनेटभित्र डाक्टरले फोन गर्नुहुनेछ र स्वास्थ्य केन्द्रले उपचारको व्यवस्था गर्दैछ। त्यसअघि धेरै अस्वस्थ भए { $emergency } मा फोन गर्नुहोस्।
route-emergency = स्वास्थ्य केन्द्रलाई खबर गरिएको छ, अस्पताल भर्नाको व्यवस्था हुँदैछ। फोन आफूसँगै राख्नुहोस्।
route-referral = तपाईंमा जोखिमका कारण छन् र रोग सुरु भएको धेरै भएको छैन: चाँडो उपचारबारे स्वास्थ्य केन्द्रले सम्पर्क गर्नेछ।
remeasure-ask = एक मिनेट आराम गर्नुहोस्, हात तताउनुहोस्, SpO2 फेरि नापेर { $minutes } मिनेटभित्र अंक पठाउनुहोस्। धेरै अस्वस्थ भए अहिल्यै { $emergency } मा फोन गर्नुहोस्।
remeasure-counted = धन्यवाद। कम अंक मानिन्छ: SpO2 { $value }%।

## Release
release-notice = { $name }, आज तपाईंको घरमै उपचारको अवधि सकिन्छ। दैनिक जाँच अब रोकिन्छ। हरेक दिन रिपोर्ट गर्नुभएकोमा धन्यवाद। अस्वस्थ भए { $centre } मा फोन गर्नुहोस्।
release-by-staff = { $name }, स्वास्थ्य केन्द्रले तपाईंको घरमै उपचारको निगरानी सकाएको छ। जाँच अब रोकिन्छ। अस्वस्थ भए { $centre } मा फोन गर्नुहोस्।
reenter-respiratory-rate = सास फेर्ने दर प्रति मिनेट 4 देखि 80 बीच हुनुपर्छ। एक मिनेट गनेर फेरि पठाउनुहोस्, जस्तै RR 20

## Providers
patient-provider-assigned = { $role ->
        [doctor] डाक्टर
        [nurse] नर्स
        [pharmacist] फार्मासिस्ट
       *[contractor] उपकरण कम्पनीका
    } { $provider } ले { $by } भित्र तपाईंलाई सम्पर्क गर्नुहुनेछ।

## Oxygen
oxygen-route-station = अक्सिजन स्टेसन ({ $station }) मा तपाईंका लागि बेड राखिएको छ। भर्ना र यातायातबारे स्टेसनले फोन गर्नेछ; फोन आफूसँगै राख्नुहोस्।
oxygen-route-home = तपाईंलाई घरमै अक्सिजन उपकरण दिन सकिन्छ। डाक्टरले फोन गरेर निर्णय गर्नुहुन्छ; त्यसपछि उपकरण घरमा ल्याइन्छ।
oxygen-route-hospital = स्वास्थ्य केन्द्रले अहिले तपाईंको अस्पताल भर्नाको व्यवस्था गर्दैछ र फोन गर्नेछ। धेरै अस्वस्थ भए अहिल्यै { $emergency } मा फोन गर्नुहोस्।
oxygen-ordered-patient = डाक्टरले तपाईंको घरका लागि अक्सिजन उपकरण ({ $flow } L/मिनेट) अर्डर गर्नुभयो। कम्पनीले ल्याउनेछ; को र कहिले भनेर खबर गरिनेछ।
oxygen-delivered-patient = अक्सिजन उपकरण आइपुग्यो। डाक्टर वा नर्स आएर तपाईंसँगै अक्सिजन सुरु गर्नुहुनेछ; सिकाउनुअघि आफैं सुरु नगर्नुहोस्।
oxygen-started-patient = { $flow } L/मिनेटमा अक्सिजन सुरु भयो। पहिलेजस्तै SpO2 रिपोर्ट गरिरहनुहोस्।
station-accepted = अक्सिजन स्टेसन ({ $station }) ले तपाईंलाई स्वीकार गर्‍यो। यातायातबारे खबर गरिनेछ; फोन आफूसँगै राख्नुहोस्।
station-declined = अक्सिजन स्टेसनले तपाईंलाई लिन सक्दैन। स्वास्थ्य केन्द्रले घरमै अक्सिजन वा अस्पतालको व्यवस्था गरेर सम्पर्क गर्नेछ।
station-discharged = तपाईं अक्सिजन स्टेसन ({ $station }) बाट डिस्चार्ज हुनुभयो। घरमै उपचार जारी छ: नाप पठाइरहनुहोस्।
station-transferred = तपाईंलाई अक्सिजन स्टेसनबाट अस्पताल सारिँदैछ।

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = अहिले रिपोर्ट गर्नुहोस्

## Language and menu
language-ask = म कुन भाषामा लेखूँ? एउटा थिच्नुहोस्।
language-set = अबदेखि म नेपालीमा लेख्नेछु। बदल्न "भाषा" पठाउनुहोस्।
choice-language = 🌐 भाषा Language
choice-more-languages = अरू भाषा
call-centre = कृपया { $centre } मा फोन गर्नुहोस्। आपतकालमा { $emergency } मा फोन गर्नुहोस्।
menu-bar = मेनु
menu-report = अहिले रिपोर्ट
menu-worse = झन् खराब भयो
menu-call = स्वास्थ्य केन्द्रलाई फोन
menu-language = भाषा Language

## The enrolment sheet, printed for the patient
sheet-title = दर्ता पाना
sheet-heading = घरमै उपचार: च्याटबाट दैनिक स्वास्थ्य जाँच
sheet-dear = — कृपया यो पाना राख्नुहोस्।
sheet-intro = स्वास्थ्य केन्द्रले हरेक दिन LINE वा Telegram मार्फत तपाईंको अक्सिजन (SpO2), तापक्रम र अवस्था सोध्नेछ। झन् खराब भए तुरुन्तै नर्स वा डाक्टरलाई खबर गरिन्छ।
sheet-code = तपाईंको दर्ता कोड:
sheet-valid = म्याद
sheet-line = LINE: स्वास्थ्य केन्द्र थप्न स्क्यान गर्नुहोस्
sheet-telegram = Telegram: सुरु गर्न स्क्यान गर्नुहोस्
sheet-step-add = फोनले QR कोड स्क्यान गर्नुहोस् (वा स्वास्थ्य केन्द्रको खाता थप्नुहोस्)।
sheet-step-code = माथिको दर्ता कोड सन्देशमा पठाउनुहोस् (Telegram ले आफैं पठाउँछ)।
sheet-step-report = दैनिक प्रश्नको जवाफ दिनुहोस्। जस्तै "SpO2 96 37.2 खोकी" लेख्न सक्नुहुन्छ।
sheet-phone = प्रश्न: स्वास्थ्य केन्द्र { $phone }
sheet-emergency = सास फेर्न गाह्रो, छाती दुख्ने वा ओठ नीलो भए तुरुन्तै { $emergency } मा फोन गर्नुहोस्।
