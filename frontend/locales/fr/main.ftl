## Le cadre des pages

nav-skip = Aller au contenu
nav-label = Compte
nav-communities = Communautés
nav-materials = Ressources
nav-cases = Retours d'expérience
nav-home = Accueil
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
nav-languages = Langue
nav-menu = Menu
footer-powered = Propulsé par Collegium, logiciel libre sous licence GNU AGPL. Fait partie du réseau fédéré des communautés d'apprentissage.

## La page « À propos »

about-stats = <strong>{ $members }</strong> { $members ->
        [one] membre
       *[other] membres
    } · <strong>{ $active }</strong> { $active ->
        [one] actif
       *[other] actifs
    } ce mois-ci
about-heading = À propos de cette instance
about-address = Adresse
about-languages = Langues
about-contact = Contact
about-follow-from-anywhere = Vous pouvez suivre les personnes inscrites ici depuis n'importe quel serveur du Fediverse, comme Mastodon : recherchez <code>@nom@{ $domain }</code>.

## Connexion et inscription

sign-in-login = Nom d'utilisateur ou adresse e-mail
sign-in-password = Mot de passe
sign-in-no-account = Pas encore de compte ? <a href="{ $url }">Créez-en un</a>.
sign-up-title = Créer un compte
sign-up-username = Nom d'utilisateur
sign-up-username-help = Lettres, chiffres et tirets bas ; points et tirets seulement à l'intérieur du nom. Les autres vous verront sous la forme @nom@{ $domain }.
sign-up-email = Adresse e-mail
sign-up-submit = Créer le compte
sign-out-question = Se déconnecter de { $instance } sur ce navigateur ? Les applications que vous avez autorisées restent connectées.

## Applications (OAuth)

authorize-title = Autoriser { $app }
authorize-question = Autoriser { $app } ?
authorize-asks = <strong>{ $app }</strong> demande à utiliser votre compte avec les autorisations suivantes :
authorize-asks-website = <strong>{ $app }</strong> (<a href="{ $url }" rel="nofollow noopener">{ $url }</a>) demande à utiliser votre compte avec les autorisations suivantes :
authorize-signed-in-as = Vous utilisez le compte <strong>{ $name }</strong> (@{ $username }).
authorize-approve = Autoriser
authorize-deny = Refuser
oauth-code-title = Code d'autorisation
oauth-code-copy = Copiez ce code et collez-le dans <strong>{ $app }</strong> :
oauth-code-help = Le code ne fonctionne qu'une seule fois, dans les dix minutes.

## Écrire et lire des messages

compose-label = Écrire un message
compose-placeholder = Partagez une idée avec vos collègues. @nom@domaine mentionne quelqu'un, #sujet ajoute un hashtag.
compose-content-warning = Avertissement de contenu (facultatif)
compose-visibility = Qui peut le voir
compose-visibility-public = Tout le monde
compose-visibility-unlisted = Tout le monde, mais pas dans les fils publics
compose-visibility-private = Abonnés uniquement
compose-visibility-direct = Seulement les personnes mentionnées
compose-post = Publier
timeline-heading = Votre fil
timeline-empty = Rien pour l'instant. Suivez des collègues pour voir leurs messages.
post-visibility-public = public
post-visibility-unlisted = non répertorié
post-visibility-private = abonnés uniquement
post-visibility-direct = personnes mentionnées uniquement
post-boosted-by = partagé par { $name }
post-remove-reason = Motif du retrait
post-remove = Retirer
post-counts = { $replies ->
        [one] { $replies } réponse
       *[other] { $replies } réponses
    } · { $favourites } ★ · { $reblogs ->
        [one] { $reblogs } partage
       *[other] { $reblogs } partages
    }
thread-title = { $name } : message
thread-post-by = Message de { $name }
thread-in-community = Dans <a href="{ $url }">{ $title }</a>
thread-comment = Commentaire
thread-reply = Répondre
thread-pinned = Discussion épinglée par l'équipe d'animation.
thread-locked = Cette discussion est verrouillée : il n'est plus possible de la commenter.
thread-lock = Verrouiller la discussion
thread-unlock = Déverrouiller la discussion
thread-pin = Épingler la discussion
thread-unpin = Désépingler la discussion
tag-empty = Aucun message public avec ce hashtag pour l'instant.

## Profils

