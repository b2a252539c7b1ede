# Casos de innovación: la lista (cases.html), el formulario (cases_form.html) y
# la página de un caso (cases_show.html).

## Comunes a las páginas

cases-country = País
cases-region = Región
cases-sector = Sector
cases-stage = Etapa de generalización
cases-language = Idioma
cases-kinds-of-evidence = Tipos de evidencia
cases-evidence-links = Enlaces a las evidencias
cases-licence = Licencia
cases-history = Historial
cases-verified-mark = <span class="badge verified">Verificado</span> por { $by } el <time datetime="{ $date_iso }">{ $date }</time>
cases-untitled = (sin título)
cases-place = { $region }, { $country }
cases-verified-by-someone = un dinamizador
cases-not-yours = Solo su autor puede cambiar o eliminar este caso de innovación

## Lista y búsqueda (cases.html)

cases-browse-title = Casos de innovación
cases-share = Comparte un caso
cases-sign-in-to-share = <a href="{ $url }">Inicia sesión</a> para compartir el de tu centro.
cases-browse-lead = Qué probaron los equipos de los centros, con qué herramientas, qué lo dificultó, qué hizo que funcionara, qué evidencias tienen y hasta dónde se extendió. Los dinamizadores de la comunidad en la que se publicó un caso pueden verificarlo.
cases-deleted = Se ha eliminado el caso.
cases-search-label = Buscar
cases-search-placeholder = p. ej. tabletas, tutoría entre iguales, clase invertida
cases-search-button = Buscar
cases-filter-any-country = Todos los países
cases-filter-any-sector = Todos los sectores
cases-filter-any-stage = Todas las etapas
cases-filter-level = Nivel
cases-filter-any-level = Todos los niveles
cases-filter-digcompedu = Competencia digital (DigCompEdu)
cases-filter-any-competence = Todas las competencias
cases-filter-selfie = Área SELFIE
cases-filter-any-area = Todas las áreas
cases-filter-evidence = Tipo de evidencia
cases-filter-any-evidence = Todos los tipos de evidencia
cases-filter-any-language = Todos los idiomas
cases-filter-verified = Solo casos verificados por un dinamizador
cases-filter-local = Solo casos compartidos en esta instancia
cases-clear-filters = Borrar búsqueda y filtros
cases-results = Resultados
cases-results-range = Resultados { $first }–{ $last }
cases-newest-range = Casos más recientes { $first }–{ $last }
cases-by-link = de <a href="{ $url }">{ $name }</a>
cases-by = de { $name }
cases-tags-label = Descrito como
cases-tag-stage = Etapa: { $stage }
cases-none-match = Ningún caso coincide. Prueba con otras palabras o con menos filtros.
cases-no-more = No hay más casos.
cases-none-yet = Todavía no hay casos.
cases-share-first = <a href="{ $url }">Comparte el primero</a>.
cases-pages-label = Páginas de resultados
cases-previous = Anterior
cases-next = Siguiente

## Formulario para compartir o cambiar un caso (cases_form.html)

