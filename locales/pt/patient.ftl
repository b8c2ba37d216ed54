# mimamori — Português (Brasil): what patients read in their chat.
phone-line = { $name } ({ $phone })
health-centre = { $phone ->
    [unset] o centro de saúde (Hokenjo)
   *[other] o centro de saúde (Hokenjo, { $phone })
}

## Enrolment
enrol-instructions = Bem-vindo(a) ao mimamori, o serviço do centro de saúde para acompanhar quem se recupera em casa. Envie o código de cadastro de 10 caracteres que o centro de saúde lhe deu (por exemplo ABCDE-FGHJK).
enrol-welcome = Bem-vindo(a), { $name }. Seu cadastro está feito. Vamos perguntar como você está todos os dias às { $times } (horário do Japão).
enrol-wrong-code = Esse código não foi reconhecido. Confira e envie de novo (restam { $left } tentativas nesta hora).
enrol-too-many-tries = Muitos códigos errados. Espere uma hora, ou ligue para { $centre } para pedir ajuda.
enrol-code-used = Esse código já foi usado. Se não foi você, ligue para { $centre }.
enrol-code-expired = Esse código expirou. Ligue para { $centre } para receber um novo.
enrol-already = Você já está cadastrado(a), { $name }. Pode enviar suas medições a qualquer momento.
welcome-back = Bem-vindo(a) de volta, { $name }. Pode enviar suas medições a qualquer momento.
observation-ended = O seu acompanhamento em casa terminou. Se não se sentir bem, ligue para { $centre }, ou para o { $emergency } em caso de emergência.
text-only = Desculpe, só consigo ler texto. Digite suas medições, por exemplo: SpO2 94 37,8

## Reporting
how-to-report = Você pode informar a qualquer momento em uma só mensagem; descreva os sintomas com suas palavras. Por exemplo:
    SpO2 94 37,8
    SpO2 96 temperatura 36,5 falta de ar, tosse
    Se eu ler algo errado, envie "errado".
check-in-prompt = Olá, { $name }, é hora da sua verificação de saúde.
check-in-reminder = { $name }, ainda não recebemos sua resposta. Por favor, responda à verificação de saúde.
check-in-closed = Essa verificação já terminou.
ask-spo2 = Qual é a sua SpO2 (nível de oxigênio)? Toque em um número ou digite.
ask-temperature = Qual é a sua temperatura? Toque em um valor ou digite, por exemplo 37,8
ask-symptoms = Você tem algum destes sintomas agora? Toque em cada um que você tem e depois em "Pronto".
    { $list }
ask-feeling = Comparando com a última vez, você se sente melhor, igual ou pior?
choice-none = Nenhum destes
choice-done = Pronto
choice-more = Outros sintomas
choice-feel-worse = Estou pior
choice-talk = Falar com alguém
choice-yes = Sim
choice-no = Não
feeling-better = melhor
feeling-same = igual
feeling-worse = pior
partial-noted = Anotado: { $summary }.
value-spo2 = SpO2 { $value }%
value-temperature = { $value } °C
value-pulse = pulso { $value }/min
value-symptoms = sintomas: { $list }
value-denied = sem: { $list }
reading-unreadable = Desculpe, não consegui ler isso.
reenter-spo2 = Esse valor de SpO2 não é possível (deve ser 100% ou menos). Meça de novo e envie o número.
reenter-temperature = A temperatura deve estar entre 34,0 e 43,0 °C. Confira o termômetro e envie de novo, por exemplo 37,8
reenter-pulse = O pulso deve estar entre 30 e 250 por minuto. Confira e envie de novo.
confirm-low-spo2 = Sua SpO2 está muito baixa. Se o número estiver errado, meça de novo e envie o número certo.

## Safety
alert-emergency = Ligue agora para o { $emergency } e peça uma ambulância. Diga que você é paciente de COVID-19 em recuperação em casa.
alert-call = Ligue agora para { $centre }. Se estiver muito mal, ligue para o { $emergency }.

