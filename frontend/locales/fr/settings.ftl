## The settings pages: profile, account, preferences

nav-settings = Paramètres
settings-title = Paramètres
settings-nav-label = Rubriques des paramètres
settings-nav-profile = Profil
settings-nav-account = Compte
settings-nav-preferences = Préférences
settings-saved = Enregistré.
settings-save = Enregistrer

## Profile

settings-profile-title = Votre profil
settings-profile-not-saved = Votre profil n'a pas été enregistré. Veuillez vérifier ceci :
settings-profile-view = Voir votre profil public
settings-display-name = Nom affiché
settings-display-name-help = Le nom que voient vos collègues, jusqu'à { $max } caractères. Sans nom affiché, vous apparaissez sous votre nom d'utilisateur.
settings-bio = À propos de vous
settings-bio-help = Quelques phrases sur vous et votre enseignement, jusqu'à { $max } caractères. Une ligne vide commence un nouveau paragraphe.
settings-teaching = Votre enseignement
settings-education-levels = Niveaux d'enseignement
settings-languages = Langues dans lesquelles vous enseignez ou travaillez
settings-list-help = Séparez plusieurs entrées par des virgules.
settings-school = Établissement
settings-region = Région
settings-country = Pays

## Account

settings-account-title = Votre compte
settings-username = Nom d'utilisateur
settings-email = Adresse e-mail
settings-email-help = Vous vous connectez avec cette adresse, et les administrateurs vous joignent à celle-ci.
settings-password-heading = Changer votre mot de passe
settings-password-current = Mot de passe actuel
settings-password-new = Nouveau mot de passe
settings-password-new-help = Au moins { $min } caractères.
settings-password-again = Confirmez le nouveau mot de passe
settings-password-submit = Changer le mot de passe
settings-password-wrong = Le mot de passe actuel n'est pas correct. Votre mot de passe n'a pas été modifié.
settings-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques. Votre mot de passe n'a pas été modifié.
settings-password-length = Le nouveau mot de passe doit compter entre { $min } et { $max } caractères. Votre mot de passe n'a pas été modifié.
settings-password-wait = Trop de mots de passe erronés. Veuillez patienter { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    } avant de réessayer.

## Preferences

settings-preferences-title = Préférences
settings-language = Langue de l'interface
settings-language-browser = La langue de mon navigateur
settings-language-help = Les pages s'affichent dans cette langue chaque fois que vous utilisez votre compte, sur tous vos appareils.
settings-language-unknown = Veuillez choisir l'une des langues de la liste.
settings-school-subjects = Matières que vous enseignez
settings-school-subjects-help = C’est par elles que vos collègues vous trouvent. Tapez dans le champ pour réduire la liste.
settings-other-subjects = Autres matières, avec vos propres mots
settings-other-subjects-help = Ce que la liste ci-dessus n’a pas, par exemple un cours propre à votre établissement. Séparez-en plusieurs par des virgules.
settings-country-none = Non indiqué
settings-found = Être trouvé
settings-discoverable = Afficher mon profil dans l’annuaire et le suggérer aux autres
settings-indexable = Permettre de trouver mes publications publiques par la recherche
settings-pictures = Images
settings-pictures-help = PNG, JPEG, GIF ou WebP, jusqu’à { $size } chacune.
settings-avatar = Photo de profil
settings-header = Image d’en-tête
settings-avatar-now = Votre photo de profil actuelle
settings-header-now = Votre image d’en-tête actuelle
settings-picture-none = Aucune pour l’instant.
settings-picture-file = Choisir une image
settings-picture-upload = Téléverser
settings-picture-remove = Retirer
settings-picture-which = Indiquez quelle image modifier : la photo de profil ou l’image d’en-tête.
settings-picture-choose = Choisissez d’abord une image à téléverser.
settings-time-zone = Fuseau horaire
settings-time-zone-utc = UTC (aucun choisi)
settings-time-zone-help = Les dates et heures des pages y sont affichées.
settings-time-zone-use = Utiliser le fuseau de cet appareil ({ $zone })
settings-time-zone-unknown = Choisissez un fuseau horaire dans la liste.
settings-default-visibility = Qui peut voir vos nouvelles publications, sauf choix contraire
settings-default-visibility-help = Le formulaire de publication commence avec ce choix, comme les applications qui le demandent au serveur.
settings-visibility-unknown = Choisissez dans la liste qui peut voir vos nouvelles publications.
settings-email-heading = Changer votre adresse e-mail
settings-email-new = Nouvelle adresse e-mail
settings-email-submit = Changer l’adresse
settings-email-wrong-password = Le mot de passe n’est pas le bon ; l’adresse n’a pas été changée.
settings-email-invalid = Ce n’est pas une adresse e-mail.
settings-email-taken = Quelqu’un d’autre utilise déjà cette adresse ici.
settings-sessions-heading = Où vous êtes connecté
settings-sessions-help = Déconnectez un navigateur que vous n’utilisez plus ou que vous ne reconnaissez pas.
settings-session-unknown-browser = Un navigateur inconnu
settings-session-this-browser = ce navigateur
settings-session-since = connecté le { $date }
settings-session-end = Déconnecter
settings-session-end-label = Déconnecter { $browser }, connecté le { $date }
settings-apps-heading = Applications autorisées à agir pour vous
settings-apps-none = Aucune application n’a accès à votre compte.
settings-app-since = depuis le { $date } · peut { $scopes }
settings-app-revoke = Retirer l’accès
settings-app-revoke-label = Retirer l’accès à { $name }
settings-welcome = Bienvenue ! Présentez-vous un peu à vos collègues : votre nom, ce que vous enseignez et à qui. Tout est facultatif et modifiable à tout moment.
