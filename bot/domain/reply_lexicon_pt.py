"""Portuguese replies (Portugal and Brazil): the cues of `bot.domain.reply_lexicon`."""

from __future__ import annotations

from bot.domain.reply_lexicon import lexicon

PORTUGUESE = lexicon(
    {
        "rejection": {
            "others": (3, r"\bavancar com outr[oa]\b|\bnao foi selecionad[oa]\b"),
            "others_chosen": (
                3,
                r"\b(?:seguir|avancar|continuar|prosseguir) com (?:outr[oa]s?) (?:candidat\w+|"
                r"perfis|pessoas?)|\b(?:escolhemos|selecionamos|optamos por"
                r"|decidimos por) (?:outr[oa])",
            ),
            "not_selected": (
                3,
                r"\bnao (?:foi|foste) (?:selecionad\w+|aprovad\w+)"
                r"|\bnao vamos avancar|\bnao (?:\w+ ){0,2}(?:seguir|avancar|prosseguir)\w*"
                r" (?:adiante |com (?:a |o )?(?:sua|seu|tua|teu) (?:candidatura|processo))",
            ),
            "position_filled": (
                3,
                r"\bvaga (?:ja )?(?:foi )?(?:preenchida|fechada|encerrada)"
                r"|\bprocesso (?:\w+ ){0,5}(?:foi )?(?:encerrado|finalizado)",
            ),
            "regret": (3, r"\blamentamos (?:informar|comunicar)"),
            "cannot_offer": (3, r"\bnao (?:podemos|poderemos) (?:lhe |te )?oferecer"),
            "not_a_fit": (2, r"\b(?:mais|melhor) (?:alinhad[oa]s?|aderentes?|adequad[oa]s?)"),
            "unfortunately": (1, r"\binfelizmente\b"),
            "good_wishes": (1, r"\bdesejamos(?:-lhe| lhe| te)? (?:muito )?(?:sucesso|sorte)"),
            "kept_on_file": (1, r"\bbanco de talentos\b|\bfuturas oportunidades"),
        },
        "offer": {
            "hire_you": (
                3,
                r"\b(?:te|lhe) contratar\b|\bcontratar(?:-te|-lo|-la)\b"
                r"|\buma proposta para (?:voce|si|ti)\b",
            ),
            "offer_you": (
                3,
                r"\b(?:oferecer|fazer uma proposta|fazer uma oferta)\b|\btemos o prazer de"
                r" (?:lhe |te )?oferecer",
            ),
            "offer_paper": (
                2,
                r"\bcarta[- ]proposta\b|\bproposta (?:em anexo|formal)"
                r"|\bsegue em anexo a proposta",
            ),
            "congratulations": (1, r"\bparabens\b|\bboas noticias\b"),
            "join_us": (
                3,
                r"\b(?:foi|foste) aprovad\w+|\bentrar no time\b|\bjuntar-se"
                r"|\b(?:foi|foste) (?:a |o )?escolhid[oa]|\bintegrar a (?:nossa )?equip[ae]\b"
                r"|\b(?:apresentar|apresentamos|enviamos|fazer)(?:-lhe| lhe| te)? uma proposta\b",
            ),
        },
        "next_round": {
            "invite": (3, r"\bconvidar\w*(?:-a|-o|-lo|-la)? para\b|\bconvidar\b"),
            "next_round": (
                3,
                r"\b(?:segunda|proxima|nova|ultima) (?:entrevista|etapa|fase|conversa|reuniao)"
                r"|\bmarcar uma\b|\b(?:agendar|marcar) (?:uma|a|outra) (?:\w+ )?(?:entrevista"
                r"|conversa|call|reuniao)|\bentrevista com o"
                r" gestor|\bmarcar uma entrevista",
            ),
            "moving_on": (
                3,
                r"\bpassou para a\b|\bpassaste para a\b|\bavancou para\b"
                r"|\betapa final\b|\bfase final\b",
            ),
            "availability": (
                3,
                r"\bdisponibilidade\b|\bqual (?:lhe|te) (?:convem|da jeito)|\bhorarios?\b"
                r"|\bpode ser (?:na|no|em|dia)\b",
            ),
        },
        "still_deciding": {
            "deciding": (3, r"\bainda estamos \w+ndo\b|\bassim que tiver\w*\b"),
            "no_decision": (
                3,
                r"\bainda nao (?:tomamos|decidimos)|\bnenhuma decisao|\bainda nao (?:temos|ha"
                r"|houve)"
                r" (?:uma )?(?:resposta|decisao|retorno|novidades?)",
            ),
            "still_going": (
                3,
                r"\bprocesso (?:esta|continua|segue) (?:a decorrer|em andamento|aberto)"
                r"|\bestamos (?:ainda )?a (?:avaliar|analisar)|\bainda estamos (?:avaliando|"
                r"analisando)|\b(?:seguimos|continuamos) (?:entrevistando|avaliando|analisando"
                r"|conversando)|\bdemorar um pouco mais"
                r"|\b(?:ainda )?(?:esta|se encontra) em curso\b",
            ),
            "decision_due": (
                3,
                r"\bcontamos dar-lhe uma resposta|\bdar(?:-lhe|-te)? uma resposta ate"
                r"|\bdaremos noticias\b|\bassim que (?:possivel|tivermos)",
            ),
        },
        "out_of_office": {
            "auto_reply": (4, r"\bresposta automatica\b|\bfora do escritorio\b"),
            "away": (
                3,
                r"\b(?:estou|estarei|estamos|encontro-me) (?:\w+ )?(?:de ferias|de licenca"
                r"|ausente)\b"
                r"|\bacesso (?:limitado|restrito) ao e-?mail",
            ),
            "returning": (2, r"\bvolto\b|\bregresso\b|\bregressar\b|\bem caso de urgencia"),
        },
        "acknowledgement": {
            "thanks": (0.5, r"\b(?:obrigad[oa]|agradeco)\b"),
            "received": (3, r"\brecebid[oa]\b|\brecebemos\b"),
            "passed_on": (3, r"\bvou (?:encaminhar|repassar|passar)\b"),
        },
    },
    stop=r"\bnao (?:me )?(?:contacte|contate|contactem|contatem|escreva|envie)\w* mais"
    r"|\bnao (?:volte|voltem) a (?:me )?(?:contactar|contatar|escrever)"
    r"|\b(?:pare|parem|para|parar|deixe|deixem) de me (?:contactar|contatar|enviar|escrever"
    r"|mandar)|\bremova-me\b|\bdescadastr\w*",
    negators=r"\b(?:nao|nunca|infelizmente|lamentamos|sem)\b",
    material={
        "references": r"\breferencias?\b|\b(?:antigos?|antigas?|ex-) ?(?:gestor\w*|chefes?"
        r"|colegas|lideres|empregadores)",
        "work_sample": r"\b(?:portfolio|desafio tecnico|teste tecnico|exercicio|case)\b",
        "salary_expectations": r"\bpretensao salarial|\bexpectativa salarial|\bfaixa salarial"
        r"|\b(?:salario|remuneracao) (?:atual|pretendid[oa]|desejad[oa])"
        r"|\bquanto (?:voce )?(?:ganha|recebe)\b",
        "documents": r"\b(?:diploma|certificado|documento de identidade|rg|cpf|comprovativo"
        r"|comprovante|documentos)\b|\bcopia (?:do|da) (?:seu|sua)\b",
    },
    request=r"\b(?:poderia|podia|pode|podes|pode nos|poderia-nos)\b|\bpor favor\b"
    r"|\b(?:enviar|mandar|envie|envia|precisamos|preciso|indicar)\b"
    r"|\?",
    words="o os as que de do da em para com uma um voce sua seu nao obrigado obrigada ola"
    " oi esta no na valeu abraco abracos cumprimentos foi ja mais tambem muito voces"
    " ao aos estou sem pelo pela isso",
)
