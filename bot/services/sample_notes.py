"""The sample interviews' notes as a member would type them in each draft language.

A group's template in German is test-rendered against the same sample interviews as an
English one (bot/services/group_templates.py), with notes typed in German, so the preview
reads as a German member's draft would and is proofread as one.
"""

from __future__ import annotations

from typing import TypedDict


class SampleNotes(TypedDict, total=False):
    """One sample's notes: each interviewer's `discussed`, interview columns, `extra`."""

    discussed: list[str]
    columns: dict[str, str]
    extra: dict[str, str]


# Language -> sample's position in `GroupTemplateService.samples()` -> its notes.
SAMPLE_NOTES: dict[str, dict[int, SampleNotes]] = {
    "es": {
        1: {
            "discussed": ["la migración a Kafka", "las guardias del equipo"],
            "columns": {
                "topics": "diseño de sistemas; cultura de pruebas",
                "qualifications": "pipelines de datos en streaming",
                "clarification": "sobre la caché, añadiría un tiempo de expiración",
                "open_questions": "la hoja de ruta del equipo",
                "promised_by_me": "mi portafolio",
                "promised_by_them": "una decisión el viernes",
            },
            "extra": {"news": "terminé mi certificación en la nube", "until": "el viernes"},
        },
        2: {"columns": {"topics": "la cultura del equipo"}},
        3: {
            "discussed": ["el ejercicio del limitador de peticiones"],
            "columns": {"promised_by_me": "el ejemplo de código"},
        },
    },
    "fr": {
        1: {
            "discussed": ["la migration vers Kafka", "les astreintes de l'équipe"],
            "columns": {
                "topics": "conception de systèmes; culture des tests",
                "qualifications": "des pipelines de données en streaming",
                "clarification": "sur le cache, j'ajouterais une durée de vie",
                "open_questions": "la feuille de route de l'équipe",
                "promised_by_me": "mon portfolio",
                "promised_by_them": "une décision vendredi",
            },
            "extra": {"news": "j'ai terminé ma certification cloud", "until": "vendredi"},
        },
        2: {"columns": {"topics": "la culture d'équipe"}},
        3: {
            "discussed": ["l'exercice du limiteur de débit"],
            "columns": {"promised_by_me": "l'exemple de code"},
        },
    },
    "de": {
        1: {
            "discussed": ["die Migration auf Kafka", "die Rufbereitschaft im Team"],
            "columns": {
                "topics": "Systemdesign; Testkultur",
                "qualifications": "Datenpipelines im Streaming",
                "clarification": "beim Caching würde ich eine Ablaufzeit ergänzen",
                "open_questions": "die Roadmap des Teams",
                "promised_by_me": "mein Portfolio",
                "promised_by_them": "eine Entscheidung am Freitag",
            },
            "extra": {
                "news": "ich habe meine Cloud-Zertifizierung abgeschlossen",
                "until": "Freitag",
            },
        },
        2: {"columns": {"topics": "die Teamkultur"}},
        3: {
            "discussed": ["die Übung zum Rate Limiter"],
            "columns": {"promised_by_me": "das Codebeispiel"},
        },
    },
    "pt": {
        1: {
            "discussed": ["a migração para o Kafka", "os plantões da equipe"],
            "columns": {
                "topics": "design de sistemas; cultura de testes",
                "qualifications": "pipelines de dados em streaming",
                "clarification": "sobre o cache, eu acrescentaria um tempo de expiração",
                "open_questions": "o roadmap da equipe",
                "promised_by_me": "meu portfólio",
                "promised_by_them": "uma decisão na sexta-feira",
            },
            "extra": {"news": "concluí minha certificação em nuvem", "until": "sexta-feira"},
        },
        2: {"columns": {"topics": "a cultura da equipe"}},
        3: {
            "discussed": ["o exercício do limitador de requisições"],
            "columns": {"promised_by_me": "o exemplo de código"},
        },
    },
}