## The urgent symptoms (MHLW list)
symptom-pale-face = Rosto muito pálido
symptom-purple-lips = Lábios roxos
symptom-not-themselves = Diferente do normal, algo não está bem
symptom-fast-breathing = Respiração acelerada
symptom-sudden-breathlessness = Falta de ar de repente
symptom-breathless-on-exertion = Falta de ar com pouco esforço
symptom-chest-pain = Dor no peito
symptom-cannot-lie-down = Não consegue deitar
symptom-shoulder-breathing = Respira com os ombros
symptom-sudden-wheezing = Chiado no peito de repente
symptom-dazed = Aéreo(a), responde pouco
symptom-confused = Confuso(a), não responde
symptom-irregular-pulse = Pulso irregular

## Common symptoms
symptom-fever = Febre
symptom-cough = Tosse
symptom-sore-throat = Dor de garganta
symptom-taste-smell-loss = Sem paladar ou olfato
symptom-runny-nose = Nariz escorrendo ou entupido
symptom-headache = Dor de cabeça
symptom-body-aches = Dores no corpo ou nas articulações
symptom-fatigue = Cansaço
symptom-diarrhoea = Diarreia
symptom-nausea = Náusea ou vômito
symptom-chills = Calafrios
ask-other-symptoms = Você tem algum destes outros sintomas? (opcional) Toque nos que você tem.
ask-other-symptoms-more = Toque em outros que você tem, ou em "Pronto".
other-symptoms-thanks = Obrigado(a), anotado.

## Asking back
ask-confirm-symptom = Para ter certeza: isto é verdade para você agora — "{ $symptom }"? Toque em Sim ou Não. Se não tivermos resposta em { $minutes } minutos, vamos agir como se fosse.
ask-measure-now = Se puder, meça sua SpO2 agora e envie o número. Se estiver muito mal, ligue agora para o { $emergency }.
confirm-noted-no = Obrigado(a). Anotado que "{ $symptom }" não é o caso.
confirm-assumed = Não recebemos resposta; por segurança, estamos agindo como se "{ $symptom }" fosse o caso.
question-closed = Essa pergunta já foi respondida.

## Corrections
correction-nothing = Não encontrei um relato recente para corrigir.
correction-reopened = Desculpe. Seu último relato ({ $summary }) foi retirado. Envie de novo como você queria dizer.
correction-applied = Desculpe. Seu último relato ({ $summary }) foi corrigido.

## Triage
report-noted = { $summary } — registrado.
route-stable = Obrigado(a). Continue descansando; perguntaremos de novo na próxima verificação. Se piorar, envie "pior" a qualquer momento.
route-watch = Um médico vai ligar para você em até { $hours } horas para saber como você está. Se piorar antes disso, envie "pior" ou ligue para { $centre }.
route-moderate = Um médico ou enfermeiro vai ligar para você em até { $minutes } minutos, e visitar você hoje se for preciso. Se a respiração ficar mais difícil, ligue para o { $emergency }.
route-urgent = Você pode precisar de oxigênio. Um médico vai ligar em até { $minutes } minutos e o centro de saúde está organizando o atendimento. Se ficar muito mal antes disso, ligue para o { $emergency }.
route-emergency = O centro de saúde foi avisado e vai organizar a internação. Mantenha o telefone perto de você.
route-referral = Você tem um fator de risco e a doença está no começo: o centro de saúde vai entrar em contato sobre tratamento precoce.
remeasure-ask = Descanse um minuto, aqueça a mão, meça a SpO2 de novo e envie o número em até { $minutes } minutos. Se estiver muito mal, ligue agora para o { $emergency }.
remeasure-counted = Obrigado(a). Vale a medição mais baixa: SpO2 { $value }%.

