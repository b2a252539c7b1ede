## The settings pages: profile, account, preferences

nav-settings = Ajustes
settings-title = Ajustes
settings-nav-label = Secciones de los ajustes
settings-nav-profile = Perfil
settings-nav-account = Cuenta
settings-nav-preferences = Preferencias
settings-saved = Guardado.
settings-save = Guardar

## Profile

settings-profile-title = Tu perfil
settings-profile-not-saved = Tu perfil no se ha guardado. Revisa esto:
settings-profile-view = Ver tu perfil público
settings-display-name = Nombre visible
settings-display-name-help = El nombre que ven tus colegas, hasta { $max } caracteres. Si lo dejas vacío, aparecerás con tu nombre de usuario.
settings-bio = Sobre ti
settings-bio-help = Unas frases sobre ti y tu docencia, hasta { $max } caracteres. Una línea en blanco empieza un párrafo nuevo.
settings-teaching = Tu docencia
settings-education-levels = Niveles educativos
settings-languages = Idiomas en los que enseñas o trabajas
settings-list-help = Separa varias entradas con comas.
settings-school = Centro educativo
settings-region = Región
settings-country = País

## Account

settings-account-title = Tu cuenta
settings-username = Nombre de usuario
settings-email = Correo electrónico
settings-email-help = Inicias sesión con esta dirección y en ella te contactan los administradores.
settings-password-heading = Cambiar la contraseña
settings-password-current = Contraseña actual
settings-password-new = Contraseña nueva
settings-password-new-help = Al menos { $min } caracteres.
settings-password-again = Repite la contraseña nueva
settings-password-submit = Cambiar la contraseña
settings-password-wrong = La contraseña actual no es correcta. Tu contraseña no se ha cambiado.
settings-password-mismatch = Las dos contraseñas nuevas no coinciden. Tu contraseña no se ha cambiado.
settings-password-length = La contraseña nueva debe tener entre { $min } y { $max } caracteres. Tu contraseña no se ha cambiado.
settings-password-wait = Demasiadas contraseñas incorrectas. Espera { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    } y vuelve a intentarlo.

## Preferences

settings-preferences-title = Preferencias
settings-language = Idioma de la interfaz
settings-language-browser = El idioma de mi navegador
settings-language-help = Las páginas aparecen en este idioma siempre que inicias sesión, en cualquier dispositivo.
settings-language-unknown = Elige uno de los idiomas de la lista.
settings-school-subjects = Asignaturas que impartes
settings-school-subjects-help = Por ellas te encuentran tus colegas. Escribe en la casilla para acortar la lista.
settings-other-subjects = Otras asignaturas, con tus propias palabras
settings-other-subjects-help = Lo que la lista de arriba no tiene, como una materia propia de tu centro. Separa varias con comas.
settings-country-none = Sin indicar
settings-found = Que te encuentren
settings-discoverable = Mostrar mi perfil en el directorio y sugerirlo a otras personas
settings-indexable = Permitir que mis publicaciones públicas aparezcan en las búsquedas
settings-pictures = Imágenes
settings-pictures-help = PNG, JPEG, GIF o WebP, hasta { $size } cada una.
settings-avatar = Foto de perfil
settings-header = Imagen de cabecera
settings-avatar-now = Tu foto de perfil actual
settings-header-now = Tu imagen de cabecera actual
settings-picture-none = Todavía ninguna.
settings-picture-file = Elige una imagen
settings-picture-upload = Subir
settings-picture-remove = Quitar
settings-picture-which = Indica qué imagen cambiar: la foto de perfil o la de cabecera.
settings-picture-choose = Elige primero una imagen para subir.
settings-time-zone = Zona horaria
settings-time-zone-utc = UTC (ninguna elegida)
settings-time-zone-help = Las fechas y horas de las páginas se muestran en ella.
settings-time-zone-use = Usar la zona horaria de este dispositivo ({ $zone })
settings-time-zone-unknown = Elige una zona horaria de la lista.
settings-default-visibility = Quién puede ver tus nuevas publicaciones, salvo que elijas otra cosa
settings-default-visibility-help = El formulario de publicación empieza con esta opción, igual que las aplicaciones que la piden al servidor.
settings-visibility-unknown = Elige de la lista quién puede ver tus nuevas publicaciones.
settings-email-heading = Cambiar tu dirección de correo
settings-email-new = Nueva dirección de correo
settings-email-submit = Cambiar la dirección
settings-email-wrong-password = La contraseña no es correcta; la dirección no se ha cambiado.
settings-email-invalid = Eso no es una dirección de correo.
settings-email-taken = Otra persona ya usa esa dirección aquí.
settings-sessions-heading = Dónde has iniciado sesión
settings-sessions-help = Cierra la sesión de un navegador que ya no uses o que no reconozcas.
settings-session-unknown-browser = Un navegador desconocido
settings-session-this-browser = este navegador
settings-session-since = sesión iniciada el { $date }
settings-session-end = Cerrar sesión
settings-session-end-label = Cerrar la sesión de { $browser }, iniciada el { $date }
settings-apps-heading = Aplicaciones que pueden actuar por ti
settings-apps-none = Ninguna aplicación tiene acceso a tu cuenta.
settings-app-since = desde el { $date } · puede { $scopes }
settings-app-revoke = Retirar el acceso
settings-app-revoke-label = Retirar el acceso a { $name }
settings-welcome = ¡Te damos la bienvenida! Cuenta un poco de ti a tus colegas: tu nombre, qué enseñas y a quién. Todo es opcional y se puede cambiar cuando quieras.
