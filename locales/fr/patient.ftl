# mimamori — Français: what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] le centre de santé (Hokenjo)
   *[other] le centre de santé (Hokenjo, { $phone })
}

## Enrolment
enrol-instructions = Bienvenue sur mimamori, le service de suivi à domicile du centre de santé. Envoyez le code d'inscription de 10 caractères que le centre de santé vous a donné (par exemple ABCDE-FGHJK).
enrol-welcome = Bienvenue, { $name }. Vous êtes inscrit(e). Nous vous demanderons comment vous allez chaque jour à { $times } (heure du Japon).
enrol-wrong-code = Ce code n'a pas été reconnu. Vérifiez-le et envoyez-le à nouveau (encore { $left } essais cette heure-ci).
enrol-too-many-tries = Trop de codes erronés. Attendez une heure, ou appelez { $centre } pour obtenir de l'aide.
enrol-code-used = Ce code a déjà été utilisé. Si ce n'est pas vous, appelez { $centre }.
enrol-code-expired = Ce code a expiré. Appelez { $centre } pour en obtenir un nouveau.
enrol-already = Vous êtes déjà inscrit(e), { $name }. Vous pouvez envoyer vos mesures à tout moment.
welcome-back = Bon retour, { $name }. Vous pouvez envoyer vos mesures à tout moment.
observation-ended = Votre suivi à domicile est terminé. Si vous ne vous sentez pas bien, appelez { $centre }, ou le { $emergency } en cas d'urgence.
text-only = Désolé, je ne peux lire que du texte. Écrivez vos mesures, par exemple : SpO2 94 37,8

## Reporting
how-to-report = Vous pouvez faire un signalement à tout moment en un seul message ; décrivez vos symptômes avec vos propres mots. Par exemple :
    SpO2 94 37,8
    SpO2 96 température 36,5 essoufflé, je tousse
    Si j'ai mal lu, envoyez « erreur ».
