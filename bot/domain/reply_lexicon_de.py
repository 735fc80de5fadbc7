"""German replies: the cues of `bot.domain.reply_lexicon`, as German recruiters write them."""

from __future__ import annotations

from bot.domain.reply_lexicon import lexicon

GERMAN = lexicon(
    {
        "rejection": {
            "taken": (3, r"\bstelle ist (?:leider |schon |bereits )*(?:vergeben|besetzt)"),
            "no_good_news": (
                3,
                r"\bkeine positive (?:ruckmeldung|nachricht)"
                r"|\bfur eine[nr]? (?:andere[nr]? )?(?:kandidat\w*|bewerber\w*) entschieden"
                r"|\bbesser zu (?:unseren|den) anforderungen",
            ),
            "others_chosen": (
                3,
                r"\b(?:fur|zugunsten) (?:eine[nr]? )?(?:andere[nr]?|weitere[nr]?) (?:kandidat\w*|"
                r"bewerber\w*|person)|\bentschieden,? (?:uns )?(?:fur )?(?:eine[nr]? )?andere",
            ),
            "not_moving_on": (
                3,
                r"\bnicht (?:weiter )?(?:berucksichtigen|beruecksichtigen|fortsetzen"
                r"|weiterverfolgen)"
                r"|\babsage\b",
            ),
            "position_filled": (
                3,
                r"\bstelle (?:inzwischen |bereits |leider )*(?:anderweitig )?(?:besetzt|vergeben)",
            ),
            "regret": (
                3,
                r"\bleider mitteilen\b|\bmussen wir ihnen leider\b|\bbedauern\b",
            ),
            "cannot_offer": (
                3,
                r"\b(?:konnen|koennen) (?:ihnen|dir) (?:leider )?keine"
                r"|\b(?:mussen|muessen) (?:wir )?(?:ihnen|dir) (?:leider )?(?:absagen|mitteilen)"
                r"|\bnicht (?:in die engere auswahl|weiter (?:verfolgen|fortfuhren))",
            ),
            "unfortunately": (1, r"\bleider\b"),
            "good_wishes": (1, r"\b(?:alles gute|viel erfolg)\b"),
            "not_interested": (2, r"\bkein interesse\b"),
        },
        "offer": {
            "offer_made": (
                3,
                r"\bangebot\b.{0,60}\bunterbreiten\b|\b(?:den|ihren"
                r"|deinen) vertrag\b",
            ),
            "offer_you": (
                3,
                r"\b(?:ihnen|dir) (?:die stelle |die position )?an(?:zu)?bieten"
                r"|\bein angebot machen\b|\bstelle .{0,30}anbieten|\beinstellen\b",
            ),
            "offer_paper": (2, r"\bvertragsentwurf\b|\barbeitsvertrag\b|\bschriftliche angebot"),
            "congratulations": (1, r"\bgluckwunsch\b|\bgute nachrichten\b|\bwir freuen uns\b"),
            "join_us": (
                2,
                r"\bvon (?:dir|ihnen) begeistert|\bzusage\b|\bim team begrussen"
                r"|\bwillkommen (?:im|an bord)",
            ),
        },
        "next_round": {
            "invite": (3, r"\b(?:einladen|einzuladen|einladung)\b"),
            "next_round": (
                3,
                r"\b(?:zweite[ns]?|weitere[ns]?|nachste[ns]?|finale[ns]?) (?:gesprach|"
                r"vorstellungsgesprach|runde|interview)|\bvorstellungsgesprach\b|\bnachsten schritt"
                r"|\b(?:gesprach|termin)\b.{0,40}\bvereinbaren",
            ),
            "availability": (
                3,
                r"\bpasst es (?:dir|ihnen)\b|\bwann\b.{0,40}\bzeit\b|\bverfugbarkeit"
                r"|\bterminvorschlag|\bkennenlernen\b|\b(?:hast du|haben sie) (?:\w+ )?zeit\b"
                r"|\btermin (?:\w+ )?(?:vorschlagen|finden|ausmachen|buchen)",
            ),
        },
        "still_deciding": {
            "running": (
                3,
                r"\b(?:auswahlverfahren|verfahren|prozess|auswahlprozess) (?:lauft"
                r"|laeuft) noch|\bsobald (?:eine |die )?entscheidung",
            ),
            "no_decision": (
                3,
                r"\bnoch keine entscheidung|\bnoch nicht entschieden"
                r"|\bnoch nicht (?:\w+ )?entschieden",
            ),
            "still_going": (
                3,
                r"\bnoch (?:\w+ ){0,2}im (?:auswahl\w*|\w*prozess|\w*verfahren)"
                r"|\bnoch nicht so weit\b"
                r"|\bbrauchen noch (?:etwas )?zeit\b|\bmelden? (?:mich|uns),? sobald\b"
                r"|\bsteh(?:t|en) (?:\w+ ){0,2}noch aus\b"
                r"|\b(?:fuhren|haben|sind) (?:\w+ ){0,2}noch (?:\w+ ){0,2}(?:gesprache|gesprachen"
                r"|interviews)",
            ),
            "decision_due": (
                3,
                r"\bruckmeldung geben|\bmelden uns bis|\b(?:horen|hoeren) (?:\w+ ){0,3}von uns"
                r"|\bentscheidung (?:\w+ ){0,4}(?:erwarten|treffen|fallen|fallt|mitteilen)"
                r"|\b(?:erwarten|treffen) wir (?:\w+ ){0,3}entscheidung",
            ),
        },
        "out_of_office": {
            "auto_reply": (
                4,
                r"\babwesenheitsnotiz\b|\bautomatische antwort\b|\bnicht im buro\b"
                r"|\babwesend\b",
            ),
            "away": (
                3,
                r"\bich bin (?:\w+ ){0,3}(?:im urlaub|ausser haus|nicht erreichbar"
                r"|unterwegs)",
            ),
            "returning": (
                2,
                r"\bwieder (?:erreichbar|da|im buro)\b|\bnicht weitergeleitet"
                r"|\bin dringenden fallen",
            ),
        },
        "acknowledgement": {
            "thanks": (0.5, r"\b(?:danke|vielen dank)\b"),
            "received": (
                3,
                r"\bist angekommen\b|\b(?:habe|haben) (?:\w+ ){0,3}erhalten\b"
                r"|\bdankend erhalten",
            ),
            "passed_on": (3, r"\bleite (?:sie|ihn|es) .{0,30}weiter\b|\bweitergeleitet an"),
        },
    },
    stop=r"\b(?:kontaktieren|kontaktiert|schreiben) sie mich nicht mehr"
    r"|\bnicht mehr (?:zu )?(?:kontaktieren|anschreiben|anrufen)|\bkeine weiteren"
    r" (?:e-?mails|nachrichten|anfragen)|\baus ihrem verteiler",
    negators=r"\b(?:nicht|kein\w*|leider|nie)\b",
    material={
        "references": r"\breferenzen?\b|\b(?:fruhere[nr]?|ehemalige[nr]?) (?:vorgesetzt\w*"
        r"|kolleg\w*|arbeitgeber\w*|chef\w*)",
        "work_sample": r"\b(?:arbeitsprobe\w*|portfolio|fallstudie|probeaufgabe|aufgabe)\b",
        "salary_expectations": r"\bgehaltsvorstellung\w*|\bgehaltswunsch|\bgehalts(?:rahmen"
        r"|spanne|band)|\b(?:aktuelle[sn]?|derzeitige[sn]?|jetzige[sn]?) (?:gehalt|jahresgehalt"
        r"|vergutung)|\bwie viel verdienen",
        "documents": r"\b(?:\w*zeugnis\w*|ausweis|nachweis\w*|urkunde\w*)\b",
    },
    request=r"\b(?:bitten wir sie|bitte|kannst du|konnten sie|konnen sie|schicken|zusenden"
    r"|benotigen"
    r"|brauchen)\b"
    r"|\?",
    words="und der die das wir sie ich nicht mit fur ihnen ihre ist zu den dich dir du auf"
    " hallo viele grusse uns danke vielen herzliche",
)