## Release
release-notice = { $name }, o seu período de recuperação em casa termina hoje. As verificações diárias param agora. Obrigado(a) por informar todos os dias. Se não se sentir bem, ligue para { $centre }.
release-by-staff = { $name }, o centro de saúde encerrou o seu acompanhamento em casa. As verificações param agora. Se não se sentir bem, ligue para { $centre }.
reenter-respiratory-rate = A frequência respiratória deve estar entre 4 e 80 por minuto. Conte por um minuto e envie de novo, por exemplo RR 20

## Providers
patient-provider-assigned = { $provider } ({ $role ->
        [doctor] médico(a)
        [nurse] enfermeiro(a)
        [pharmacist] farmacêutico(a)
       *[contractor] empresa de equipamentos
    }) vai entrar em contato até { $by }.

## Oxygen
oxygen-route-station = Um leito na estação de oxigênio ({ $station }) está reservado para você. A estação vai ligar sobre a internação e o transporte; mantenha o telefone perto de você.
oxygen-route-home = Podemos emprestar oxigênio para usar em casa. Um médico vai ligar para decidir; depois o equipamento é entregue na sua casa.
oxygen-route-hospital = O centro de saúde está organizando agora a sua internação e vai ligar para você. Se estiver muito mal, ligue agora para o { $emergency }.
oxygen-ordered-patient = O médico pediu equipamento de oxigênio para sua casa ({ $flow } L/min). Uma empresa vai levar; avisaremos quem e quando.
oxygen-delivered-patient = O equipamento de oxigênio foi entregue. Um médico ou enfermeiro virá começar o oxigênio com você; não comece sozinho(a) sem que expliquem como.
oxygen-started-patient = O oxigênio foi iniciado a { $flow } L/min. Continue informando sua SpO2 como sempre.
station-accepted = A estação de oxigênio ({ $station }) aceitou você. Avisaremos sobre o transporte; mantenha o telefone perto de você.
station-declined = A estação de oxigênio não pode receber você. O centro de saúde está organizando oxigênio em casa ou hospital e vai entrar em contato.
station-discharged = Você teve alta da estação de oxigênio ({ $station }). A recuperação em casa continua: continue informando suas medições.
station-transferred = Você está sendo levado(a) da estação de oxigênio para o hospital.

## Broadcasts
broadcast-message = 【{ $title }】
    { $text }
broadcast-check-in = Informar agora

## Language and menu
language-ask = Em que idioma você quer que eu escreva? Toque em um.
language-set = A partir de agora vou escrever em português. Para mudar, envie "idioma".
choice-language = 🌐 Idioma Language
choice-more-languages = Mais idiomas
call-centre = Ligue para { $centre }. Em emergência, ligue para o { $emergency }.
menu-bar = Menu
menu-report = Informar agora
menu-worse = Estou pior
menu-call = Ligar para o centro
menu-language = Idioma Language

## The enrolment sheet, printed for the patient
sheet-title = Ficha de cadastro
sheet-heading = Recuperação em casa: acompanhamento diário pelo chat
sheet-dear = — guarde esta ficha.
sheet-intro = Todos os dias o centro de saúde vai perguntar pelo LINE ou Telegram o seu nível de oxigênio (SpO2), a temperatura e como você está. Se você piorar, um enfermeiro ou médico é avisado na hora.
sheet-code = Seu código de cadastro:
sheet-valid = Válido até
sheet-line = LINE: escaneie para adicionar o centro de saúde
sheet-telegram = Telegram: escaneie para começar
sheet-step-add = Escaneie um QR code com o celular (ou adicione a conta do centro de saúde).
sheet-step-code = Envie o código acima como mensagem (o Telegram envia por você).
sheet-step-report = Responda às perguntas de cada dia. Escreva como quiser: "SpO2 96 37,2 tosse".
sheet-phone = Dúvidas: ligue para o centro de saúde { $phone }.
sheet-emergency = Se tiver falta de ar, dor no peito ou lábios roxos, ligue para o { $emergency } na hora.