check-in-prompt = Bonjour { $name }, c'est l'heure de votre point santé.
check-in-reminder = { $name }, nous n'avons pas encore de réponse de votre part. Merci de répondre au point santé.
check-in-closed = Ce point santé est déjà terminé.
ask-spo2 = Quelle est votre SpO2 (taux d'oxygène) ? Touchez un chiffre ou écrivez-le.
ask-temperature = Quelle est votre température ? Touchez une valeur ou écrivez-la, par exemple 37,8
ask-symptoms = Avez-vous un de ces symptômes en ce moment ? Touchez chacun de ceux que vous avez, puis « Terminé ».
    { $list }
ask-feeling = Par rapport à la dernière fois, vous sentez-vous mieux, pareil ou moins bien ?
choice-none = Aucun de ceux-ci
choice-done = Terminé
choice-more = Autres symptômes
choice-feel-worse = Je me sens plus mal
choice-talk = Parler à quelqu'un
choice-yes = Oui
choice-no = Non
feeling-better = mieux
feeling-same = pareil
feeling-worse = moins bien
partial-noted = Noté : { $summary }.
value-spo2 = SpO2 { $value } %
value-temperature = { $value } °C
value-pulse = pouls { $value }/min
value-symptoms = symptômes : { $list }
value-denied = pas de : { $list }
reading-unreadable = Désolé, je n'ai pas pu lire cela.
reenter-spo2 = Cette valeur de SpO2 est impossible (elle doit être de 100 % ou moins). Mesurez à nouveau et envoyez le chiffre.
reenter-temperature = La température doit être entre 34,0 et 43,0 °C. Vérifiez votre thermomètre et renvoyez-la, par exemple 37,8
reenter-pulse = Le pouls doit être entre 30 et 250 par minute. Vérifiez et renvoyez-le.
confirm-low-spo2 = Votre SpO2 est très basse. Si le chiffre est faux, mesurez à nouveau et envoyez le bon chiffre.

## Safety
alert-emergency = Appelez le { $emergency } maintenant pour une ambulance. Dites que vous êtes un patient COVID-19 soigné à domicile.
alert-call = Appelez { $centre } maintenant. Si vous vous sentez très mal, appelez le { $emergency }.

## The urgent symptoms (MHLW list)
symptom-pale-face = Visage très pâle
symptom-purple-lips = Lèvres violettes
symptom-not-themselves = Pas comme d'habitude, quelque chose ne va pas
symptom-fast-breathing = Respiration rapide
symptom-sudden-breathlessness = Essoufflement soudain
symptom-breathless-on-exertion = Essoufflé au moindre effort
symptom-chest-pain = Douleur à la poitrine
symptom-cannot-lie-down = Impossible de s'allonger
symptom-shoulder-breathing = Respire avec les épaules
symptom-sudden-wheezing = Sifflement soudain en respirant
symptom-dazed = Hébété, réagit peu
symptom-confused = Confus, ne répond pas
symptom-irregular-pulse = Pouls irrégulier

## Common symptoms
symptom-fever = Fièvre
symptom-cough = Toux
symptom-sore-throat = Mal de gorge
symptom-taste-smell-loss = Perte du goût ou de l'odorat
symptom-runny-nose = Nez qui coule ou bouché
symptom-headache = Mal de tête
symptom-body-aches = Courbatures, douleurs articulaires
symptom-fatigue = Fatigue
symptom-diarrhoea = Diarrhée
symptom-nausea = Nausées ou vomissements
symptom-chills = Frissons
ask-other-symptoms = Avez-vous un de ces autres symptômes ? (facultatif) Touchez ceux que vous avez.
ask-other-symptoms-more = Touchez les autres que vous avez, ou « Terminé ».
other-symptoms-thanks = Merci, c'est noté.

## Asking back
ask-confirm-symptom = Pour être sûr : est-ce vrai pour vous en ce moment — « { $symptom } » ? Touchez Oui ou Non. Sans réponse dans les { $minutes } minutes, nous agirons comme si c'était le cas.
ask-measure-now = Si vous le pouvez, mesurez votre SpO2 maintenant et envoyez le chiffre. Si vous vous sentez très mal, appelez le { $emergency } maintenant.
confirm-noted-no = Merci. Noté : « { $symptom } » n'est pas le cas.
confirm-assumed = Nous n'avons pas eu de réponse ; par sécurité, nous agissons comme si « { $symptom } » était le cas.
question-closed = On a déjà répondu à cette question.

## Corrections
correction-nothing = Je n'ai pas trouvé de signalement récent à corriger.
correction-reopened = Désolé. Votre dernier signalement ({ $summary }) a été retiré. Renvoyez-le comme vous le vouliez.
correction-applied = Désolé. Votre dernier signalement ({ $summary }) a été corrigé.

## Triage
report-noted = { $summary } — enregistré.
route-stable = Merci. Continuez à vous reposer ; nous vous redemanderons au prochain point santé. Si vous vous sentez plus mal, envoyez « pire » à tout moment.
route-watch = Un médecin vous appellera dans les { $hours } heures pour parler de votre état. Si vous allez plus mal d'ici là, envoyez « pire » ou appelez { $centre }.
route-moderate = Un médecin ou une infirmière vous appellera dans les { $minutes } minutes, et passera chez vous aujourd'hui si besoin. Si vous respirez plus difficilement, appelez le { $emergency }.
route-urgent = Vous pourriez avoir besoin d'oxygène. Un médecin vous appellera dans les { $minutes } minutes et le centre de santé organise les soins. Si vous vous sentez très mal d'ici là, appelez le { $emergency }.
route-emergency = Le centre de santé a été alerté et organise une hospitalisation. Gardez votre téléphone près de vous.
route-referral = Vous avez un facteur de risque et votre maladie commence : le centre de santé vous contactera pour un traitement précoce.
remeasure-ask = Reposez-vous une minute, réchauffez votre main, mesurez à nouveau votre SpO2 et envoyez le chiffre dans les { $minutes } minutes. Si vous vous sentez très mal, appelez le { $emergency } maintenant.
remeasure-counted = Merci. C'est la mesure la plus basse qui compte : SpO2 { $value } %.

## Release
release-notice = { $name }, votre période de soins à domicile se termine aujourd'hui. Les points santé quotidiens s'arrêtent. Merci pour vos signalements de chaque jour. Si vous ne vous sentez pas bien, appelez { $centre }.
release-by-staff = { $name }, le centre de santé a mis fin à votre suivi à domicile. Les points santé s'arrêtent. Si vous ne vous sentez pas bien, appelez { $centre }.
reenter-respiratory-rate = La fréquence respiratoire doit être entre 4 et 80 respirations par minute. Comptez pendant une minute et renvoyez-la, par exemple RR 20

## Providers
patient-provider-assigned = { $provider } ({ $role ->
        [doctor] médecin
        [nurse] infirmier·ère
        [pharmacist] pharmacien·ne
       *[contractor] société de matériel
    }) vous contactera avant { $by }.

## Oxygen
oxygen-route-station = Un lit à la station d'oxygène ({ $station }) vous est réservé. La station vous appellera pour l'admission et le transport ; gardez votre téléphone près de vous.
oxygen-route-home = De l'oxygène peut vous être prêté à domicile. Un médecin vous appellera pour décider ; le matériel sera ensuite livré chez vous.
oxygen-route-hospital = Le centre de santé organise maintenant votre hospitalisation et vous appellera. Si vous vous sentez très mal, appelez le { $emergency } maintenant.
oxygen-ordered-patient = Le médecin a commandé du matériel d'oxygène pour chez vous ({ $flow } L/min). Une société l'apportera ; on vous dira qui et quand.
oxygen-delivered-patient = Le matériel d'oxygène a été livré. Un médecin ou une infirmière viendra commencer l'oxygène avec vous ; ne commencez pas seul(e) sans leurs explications.
oxygen-started-patient = L'oxygène a été commencé à { $flow } L/min. Continuez à envoyer votre SpO2 comme d'habitude.
station-accepted = La station d'oxygène ({ $station }) vous accepte. On vous informera du transport ; gardez votre téléphone près de vous.
station-declined = La station d'oxygène ne peut pas vous accueillir. Le centre de santé organise l'oxygène à domicile ou l'hôpital et vous contactera.
station-discharged = Vous sortez de la station d'oxygène ({ $station }). Les soins à domicile continuent : continuez à envoyer vos mesures.
station-transferred = Vous êtes transféré(e) de la station d'oxygène à l'hôpital.

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = Faire le point maintenant

## Language and menu
language-ask = Dans quelle langue voulez-vous que j'écrive ? Touchez-en une.
language-set = Désormais, j'écrirai en français. Pour changer, envoyez « langue ».
choice-language = 🌐 Langue Language
choice-more-languages = Autres langues
call-centre = Appelez { $centre }. En cas d'urgence, appelez le { $emergency }.
menu-bar = Menu
menu-report = Signaler maintenant
menu-worse = Je vais plus mal
menu-call = Appeler le centre
menu-language = Langue Language

## The enrolment sheet, printed for the patient
sheet-title = Fiche d'inscription
sheet-heading = Soins à domicile : votre point santé quotidien par messagerie
sheet-dear = — gardez cette fiche.
sheet-intro = Chaque jour, le centre de santé vous demandera par LINE ou Telegram votre taux d'oxygène (SpO2), votre température et comment vous allez. Si vous allez plus mal, une infirmière ou un médecin est prévenu aussitôt.
sheet-code = Votre code d'inscription :
sheet-valid = Valable jusqu'au
sheet-line = LINE : scannez pour ajouter le centre de santé
sheet-telegram = Telegram : scannez pour commencer
sheet-step-add = Scannez un QR code avec votre téléphone (ou ajoutez le compte du centre de santé).
sheet-step-code = Envoyez le code ci-dessus en message (Telegram l'envoie pour vous).
sheet-step-report = Répondez aux questions de chaque jour. Écrivez librement : « SpO2 96 37,2 toux ».
sheet-phone = Questions : appelez le centre de santé au { $phone }.
sheet-emergency = Si vous avez du mal à respirer, mal à la poitrine ou les lèvres violettes, appelez le { $emergency } tout de suite.
