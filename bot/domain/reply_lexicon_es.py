"""Spanish replies: the cues of `bot.domain.reply_lexicon`, as Spanish recruiters write them."""

from __future__ import annotations

from bot.domain.reply_lexicon import lexicon

SPANISH = lexicon(
    {
        "rejection": {
            "this_occasion": (1, r"\ben esta ocasion\b"),
            "decided_against": (
                3,
                r"\bdecidido no (?:continuar|seguir|avanzar)"
                r"|\bcandidat[oa] intern[oa]\b|\bposicion se ha cubierto|\bpuesto se ha cubierto",
            ),
            "others_chosen": (
                3,
                r"\b(?:continuar|seguir|avanzar|proseguir) con (?:otr[oa]s?|la otra|el otro)"
                r" (?:candidat\w+|perfil\w*|person\w+)|\bhemos (?:elegido|seleccionado|optado por)"
                r" (?:a )?otr[oa]|\b(?:decantado|optado|inclinado) por (?:otr[oa]s?|la otra"
                r"|el otro)"
                r"|\botr[oa] (?:candidat[oa]|perfil|persona)\b",
            ),
            "not_selected": (
                3,
                r"\bno (?:ha|has|han) (?:sido|resultado|quedado) (?:\w+ )?(?:seleccionad\w+"
                r"|elegid\w+|finalista)|\bno (?:seguiremos|"
                r"continuaremos|avanzaremos)|\bno (?:podemos|vamos a) (?:continuar|avanzar|seguir)"
                r"|\bno (?:\w+ ){0,2}(?:continuar|seguir|avanzar)\w* (?:adelante |con (?:tu|su)"
                r" (?:candidatura|proceso|solicitud))",
            ),
            "position_filled": (
                3,
                r"\b(?:puesto|vacante|posicion|plaza) (?:ya )?(?:ha sido |esta |fue )?"
                r"(?:cubiert[oa]|ocupad[oa]|cerrad[oa])",
            ),
            "regret": (
                3,
                r"\blamenta(?:mos)? (?:comunicar|informar|decir)"
                r"|\bsentimos (?:comunicar|informar)",
            ),
            "cannot_offer": (3, r"\bno (?:podemos|podremos) ofrecer"),
            "not_a_fit": (2, r"\bcuyo perfil se ajusta mas|\bse ajusta(?:n)? mas a"),
            "unfortunately": (1, r"\b(?:lamentablemente|desafortunadamente|por desgracia)\b"),
            "good_wishes": (1, r"\b(?:te|le) deseamos (?:mucho )?(?:exito|suerte|lo mejor)"),
            "kept_on_file": (1, r"\bfuturas (?:oportunidades|vacantes)|\ben cuenta para"),
        },
        "offer": {
            "offer_decided": (3, r"\bdecidido ofrecer(?:te|le)\b"),
            "offer_you": (
                3,
                r"\b(?:ofrecerte|ofrecerle|hacerte una oferta|hacerle una oferta)\b"
                r"|\bnos complace ofrecer",
            ),
            "offer_paper": (
                2,
                r"\bcarta de oferta|\boferta (?:formal|por escrito|esta condicionada)"
                r"|\bpropuesta (?:economica|salarial|formal)|\bcontrato\b|\b(?:la|una"
                r"|nuestra) oferta\b",
            ),
            "join_us": (
                3,
                r"\b(?:incorporarte|incorporarse|unirte) (?:a|al|como)\b"
                r"|\bque te (?:unas|unieras|incorpores|incorporaras)\b|\bcontar contigo\b"
                r"|\bhas sido seleccionad[oa] para el puesto|\bbienvenid[oa]\b",
            ),
            "congratulations": (1, r"\benhorabuena\b|\bfelicidades\b|\bbuenas noticias\b"),
        },
        "next_round": {
            "invite": (
                3,
                r"\binvitar(?:te|le) a\b|\bconocer(?:te|le)\b|\bque (?:conozcas|conozca) a",
            ),
            "next_round": (
                3,
                r"\b(?:segunda|siguiente|proxima|ultima|nueva) (?:entrevista|fase|etapa|ronda)"
                r"|\bentrevista (?:tecnica|final|presencial)|\bsegunda (?:llamada|reunion"
                r"|conversacion)",
            ),
            "moving_on": (
                3,
                r"\bhas pasado a\b|\bpasas a la\b|\bha pasado a\b|\bsiguiente paso\b"
                r"|\b(?:agendar|programar|coordinar|concertar) (?:una|la|otra) (?:\w+ )?"
                r"(?:entrevista|llamada|reunion)",
            ),
            "availability": (
                3,
                r"\bdisponibilidad\b|\bcual te viene mejor|\b(?:te|le) (?:viene|vendria|va"
                r"|iria|encaja|encajaria|cuadra|cuadraria) (?:bien|mejor)\b"
                r"|\bque (?:dia|hora|horario|momento)s? (?:te|le) (?:\w+ )?(?:bien|mejor)"
                r"|\bestas disponible|\bte propongo|\bque dias\b|\btendrias? libres?\b"
                r"|\b(?:elige|elegir|escoge|escoger|reserva|reservar) (?:el|un|tu) (?:horario|hueco"
                r"|dia)|\bhorarios? disponibles?",
            ),
        },
        "still_deciding": {
            "in_process": (3, r"\bseguimos en (?:el )?proceso\b|\ben cuanto haya\b"),
            "no_decision": (
                3,
                r"\b(?:todavia|aun) no hemos (?:tomado|decidido)|\bno hemos tomado (?:una|ninguna)"
                r" decision|\b(?:todavia|aun) no (?:tenemos|hay|hemos) (?:\w+ ){0,2}(?:decision"
                r"|respuesta|novedades)",
            ),
            "still_going": (
                3,
                r"\b(?:seguimos|estamos|continuamos) (?:todavia |aun )?(?:entrevistando|valorando|"
                r"evaluando|revisando|cerrando)|\bproceso sigue abierto|\bproceso (?:sigue"
                r"|continua)"
                r" en curso",
            ),
            "decision_due": (
                3,
                r"\besperamos (?:darte|darle|tener) (?:una )?respuesta"
                r"|\ben cuanto (?:tenga(?:mos)?|"
                r"sepa(?:mos)?)\b|\bte (?:escribo|escribire|contacto|contactare|aviso|avisare)"
                r" (?:\w+ ){0,4}(?:novedades|noticias|respuesta|decision)",
            ),
        },
        "out_of_office": {
            "auto_reply": (4, r"\brespuesta automatica\b|\bfuera de la oficina\b"),
            "away": (
                3,
                r"\b(?:estoy|estare|me encuentro|estamos) (?:\w+ )?(?:de vacaciones|de baja"
                r"|de permiso"
                r"|de viaje)\b|\bacceso limitado al correo",
            ),
            "returning": (
                2,
                r"\bvolvere\b|\bregresare\b|\ba mi (?:vuelta|regreso)|\bsin acceso al correo"
                r"|\bpara cualquier asunto urgente",
            ),
        },
        "acknowledgement": {
            "thanks": (0.5, r"\bgracias\b"),
            "received": (3, r"\brecibid[oa]\b|\bhemos recibido"),
            "passed_on": (
                3,
                r"\bse lo (?:paso|pasare|envio|reenvio)|\blo (?:paso|reenvio"
                r"|comparto|traslado)\b",
            ),
        },
    },
    stop=r"\bno (?:vuelva|vuelvas|vuelvan) a (?:contactar|escribir|llamar)\w*"
    r"|\bno me (?:contacte|contactes|contacten|escriba|escribas) mas"
    r"|\bdej(?:e|en|a) de (?:contactarme|escribirme)|\b(?:darme de baja|eliminarme de)",
    negators=r"\b(?:no|nunca|lamentablemente|desafortunadamente|lamentamos|sin)\b",
    material={
        "references": r"\breferencias?\b|\b(?:antiguos?|anteriores?) (?:jefes?|responsables?"
        r"|managers?|companeros)",
        "work_sample": r"\b(?:portafolio|porfolio|muestras? de (?:tu|su) trabajo|prueba tecnica"
        r"|ejemplos? de (?:tu |su |tus |sus )?(?:trabajos?|proyectos?)|github|gitlab|repositorio"
        r"|ejercicio|caso practico)",
        "salary_expectations": r"\b(?:expectativas? salarial\w*|pretensiones salariales"
        r"|banda salarial|rango salarial|(?:salario|sueldo|remuneracion) (?:actual|desead[oa]"
        r"|esperad[oa])|cuanto (?:cobras|ganas|cobra|gana)\b)",
        "documents": r"\b(?:titulo|certificado|expediente|dni|nie|pasaporte|permiso de trabajo"
        r"|documentacion)\b|\bcopia de (?:tu|su)\b",
    },
    request=r"\b(?:podrias|podria|puedes|puede|nos podrias|nos puedes)\b|\bpor favor\b"
    r"|\b(?:envia|enviar|enviarnos|mandar|indicar|indicarnos|indicame|dime|saber)\b"
    r"|\bnecesit\w+\b|\bcual (?:es|seria)\b"
    r"|\?",
    words="el la los las que de del y en para por con una un tu su nos te gracias hola saludo"
    " hemos es esta muy buenas saludos abrazo",
)