profile-fact-subjects = Matières
profile-fact-education-levels = Niveaux d'enseignement
profile-fact-languages = Langues
profile-fact-school = Établissement
profile-fact-region = Région
profile-joined = Membre depuis { $date } · { $followers ->
        [one] { $followers } abonné
       *[other] { $followers } abonnés
    } · { $following ->
        [one] { $following } abonnement
       *[other] { $following } abonnements
    }
profile-follow = Suivre
profile-unfollow = Ne plus suivre
profile-withdraw-request = Retirer la demande d'abonnement
profile-posts = Messages
profile-no-posts = Aucun message à afficher.
profile-remote = Sur un autre serveur : <a href="{ $url }" rel="nofollow noopener">voir le profil d’origine</a>.

## Pages d'erreur

error-title-400 = La requête pose problème
error-text-400 = La page n'a pas compris ce qui a été envoyé.
error-title-401 = Veuillez vous connecter
error-text-401 = Vous devez vous connecter pour accéder à cette page.
error-title-403 = Action non autorisée
error-text-403 = Vous ne pouvez pas faire cela ici.
error-title-404 = Page introuvable
error-text-404 = Il n'y a rien à cette adresse.
error-title-409 = Déjà fait
error-text-409 = Cela entre en conflit avec un élément qui existe déjà.
error-title-413 = Trop volumineux
error-text-413 = Ce qui a été envoyé dépasse la taille acceptée par cette instance.
error-title-422 = Veuillez vérifier le formulaire
error-text-422 = Une partie de ce qui a été saisi ne peut pas être utilisée.
error-title-429 = Trop de tentatives
error-text-429 = Veuillez patienter un peu, puis réessayer.
error-title-500 = Une erreur s'est produite
error-text-500 = C'est de notre faute, pas de la vôtre. Veuillez réessayer dans un instant.
error-back-home = Retour à la page d'accueil

## Messages du serveur

sign-in-invalid = Nom d'utilisateur, adresse e-mail ou mot de passe incorrect.
sign-up-closed = Cette instance n'accepte pas les inscriptions. Demandez un compte à son administration.
authorize-denied = Vous n'avez pas autorisé l'application.

## A post card's buttons

post-reply = Répondre ({ $count })
post-like = J’aime ({ $count })
post-liked = Vous aimez ({ $count })
post-boost = Partager ({ $count })
post-boosted = Partagé ({ $count })
post-delete = Supprimer
post-delete-title = Supprimer ce message ?
post-delete-question = Il disparaît ici et des serveurs qui l’ont reçu. Cette action est définitive.
post-delete-confirm = Supprimer
post-delete-cancel = Le garder
post-unknown-action = Choisissez « J’aime », « Partager » ou « Supprimer ».

## Notifications

nav-notifications = Notifications
nav-notifications-unread = Notifications ({ $count ->
        [100] 99+
       *[other] { $count }
    })
notifications-title = Notifications
notifications-new = nouveau
notifications-none = Rien pour l’instant. Quand quelqu’un vous suit, vous mentionne, aime ou partage vos messages, vous le voyez ici.
notifications-follow = <a href="{ $url }">{ $name }</a> vous suit
notifications-follow_request = <a href="{ $url }">{ $name }</a> demande à vous suivre
notifications-mention = <a href="{ $url }">{ $name }</a> vous a mentionné·e
notifications-favourite = <a href="{ $url }">{ $name }</a> aime votre message
notifications-reblog = <a href="{ $url }">{ $name }</a> a partagé votre message
notifications-status = <a href="{ $url }">{ $name }</a> a publié
notifications-collegium-remix = <a href="{ $url }">{ $name }</a> a adapté votre ressource

## Search

nav-search = Recherche
search-title = Recherche
search-title-for = Recherche : { $q }
search-label = Personnes, messages, hashtags, communautés, ressources et retours d’expérience
search-help = Un nom, un mot, #hashtag, @nom@serveur pour quelqu’un sur un autre serveur, ou l’adresse d’un message.
search-help-signed-out = Un nom, un mot ou #hashtag. Connectez-vous pour trouver des personnes et des messages sur d’autres serveurs.
search-submit = Rechercher
search-nothing = Aucun résultat pour « { $q } ».
search-people = Personnes
search-a-community = une communauté
search-posts = Messages
search-hashtags = Hashtags
search-none-here = Aucun.
search-all-communities = Chercher dans les communautés
search-all-materials = Chercher dans les ressources, avec des filtres
search-all-cases = Chercher dans les retours d’expérience, avec des filtres
search-too-long = La recherche est trop longue.

