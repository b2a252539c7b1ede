# Retours d'expérience d'innovation : la liste (cases.html), le formulaire
# (cases_form.html) et la page d'un retour (cases_show.html).

## Commun aux pages

cases-country = Pays
cases-region = Région
cases-sector = Secteur
cases-stage = Stade de généralisation
cases-language = Langue
cases-kinds-of-evidence = Types de preuves
cases-evidence-links = Liens vers les preuves
cases-licence = Licence
cases-history = Historique
cases-verified-mark = <span class="badge verified">Vérifié</span> par { $by } le <time datetime="{ $date_iso }">{ $date }</time>
cases-untitled = (sans titre)
cases-place = { $region }, { $country }
cases-verified-by-someone = l’équipe d’animation
cases-not-yours = Seul son auteur peut modifier ou supprimer ce retour d’expérience

## Liste et recherche (cases.html)

cases-browse-title = Retours d'expérience d'innovation
cases-share = Partager un retour d'expérience
cases-sign-in-to-share = <a href="{ $url }">Connectez-vous</a> pour partager celui de votre établissement.
cases-browse-lead = Ce que des équipes d'établissement ont essayé, avec quels outils, ce qui a fait obstacle, ce qui a permis de réussir, les preuves dont elles disposent et jusqu'où l'expérience s'est diffusée. L'équipe d'animation de la communauté dans laquelle un retour a été publié peut le vérifier.
cases-deleted = Le retour d'expérience a été supprimé.
cases-search-label = Recherche
cases-search-placeholder = p. ex. tablettes, tutorat entre pairs, classe inversée
cases-search-button = Rechercher
cases-filter-any-country = Tous les pays
cases-filter-any-sector = Tous les secteurs
cases-filter-any-stage = Tous les stades
cases-filter-level = Niveau
cases-filter-any-level = Tous les niveaux
cases-filter-digcompedu = Compétence numérique (DigCompEdu)
cases-filter-any-competence = Toutes les compétences
cases-filter-selfie = Domaine SELFIE
cases-filter-any-area = Tous les domaines
cases-filter-evidence = Type de preuves
cases-filter-any-evidence = Tous les types de preuves
cases-filter-any-language = Toutes les langues
cases-filter-verified = Uniquement les retours vérifiés par l'équipe d'animation
cases-filter-local = Uniquement les retours partagés sur cette instance
cases-clear-filters = Effacer la recherche et les filtres
cases-results = Résultats
cases-results-range = Résultats { $first }–{ $last }
cases-newest-range = Retours d'expérience les plus récents { $first }–{ $last }
cases-by-link = par <a href="{ $url }">{ $name }</a>
cases-by = par { $name }
cases-tags-label = Caractéristiques
cases-tag-stage = Stade : { $stage }
cases-none-match = Aucun retour d'expérience ne correspond. Essayez d'autres mots ou moins de filtres.
cases-no-more = Il n'y a pas d'autres retours d'expérience.
cases-none-yet = Aucun retour d'expérience pour l'instant.
cases-share-first = <a href="{ $url }">Partagez le premier</a>.
cases-pages-label = Pages de résultats
cases-previous = Précédent
cases-next = Suivant

## Formulaire de partage ou de modification (cases_form.html)

