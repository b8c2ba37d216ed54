# mimamori — Español: what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] el centro de salud (Hokenjo)
   *[other] el centro de salud (Hokenjo, { $phone })
}

## Enrolment
enrol-instructions = Bienvenido/a a mimamori, el servicio del centro de salud para seguir su recuperación en casa. Envíe el código de registro de 10 caracteres que le dio el centro de salud (por ejemplo ABCDE-FGHJK).
enrol-welcome = Bienvenido/a, { $name }. Ya está registrado/a. Le preguntaremos cómo está todos los días a las { $times } (hora de Japón).
enrol-wrong-code = No se reconoció ese código. Revíselo y envíelo otra vez (le quedan { $left } intentos en esta hora).
enrol-too-many-tries = Demasiados códigos incorrectos. Espere una hora, o llame a { $centre } para pedir ayuda.
enrol-code-used = Ese código ya se usó. Si no fue usted, llame a { $centre }.
enrol-code-expired = Ese código ha caducado. Llame a { $centre } para recibir uno nuevo.
enrol-already = Ya está registrado/a, { $name }. Puede enviar sus mediciones en cualquier momento.
welcome-back = Bienvenido/a de nuevo, { $name }. Puede enviar sus mediciones en cualquier momento.
observation-ended = Su seguimiento en casa ha terminado. Si se siente mal, llame a { $centre }, o al { $emergency } en una emergencia.
text-only = Lo siento, solo puedo leer texto. Escriba sus mediciones, por ejemplo: SpO2 94 37,8

## Reporting
how-to-report = Puede informar en cualquier momento en un solo mensaje; describa los síntomas con sus propias palabras. Por ejemplo:
    SpO2 94 37,8
    SpO2 96 temperatura 36,5 me falta el aire, tengo tos
    Si leí algo mal, envíe "error".
check-in-prompt = Hola, { $name }, es hora de su control de salud.
check-in-reminder = { $name }, todavía no tenemos su respuesta. Por favor, responda al control de salud.
check-in-closed = Ese control ya terminó.
ask-spo2 = ¿Cuál es su SpO2 (nivel de oxígeno)? Toque un número o escríbalo.
ask-temperature = ¿Cuál es su temperatura? Toque un valor o escríbalo, por ejemplo 37,8
ask-symptoms = ¿Tiene ahora alguno de estos síntomas? Toque cada uno que tenga y luego "Listo".
    { $list }
ask-feeling = Comparado con el último control, ¿se siente mejor, igual o peor?
choice-none = Ninguno de estos
choice-done = Listo
choice-more = Otros síntomas
choice-feel-worse = Me siento peor
choice-talk = Hablar con alguien
choice-yes = Sí
choice-no = No
feeling-better = mejor
feeling-same = igual
feeling-worse = peor
partial-noted = Anotado: { $summary }.
value-spo2 = SpO2 { $value } %
value-temperature = { $value } °C
value-pulse = pulso { $value }/min
value-symptoms = síntomas: { $list }
value-denied = sin: { $list }
reading-unreadable = Lo siento, no pude leer eso.
reenter-spo2 = Ese valor de SpO2 no es posible (debe ser 100 % o menos). Mida otra vez y envíe el número.
reenter-temperature = La temperatura debe estar entre 34,0 y 43,0 °C. Revise el termómetro y envíela otra vez, por ejemplo 37,8
reenter-pulse = El pulso debe estar entre 30 y 250 por minuto. Revíselo y envíelo otra vez.
confirm-low-spo2 = Su SpO2 está muy baja. Si el número está mal, mida otra vez y envíe el número correcto.

## Safety
alert-emergency = Llame ahora al { $emergency } y pida una ambulancia. Diga que es un paciente de COVID-19 que se recupera en casa.
alert-call = Llame ahora a { $centre }. Si se siente muy mal, llame al { $emergency }.

## The urgent symptoms (MHLW list)
symptom-pale-face = Cara muy pálida
symptom-purple-lips = Labios morados
symptom-not-themselves = No es como siempre, algo no está bien
symptom-fast-breathing = Respiración rápida
symptom-sudden-breathlessness = Falta de aire repentina
symptom-breathless-on-exertion = Falta de aire con poco esfuerzo
symptom-chest-pain = Dolor en el pecho
symptom-cannot-lie-down = No puede acostarse
symptom-shoulder-breathing = Respira con los hombros
symptom-sudden-wheezing = Silbido al respirar de repente
symptom-dazed = Aturdido/a, responde poco
symptom-confused = Confundido/a, no responde
symptom-irregular-pulse = Pulso irregular

## Common symptoms
symptom-fever = Fiebre
symptom-cough = Tos
symptom-sore-throat = Dolor de garganta
symptom-taste-smell-loss = Sin gusto ni olfato
symptom-runny-nose = Moqueo o nariz tapada
symptom-headache = Dolor de cabeza
symptom-body-aches = Dolor de cuerpo o articulaciones
symptom-fatigue = Cansancio
symptom-diarrhoea = Diarrea
symptom-nausea = Náuseas o vómitos
symptom-chills = Escalofríos
ask-other-symptoms = ¿Tiene alguno de estos otros síntomas? (opcional) Toque los que tenga.
ask-other-symptoms-more = Toque otros que tenga, o "Listo".
other-symptoms-thanks = Gracias, anotado.

## Asking back
ask-confirm-symptom = Para estar seguros: ¿es cierto para usted ahora — "{ $symptom }"? Toque Sí o No. Si no recibimos respuesta en { $minutes } minutos, actuaremos como si lo fuera.
ask-measure-now = Si puede, mida ahora su SpO2 y envíe el número. Si se siente muy mal, llame ahora al { $emergency }.
confirm-noted-no = Gracias. Anotado que "{ $symptom }" no es su caso.
confirm-assumed = No recibimos respuesta; por seguridad actuamos como si "{ $symptom }" fuera su caso.
question-closed = Esa pregunta ya fue respondida.

