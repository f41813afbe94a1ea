"""Every UI string in French and English, in one catalogue.

Taxonomy labels live in data/taxonomy/*.csv; this holds the interface itself.
"""

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Marseille immunology ecosystem", "fr": "Écosystème de l'immunologie à Marseille"},
    "page_home": {"en": "Overview", "fr": "Vue d'ensemble"},
    "page_map": {"en": "Map", "fr": "Carte"},
    "map_legend_group": {
        "en": "Ring: the actors at one place, by type; click it to spread them out",
        "fr": "Anneau : les acteurs d'un même lieu, par type ; cliquez pour les déployer",
    },
    "map_group_name": {"en": "{name}: {count} actors", "fr": "{name} : {count} acteurs"},
    "page_directory": {"en": "Directory", "fr": "Annuaire"},
    "page_actor": {"en": "Actor profile", "fr": "Fiche acteur"},
    "page_about": {"en": "About the data", "fr": "À propos des données"},
    "data_dictionary": {"en": "What each column means", "fr": "Signification des colonnes"},
    "takeaway_matrix_one": {
        "en": "{count} of the {total} actors shown works on {area} with {modality}, the most frequent combination.",
        "fr": "{count} des {total} acteurs affichés travaille sur {area} avec {modality}, la combinaison la "
        "plus fréquente.",
    },
    "dictionary_column": {"en": "Column", "fr": "Colonne"},
    "dictionary_type": {"en": "Type", "fr": "Type de valeur"},
    "dictionary_description": {"en": "What it holds", "fr": "Ce qu'elle contient"},
    "value_type_string": {"en": "text", "fr": "texte"},
    "value_type_integer": {"en": "whole number", "fr": "nombre entier"},
    "value_type_number": {"en": "number", "fr": "nombre"},
    "value_type_date": {"en": "date (YYYY-MM-DD)", "fr": "date (AAAA-MM-JJ)"},
    "value_type_boolean": {"en": "yes or no", "fr": "oui ou non"},
    "fact_notes_in_english": {"en": "Notes (in English)", "fr": "Remarques (en anglais)"},
    "takeaway_stage_one": {
        "en": "{clinical} of the {total} actors stating a stage is in clinical trials (phase 1 to 3); {marketed}",
        "fr": "{clinical} des {total} acteurs qui indiquent un stade est en essais cliniques (phase 1 à 3) ; "
        "{marketed}",
    },
    "stage_marketed": {"en": "{count} have a product on the market.", "fr": "{count} ont un produit commercialisé."},
    "stage_marketed_one": {"en": "{count} has a product on the market.", "fr": "{count} a un produit commercialisé."},
    "goal_rounds_undisclosed_one": {
        "en": "Plus {count} round whose amount was not disclosed.",
        "fr": "Plus {count} levée au montant non communiqué.",
    },
    "goal_late_stage_one": {
        "en": "At least {count} programme of the goal's kind is in phase 2 or 3 today, as the developers' pages "
        "recorded in this dataset state it.",
        "fr": "Au moins {count} programme du type visé est en phase 2 ou 3 aujourd'hui, d'après les pages des "
        "développeurs recensées dans ce jeu de données.",
    },
    "goal_acquisitions_one": {
        "en": "Also recorded: at least {count} company of the area acquired since {since}.",
        "fr": "Également recensé : au moins {count} entreprise du territoire rachetée depuis le {since}.",
    },
    "language": {"en": "Language", "fr": "Langue"},
    "choose": {"en": "All", "fr": "Tous"},
    "filters": {"en": "Filters", "fr": "Filtres"},
    "filter_type": {"en": "Type of actor", "fr": "Type d'acteur"},
    "filter_area": {"en": "Therapeutic area", "fr": "Domaine thérapeutique"},
    "filter_modality": {"en": "Modality", "fr": "Modalité"},
    "filter_status": {"en": "Status", "fr": "Statut"},
    "filter_stage": {"en": "Development stage", "fr": "Stade de développement"},
    "filter_founded": {"en": "Founded between", "fr": "Créé entre"},
    "filter_q": {"en": "Search", "fr": "Recherche"},
    "filter_q_help": {
        "en": "Name, acronym, description or city; accents and case do not matter.",
        "fr": "Nom, sigle, description ou ville ; accents et majuscules indifférents.",
    },
    "filter_f2030": {"en": "France 2030 laureates only", "fr": "Lauréats France 2030 uniquement"},
    "filter_mib": {"en": "MIB members only", "fr": "Membres du MIB uniquement"},
    "filter_scope": {"en": "Where", "fr": "Où"},
    "scope_all": {"en": "Everywhere", "fr": "Partout"},
    "reset_filters": {"en": "Clear filters", "fr": "Effacer les filtres"},
    "ignored_values": {
        "en": "Ignored in the link (unknown or malformed): {values}",
        "fr": "Ignoré dans le lien (inconnu ou mal formé) : {values}",
    },
    "data_as_of": {"en": "Data as of {date}", "fr": "Données à jour au {date}"},
    "data_licence": {
        "en": "Dataset under {licence}; every fact links to its source.",
        "fr": "Jeu de données sous licence {licence} ; chaque fait renvoie à sa source.",
    },
    "data_problems": {
        "en": "{count} problem(s) in the dataset: affected cells are shown empty. Curators: run `python -m ecosystem validate`.",
        "fr": "{count} problème(s) dans le jeu de données : les cellules concernées sont affichées vides. Curateurs : lancez `python -m ecosystem validate`.",
    },
    "data_unavailable": {
        "en": "The dataset cannot be read: {error}",
        "fr": "Le jeu de données est illisible : {error}",
    },
    "showing": {"en": "{shown} of {total} actors", "fr": "{shown} acteurs sur {total}"},
    "home_intro": {
        "en": "Who works on immunology in Marseille, where, and on what: research units, hospitals, "
        "CROs and platforms, biotechs, diagnostics firms, pharma, support organisations, investors and "
        "France 2030 projects around the Marseille Immunology Biocluster (MIB). Every fact carries its "
        "source and the date it was last checked.",
        "fr": "Qui travaille sur l'immunologie à Marseille, où, et sur quoi : unités de recherche, hôpitaux, "
        "CRO et plateformes, biotechs, sociétés de diagnostic, industrie pharmaceutique, structures "
        "d'accompagnement, investisseurs et projets France 2030 autour du Marseille Immunology Biocluster "
        "(MIB). Chaque fait est accompagné de sa source et de sa date de vérification.",
    },
    "home_audience": {
        "en": "For cluster staff presenting the ecosystem, investors exploring companies and journalists "
        "checking facts: every view has its own link, and every list can be downloaded.",
        "fr": "Pour l'équipe du cluster qui présente l'écosystème, les investisseurs qui explorent les "
        "entreprises et les journalistes qui vérifient les faits : chaque vue a son lien, chaque liste se "
        "télécharge.",
    },
    "metric_actors": {"en": "Actors", "fr": "Acteurs"},
    "metric_mib": {"en": "MIB members", "fr": "Membres du MIB"},
    "metric_f2030": {"en": "France 2030 laureates", "fr": "Lauréats France 2030"},
    "chart_by_type": {"en": "Actors by type", "fr": "Acteurs par type"},
    "count": {"en": "Actors", "fr": "Acteurs"},
    "go_map": {"en": "Open the map", "fr": "Ouvrir la carte"},
    "go_directory": {"en": "Browse the directory", "fr": "Parcourir l'annuaire"},
    "go_actor": {"en": "Look up an actor", "fr": "Consulter une fiche"},
    "map_outside": {
        "en": "{count} of the filtered actors lie outside this view.",
        "fr": "{count} des acteurs filtrés sont hors de cette vue.",
    },
    "map_fit_all": {"en": "Show all {count} on the map", "fr": "Montrer les {count} sur la carte"},
    "map_back_marseille": {"en": "Back to Marseille", "fr": "Revenir à Marseille"},
    "map_click_hint": {
        "en": "Click a marker to see the actor's card.",
        "fr": "Cliquez sur un marqueur pour voir la fiche de l'acteur.",
    },
    "map_legend_approximate": {
        "en": "Dashed: at its district's or city's centre",
        "fr": "En tirets : au centre de son quartier ou de sa ville",
    },
    "map_legend": {"en": "Types of actor", "fr": "Types d'acteurs"},
    "map_markers": {"en": "{count} actors on the map", "fr": "{count} acteurs sur la carte"},
    "open_profile": {"en": "Open the full profile", "fr": "Ouvrir la fiche complète"},
    "close_card": {"en": "Close", "fr": "Fermer"},
    "map_member_sites": {
        "en": "Spread over several sites; its members and partners are at: {sites}",
        "fr": "Réparti sur plusieurs sites ; ses membres et partenaires sont à : {sites}",
    },
    "directory_hint": {
        "en": "Select a row to open the actor's profile; click a column header to sort.",
        "fr": "Sélectionnez une ligne pour ouvrir la fiche ; cliquez sur un en-tête pour trier.",
    },
    "download_csv": {"en": "Download this list (CSV)", "fr": "Télécharger cette liste (CSV)"},
    "download_xlsx": {"en": "Download this list (Excel)", "fr": "Télécharger cette liste (Excel)"},
    "cite_view": {"en": "Cite this view", "fr": "Citer cette vue"},
    "col_name": {"en": "Name", "fr": "Nom"},
    "col_type": {"en": "Actor type", "fr": "Type d'acteur"},
    "col_therapeutic_areas": {"en": "Therapeutic areas", "fr": "Domaines thérapeutiques"},
    "col_modalities": {"en": "Modalities", "fr": "Modalités"},
    "col_city": {"en": "City", "fr": "Ville"},
    "col_founded": {"en": "Founded", "fr": "Création"},
    "col_status": {"en": "Status", "fr": "Statut"},
    "col_stage": {"en": "Most advanced programme", "fr": "Programme le plus avancé"},
    "col_date": {"en": "Event date", "fr": "Date de l'événement"},
    "col_kind": {"en": "Event", "fr": "Événement"},
    "col_event": {"en": "What happened", "fr": "Ce qui s'est passé"},
    "col_amount": {"en": "Amount", "fr": "Montant"},
    "col_source": {"en": "Source link", "fr": "Lien vers la source"},
    "page_review": {"en": "Review desk", "fr": "Bureau de relecture"},
    "suggest_correction": {"en": "Suggest a correction", "fr": "Proposer une correction"},
    "suggest_actor": {"en": "Suggest a missing actor", "fr": "Proposer un acteur manquant"},
    "suggest_privacy": {
        "en": "What you send is stored with its date in the inbox of the dataset's curators, who alone read it, "
        "to check the fact against your evidence; an accepted change is published in the data with its evidence "
        "(not your contact). Your address is not kept, only a one-way hash of your connection, to limit the "
        "number of messages. Suggestions are deleted a year after they are reviewed. A contact is optional: "
        "give one only if you want an answer.",
        "fr": "Votre envoi est conservé avec sa date dans la boîte des curateurs du jeu de données, seuls à le "
        "lire, pour vérifier le fait d'après votre justificatif ; une modification acceptée est publiée dans les "
        "données avec son justificatif (pas votre contact). Votre adresse n'est pas gardée, seulement une "
        "empreinte à sens unique de votre connexion, pour limiter le nombre d'envois. Les propositions sont "
        "effacées un an après leur relecture. Le contact est facultatif : donnez-en un seulement si vous "
        "souhaitez une réponse.",
    },
    "suggest_field": {"en": "Which fact", "fr": "Quel fait"},
    "suggest_current": {"en": "What the dataset says now", "fr": "Ce que dit le jeu de données"},
    "suggest_value": {"en": "What it should say", "fr": "Ce qu'il devrait dire"},
    "suggest_new_actor": {
        "en": "The actor: its name, what it does and where",
        "fr": "L'acteur : son nom, ce qu'il fait et où",
    },
    "suggest_evidence": {
        "en": "Evidence: the address (http or https) of a page that states it",
        "fr": "Justificatif : l'adresse (http ou https) d'une page qui l'indique",
    },
    "suggest_contact": {"en": "Your contact (optional)", "fr": "Votre contact (facultatif)"},
    "suggest_note": {"en": "Anything to add (optional)", "fr": "Autre chose à ajouter (facultatif)"},
    "suggest_send": {"en": "Send to the curators", "fr": "Envoyer aux curateurs"},
    "suggest_thanks": {
        "en": "Thank you: the curators will check it. Your reference: {reference}.",
        "fr": "Merci : les curateurs vont vérifier. Votre référence : {reference}.",
    },
    "inbox_error_robot": {"en": "This form could not be sent.", "fr": "Ce formulaire n'a pas pu être envoyé."},
    "inbox_error_kind": {"en": "Unknown kind of suggestion.", "fr": "Type de proposition inconnu."},
    "inbox_error_value": {"en": "Say what the fact should be.", "fr": "Indiquez ce que devrait dire le fait."},
    "inbox_error_evidence": {
        "en": "Give the address of a page that states it.",
        "fr": "Donnez l'adresse d'une page qui l'indique.",
    },
    "inbox_error_url": {
        "en": "The evidence must be a web address starting with http:// or https://.",
        "fr": "Le justificatif doit être une adresse web commençant par http:// ou https://.",
    },
    "inbox_error_target": {"en": "Choose the fact to correct.", "fr": "Choisissez le fait à corriger."},
    "inbox_error_long_actor_id": {
        "en": "The actor's id is too long.",
        "fr": "L'identifiant de l'acteur est trop long.",
    },
    "inbox_error_long_field": {"en": "The fact's name is too long.", "fr": "Le nom du fait est trop long."},
    "inbox_error_long_proposed_value": {
        "en": "The proposed value is too long (2,000 characters at most).",
        "fr": "La valeur proposée est trop longue (2 000 caractères au plus).",
    },
    "inbox_error_long_evidence_url": {
        "en": "The evidence's address is too long (2,000 characters at most).",
        "fr": "L'adresse du justificatif est trop longue (2 000 caractères au plus).",
    },
    "inbox_error_long_contact": {
        "en": "The contact is too long (200 characters at most).",
        "fr": "Le contact est trop long (200 caractères au plus).",
    },
    "inbox_error_long_note": {
        "en": "The note is too long (2,000 characters at most).",
        "fr": "La remarque est trop longue (2 000 caractères au plus).",
    },
    "inbox_limited_client": {
        "en": "You have sent many suggestions this hour: please try again later.",
        "fr": "Vous avez envoyé beaucoup de propositions cette heure-ci : réessayez plus tard.",
    },
    "inbox_limited_overall": {
        "en": "The inbox takes no more suggestions this hour: please try again later.",
        "fr": "La boîte ne prend plus de propositions cette heure-ci : réessayez plus tard.",
    },
    "inbox_unavailable": {
        "en": "The inbox cannot be reached just now: nothing was lost, please try again later.",
        "fr": "La boîte est injoignable pour le moment : rien n'est perdu, réessayez plus tard.",
    },
    "review_locked": {
        "en": "The review desk is locked: no password is set. Set REVIEW_PASSWORD (environment variable, or a key "
        "of .streamlit/secrets.toml) on the server, then open this page again.",
        "fr": "Le bureau de relecture est fermé : aucun mot de passe n'est défini. Définissez REVIEW_PASSWORD "
        "(variable d'environnement, ou clé de .streamlit/secrets.toml) sur le serveur, puis rouvrez cette page.",
    },
    "review_password": {"en": "Password", "fr": "Mot de passe"},
    "review_open": {"en": "Open the desk", "fr": "Ouvrir le bureau"},
    "review_wrong": {"en": "Wrong password.", "fr": "Mot de passe incorrect."},
    "review_pending": {"en": "Suggestions to review: {count}", "fr": "Propositions à relire : {count}"},
    "review_current": {"en": "Now", "fr": "Actuellement"},
    "review_proposed": {"en": "Proposed", "fr": "Proposé"},
    "review_value": {"en": "Value to apply (edit if needed)", "fr": "Valeur à appliquer (à corriger si besoin)"},
    "review_source": {"en": "A better source (optional)", "fr": "Une meilleure source (facultatif)"},
    "review_note": {"en": "Reviewer's note", "fr": "Note de relecture"},
    "review_accept": {"en": "Accept", "fr": "Accepter"},
    "review_reject": {"en": "Reject", "fr": "Refuser"},
    "review_patch": {
        "en": "Download the accepted changes (CSV patch)",
        "fr": "Télécharger les modifications acceptées (correctif CSV)",
    },
    "review_apply": {
        "en": "Apply it with `python -m ecosystem suggestions apply PATCH.csv`: it checks the data and writes all or nothing.",
        "fr": "Appliquez-le avec `python -m ecosystem suggestions apply PATCH.csv` : la commande vérifie les données et écrit tout ou rien.",
    },
    "review_recheck": {"en": "What to re-check next", "fr": "À revérifier ensuite"},
    "review_stale": {
        "en": "{count} of {total} records were last verified more than {months} months ago; the oldest first:",
        "fr": "{count} fiches sur {total} ont été vérifiées il y a plus de {months} mois ; les plus anciennes d'abord :",
    },
    "review_quiet": {
        "en": "Planned actors, and those with no milestone for {years} years:",
        "fr": "Acteurs en projet, et ceux sans jalon depuis {years} ans :",
    },
    "review_no_registry": {"en": "Actors without a registry identifier:", "fr": "Acteurs sans identifiant officiel :"},
    "review_sources": {
        "en": "The sources cited most (re-reading one re-checks every record that cites it):",
        "fr": "Les sources les plus citées (en relire une revérifie toutes les fiches qui la citent) :",
    },
    "col_identifiers": {"en": "Registry identifiers", "fr": "Identifiants officiels"},
    "no_results": {
        "en": "No actor matches these filters.",
        "fr": "Aucun acteur ne correspond à ces filtres.",
    },
    "choose_actor": {"en": "Choose an actor", "fr": "Choisir un acteur"},
    "choose_actor_placeholder": {"en": "Type or pick a name", "fr": "Tapez ou choisissez un nom"},
    "actor_not_found": {
        "en": "No actor with the id “{actor}”. It may have been renamed or removed.",
        "fr": "Aucun acteur avec l'identifiant « {actor} ». Il a peut-être été renommé ou retiré.",
    },
    "back_directory": {"en": "Back to the directory", "fr": "Retour à l'annuaire"},
    "fact_address": {"en": "Address", "fr": "Adresse"},
    "fact_location": {"en": "Position on the map", "fr": "Position sur la carte"},
    "fact_founded": {"en": "Founded", "fr": "Création"},
    "fact_website": {"en": "Website", "fr": "Site web"},
    "fact_france2030": {"en": "France 2030 programme", "fr": "Programme France 2030"},
    "fact_mib": {"en": "Marseille Immunology Biocluster", "fr": "Marseille Immunology Biocluster"},
    "fact_mib_member": {"en": "Member", "fr": "Membre"},
    "fact_acquired_by": {"en": "Acquired by", "fr": "Racheté par"},
    "fact_parent": {"en": "Parent", "fr": "Maison mère"},
    "fact_notes": {"en": "Notes", "fr": "Remarques"},
    "section_relations": {"en": "Links with other actors", "fr": "Liens avec d'autres acteurs"},
    "section_milestones": {"en": "Milestones", "fr": "Jalons"},
    "section_sources": {"en": "Sources", "fr": "Nos sources"},
    "last_verified": {"en": "Last verified on {date}", "fr": "Vérifié le {date}"},
    "references_intro": {
        "en": "The numbers beside each fact point to these pages. A copy of another publisher's page is marked as such.",
        "fr": "Les numéros à côté de chaque fait renvoient à ces pages. Une copie de la page d'un autre éditeur est signalée comme telle.",
    },
    "reference_read": {"en": "read on {date}", "fr": "lu le {date}"},
    "reference_copy": {
        "en": "a copy on {host}: the original could not be found",
        "fr": "copie sur {host}\u00a0: l'original reste introuvable",
    },
    "reference_archive": {"en": "archived copy", "fr": "copie archivée"},
    "no_relations": {"en": "No relation recorded.", "fr": "Aucune relation enregistrée."},
    "not_given": {"en": "not given by our sources", "fr": "non indiqué par nos sources"},
    "status_since": {"en": "{status} ({year})", "fr": "{status} ({year})"},
    "share_link": {"en": "Link to this view", "fr": "Lien vers cette vue"},
    # sharing, citing, exports, embed and the data release
    "copy_link": {"en": "Copy link", "fr": "Copier le lien"},
    "link_from_browser": {
        "en": "Built from your browser's address: no public address is configured (PUBLIC_BASE_URL).",
        "fr": "Construit à partir de l'adresse de votre navigateur : aucune adresse publique n'est configurée (PUBLIC_BASE_URL).",
    },
    "citation": {
        "en": "{title}, release {version} of {date}. {url}. Licence: {licence}.",
        "fr": "{title}, version {version} du {date}. {url}. Licence\u00a0: {licence}.",
    },
    "colon": {"en": ": ", "fr": "\u00a0: "},
    "section_history": {"en": "History of this record", "fr": "Historique de cette fiche"},
    "history_since": {
        "en": "In the dataset since release {release}.",
        "fr": "Dans le jeu de données depuis la version {release}.",
    },
    "history_new": {"en": "New since the last release.", "fr": "Nouvelle depuis la dernière version."},
    "history_unknown": {
        "en": "No kept release holds this record.",
        "fr": "Aucune version conservée ne contient cette fiche.",
    },
    "history_no_change": {"en": "No change since.", "fr": "Aucun changement depuis."},
    "history_unreleased": {"en": "since the last release", "fr": "depuis la dernière version"},
    # What a change of a record touched, in its history: one of its linked files, or one of its columns.
    "history_file_actors": {"en": "Record", "fr": "Fiche"},
    "history_file_relations": {"en": "Link", "fr": "Lien"},
    "history_file_milestones": {"en": "Milestone", "fr": "Jalon"},
    "history_file_programmes": {"en": "Programme", "fr": "Produit ou candidat"},
    "history_file_deals": {"en": "Round or deal", "fr": "Tour ou opération"},
    "col_id": {"en": "Identifier", "fr": "Identifiant"},
    "col_acronym": {"en": "Acronym", "fr": "Sigle"},
    "col_description_en": {"en": "Description in English", "fr": "Description en anglais"},
    "col_description_fr": {"en": "Description in French", "fr": "Description en français"},
    "col_address": {"en": "Address", "fr": "Adresse"},
    "col_postcode": {"en": "Postcode", "fr": "Code postal"},
    "col_scope": {"en": "Scope", "fr": "Périmètre"},
    "col_site": {"en": "Site or campus", "fr": "Site ou campus"},
    "col_lat": {"en": "Latitude", "fr": "Latitude"},
    "col_lon": {"en": "Longitude", "fr": "Longitude"},
    "col_location_precision": {"en": "What the position stands for", "fr": "Ce que marque la position"},
    "col_status_year": {"en": "Year of the status", "fr": "Année du statut"},
    "col_website": {"en": "Website", "fr": "Site web"},
    "col_france2030": {"en": "France 2030 project", "fr": "Projet France 2030"},
    "col_siren": {"en": "SIREN number", "fr": "Numéro SIREN"},
    "col_ror": {"en": "ROR identifier", "fr": "Identifiant ROR"},
    "col_rnsr": {"en": "RNSR identifier", "fr": "Identifiant RNSR"},
    "col_finess": {"en": "FINESS number", "fr": "Numéro FINESS"},
    "col_notes": {"en": "Curators' notes", "fr": "Notes des curateurs"},
    "col_release": {"en": "Release", "fr": "Version"},
    "col_field": {"en": "Field", "fr": "Champ"},
    "col_old": {"en": "Before", "fr": "Avant"},
    "col_new": {"en": "After", "fr": "Après"},
    "cite_actor": {"en": "Cite this actor", "fr": "Citer cet acteur"},
    "cite_actor_line": {
        "en": "“{name}”, in {title}, release {version} of {date}. {url}. Record last verified on {verified}. Licence: {licence}.",
        "fr": "«\u00a0{name}\u00a0», dans {title}, version {version} du {date}. {url}. Fiche vérifiée le {verified}. Licence\u00a0: {licence}.",
    },
    "cite_dataset": {"en": "Cite the dataset", "fr": "Citer le jeu de données"},
    "publisher_heading": {"en": "Who publishes this", "fr": "Qui publie ces données"},
    "publisher_line": {"en": "Published by {publisher}.", "fr": "Publié par {publisher}."},
    "contact_line": {
        "en": "Corrections: {contact}, or **Suggest a correction** on any actor's page.",
        "fr": "Corrections\u00a0: {contact}, ou **Proposer une correction** sur la page de chaque acteur.",
    },
    "contact_form": {
        "en": "Corrections: use **Suggest a correction** on any actor's page.",
        "fr": "Corrections\u00a0: utilisez **Proposer une correction** sur la page de chaque acteur.",
    },
    "cite_dataset_formats": {
        "en": "The dataset for a reference manager, as BibTeX and as CSL-JSON (Zotero, pandoc); CITATION.cff in the package says the same:",
        "fr": "Le jeu de données pour un gestionnaire de références, en BibTeX et en CSL-JSON (Zotero, pandoc)\u00a0; le fichier CITATION.cff du paquet dit la même chose\u00a0:",
    },
    "or": {"en": " or ", "fr": " ou "},
    "quoted": {"en": "“{text}”", "fr": "«\u00a0{text}\u00a0»"},
    "words_founded": {"en": "Founded between {start} and {end}", "fr": "Créé entre {start} et {end}"},
    "words_no_filter": {"en": "No filter: every actor", "fr": "Aucun filtre : tous les acteurs"},
    "export_field": {"en": "Field", "fr": "Champ"},
    "export_value": {"en": "Value", "fr": "Valeur"},
    "export_filter": {"en": "Filter", "fr": "Filtre"},
    "export_url": {"en": "Link to this view", "fr": "Lien vers cette vue"},
    "export_citation": {"en": "How to cite", "fr": "Comment citer"},
    "export_licence": {"en": "Licence", "fr": "Licence d'utilisation"},
    "export_release": {"en": "Release", "fr": "Version"},
    "export_data_as_of": {"en": "Data as of", "fr": "Données à jour au"},
    "export_rows": {"en": "Rows", "fr": "Lignes"},
    "export_dictionary": {
        "en": "The 'dictionary' sheet says what each column means.",
        "fr": "La feuille « dictionary » explique chaque colonne.",
    },
    "download_actor_csv": {"en": "Download this profile (CSV)", "fr": "Télécharger cette fiche (CSV)"},
    "download_actor_json": {"en": "Download this profile (JSON)", "fr": "Télécharger cette fiche (JSON)"},
    "download_map_html": {
        "en": "Download this map (HTML file, works offline)",
        "fr": "Télécharger cette carte (fichier HTML, fonctionne hors ligne)",
    },
    "embed_caption": {
        "en": "{count} actors{outside} · data as of {date} · [Open the full view]({url})",
        "fr": "{count} acteurs{outside} · données au {date} · [Ouvrir la vue complète]({url})",
    },
    "embed_outside": {"en": ", {count} outside this view", "fr": ", dont {count} hors de cette vue"},
    "release_heading": {"en": "Download the data", "fr": "Télécharger les données"},
    "release_intro": {
        "en": "Release {version} of {date}, as a Frictionless data package: the whole package in one zip, "
        "or each file at its stable address. Check it with `frictionless validate datapackage.json`.",
        "fr": "Version {version} du {date}, sous forme de paquet de données Frictionless : le paquet entier en "
        "un zip, ou chaque fichier à son adresse stable. Vérifiez-le avec `frictionless validate datapackage.json`.",
    },
    "release_zip": {"en": "The whole package (zip, {size})", "fr": "Le paquet entier (zip, {size})"},
    "release_zip_download": {"en": "Download the whole package (zip)", "fr": "Télécharger le paquet entier (zip)"},
    "release_files": {"en": "The {count} files, one by one", "fr": "Les {count} fichiers, un par un"},
    "release_unavailable": {
        "en": "This server cannot publish the files at their stable addresses ({error}); download the zip here.",
        "fr": "Ce serveur ne peut pas publier les fichiers à leur adresse stable ({error}) ; téléchargez le zip ici.",
    },
    # goals tracker
    "goals_title": {"en": "The biocluster's goals", "fr": "Les objectifs du biocluster"},
    "goals_intro": {
        "en": "The Marseille Immunology Biocluster's published ten-year goals, set against what this dataset "
        "records since its France 2030 selection ({since}). The dataset may be incomplete: every figure is a "
        "lower bound, computed from the data as of {date}, for the whole dataset (the filters do not apply).",
        "fr": "Les objectifs à dix ans publiés par le Marseille Immunology Biocluster, face à ce que ce jeu de "
        "données recense depuis sa sélection France 2030 ({since}). Le jeu de données peut être incomplet : "
        "chaque chiffre est un minimum, calculé sur les données à jour au {date}, pour tout le jeu de données "
        "(les filtres ne s'appliquent pas).",
    },
    "goal_target": {"en": "Goal in ten years: {target}", "fr": "Objectif à dix ans : {target}"},
    "goal_source": {
        "en": "Goal stated in {sources} ({published})",
        "fr": "Objectif publié dans {sources} ({published})",
    },
    "goal_not_recorded": {
        "en": "Not recorded in this dataset.",
        "fr": "Non recensé dans ce jeu de données.",
    },
    "goal_companies": {
        "en": "At least {count} since {since}, as recorded in this dataset, which may be incomplete.",
        "fr": "Au moins {count} depuis le {since}, d'après ce jeu de données, qui peut être incomplet.",
    },
    "goal_companies_none": {
        "en": "None recorded since {since} in this dataset, which may be incomplete.",
        "fr": "Aucune recensée depuis le {since} dans ce jeu de données, qui peut être incomplet.",
    },
    "goal_rounds": {
        "en": "At least {amount} over {count} disclosed rounds since {since}, as recorded in this dataset, "
        "which may be incomplete.",
        "fr": "Au moins {amount} sur {count} levées au montant publié depuis le {since}, d'après ce jeu de "
        "données, qui peut être incomplet.",
    },
    "goal_rounds_none": {
        "en": "No round recorded since {since} in this dataset, which may be incomplete.",
        "fr": "Aucune levée recensée depuis le {since} dans ce jeu de données, qui peut être incomplet.",
    },
    "goal_rounds_undisclosed": {
        "en": "Plus {count} rounds whose amount was not disclosed.",
        "fr": "Plus {count} levées au montant non communiqué.",
    },
    "goal_late_stage": {
        "en": "At least {count} programmes of the goal's kind are in phase 2 or 3 today, as the developers' pages "
        "recorded in this dataset state it.",
        "fr": "Au moins {count} programmes du type visé sont en phase 2 ou 3 aujourd'hui, d'après les pages des "
        "développeurs recensées dans ce jeu de données.",
    },
    "goal_acquisitions": {
        "en": "Also recorded: at least {count} companies of the area acquired since {since}.",
        "fr": "Également recensé : au moins {count} entreprises du territoire rachetées depuis le {since}.",
    },
    "goal_evidence": {"en": "The records behind these figures", "fr": "Les enregistrements derrière ces chiffres"},
    "col_goal": {"en": "Goal", "fr": "Objectif"},
    "goal_acquisitions_label": {"en": "Acquisitions", "fr": "Rachats"},
    "download_table": {"en": "Download this table (CSV)", "fr": "Télécharger ce tableau (CSV)"},
    # insights and network
    "page_insights": {"en": "Insights", "fr": "Analyses"},
    "page_network": {"en": "Network", "fr": "Réseau"},
    "page_pipeline": {"en": "Pipeline", "fr": "Produits en développement"},
    "page_funding": {"en": "Funding", "fr": "Financements"},
    "pipeline_intro": {
        "en": "The companies' products and candidates, by the most advanced phase a source states. The sidebar's "
        "areas, modalities and stages apply to the programmes themselves; the other filters to their companies.",
        "fr": "Les produits et candidats des entreprises, selon la phase la plus avancée qu'indique une source. Les "
        "domaines, modalités et stades du menu s'appliquent aux programmes eux-mêmes ; les autres filtres à leurs "
        "entreprises.",
    },
    "chart_pipeline_title": {"en": "Active programmes by phase", "fr": "Programmes en cours par phase"},
    "pipeline_hint": {
        "en": "Click a bar to show only that phase in the table (and in the whole app).",
        "fr": "Cliquez sur une barre pour n'afficher que cette phase dans le tableau (et dans toute l'application).",
    },
    "pipeline_stack_by": {"en": "Colour the bars by", "fr": "Couleur des barres selon"},
    "stack_modality": {"en": "Modality", "fr": "Modalité"},
    "stack_area": {"en": "Therapeutic area", "fr": "Domaine thérapeutique"},
    "legend_modality": {"en": "Modality", "fr": "Modalité"},
    "legend_area": {"en": "Therapeutic area", "fr": "Domaine thérapeutique"},
    "axis_programmes": {"en": "Active programmes", "fr": "Programmes en cours"},
    "takeaway_pipeline": {
        "en": "Active programmes: {total}, at {companies} companies; in clinical trials: {clinical}; on the market: "
        "{marketed}.",
        "fr": "Programmes en cours : {total}, dans {companies} entreprises ; en essais cliniques : {clinical} ; sur "
        "le marché : {marketed}.",
    },
    "takeaway_pipeline_none": {
        "en": "No active programme among the programmes shown.",
        "fr": "Aucun programme en cours parmi les programmes affichés.",
    },
    "section_programmes": {"en": "Programmes", "fr": "Produits et candidats"},
    "programmes_shown": {"en": "{shown} of {total} programmes", "fr": "{shown} programmes sur {total}"},
    "filter_target": {"en": "Target", "fr": "Cible"},
    "filter_partner": {"en": "Partner", "fr": "Partenaire"},
    "col_phase": {"en": "Phase", "fr": "Phase atteinte"},
    "col_programme": {"en": "Programme", "fr": "Produit ou candidat"},
    "col_programmes_total": {"en": "All", "fr": "Total"},
    "col_company": {"en": "Company", "fr": "Entreprise"},
    "col_target": {"en": "Target", "fr": "Cible"},
    "col_modality": {"en": "Modality", "fr": "Modalité"},
    "col_indication": {"en": "Indication", "fr": "Maladie visée"},
    "col_programme_status": {"en": "Status", "fr": "Statut"},
    "col_partner": {"en": "Partner", "fr": "Partenaire"},
    "col_trial": {"en": "Trial record", "fr": "Fiche de l'essai"},
    "col_trials": {"en": "Trial ids", "fr": "Identifiants d'essais"},
    "col_profile": {"en": "Company page", "fr": "Fiche de l'entreprise"},
    "open_company": {"en": "Open its page", "fr": "Ouvrir sa fiche"},
    "download_programmes_csv": {"en": "Download these programmes (CSV)", "fr": "Télécharger ces programmes (CSV)"},
    "download_programmes_xlsx": {
        "en": "Download these programmes (Excel)",
        "fr": "Télécharger ces programmes (Excel)",
    },
    "funding_intro": {
        "en": "Rounds, public money, licences and acquisitions of the companies shown. Amounts are summed only where "
        "a source states them in euros: every total is a lower bound.",
        "fr": "Levées de fonds, argent public, licences et rachats des entreprises affichées. Les montants ne sont "
        "additionnés que lorsqu'une source les donne en euros : chaque total est un minimum.",
    },
    "chart_funding_years_title": {"en": "Money raised per year", "fr": "Fonds levés par année"},
    "legend_round_kind": {"en": "Kind of round", "fr": "Type de tour"},
    "axis_round_year": {"en": "Year", "fr": "Année"},
    "axis_million_euros": {"en": "Millions of euros disclosed", "fr": "Millions d'euros communiqués"},
    "takeaway_funding_total": {
        "en": "At least {amount} over {disclosed} disclosed rounds ({total} recorded, {first}–{last}).",
        "fr": "Au moins {amount} sur {disclosed} tours au montant communiqué ({total} recensés, {first}–{last}).",
    },
    "takeaway_funding_total_one": {
        "en": "At least {amount} over {disclosed} disclosed round ({total} recorded, {first}–{last}).",
        "fr": "Au moins {amount} sur {disclosed} tour au montant communiqué ({total} recensés, {first}–{last}).",
    },
    "takeaway_funding_none": {
        "en": "No funding round recorded for the companies shown.",
        "fr": "Aucune levée de fonds recensée pour les entreprises affichées.",
    },
    "chart_largest_rounds_title": {"en": "The largest rounds", "fr": "Les plus grosses levées"},
    "takeaway_largest": {
        "en": "The largest: {name}'s {kind}, {amount} in {year}.",
        "fr": "La plus grosse : {kind} de {name}, {amount} en {year}.",
    },
    "takeaway_largest_none": {
        "en": "No round with an amount in euros among those shown.",
        "fr": "Aucun tour au montant en euros parmi ceux affichés.",
    },
    "chart_investors_title": {"en": "The most active investors", "fr": "Les investisseurs les plus actifs"},
    "funding_investor_hint": {
        "en": "Click an investor to list its rounds below.",
        "fr": "Cliquez sur un investisseur pour lister ses tours ci-dessous.",
    },
    "takeaway_investors": {
        "en": "{name} took part in the most rounds ({rounds}).",
        "fr": "{name} a participé au plus grand nombre de tours ({rounds}).",
    },
    "takeaway_investors_with": {
        "en": "{name} took part in the most rounds ({rounds}), most often alongside {partner}.",
        "fr": "{name} a participé au plus grand nombre de tours ({rounds}), le plus souvent aux côtés de {partner}.",
    },
    "takeaway_investors_none": {
        "en": "No investor is named in the rounds shown.",
        "fr": "Aucun investisseur n'est nommé dans les tours affichés.",
    },
    "chart_rounds_title": {"en": "Every round", "fr": "Tous les tours"},
    "rounds_of_investor": {"en": "Rounds with {name}: {count}", "fr": "Tours avec {name} : {count}"},
    "clear_investor": {"en": "Show every investor's rounds", "fr": "Afficher les tours de tous les investisseurs"},
    "chart_deals_title": {
        "en": "Acquisitions, licences and partnerships",
        "fr": "Rachats, licences et partenariats",
    },
    "takeaway_deals": {
        "en": "Acquisitions: {acquisitions}; licences: {licences}; partnerships: {partnerships}; with a disclosed "
        "value: {valued}.",
        "fr": "Rachats : {acquisitions} ; licences : {licences} ; partenariats : {partnerships} ; au montant "
        "communiqué : {valued}.",
    },
    "takeaway_deals_none": {
        "en": "No acquisition, licence or partnership recorded for the companies shown.",
        "fr": "Aucun rachat, aucune licence ni aucun partenariat recensé pour les entreprises affichées.",
    },
    "col_rounds": {"en": "Rounds", "fr": "Tours"},
    "col_disclosed_rounds": {"en": "Rounds with an amount in euros", "fr": "Tours au montant en euros"},
    "col_amount_eur": {"en": "Amount in euros", "fr": "Montant en euros"},
    "col_amount_stated": {"en": "Amount as stated", "fr": "Montant annoncé"},
    "col_round_kind": {"en": "Kind", "fr": "Type"},
    "col_leads": {"en": "Lead investors", "fr": "Chefs de file"},
    "col_investors": {"en": "Other investors", "fr": "Autres investisseurs"},
    "col_investor": {"en": "Investor", "fr": "Investisseur"},
    "col_companies": {"en": "Companies", "fr": "Entreprises"},
    "col_co_investors": {"en": "Co-investors", "fr": "Co-investisseurs"},
    "col_counterparty": {"en": "Acquirer, licensee or partner", "fr": "Acquéreur, licencié ou partenaire"},
    "section_deals": {"en": "Rounds and deals", "fr": "Levées et opérations"},
    "section_portfolio": {"en": "Portfolio in the ecosystem", "fr": "Portefeuille dans l'écosystème"},
    "network_view": {"en": "Show", "fr": "Afficher"},
    "network_view_neighbourhood": {"en": "Around {name}", "fr": "Autour de {name}"},
    "network_view_whole": {"en": "The whole network", "fr": "Tout le réseau"},
    "network_neighbourhood_title": {"en": "{name} and its direct relations", "fr": "{name} et ses relations directes"},
    "network_neighbourhood_hint": {
        "en": "Click a node to open the actor's profile. The list below holds the same relations.",
        "fr": "Cliquez sur un nœud pour ouvrir la fiche de l'acteur. La liste ci-dessous reprend les mêmes relations.",
    },
    "network_neighbourhood_none": {
        "en": "{name} has no relation recorded: here is the whole network.",
        "fr": "Aucune relation recensée pour {name} : voici tout le réseau.",
    },
    "insights_intro": {
        "en": "The actors that pass the filters, in four charts. Each chart's data is in the table below it, "
        "and downloads as CSV.",
        "fr": "Les acteurs retenus par les filtres, en quatre graphiques. Les données de chaque graphique sont "
        "dans le tableau qui le suit, et se téléchargent en CSV.",
    },
    "matrix_hint": {
        "en": "Click a square to filter the whole app on that area and modality.",
        "fr": "Cliquez sur un carré pour filtrer toute l'application sur ce domaine et cette modalité.",
    },
    "matrix_link": {"en": "Explore areas × modalities", "fr": "Explorer domaines × modalités"},
    "show_table": {"en": "The chart's data as a table", "fr": "Les données du graphique en tableau"},
    "chart_matrix_title": {"en": "Therapeutic areas × modalities", "fr": "Domaines thérapeutiques × modalités"},
    "chart_stage_title": {
        "en": "Most advanced programme, by type of actor",
        "fr": "Programme le plus avancé, par type d'acteur",
    },
    "chart_founding_title": {
        "en": "Founding years, by type of actor",
        "fr": "Années de création, par type d'acteur",
    },
    "chart_timeline_title": {"en": "Milestones", "fr": "Jalons"},
    "chart_network_title": {"en": "Who is linked to whom", "fr": "Qui est lié à qui"},
    "axis_area": {"en": "Therapeutic area", "fr": "Domaine thérapeutique"},
    "axis_modality": {"en": "Modality", "fr": "Modalité"},
    "axis_stage": {"en": "Development stage", "fr": "Stade de développement"},
    "axis_type": {"en": "Type of actor", "fr": "Type d'acteur"},
    "axis_year": {"en": "Year founded", "fr": "Année de création"},
    "axis_date": {"en": "Date of the event", "fr": "Date de l'événement"},
    "axis_event": {"en": "Kind of event", "fr": "Type d'événement"},
    "legend_type": {"en": "Type of actor", "fr": "Type d'acteur"},
    "legend_relation": {"en": "Kind of relation", "fr": "Type de relation"},
    "takeaway_matrix": {
        "en": "{count} of the {total} actors shown work on {area} with {modality}, the most frequent combination.",
        "fr": "{count} des {total} acteurs affichés travaillent sur {area} avec {modality}, la combinaison la "
        "plus fréquente.",
    },
    "takeaway_matrix_none": {
        "en": "No actor shown states both a therapeutic area and a modality.",
        "fr": "Aucun acteur affiché n'indique à la fois un domaine thérapeutique et une modalité.",
    },
    "takeaway_stage": {
        "en": "{clinical} of the {total} actors stating a stage are in clinical trials (phase 1 to 3); {marketed}",
        "fr": "{clinical} des {total} acteurs qui indiquent un stade sont en essais cliniques (phase 1 à 3) ; "
        "{marketed}",
    },
    "takeaway_stage_none": {
        "en": "No actor shown states a development stage.",
        "fr": "Aucun acteur affiché n'indique de stade de développement.",
    },
    "takeaway_founding": {
        "en": "The {decade}s saw the most foundations: {count} of the {total} actors with a known founding year.",
        "fr": "Les années {decade} comptent le plus de créations : {count} des {total} acteurs dont l'année "
        "de création est connue.",
    },
    "takeaway_founding_none": {
        "en": "No actor shown has a known founding year.",
        "fr": "Aucun acteur affiché n'a d'année de création connue.",
    },
    "takeaway_timeline": {
        "en": "{rounds} (at least {amount} disclosed, over {disclosed} of them), {acquisitions} "
        "and {awards} recorded for the actors shown, {first}–{last}.",
        "fr": "{rounds} (au moins {amount} publiés, pour {disclosed} d'entre elles), "
        "{acquisitions} et {awards} recensés pour les acteurs affichés, {first}–{last}.",
    },
    "timeline_rounds": {"en": "{count} funding rounds", "fr": "{count} levées de fonds"},
    "timeline_rounds_one": {"en": "{count} funding round", "fr": "{count} levée de fonds"},
    "timeline_acquisitions": {"en": "{count} acquisitions", "fr": "{count} rachats"},
    "timeline_acquisitions_one": {"en": "{count} acquisition", "fr": "{count} rachat"},
    "timeline_awards": {"en": "{count} awards", "fr": "{count} distinctions"},
    "timeline_awards_one": {"en": "{count} award", "fr": "{count} distinction"},
    "takeaway_timeline_none": {
        "en": "No milestone recorded for the actors shown.",
        "fr": "Aucun jalon recensé pour les acteurs affichés.",
    },
    "takeaway_network": {
        "en": "{edges} relations link {nodes} actors; the most connected is {name}, with {degree}.",
        "fr": "{edges} relations relient {nodes} acteurs ; le plus connecté est {name}, avec {degree}.",
    },
    "network_most_linked": {
        "en": "Drawn: the {count} actors with the most relations, of {total} linked; narrow the filters to see the others.",
        "fr": "Dessinés : les {count} acteurs les plus liés, sur {total} ; affinez les filtres pour voir les autres.",
    },
    "takeaway_network_none": {
        "en": "No relation recorded for the actors shown.",
        "fr": "Aucune relation recensée pour les acteurs affichés.",
    },
    "network_hint": {
        "en": "Click a node to open the actor's profile. Faded nodes are outside the filters but linked to an "
        "actor shown. The list below holds the same relations.",
        "fr": "Cliquez sur un nœud pour ouvrir la fiche de l'acteur. Les nœuds pâles sont hors des filtres mais "
        "liés à un acteur affiché. La liste ci-dessous reprend les mêmes relations.",
    },
    "network_list": {"en": "The relations as a list", "fr": "Les relations en liste"},
    "col_from": {"en": "From", "fr": "De"},
    "col_relation": {"en": "Kind of relation", "fr": "Type de relation"},
    "col_to": {"en": "To", "fr": "Vers"},
    "col_year": {"en": "Year", "fr": "Année"},
    "page_present": {"en": "Presentation", "fr": "Présentation"},
    "scene_figures": {"en": "The cluster in figures", "fr": "Le cluster en chiffres"},
    "scene_figures_lead": {
        "en": "Who works on immunology around Marseille, as recorded in this sourced dataset.",
        "fr": "Qui travaille sur l'immunologie autour de Marseille, d'après ce jeu de données sourcé.",
    },
    "scene_map": {"en": "Where they are", "fr": "Où ils se trouvent"},
    "scene_map_lead": {
        "en": "{count} actors of the Marseille area at {sites} sites; each ring shows the mix of their types.",
        "fr": "{count} acteurs de l'aire marseillaise sur {sites} sites ; chaque anneau montre leurs types.",
    },
    "scene_matrix": {"en": "Who works on what", "fr": "Qui travaille sur quoi"},
    "scene_matrix_lead": {
        "en": "Actors by therapeutic area and modality; an actor can count in several cells.",
        "fr": "Acteurs par domaine thérapeutique et modalité ; un acteur peut compter dans plusieurs cases.",
    },
    "scene_history": {
        "en": "Landmarks of immunology in Marseille",
        "fr": "Les grandes étapes de l'immunologie à Marseille",
    },
    "scene_history_lead": {
        "en": "{count} landmark events since {start}, from the dataset's dated and sourced milestones.",
        "fr": "{count} événements marquants depuis {start}, tirés des jalons datés et sourcés du jeu de données.",
    },
    "scene_laureates": {"en": "France 2030 laureates", "fr": "Les lauréats France 2030"},
    "scene_laureates_lead": {
        "en": "{count} actors of the dataset selected by France 2030, the State's investment plan.",
        "fr": "{count} acteurs du jeu de données retenus par France 2030, le plan d'investissement de l'État.",
    },
    "scene_pipeline": {"en": "What is in the clinic", "fr": "Ce qui est en clinique"},
    "scene_funding": {"en": "Who invests", "fr": "Qui investit"},
    "present_funding_years": {
        "en": "Money raised per year (amounts stated in euros)",
        "fr": "Fonds levés par année (montants donnés en euros)",
    },
    "present_funding_investors": {
        "en": "The investors in the most rounds",
        "fr": "Les investisseurs présents dans le plus de levées",
    },
    "scene_network": {"en": "Who is linked to whom", "fr": "Qui est lié à qui"},
    "scene_network_lead": {
        "en": "Who came from whom, who bought whom: {count} spin-offs, subsidiaries and acquisitions. The full network is on the Network page.",
        "fr": "Qui est né de qui, qui a racheté qui : {count} essaimages, filiales et rachats. Le réseau complet est sur la page Réseau.",
    },
    "present_previous": {"en": "Previous", "fr": "Précédent"},
    "present_next": {"en": "Next", "fr": "Suivant"},
    "present_pause": {"en": "Pause", "fr": "Mettre en pause"},
    "present_play": {"en": "Resume", "fr": "Reprendre"},
    "present_position": {"en": "Scene {scene} of {count}", "fr": "Scène {scene} sur {count}"},
    "present_keys": {
        "en": "Keys: ← → to move, P to pause.",
        "fr": "Touches : ← → pour changer de scène, P pour la pause.",
    },
    "presskit_title": {
        "en": "Marseille's immunology ecosystem: press kit",
        "fr": "L'écosystème de l'immunologie à Marseille : dossier de presse",
    },
    "presskit_sources": {
        "en": "{count} actors, each with its sources, in an open dataset (data as of {date}). Goals and ambition: ",
        "fr": "{count} acteurs, chacun avec ses sources, dans un jeu de données ouvert (à jour au {date}). Objectifs et ambition : ",
    },
    "presskit_download": {"en": "Press kit (PDF, one page)", "fr": "Dossier de presse (PDF, une page)"},
    "presskit_help": {
        "en": "Figures, map, who works on what, France 2030 laureates, sources and data date, to take away.",
        "fr": "Chiffres, carte, qui travaille sur quoi, lauréats France 2030, sources et date des données, à emporter.",
    },
    "scene_opening": {
        "en": "The ambition of the Marseille Immunology Biocluster",
        "fr": "L'ambition du Marseille Immunology Biocluster",
    },
    "scene_opening_lead": {
        "en": "Selected by France 2030 on {date}, with its goals for the next ten years.",
        "fr": "Retenu par France 2030 le {date}, avec ses objectifs pour les dix années suivantes.",
    },
    "present_promise_quote": {
        "en": "“An international immunology biocluster in Marseille, on the Boston model” (translated)",
        "fr": "« Un biocluster international en immunologie à Marseille, sur le modèle bostonien »",
    },
    "present_promise": {
        "en": "Labs, hospitals, research service providers and biotech companies working side by side, so that new "
        "immunotherapies reach people with cancer, autoimmune, inflammatory or infectious diseases sooner.",
        "fr": "Laboratoires, hôpitaux, prestataires de recherche et biotechs côte à côte, pour que de nouvelles "
        "immunothérapies arrivent plus vite aux malades de cancers et de maladies auto-immunes, inflammatoires ou infectieuses.",
    },
    "present_promise_source": {
        "en": "After Eurobiomed, announcing the 2nd Rencontres de l'Immunologie (October 2023), republished by presseagence.fr.",
        "fr": "D'après Eurobiomed, annonce des 2es Rencontres de l'Immunologie (octobre 2023), reprise par presseagence.fr.",
    },
    "present_site_count": {"en": "{name}: {count}", "fr": "{name} : {count}"},
    "present_map_alt": {
        "en": "Map of the Marseille area: {count} sites, each with its number of actors",
        "fr": "Carte de l'aire marseillaise : {count} sites, chacun avec son nombre d'acteurs",
    },
    "present_lineage_alt": {
        "en": "Lineage of the cluster's companies: {count} links from origin to spin-off to acquirer",
        "fr": "Filiation des entreprises du cluster : {count} liens, de l'origine à l'essaimage puis au racheteur",
    },
    "present_hubs": {"en": "Hub (three links or more)", "fr": "Pôle (trois liens ou plus)"},
    "present_programme_call": {"en": "{programme}, {number} call", "fr": "{programme}, {number} appel"},
    "present_led_by": {"en": "Led by {names}", "fr": "Porté par {names}"},
    "present_founded_by": {"en": "Founded by {names}", "fr": "Fondé par {names}"},
    "present_and_more": {"en": " and {count} more", "fr": " et {count} autres"},
    "present_amount_unstated": {"en": "Amount not stated", "fr": "Montant non précisé"},
    "scene_closing": {"en": "Explore the live map", "fr": "Explorez la carte en ligne"},
    "scene_closing_lead": {
        "en": "Every actor with its sources, relations and milestones, in French and English.",
        "fr": "Chaque acteur avec ses sources, ses relations et ses jalons, en français et en anglais.",
    },
    "present_closing_explore": {
        "en": "Filter by type, therapeutic area or modality, open any actor's page, download the data.",
        "fr": "Filtrez par type, domaine thérapeutique ou modalité, ouvrez la page d'un acteur, téléchargez les données.",
    },
    "present_closing_correct": {
        "en": "A fact is wrong or an actor is missing? On the actor's page, choose “Suggest a correction” and give a source: "
        "every suggestion is checked before it is published.",
        "fr": "Un fait est faux ou un acteur manque ? Sur la page de l'acteur, choisissez « Proposer une correction » et "
        "donnez une source : chaque proposition est vérifiée avant publication.",
    },
    "present_qr_alt": {"en": "QR code linking to {url}", "fr": "QR code menant à {url}"},
}


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string for `key` in `lang`, with `values` filled in."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang if lang in LANGS else DEFAULT_LANG) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text