## The kind of a titled post on its card

post-kind-material = Ressource pédagogique
post-kind-case = Retour d’expérience
post-kind-thread = Discussion
post-kind-article = Article
post-kind-note = Message

## Reporting a post

post-report = Signaler
post-report-title = Signaler ce message
post-report-question = Dites à l’équipe d’animation (et au serveur de l’auteur, s’il s’agit d’un autre) ce qui ne va pas. L’auteur ne saura pas qui l’a signalé.
post-report-reason = Ce qui ne va pas
post-report-send = Envoyer le signalement
post-report-done = Merci. Le signalement a été envoyé.
post-report-back = Retour
post-report-empty = Dites ce qui ne va pas.

## Following from another server

profile-remote-follow = Suivre depuis votre propre serveur
profile-remote-follow-help = Votre serveur, par exemple mastodon.social, ou votre adresse complète @vous@votre.serveur. Vous confirmez là-bas.
profile-remote-follow-invalid = Ce n’est pas une adresse de serveur comme mastodon.social.

## Editing a post

post-edit = Modifier
post-edit-title = Modifier votre message
post-edit-help = Les serveurs qui l’ont reçu obtiennent la nouvelle version ; l’ancienne reste dans son historique.
post-edit-text = Texte
post-edit-save = Enregistrer la modification
post-edit-cancel = Annuler

## About: privacy, imprint, rules