## Corrections
correction-nothing = No encontré un informe reciente que corregir.
correction-reopened = Lo siento. Su último informe ({ $summary }) fue retirado. Envíelo otra vez como quería decirlo.
correction-applied = Lo siento. Su último informe ({ $summary }) fue corregido.

## Triage
report-noted = { $summary } — registrado.
route-stable = Gracias. Siga descansando; le preguntaremos otra vez en el próximo control. Si se siente peor, envíe "peor" en cualquier momento.
route-watch = Un médico le llamará en las próximas { $hours } horas para hablar de cómo está. Si se siente peor antes, envíe "peor" o llame a { $centre }.
route-moderate = Un médico o enfermero le llamará en los próximos { $minutes } minutos, y le visitará hoy si hace falta. Si le cuesta más respirar, llame al { $emergency }.
route-urgent = Puede que necesite oxígeno. Un médico le llamará en los próximos { $minutes } minutos y el centro de salud está organizando la atención. Si se siente muy mal antes, llame al { $emergency }.
route-emergency = Se avisó al centro de salud y organizará su ingreso en el hospital. Tenga el teléfono cerca.
route-referral = Tiene un factor de riesgo y su enfermedad está empezando: el centro de salud le contactará sobre un tratamiento temprano.
remeasure-ask = Descanse un minuto, caliente la mano, mida otra vez su SpO2 y envíe el número en los próximos { $minutes } minutos. Si se siente muy mal, llame ahora al { $emergency }.
remeasure-counted = Gracias. Cuenta la medición más baja: SpO2 { $value } %.

## Release
release-notice = { $name }, hoy termina su periodo de recuperación en casa. Los controles diarios terminan ahora. Gracias por informar cada día. Si se siente mal, llame a { $centre }.
release-by-staff = { $name }, el centro de salud ha terminado su seguimiento en casa. Los controles terminan ahora. Si se siente mal, llame a { $centre }.
reenter-respiratory-rate = La frecuencia respiratoria debe estar entre 4 y 80 por minuto. Cuente durante un minuto y envíela otra vez, por ejemplo RR 20

## Providers
patient-provider-assigned = { $provider } ({ $role ->
        [doctor] médico/a
        [nurse] enfermero/a
        [pharmacist] farmacéutico/a
       *[contractor] empresa de equipos
    }) le contactará antes de las { $by }.

## Oxygen
oxygen-route-station = Se le está reservando una cama en la estación de oxígeno ({ $station }). La estación le llamará sobre el ingreso y el transporte; tenga el teléfono cerca.
oxygen-route-home = Se le puede prestar oxígeno en casa. Un médico le llamará para decidir; después el equipo se entrega en su casa.
oxygen-route-hospital = El centro de salud está organizando ahora su ingreso en el hospital y le llamará. Si se siente muy mal, llame ahora al { $emergency }.
oxygen-ordered-patient = El médico pidió equipo de oxígeno para su casa ({ $flow } L/min). Una empresa lo llevará; le diremos quién y cuándo.
oxygen-delivered-patient = El equipo de oxígeno ya fue entregado. Un médico o enfermero vendrá a empezar el oxígeno con usted; no lo empiece solo/a si no le enseñaron.
oxygen-started-patient = Se empezó el oxígeno a { $flow } L/min. Siga informando su SpO2 como siempre.
station-accepted = La estación de oxígeno ({ $station }) le ha aceptado. Le informaremos sobre el transporte; tenga el teléfono cerca.
station-declined = La estación de oxígeno no puede recibirle. El centro de salud está organizando oxígeno en casa o un hospital y le contactará.
station-discharged = Ha salido de la estación de oxígeno ({ $station }). La recuperación en casa continúa: siga informando sus mediciones.
station-transferred = Le están trasladando de la estación de oxígeno al hospital.

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = Informar ahora

## Language and menu
language-ask = ¿En qué idioma quiere que le escriba? Toque uno.
language-set = A partir de ahora le escribiré en español. Para cambiarlo, envíe "idioma".
choice-language = 🌐 Idioma Language
choice-more-languages = Más idiomas
call-centre = Llame a { $centre }. En una emergencia, llame al { $emergency }.
menu-bar = Menú
menu-report = Informar ahora
menu-worse = Me siento peor
menu-call = Llamar al centro
menu-language = Idioma Language

## The enrolment sheet, printed for the patient
sheet-title = Hoja de registro
sheet-heading = Recuperación en casa: su control diario por chat
sheet-dear = — guarde esta hoja.
sheet-intro = Cada día el centro de salud le preguntará por LINE o Telegram su nivel de oxígeno (SpO2), su temperatura y cómo se siente. Si empeora, se avisa de inmediato a una enfermera o un médico.
sheet-code = Su código de registro:
sheet-valid = Válido hasta
sheet-line = LINE: escanee para añadir el centro de salud
sheet-telegram = Telegram: escanee para empezar
sheet-step-add = Escanee un código QR con su teléfono (o añada la cuenta del centro de salud).
sheet-step-code = Envíe el código de arriba como mensaje (Telegram lo envía por usted).
sheet-step-report = Responda las preguntas de cada día. Escriba libremente: "SpO2 96 37,2 tos".
sheet-phone = Consultas: llame al centro de salud { $phone }.
sheet-emergency = Si le cuesta respirar, tiene dolor en el pecho o los labios morados, llame al { $emergency } enseguida.
