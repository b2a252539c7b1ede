# Ressources pédagogiques : liste et recherche, formulaire, page d’une ressource,
# historique des versions (d’une ressource ou d’un retour d’expérience).

## Commun aux pages

materials-untitled = (sans titre)
materials-original-unnamed = une ressource
materials-original-elsewhere = une ressource sur { $host }
materials-not-yours = Seul son auteur peut modifier ou supprimer cette ressource

## Liste et recherche

materials-browse-title = Ressources pédagogiques
materials-share-button = Partager une ressource
materials-sign-in-to-share = <a href="{ $url }">Connectez-vous</a> pour partager les vôtres.
materials-deleted = La ressource a été supprimée.
materials-search-label = Recherche
materials-search-placeholder = p. ex. fractions, photosynthèse, débat
materials-filter-type = Type
materials-filter-any-type = Tous les types
materials-filter-level = Niveau
materials-filter-any-level = Tous les niveaux
materials-filter-subject = Domaine d’études (ISCED-F)
materials-filter-any-subject = Tous les domaines
materials-filter-competence = Compétence numérique (DigCompEdu)
materials-filter-any-competence = Toutes les compétences
materials-filter-language = Langue
materials-filter-any-language = Toutes les langues
materials-filter-licence = Licence
materials-filter-any-licence = Toutes les licences
materials-filter-local = Seulement les ressources partagées sur cette instance
materials-search-button = Rechercher
materials-clear-filters = Effacer la recherche et les filtres
materials-results-range = Résultats { $first }–{ $last }
materials-newest-range = Dernières ressources { $first }–{ $last }
materials-results = Résultats
materials-by = par { $authors }
materials-shared-by-link = partagée par <a href="{ $url }">@{ $acct }</a>
materials-shared-by = partagée par @{ $acct }
materials-remix-of-link = Remix de <a href="{ $url }">{ $name }</a>
materials-remix-of = Remix de { $name }
materials-tags-label = Caractéristiques
materials-none-match = Aucune ressource ne correspond. Essayez d’autres mots ou moins de filtres.
materials-no-more = Il n’y a pas d’autres ressources.
materials-none-yet = Aucune ressource pour l’instant.
materials-share-first = <a href="{ $url }">Partagez la première</a>.
materials-pages-label = Pages de résultats
materials-previous = Précédent
materials-next = Suivant

## Formulaire pour partager, adapter ou modifier une ressource