cases-form-title-new = Comparte un caso de innovación
cases-form-title-edit = Cambiar: { $title }
cases-form-edit-lead = Al guardar se crea la versión { $version }. Las versiones anteriores se conservan en el <a href="{ $url }">historial</a>, los servidores que tienen el caso reciben la nueva y la verificación se mantiene.
cases-form-new-lead = Cuenta a otros centros lo que probó tu equipo: el problema, lo que hicisteis y con qué herramientas, qué lo dificultó, qué hizo que funcionara, qué evidencias tenéis y cuánto costó. Solo hay que rellenar los campos marcados como obligatorios; el resto ayuda a los demás a decidir si les funcionaría a ellos.
cases-form-error-help = No se ha publicado nada: corrígelo abajo y vuelve a enviar el formulario. Lo que has escrito se conserva.
cases-required = obligatorio
cases-optional = opcional
cases-form-brief = El caso en resumen
cases-form-title = Título
cases-form-title-help = Lo que otros ven en los resultados de búsqueda, p. ej. «Tutoría entre iguales con tabletas en un colegio rural de primaria».
cases-form-summary = Resumen
cases-form-summary-help = Unas pocas frases: qué se probó, con quién y qué resultados dio.
cases-form-language = Idioma del caso
cases-form-where = Dónde y para quién
cases-form-country-unset = Sin indicar
cases-form-country-help = Países de la UE y del EEE, y Suiza.
cases-form-region-help = Una región, provincia o ciudad, p. ej. «Tirol» o «Lyon».
cases-form-levels = Niveles educativos (ISCED 2011)
cases-form-what = Qué hicisteis
cases-form-context = Contexto
cases-form-context-help = El centro o entorno y el alumnado: cuántos son, qué edad tienen, cualquier particularidad.
cases-form-problem = Problema o necesidad
cases-form-problem-help = Qué queríais cambiar y por qué.
cases-form-intervention = Intervención
cases-form-intervention-help = Qué se hizo: la metodología, las actividades, durante cuánto tiempo, con qué frecuencia. Una línea en blanco empieza un párrafo nuevo.
cases-form-ict-tools = TIC y herramientas
cases-form-ict-tools-help = Separadas por comas, p. ej. «Tabletas, Padlet, Moodle». Como máximo { $max }.
cases-form-actors = Participantes y funciones
cases-form-actors-help = Quién participó y qué hizo cada uno: docentes, equipo directivo, alumnado, familias, entidades colaboradoras.
cases-form-obstacles = Qué lo dificultó y qué ayudó
cases-form-barriers = Barreras
cases-form-barriers-help = Qué lo hizo difícil y cómo lo afrontasteis.
cases-form-enablers = Facilitadores y factores de éxito
cases-form-enablers-help = Qué hizo que funcionara: apoyo, tiempo, formación, equipamiento, personas.
cases-form-evidence = Evidencias de impacto
cases-form-indicators = Indicadores y resultados
cases-form-indicators-help = Qué medisteis u observasteis y qué cambió, p. ej. «Las puntuaciones de lectura subieron un 12 % en un año».
cases-form-evidence-links-help = Una dirección web por línea (http:// o https://): un informe, los resultados de una encuesta, una evaluación. Como máximo { $max }.
cases-form-evidence-links-placeholder = https://
cases-form-spreading = Extensión
cases-form-costs = Costes y recursos
cases-form-costs-help = Dinero, equipamiento, tiempo del personal y formación que hicieron falta.
cases-form-transfer = Condiciones para la transferencia
cases-form-transfer-help = Qué necesitaría otro centro para hacer lo mismo.
cases-form-stage-choose = Elige hasta dónde se ha extendido…
cases-form-stage-help = Desde una idea aún no probada, pasando por un piloto con algunos grupos, hasta todo el centro, una región o todo el sistema educativo.
cases-form-frameworks = Marcos de referencia
cases-form-digcompedu = Competencias digitales docentes (DigCompEdu) que desarrolla
cases-form-selfie = Áreas SELFIE que aborda
cases-form-selfie-help = Las áreas de SELFIE, la herramienta de autorreflexión de la Comisión Europea para centros educativos.
cases-form-sharing = Compartir
cases-form-materials = Materiales didácticos vinculados
cases-form-materials-help = Uno por línea: el título de un material, su dirección (aquí o en otro servidor) o su número aquí. Como máximo { $max }.
cases-form-licence-choose = Elige una licencia…
cases-form-licence-help = Qué pueden hacer otros con el caso. Con una licencia Creative Commons, otras personas pueden reutilizarlo y traducirlo.
cases-form-licence-about = Sobre las licencias
cases-form-contact = Contacto
cases-form-contact-help = Cómo pueden contactar otros con el equipo, p. ej. la dirección del centro o un correo electrónico. Lo puede ver todo el mundo.
cases-form-community-fixed-link = Publicado en la comunidad <a href="{ $url }">{ $name }</a>; esto no se puede cambiar.
cases-form-community-fixed = Publicado en la comunidad { $name }; esto no se puede cambiar.
cases-form-no-community = Publicado por su cuenta, fuera de cualquier comunidad.
cases-form-community = Comunidad
cases-form-community-none = Ninguna: publicarlo por su cuenta
cases-form-community-help = Si se publica en una comunidad, sus miembros lo ven y sus dinamizadores pueden verificarlo.
cases-form-community-join = Todavía no eres miembro de ninguna comunidad: <a href="{ $url }">únete a una</a> para publicar casos en ella, donde sus dinamizadores podrán verificarlos.
cases-form-community-final = Esto no se puede cambiar después.
cases-form-public-edit = Al guardar se publica el cambio: cualquiera puede encontrar el caso y comentarlo, y llega a los servidores de tus seguidores.
cases-form-public-new = Al publicarlo se hace público: cualquiera puede encontrarlo y comentarlo, y llega a los servidores de tus seguidores y a los miembros de la comunidad.
cases-form-save = Guardar cambios
cases-form-publish = Publicar
cases-form-cancel = Cancelar

## Página de un caso (cases_show.html)

cases-notice-published = Publicado. Ahora los centros de aquí y de otros servidores pueden encontrarlo.
cases-notice-saved = Guardado como versión { $version }.
cases-notice-verified = Marcado como verificado. Se ha avisado a los miembros de la comunidad.
cases-notice-unverified = Se ha retirado la verificación.
cases-back = Casos de innovación
cases-shared-by-link = Compartido por <a href="{ $url }">{ $name }</a>
cases-shared-by = Compartido por { $name }
cases-changed = modificado el <time datetime="{ $date_iso }">{ $date }</time>
cases-in-community-link = Publicado en la comunidad <a href="{ $url }">{ $name }</a>
cases-in-community = Publicado en la comunidad { $name }
cases-from-elsewhere = Compartido desde otro servidor: <a href="{ $url }" rel="noopener noreferrer">míralo allí</a>.
cases-edit = Editar
cases-comments = Comentarios ({ $count })
cases-levels = Niveles
cases-digcompedu = Competencias digitales (DigCompEdu)
cases-selfie = Áreas SELFIE
cases-verified = Verificado
cases-verified-by = Verificado por { $by } el <time datetime="{ $date_iso }">{ $date }</time>
cases-not-yet = Todavía no
cases-version = Versión
cases-evidence-kinds-list = Tipos de evidencia: { $kinds }
cases-section-context = Contexto
cases-section-problem = Problema o necesidad
cases-section-intervention = Intervención
cases-section-ict-tools = TIC y herramientas
cases-section-actors = Participantes y funciones
cases-section-barriers = Barreras
cases-section-enablers = Facilitadores y factores de éxito
cases-section-evidence = Evidencias de impacto
cases-section-costs = Costes y recursos
cases-section-transfer = Condiciones para la transferencia
cases-section-contact = Contacto
cases-materials = Materiales didácticos
cases-on-another-server = en otro servidor
cases-material-unnamed = Un material didáctico
cases-material-elsewhere = Un material didáctico en { $host }
cases-verification = Verificación
cases-verification-done-link = <span class="badge verified">Verificado</span> por { $by } el <time datetime="{ $date_iso }">{ $date }</time>, en la comunidad <a href="{ $url }">{ $name }</a>.
cases-verification-done = <span class="badge verified">Verificado</span> por { $by } el <time datetime="{ $date_iso }">{ $date }</time>, en la comunidad { $name }.
cases-verification-pending-link = Aún no está verificado. Los dinamizadores de <a href="{ $url }">{ $name }</a> pueden verificarlo una vez que lo hayan revisado.
cases-verification-pending = Aún no está verificado. Los dinamizadores de { $name } pueden verificarlo una vez que lo hayan revisado.
cases-confirm-unverify = ¿Retirar la verificación de «{ $title }»?
cases-unverify = Retirar la verificación
cases-verify = Marcar como verificado
cases-unverify-help = Al retirarla, se avisa a los miembros de la comunidad de que el caso ya no está verificado.
cases-verify-help = Tu nombre y la fecha de hoy se muestran junto a la marca, y se avisa a los miembros de la comunidad.
cases-verification-unknown-action = Error de validación: elige «verify» o «unverify»
cases-verification-no-community = Error de validación: solo se puede verificar un caso publicado en una comunidad
cases-delete = Eliminar
cases-delete-warning = Al eliminarlo, desaparece de aquí y se avisa a los demás servidores que lo tienen. No se puede deshacer.
cases-confirm-delete = ¿Eliminar «{ $title }» definitivamente?
cases-form-school-subjects = Asignaturas
cases-form-school-subjects-help = Las asignaturas en las que se enmarca la innovación (10 como máximo). Escribe en la casilla para acortar la lista.
cases-form-subjects = Campos de educación (ISCED-F)
cases-form-subjects-help = El campo de cada asignatura elegida se añade solo; añade otros si encajan (10 como máximo).
cases-school-subjects = Asignaturas
cases-subjects = Campos de educación
cases-filter-school-subject = Asignatura
cases-filter-any-school-subject = Cualquier asignatura
cases-filter-subject = Campo de educación (ISCED-F)
cases-filter-any-subject = Cualquier campo
cases-form-materials-find = Buscar un material para enlazar
cases-form-materials-find-help = Escribe palabras de su título o descripción y elígelo entre los resultados.
cases-form-materials-link = Enlazar «{ $name }»
cases-form-materials-linked = «{ $name }» está enlazado.
cases-form-materials-already = «{ $name }» ya está enlazado.
cases-form-materials-none = Ningún material coincide con estas palabras.