footer-about = À propos de cette instance
about-privacy = Confidentialité
about-imprint = Mentions légales
about-contact-line = Contact : <a href="mailto:{ $email }">{ $email }</a>
privacy-default-intro = L’administration de { $instance } n’a pas encore rédigé sa propre politique de confidentialité. Voici ce que le logiciel conserve, et pourquoi :
privacy-default-account = Votre compte : nom d’utilisateur, adresse e-mail (pour vous joindre ; jamais affichée), une empreinte de votre mot de passe, votre rôle, la langue d’interface choisie et ce que vous mettez dans votre profil.
privacy-default-posts = Ce que vous publiez, aimez, partagez et signalez, et qui vous suivez, tant que vous le gardez ; supprimer un message le supprime ici et demande aux serveurs qui l’ont de le supprimer aussi.
privacy-default-federation = Les messages non privés et votre profil public vont aux serveurs des personnes qui vous suivent et des communautés où vous écrivez, comme sur tout serveur du Fediverse.
privacy-default-cookies = Cookies : un pour rester connecté, un contre les formulaires falsifiés et un pour la langue choisie. Pas de pistage, pas de publicité.
privacy-default-sign-in = Les tentatives de connexion avec l’adresse d’où elles viennent, pour peu de temps, afin d’empêcher de deviner les mots de passe.
privacy-default-rights = Vous pouvez modifier ou supprimer vos publications à tout moment ; demandez à l’administration de supprimer votre compte ou de vous remettre vos données.
sign-up-rules = Les règles ici
sign-up-agree = J’accepte les règles et j’ai lu la <a href="{ $url }">politique de confidentialité</a>.
sign-up-agree-needed = Veuillez accepter les règles et la politique de confidentialité.
picker-find = Chercher dans la liste
picker-chosen = Choisi : { $list }
picker-nothing-chosen = Rien n’est encore choisi.
picker-no-match = Rien dans la liste ne correspond à votre saisie.
sign-in-pending = Votre compte attend l’approbation d’un administrateur ; vous pourrez vous connecter une fois approuvé.
sign-in-suspended = Ce compte est suspendu. Écrivez aux administrateurs de cette instance pour en connaître la raison.
sign-up-reason = Pourquoi souhaitez-vous nous rejoindre ?
sign-up-reason-help = Un administrateur le lit avant d’approuver votre compte : par exemple votre établissement et ce que vous enseignez.
sign-up-reason-needed = Dites en quelques mots pourquoi vous souhaitez nous rejoindre (1 000 caractères au plus).
sign-up-waiting = Merci. Votre compte attend l’approbation d’un administrateur ; vous pourrez vous connecter une fois approuvé.
invalid-too-long = { $field } : { $max } caractères au maximum, s’il vous plaît.
invalid-too-many = { $field } : { $max } entrées au maximum, s’il vous plaît.
invalid-item-too-long = Une entrée de « { $field } » est trop longue.
invalid-blank = { $field } : ce champ doit être rempli.
invalid-choose = { $field } : veuillez en choisir un.
invalid-not-in-list = { $field } : « { $value } » ne fait pas partie des choix.
invalid-link = « { $value } » n’est pas une adresse web (elle doit commencer par http:// ou https://).
invalid-duration = « { $value } » n’est pas une durée lisible : choisissez-en une dans la liste ou indiquez des minutes, par exemple 45.
invalid-material-description-blank = Décrivez la ressource en quelques phrases : ce qu’elle est et comment l’utiliser.
invalid-case-summary-blank = Résumez en quelques phrases ce qui a été essayé et ce qui en est résulté.
invalid-case-intervention-blank = Dites ce qui a été fait, avec quelle pédagogie et quelles activités.
invalid-original-unknown = La ressource adaptée ici ne nous est pas connue.
invalid-original-itself = Une ressource ne peut pas être une adaptation d’elle-même.
invalid-file-id = L’un des fichiers à retirer n’appartient pas à cette ressource.
invalid-material-ambiguous = Plusieurs ressources s’appellent « { $value } » : indiquez plutôt son adresse.
invalid-material-unknown = « { $value } » n’est pas une ressource pédagogique connue : indiquez son titre, son adresse ou son numéro.
invalid-language-tag = « { $value } » n’est pas un code de langue comme de ou pt-BR.
invalid-country = Choisissez le pays dans la liste.
invalid-username = Un nom d’utilisateur compte au plus { $max } caractères : lettres, chiffres et tirets bas, avec des points ou des tirets seulement entre eux.
invalid-community-name = L’adresse d’une communauté compte au plus { $max } caractères : lettres, chiffres et tirets bas, avec des points ou des tirets seulement entre eux.
invalid-email = « { $value } » n’est pas une adresse e-mail.
invalid-password-length = Le mot de passe doit compter au moins { $min } caractères.
invalid-username-taken = Le nom d’utilisateur { $value } est déjà pris.
invalid-name-or-email-taken = Ce nom d’utilisateur ou cette adresse e-mail est déjà pris.
field-name = Titre
field-description = Description
field-body = Texte
field-authors = Auteurs
field-resource-types = Types de ressource
field-levels = Niveaux d’enseignement
field-level = Niveau d’enseignement
field-school-subjects = Matières scolaires
field-school-subject = Matière scolaire
field-subjects = Domaines d’études
field-subject = Domaine d’études
field-teaches = Compétences enseignées
field-licence = Licence
field-links = Liens
field-title = Titre
field-summary = Résumé
field-context = Contexte
field-problem = Problème ou besoin
field-intervention = Intervention
field-ict-tools = TIC et outils
field-actors = Acteurs et rôles
field-barriers = Obstacles
field-enablers = Facteurs de réussite
field-evidence-kinds = Types de preuves
field-evidence = Type de preuve
field-evidence-indicators = Preuves d’impact
field-evidence-links = Liens vers les preuves
field-costs = Coûts et ressources
field-transfer = Conditions de transfert
field-stage = Étape
field-sector = Secteur
field-country = Pays
field-region = Région
field-digcompedu = Compétences numériques (DigCompEdu)
field-selfie = Domaines SELFIE
field-materials = Ressources pédagogiques liées
field-contact = Contact
field-text = Texte
field-content-warning = Avertissement de contenu
field-rules = Règles
field-display-name = Nom affiché
field-bio = À propos de vous
field-education-levels = Niveaux d’enseignement
field-languages = Langues
field-language = Langue
field-school = Établissement
field-topic = Thèmes
field-type = Type de ressource
field-remove-files = Fichiers à retirer
field-time-required = Durée nécessaire
invalid-picture-local = Téléversez l’image sur la page des réglages au lieu de donner l’adresse d’un fichier d’ici.
invalid-not-an-image = Le fichier n’est pas une image acceptée : PNG, JPEG, GIF ou WebP.
invalid-file-kind = « { $value } » n’est pas un type de fichier accepté : PDF, documents bureautiques, images, audio, vidéo, archives ou texte brut.
invalid-files-at-once = On peut envoyer au plus { $max } fichiers à la fois.
invalid-too-many-files = Une ressource peut avoir au plus { $max } fichiers et liens.