materials-form-edit-title = Modifier : { $name }
materials-form-remix-title = Adaptation : { $name }
materials-form-new-title = Partager une ressource pédagogique
materials-form-edit-lead = L’enregistrement crée la version { $version }. Les versions précédentes restent dans l’<a href="{ $url }">historique</a>, et les serveurs qui ont cette ressource reçoivent la nouvelle.
materials-form-remix-lead = Le formulaire est prérempli à partir de <a href="{ $url }">l’original</a> : modifiez ce que vous avez adapté. Votre version renvoie à l’original, et son auteur en est averti.
materials-form-original-licence = Licence de l’original : { $licence }.
materials-form-note-no-derivatives = Sa licence ne permet pas de partager des versions adaptées (Pas de modification) : demandez l’autorisation à ses auteurs avant de publier votre adaptation.
materials-form-note-all-rights-reserved = Ses auteurs se réservent tous les droits : demandez-leur l’autorisation avant de publier votre adaptation.
materials-form-note-share-alike = Sa licence impose le partage dans les mêmes conditions (ShareAlike) : publiez votre adaptation sous la même licence.
materials-form-new-lead = Une séquence, une fiche d’exercices, une présentation, un projet… Les enseignants d’ici et d’autres serveurs pourront la trouver, l’utiliser, la commenter et l’adapter.
materials-form-files-lost = Les fichiers choisis n’ont pas été conservés : choisissez-les à nouveau avant d’envoyer le formulaire.
materials-form-about = Présentation
materials-form-name = Titre
materials-form-name-help = Ce que les enseignants voient dans les résultats de recherche, p. ex. « Les fractions avec une pizza : fiche d’exercices pour le CM1 ».
materials-form-description = Description courte
materials-form-description-help = Quelques phrases : ce que c’est, à qui elle s’adresse et comment l’utiliser.
materials-form-body = Le contenu de la ressource
materials-form-optional = facultatif
materials-form-body-help = Consignes, étapes, questions, texte d’une fiche… Une ligne vide commence un nouveau paragraphe ; les adresses web deviennent des liens. Laissez ce champ vide si tout est dans les fichiers.
materials-form-language = Langue
materials-form-authors = Auteurs
materials-form-authors-help = Noms, séparés par des virgules.
materials-form-licence = Licence
materials-form-choose-licence = Choisissez une licence…
materials-form-licence-help = Ce que les autres peuvent en faire. Les licences Creative Commons permettent aux enseignants de réutiliser et d’adapter votre travail ; avec CC BY-SA, leurs adaptations restent libres elles aussi.
materials-form-licence-link = À propos des licences
materials-form-audience = Public visé
materials-form-types = Type de ressource
materials-form-levels = Niveaux d’enseignement (ISCED 2011)
materials-form-subjects = Domaines d’études (ISCED-F)
materials-form-subjects-help = Le domaine de chaque matière choisie est ajouté automatiquement ; ajoutez-en d’autres s’ils conviennent (10 au maximum).
materials-form-time = Durée
materials-form-time-none = Non précisée
materials-form-time-other = Autre durée
materials-form-time-other-placeholder = p. ex. 50 ou PT1H15M
materials-form-time-other-help = En minutes (50), ou une durée ISO 8601 : PT1H15M correspond à 1 heure 15 minutes, P3D à 3 jours. Si ce champ est rempli, il remplace le choix.
materials-form-time-other-choice = Autre durée (ci-dessous)
materials-form-teaches = Objectifs d’apprentissage
materials-form-competences = Compétences numériques des enseignants (DigCompEdu), pour les ressources de formation des enseignants
materials-form-teaches-text = Compétences ou notions travaillées
materials-form-teaches-text-help = Une par ligne, p. ex. « Additionner des fractions » ou « Écrire un texte argumentatif ». Avec les compétences ci-dessus, 10 au maximum.
materials-form-files-and-links = Fichiers et liens
materials-form-files-now = Fichiers actuels
materials-form-remove-file = Supprimer { $name }
materials-form-add-files = Ajouter des fichiers
materials-form-files = Fichiers
materials-form-files-help =
    PDF, documents bureautiques (Word, Excel, PowerPoint, OpenDocument, RTF), images (PNG, JPEG, GIF, WebP), audio (MP3, Ogg, WAV, M4A, FLAC), vidéo (MP4, WebM), archives (ZIP, gzip, 7z, tar) et texte brut. { $at_once ->
        [one] Un fichier à la fois, { $size } au maximum
       *[other] Jusqu’à { $at_once } fichiers à la fois, { $size } au maximum chacun
    } ; une ressource compte au total { $max ->
        [one] un fichier ou lien au maximum
       *[other] { $max } fichiers et liens au maximum
    }.
materials-form-file-too-large = { $count ->
    [one] { $names } dépasse { $size } et serait refusé. Choisissez des fichiers plus petits.
   *[other] { $names } dépassent { $size } et seraient refusés. Choisissez des fichiers plus petits.
    }