cases-form-title-new = Partager un retour d'expérience d'innovation
cases-form-title-edit = Modifier : { $title }
cases-form-edit-lead = L'enregistrement crée la version { $version }. Les versions précédentes restent dans l'<a href="{ $url }">historique</a>, les serveurs qui ont ce retour reçoivent la nouvelle version, et une mention de vérification est conservée.
cases-form-new-lead = Racontez aux autres établissements ce que votre équipe a essayé : le problème, ce que vous avez fait et avec quels outils, ce qui a fait obstacle, ce qui a permis de réussir, les preuves dont vous disposez et ce que cela a coûté. Seuls les champs marqués obligatoires doivent être remplis ; les autres aident vos collègues à juger si cela pourrait fonctionner chez eux.
cases-form-error-help = Rien n'a été publié : corrigez ci-dessous et renvoyez le formulaire. Ce que vous avez saisi est conservé.
cases-required = obligatoire
cases-optional = facultatif
cases-form-brief = L'expérience en bref
cases-form-title = Titre
cases-form-title-help = Ce que les autres voient dans les résultats de recherche, p. ex. « Tutorat entre pairs sur tablettes dans une école rurale ».
cases-form-summary = Résumé
cases-form-summary-help = Quelques phrases : ce qui a été essayé, avec qui, et ce qui en est ressorti.
cases-form-language = Langue du retour d'expérience
cases-form-where = Où et pour qui
cases-form-country-unset = Non précisé
cases-form-country-help = Pays de l'UE et de l'EEE, et la Suisse.
cases-form-region-help = Une région, une province ou une ville, p. ex. « Tyrol » ou « Lyon ».
cases-form-levels = Niveaux d'enseignement (ISCED 2011)
cases-form-what = Ce que vous avez fait
cases-form-context = Contexte
cases-form-context-help = L'établissement ou le cadre, et les élèves : combien, quel âge, leurs particularités.
cases-form-problem = Problème ou besoin
cases-form-problem-help = Ce que vous vouliez changer, et pourquoi.
cases-form-intervention = Action menée
cases-form-intervention-help = Ce qui a été fait : la démarche pédagogique, les activités, sur quelle durée, à quelle fréquence. Une ligne vide commence un nouveau paragraphe.
cases-form-ict-tools = Numérique et outils
cases-form-ict-tools-help = Séparés par des virgules, p. ex. « Tablettes, Padlet, Moodle ». { $max } au maximum.
cases-form-actors = Acteurs et rôles
cases-form-actors-help = Qui a participé et ce que chacun a fait : enseignants, direction, élèves, parents, partenaires.
cases-form-obstacles = Ce qui a freiné et ce qui a aidé
cases-form-barriers = Obstacles
cases-form-barriers-help = Ce qui a rendu les choses difficiles, et comment vous y avez fait face.
cases-form-enablers = Leviers et facteurs de réussite
cases-form-enablers-help = Ce qui a permis de réussir : soutien, temps, formation, équipement, personnes.
cases-form-evidence = Preuves d'impact
cases-form-indicators = Indicateurs et résultats
cases-form-indicators-help = Ce que vous avez mesuré ou observé, et ce qui a changé, p. ex. « Les résultats en lecture ont progressé de 12 % en un an ».
cases-form-evidence-links-help = Une adresse web par ligne (http:// ou https://) : un rapport, les résultats d'une enquête, une évaluation. { $max } au maximum.
cases-form-evidence-links-placeholder = https://
cases-form-spreading = Diffusion
cases-form-costs = Coûts et ressources
cases-form-costs-help = L'argent, l'équipement, le temps de travail et la formation nécessaires.
cases-form-transfer = Conditions de transfert
cases-form-transfer-help = Ce dont un autre établissement aurait besoin pour faire de même.
cases-form-stage-choose = Choisissez jusqu'où l'expérience s'est diffusée…
cases-form-stage-help = D'une idée pas encore testée jusqu'à tout le système éducatif, en passant par une expérimentation dans quelques classes, l'établissement entier ou une région.
cases-form-frameworks = Cadres de référence
cases-form-digcompedu = Compétences numériques des enseignants (DigCompEdu) développées
cases-form-selfie = Domaines SELFIE concernés
cases-form-selfie-help = Les domaines de SELFIE, l'outil d'autoréflexion de la Commission européenne destiné aux établissements scolaires.
cases-form-sharing = Partage
cases-form-materials = Ressources pédagogiques liées
cases-form-materials-help = Un par ligne : le titre d’une ressource, son adresse (ici ou sur un autre serveur) ou son numéro ici. { $max } au maximum.
cases-form-licence-choose = Choisissez une licence…
cases-form-licence-help = Ce que les autres peuvent faire de ce retour d'expérience. Avec une licence Creative Commons, d'autres peuvent le réutiliser et le traduire.
cases-form-licence-about = À propos des licences
cases-form-contact = Contact
cases-form-contact-help = Comment joindre l'équipe, p. ex. l'adresse de l'établissement ou une adresse e-mail. Cette information est visible par tout le monde.
cases-form-community-fixed-link = Publié dans la communauté <a href="{ $url }">{ $name }</a> ; cela ne peut pas changer.
cases-form-community-fixed = Publié dans la communauté { $name } ; cela ne peut pas changer.
cases-form-no-community = Publié seul, hors de toute communauté.
cases-form-community = Communauté
cases-form-community-none = Aucune : le publier seul
cases-form-community-help = Publié dans une communauté, il est visible par ses membres, et son équipe d'animation peut le vérifier.
cases-form-community-join = Vous n'êtes encore membre d'aucune communauté : <a href="{ $url }">rejoignez-en une</a> pour y publier des retours, que son équipe d'animation pourra vérifier.
cases-form-community-final = Ce choix ne pourra plus être modifié.
cases-form-public-edit = L'enregistrement publie la modification : tout le monde peut trouver ce retour et le commenter, et il est envoyé aux serveurs de vos abonnés.
cases-form-public-new = La publication le rend public : tout le monde peut le trouver et le commenter, et il est envoyé aux serveurs de vos abonnés et aux membres de la communauté.
cases-form-save = Enregistrer les modifications
cases-form-publish = Publier
cases-form-cancel = Annuler

## Page d'un retour d'expérience (cases_show.html)

cases-notice-published = Publié. Les établissements d'ici et d'autres serveurs peuvent désormais le trouver.
cases-notice-saved = Enregistré comme version { $version }.
cases-notice-verified = Marqué comme vérifié. Les membres de la communauté en sont informés.
cases-notice-unverified = La vérification a été retirée.
cases-back = Retours d'expérience
cases-shared-by-link = Partagé par <a href="{ $url }">{ $name }</a>
cases-shared-by = Partagé par { $name }
cases-changed = modifié le <time datetime="{ $date_iso }">{ $date }</time>
cases-in-community-link = Publié dans la communauté <a href="{ $url }">{ $name }</a>
cases-in-community = Publié dans la communauté { $name }
cases-from-elsewhere = Partagé depuis un autre serveur : <a href="{ $url }" rel="noopener noreferrer">le voir là-bas</a>.
cases-edit = Modifier
cases-comments = Commentaires ({ $count })
cases-levels = Niveaux
cases-digcompedu = Compétences numériques (DigCompEdu)
cases-selfie = Domaines SELFIE
cases-verified = Vérifié
cases-verified-by = Vérifié par { $by } le <time datetime="{ $date_iso }">{ $date }</time>
cases-not-yet = Pas encore
cases-version = Version
cases-evidence-kinds-list = Types de preuves : { $kinds }
cases-section-context = Contexte
cases-section-problem = Problème ou besoin
cases-section-intervention = Action menée
cases-section-ict-tools = Numérique et outils
cases-section-actors = Acteurs et rôles
cases-section-barriers = Obstacles
cases-section-enablers = Leviers et facteurs de réussite
cases-section-evidence = Preuves d'impact
cases-section-costs = Coûts et ressources
cases-section-transfer = Conditions de transfert
cases-section-contact = Contact
cases-materials = Ressources pédagogiques
cases-on-another-server = sur un autre serveur
cases-material-unnamed = Une ressource pédagogique
cases-material-elsewhere = Une ressource pédagogique sur { $host }
cases-verification = Vérification
cases-verification-done-link = <span class="badge verified">Vérifié</span> par { $by } le <time datetime="{ $date_iso }">{ $date }</time>, dans la communauté <a href="{ $url }">{ $name }</a>.
cases-verification-done = <span class="badge verified">Vérifié</span> par { $by } le <time datetime="{ $date_iso }">{ $date }</time>, dans la communauté { $name }.
cases-verification-pending-link = Pas encore vérifié. L'équipe d'animation de <a href="{ $url }">{ $name }</a> peut le vérifier après l'avoir examiné.
cases-verification-pending = Pas encore vérifié. L'équipe d'animation de { $name } peut le vérifier après l'avoir examiné.
cases-confirm-unverify = Retirer la vérification de « { $title } » ?
cases-unverify = Retirer la vérification
cases-verify = Marquer comme vérifié
cases-unverify-help = Le retrait informe les membres de la communauté que ce retour d'expérience n'est plus vérifié.
cases-verify-help = Votre nom et la date du jour s'affichent avec la mention, et les membres de la communauté en sont informés.
cases-verification-unknown-action = Échec de la validation : choisissez « verify » ou « unverify »
cases-verification-no-community = Échec de la validation : seul un retour d’expérience publié dans une communauté peut être vérifié
cases-delete = Supprimer
cases-delete-warning = La suppression le retire d'ici et en informe les autres serveurs qui l'ont. Cette action est irréversible.
cases-confirm-delete = Supprimer définitivement « { $title } » ?
cases-form-school-subjects = Matières scolaires
cases-form-school-subjects-help = Les matières dans lesquelles s’inscrit l’innovation (10 au maximum). Tapez dans le champ pour réduire la liste.
cases-form-subjects = Domaines d’études (ISCED-F)
cases-form-subjects-help = Le domaine de chaque matière choisie est ajouté automatiquement ; ajoutez-en d’autres s’ils conviennent (10 au maximum).
cases-school-subjects = Matières scolaires
cases-subjects = Domaines d’études
cases-filter-school-subject = Matière scolaire
cases-filter-any-school-subject = Toutes les matières
cases-filter-subject = Domaine d’études (ISCED-F)
cases-filter-any-subject = Tous les domaines
cases-form-materials-find = Chercher une ressource à lier
cases-form-materials-find-help = Tapez des mots de son titre ou de sa description, puis choisissez-la dans les résultats.
cases-form-materials-link = Lier « { $name } »
cases-form-materials-linked = « { $name } » est liée.
cases-form-materials-already = « { $name } » est déjà liée.
cases-form-materials-none = Aucune ressource ne correspond à ces mots.
