"""French replies: the cues of `bot.domain.reply_lexicon`, as French recruiters write them."""

from __future__ import annotations

from bot.domain.reply_lexicon import lexicon

FRENCH = lexicon(
    {
        "rejection": {
            "no_follow_up": (
                3,
                r"\b(?:pas|ne) .{0,40}suite favorable"
                r"|\bposte (?:a (?:\w+ )?ete |est (?:\w+ )?)(?:pourvu|attribue|ferme)",
            ),
            "others_chosen": (
                3,
                r"\bfait le choix d'(?:un|une) autre|\b(?:retenu|choisi|selectionne) (?:un "
                r"|une )?(?:autre|d'autres)"
                r" (?:candidat\w*|profil\w*|personne)|\bpoursuivre avec (?:un |une |d')?autres?",
            ),
            "not_moving_on": (
                3,
                r"\bne (?:pas |pouvons pas |pourrons pas )?donner (?:une suite favorable|suite)"
                r"|\bne donnerons pas suite|\bpas (?:pu )?donner suite",
            ),
            "position_filled": (
                3,
                r"\b(?:poste|offre) (?:a (?:finalement |deja )?ete |est )(?:pourvu|attribue|ferme)",
            ),
            "regret": (
                3,
                r"\b(?:avons|ai) le regret de|\bregrettons de (?:vous|te) (?:informer|annoncer)"
                r"|\bn'a pas ete retenue?",
            ),
            "cannot_offer": (3, r"\bne (?:pouvons|pourrons) pas (?:vous |te )?proposer"),
            "not_a_fit": (
                2,
                r"\b(?:correspond|correspondent|colle) (?:davantage|mieux|plus)"
                r"|\bne (?:correspond|colle) pas (?:tout a fait |vraiment )?(?:a|aux|avec)"
                r"|\bdecide de ne pas\b",
            ),
            "unfortunately": (1, r"\bmalheureusement\b"),
            "good_wishes": (
                1,
                r"\b(?:souhaitons|souhaite) (?:pleine |bonne |beaucoup de )?(?:reussite|"
                r"succes|bonne continuation)",
            ),
            "kept_on_file": (1, r"\b(?:garde|conservons|garder) (?:votre|ton) (?:profil|cv)"),
        },
        "offer": {
            "offer_you": (
                3,
                r"\b(?:vous|te) (?:proposer|faire) (?:le poste|une (?:offre|proposition))"
                r"|\b(?:faisons|ferons) une offre|\bsouhaitons vous proposer le poste",
            ),
            "offer_paper": (
                2,
                r"\bpromesse d'embauche|\bproposition d'embauche|\bcontrat\b|\blettre d'offre"
                r"|\bla proposition\b",
            ),
            "congratulations": (1, r"\bfelicitations\b|\bbonne nouvelle\b|\bj'ai le plaisir"),
            "join_us": (
                3,
                r"\ba valide (?:votre|ta) candidature|\b(?:votre|ta) candidature a ete retenue"
                r"|\bbienvenue (?:parmi nous|dans l'equipe)|\bvotre embauche\b"
                r"|\bvous (?:embaucher|recruter)\b|\b(?:accueillir|compter) (?:vous )?parmi"
                r"|\brejoindre (?:l'equipe|notre equipe|nos equipes)",
            ),
        },
        "next_round": {
            "slots": (3, r"\bcreneaux?\b"),
            "second_meeting": (
                3,
                r"\borganiser un (?:second |nouvel |autre "
                r"|dernier )?(?:echange|entretien|rendez-vous)|\bsecond echange\b",
            ),
            "invite": (
                3,
                r"\b(?:vous|te) (?:inviter|convier|rencontrer|revoir|recevoir)\b"
                r"|\b(?:fixer|planifier|caler|programmer|organiser) (?:un|une|le|la) (?:\w+ )?"
                r"(?:entretien|rendez-vous|appel|echange|visio)",
            ),
            "next_round": (
                3,
                r"\b(?:second|deuxieme|nouvel|dernier|prochain) entretien|\bentretien final"
                r"|\bprochaine etape\b|\b(?:vous|te) proposer un entretien",
            ),
            "availability": (
                3,
                r"\bdisponibilites?\b|\bseriez-vous disponible|\bes-tu disponible"
                r"|\bquel creneau|\bvous conviendrait",
            ),
        },
        "still_deciding": {
            "keeping_posted": (
                2,
                r"\bje vous tiens (?:informee?|au courant)\b"
                r"|\baucune decision n'a (?:encore )?ete prise",
            ),
            "no_decision": (
                3,
                r"\bn'avons pas encore pris (?:de|notre|une) decision"
                r"|\bpas encore de (?:decision|retour"
                r"|reponse|nouvelles)"
                r"|\baucune decision n'a|\bpas encore (?:\w+ ){0,3}decision"
                r"|\b(?:decision|choix) n'(?:est|a) pas encore",
            ),
            "still_going": (
                3,
                r"\b(?:toujours|encore) en cours"
                r"|\bprocessus (?:\w+ ){0,3}(?:est )?(?:toujours )?en cours"
                r"|\bcontinuons (?:a|de) (?:rencontrer|etudier|evaluer|recevoir)"
                r"|\bd'autres entretiens (?:sont|restent) (?:prevus|en cours)"
                r"|\bprend (?:\w+ ){0,3}(?:plus de temps|du retard)",
            ),
            "decision_due": (
                3,
                r"\b(?:devrions|pourrons|allons) revenir vers (?:vous|toi)"
                r"|\breviendrons vers (?:vous|toi)"
                r"|\brevenir vers vous d'ici|\bje reviens vers (?:vous|toi) des que"
                r"|\bdes que j'en sais plus|\b(?:esperons|pensons|comptons|devrions|pourrons)"
                r" (?:\w+ ){0,2}(?:vous|te) (?:donner|apporter|communiquer|faire)"
                r" (?:une |un |notre )?(?:reponse|retour|decision)"
                r"|\breviens vers (?:vous|toi) (?:d'ici|avant|des que|la semaine|au plus tard"
                r"|rapidement|prochainement)",
            ),
        },
        "out_of_office": {
            "auto_reply": (
                4,
                r"\breponse automatique\b|\babsente? du bureau\b"
                r"|\bmessage d'absence",
            ),
            "away": (
                3,
                r"\bje (?:suis|serai) (?:\w+ )?(?:en conges?|en vacances|absente?|en deplacement)\b"
                r"|\bacces limite a ma messagerie",
            ),
            "returning": (
                2,
                r"\b(?:serai|suis|serons) de retour\b|\ba mon retour\b"
                r"|\ben cas d'urgence",
            ),
        },
        "acknowledgement": {
            "thanks": (0.5, r"\bmerci\b"),
            "received": (3, r"\bbien recue?s?\b|\bj'ai bien recu|\bnous avons bien recu"),
            "passed_on": (3, r"\bje (?:le |la |les )?transmets\b|\bje transmets"),
        },
    },
    stop=r"\bne plus (?:me|nous) (?:contacter|ecrire|solliciter|relancer)"
    r"|\bne (?:me|nous) (?:contactez|ecrivez|relancez) plus|\bretirez-moi de"
    r"|\bdesinscri\w*",
    negators=r"\b(?:ne|n'|pas|jamais|malheureusement|regret)\b|\bn'",
    material={
        "references": r"\breferences?\b|\b(?:anciens?|anciennes?|precedents?) (?:managers?"
        r"|responsables?|employeurs?|collegues|superieurs?)",
        "work_sample": r"\b(?:portfolio|exemples? de (?:vos|tes) travaux|cas pratique|exercice"
        r"|test technique)",
        "salary_expectations": r"\bpretentions salariales|\bpretention salariale"
        r"|\battentes salariales|\b(?:remuneration|salaire|package) (?:actuel|souhaite|attendu"
        r"|envisage|vise)|\b(?:vos|tes) pretentions\b|\bfourchette (?:de )?(?:salaire"
        r"|remuneration)|\bquel (?:salaire|package)\b|\bcombien (?:vous )?gagnez",
        "documents": r"\b(?:diplome|attestation|piece d'identite|titre de sejour|justificatif)\b",
    },
    request=r"\b(?:pourriez-vous|pourrais-tu|peux-tu|pouvez-vous|merci de)\b"
    r"|\b(?:transmettre|envoyer|donner|communiquer|besoin)\b"
    r"|\?",
    words="le la les des du de et vous nous pour avec est une un je votre ton tu merci bonjour"
    " pas que qui sur cordialement bonne",
)