materials-form-links = Liens vers des fichiers hébergés ailleurs
materials-form-links-help = Une adresse web par ligne (http:// ou https://), p. ex. une vidéo ou un document partagé.
materials-form-publish-note-edit = L’enregistrement publie la modification : chacun peut trouver la ressource, la commenter et l’adapter, et elle est envoyée aux serveurs de vos abonnés.
materials-form-publish-note-new = La publication rend la ressource publique : chacun peut la trouver, la commenter et l’adapter, et elle est envoyée aux serveurs de vos abonnés.
materials-form-save = Enregistrer les modifications
materials-form-publish-adaptation = Publier l’adaptation
materials-form-publish = Publier
materials-form-cancel = Annuler

## Page d’une ressource

materials-show-published = Ressource publiée. Les enseignants d’ici et d’autres serveurs peuvent maintenant la trouver.
materials-show-saved = Enregistrée comme version { $version }.
materials-show-changed = modifiée le <time datetime="{ $iso }">{ $date }</time>
materials-show-adapted-from-link = Adaptée de <a href="{ $url }">{ $name }</a>
materials-show-adapted-from = Adaptée de { $name }
materials-show-source = Partagée depuis un autre serveur : <a href="{ $url }" rel="noopener noreferrer">la voir sur ce serveur</a>.
materials-show-remix = Remixer
materials-show-sign-in-to-remix = Se connecter pour remixer
materials-show-edit = Modifier
materials-show-comments = Commentaires ({ $count })
materials-show-licence = Licence
materials-show-language = Langue
materials-show-type = Type
materials-show-levels = Niveaux
materials-show-subjects = Domaines d’études (ISCED-F)
materials-show-competences = Compétences numériques (DigCompEdu)
materials-show-teaches = Objectifs
materials-show-time = Durée
materials-show-version = Version
materials-show-history = Historique
materials-show-body = La ressource
materials-show-files = Fichiers
materials-show-file-host = sur { $host }
materials-show-download = Télécharger
materials-show-open = Ouvrir
materials-show-no-files = Aucun fichier : tout est sur cette page.
materials-show-remixes = Remix
materials-show-remix-elsewhere = sur un autre serveur
materials-show-no-remixes = Personne ne l’a encore adaptée.
materials-show-first-remix = <a href="{ $url }">Faites le premier remix</a>.
materials-show-delete-heading = Supprimer
materials-show-delete-explained = La suppression retire la ressource et ses fichiers de ce serveur, et en informe les autres serveurs qui l’ont. Cette action est irréversible.
materials-show-delete-confirm = Supprimer définitivement « { $name } » ?
materials-show-delete = Supprimer

## Le brouillon d’un formulaire que garde le navigateur (ressources et retours d’expérience)

draft-kept = Brouillon conservé dans ce navigateur ({ $time }).
draft-restored = Votre brouillon non enregistré du { $time } a été restauré.
draft-discard = Supprimer le brouillon
draft-discarded = Le brouillon a été supprimé.

## Historique des versions d’une ressource ou d’un retour d’expérience

history-title = Historique : { $title }
history-lead = Toutes les versions, de la plus récente à la plus ancienne, telles qu’elles étaient alors.
history-lead-case = Toutes les versions du retour d’expérience, de la plus récente à la plus ancienne, telles qu’elles étaient alors.
history-version = Version { $version }
history-current = version actuelle
history-first-published = première publication
history-changed = modifications : { $parts }
history-unchanged = aucune modification du texte ni des informations
history-stage = Étape de généralisation : { $stage }
history-licence = Licence : { $licence }
history-none = Aucune version n’est enregistrée.

## Ce qui a changé entre deux versions

history-part-title = titre
history-part-description = description
history-part-text = texte
history-part-language = langue
history-part-authors = auteurs
history-part-licence = licence
history-part-terms = types, niveaux, matières ou compétences
history-part-teaches = objectifs d’apprentissage
history-part-time-required = durée
history-part-original = original
history-part-files = fichiers
history-part-summary = résumé
history-part-country = pays
history-part-region = région
history-part-sector = secteur
history-part-levels = niveaux
history-part-context = contexte
history-part-problem = problème ou besoin
history-part-intervention = action menée
history-part-ict-tools = numérique et outils
history-part-actors = acteurs et rôles
history-part-barriers = obstacles
history-part-enablers = leviers et facteurs de réussite
history-part-evidence-kinds = types de preuves
history-part-evidence = preuves d’impact
history-part-evidence-links = liens vers les preuves
history-part-costs = coûts et ressources
history-part-transfer = conditions de transfert
history-part-stage = stade de généralisation
history-part-digcompedu = compétences DigCompEdu
history-part-selfie = domaines SELFIE
history-part-linked-materials = ressources pédagogiques liées
history-part-contact = contact
materials-filter-school-subject = Matière scolaire
materials-filter-any-school-subject = Toutes les matières
materials-show-school-subjects = Matières scolaires
materials-form-school-subjects = Matières scolaires
materials-form-school-subjects-help = Cochez chaque matière à laquelle il est destiné (10 au maximum). Tapez dans le champ pour réduire la liste.
history-part-school-subjects = matières scolaires
history-part-subjects = domaines d’études
