"""The French tokenizer keeps spaCy's French splits that parsing relies on, without its tables."""

from __future__ import annotations

import subprocess
import sys

from nlp_models.parse.pipeline import get_nlp


def tokens(text: str) -> list[str]:
    return [t.text for t in get_nlp("fr").make_doc(text)]


def test_elided_articles_split_off_and_abbreviations_keep_their_period() -> None:
    assert tokens("Attestation d'emploi de l’employée") == [
        "Attestation", "d'", "emploi", "de", "l’", "employée",
    ]  # fmt: skip
    assert tokens("du 15 janv. 2024 au 3 févr. 2025") == [
        "du", "15", "janv.", "2024", "au", "3", "févr.", "2025",
    ]  # fmt: skip
    assert tokens("Pouvez-vous") == ["Pouvez", "-vous"]


LETTER = """ATTESTATION D'EMPLOI
Montréal, le 3 févr. 2025
Nous confirmons que Mme. Roy occupe le poste d'analyste financière chez Groupe Lavoie inc.
depuis le 1er mars 2021, à temps plein (37,5 heures/semaine), au salaire annuel de 58 500 $.
Elle a été promue le 15 janv. 2024 ; n'hésitez pas à communiquer avec nous au 514 555-0199.
Ses tâches : préparer les états financiers ; l'analyse des écarts ; qu'elle soit disponible."""


def test_it_splits_a_letter_as_spacys_french_tokenizer_does() -> None:
    import spacy

    assert tokens(LETTER) == [t.text for t in spacy.blank("fr").make_doc(LETTER)]


def test_french_parsing_and_matching_do_not_load_spacys_french_exception_tables() -> None:
    # Compiling them costs about 2.3 s in every process that meets a French document.
    code = (
        "import sys; from nlp_models.parse.pipeline import get_nlp; get_nlp('fr')('Bonjour'); "
        "from nlp_models.noc.french import _stop_words; assert 'avec' in _stop_words(); "
        "print('spacy.lang.fr.tokenizer_exceptions' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
