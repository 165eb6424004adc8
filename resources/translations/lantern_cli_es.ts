<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>argparse</name>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>%r is not callable</source>
        <translation>no se puede llamar a %r</translation>
    </message>
    <message>
        <source>&apos;required&apos; is an invalid argument for positionals</source>
        <translation>&apos;required&apos; no es un argumento válido para los posicionales</translation>
    </message>
    <message>
        <source>.__call__() not defined</source>
        <translation>.__call__() no está definido</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s puede ser %(matches)s</translation>
    </message>
    <message>
        <source>argument &quot;-&quot; with mode %r</source>
        <translation>argumento &quot;-&quot; con el modo %r</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>no se puede abrir &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
    <message>
        <source>cannot have multiple subparser arguments</source>
        <translation>no puede haber varios argumentos de subórdenes</translation>
    </message>
    <message>
        <source>cannot merge actions - two groups are named %r</source>
        <translation>no se pueden unir las acciones: dos grupos se llaman %r</translation>
    </message>
    <message>
        <source>conflicting subparser alias: %s</source>
        <translation>alias de subórden en conflicto: %s</translation>
    </message>
    <message>
        <source>conflicting subparser: %s</source>
        <translation>subórden en conflicto: %s</translation>
    </message>
    <message>
        <source>dest= is required for options like %r</source>
        <translation>dest= es obligatorio para opciones como %r</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>se esperaba al menos un argumento</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>se esperaba un argumento como máximo</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>se ignoró el argumento explícito %r</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor de tipo %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <source>invalid conflict_resolution value: %r</source>
        <translation>valor de conflict_resolution no válido: %r</translation>
    </message>
    <message>
        <source>invalid option string %(option)r: must start with a character %(prefix_chars)r</source>
        <translation>opción %(option)r no válida: debe empezar por un carácter %(prefix_chars)r</translation>
    </message>
    <message>
        <source>mutually exclusive arguments must be optional</source>
        <translation>los argumentos excluyentes entre sí deben ser opcionales</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no se permite junto con el argumento %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>hace falta uno de los argumentos %s</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>muestra la versión del programa y termina</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>faltan estos argumentos obligatorios: %s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>opción inesperada: %s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>subórden desconocida %(parser_name)r (opciones: %(choices)s)</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message numerus="yes">
        <source>conflicting option string: %s</source>
        <comment>conflicting option strings: %s</comment>
        <translation>
            <numerusform>opción en conflicto: %s</numerusform>
            <numerusform>opciones en conflicto: %s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expected %s argument</source>
        <comment>expected %s arguments</comment>
        <translation>
            <numerusform>se esperaba %s argumento</numerusform>
            <numerusform>se esperaban %s argumentos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bookmarks</name>
    <message>
        <source>Your bookmarks could not be read ({reason}). The file is left as it is, and new bookmarks are not saved over it.</source>
        <translation>No se pudieron leer sus marcadores ({reason}). El archivo se deja como está, y los marcadores nuevos no se guardan encima de él.</translation>
    </message>
    <message>
        <source>Your bookmarks file is damaged and could not be moved aside, so it is left as it is and new bookmarks are not saved over it.</source>
        <translation>Su archivo de marcadores está dañado y no se pudo apartar. Se deja como está, y los marcadores nuevos no se guardan encima de él.</translation>
    </message>
    <message>
        <source>Your bookmarks file was damaged. It was kept as {file} in {folder} and a new list was started.</source>
        <translation>Su archivo de marcadores estaba dañado. Se guardó como {file} en {folder} y se empezó una lista nueva.</translation>
    </message>
    <message>
        <source>Your bookmarks could not be saved: the bookmarks file could not be read ({reason}), and it is not written over.</source>
        <translation>No se pudieron guardar sus marcadores: el archivo de marcadores no se pudo leer ({reason}), y no se escribe encima de él.</translation>
    </message>
    <message>
        <source>Your bookmarks could not be saved ({reason}).</source>
        <translation>No se pudieron guardar sus marcadores ({reason}).</translation>
    </message>
</context>
<context>
    <name>check</name>
    <message>
        <source>{what} must be a set of &apos;field: value&apos; lines</source>
        <translation>{what} debe ser una serie de líneas &apos;campo: valor&apos;</translation>
    </message>
    <message>
        <source>did you mean &apos;{name}&apos;?</source>
        <translation>¿quiso decir &apos;{name}&apos;?</translation>
    </message>
    <message>
        <source>unknown field &apos;{key}&apos; in {what}</source>
        <translation>campo desconocido &apos;{key}&apos; en {what}</translation>
    </message>
    <message>
        <source>known fields: {names}</source>
        <translation>campos posibles: {names}</translation>
    </message>
    <message>
        <source>field &apos;{key}&apos; must be {expects}</source>
        <translation>el campo &apos;{key}&apos; debe ser {expects}</translation>
    </message>
    <message>
        <source>see docs/content-format.md</source>
        <translation>vea docs/content-format.md</translation>
    </message>
    <message>
        <source>field &apos;{key}&apos; is empty</source>
        <translation>el campo &apos;{key}&apos; está vacío</translation>
    </message>
    <message>
        <source>give it a value or remove the line</source>
        <translation>dele un valor o quite la línea</translation>
    </message>
    <message>
        <source>missing required field &apos;{key}&apos; in {what}</source>
        <translation>falta el campo obligatorio &apos;{key}&apos; en {what}</translation>
    </message>
    <message>
        <source>add a line &apos;{key}: …&apos;</source>
        <translation>añada una línea &apos;{key}: …&apos;</translation>
    </message>
    <message>
        <source>translation_of names &apos;{language}&apos;, the language of no pack loaded before this one</source>
        <translation>translation_of nombra &apos;{language}&apos;, que no es el idioma de ningún paquete cargado antes que este</translation>
    </message>
    <message>
        <source>load it on top of a pack in that language (languages loaded: {languages})</source>
        <translation>cárguelo encima de un paquete en ese idioma (idiomas cargados: {languages})</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>content folder not found</source>
        <translation>no se encuentra la carpeta de contenido</translation>
    </message>
    <message>
        <source>check the path given with --content</source>
        <translation>revise la ruta dada con --content</translation>
    </message>
    <message>
        <source>TOML error: {reason}</source>
        <translation>error de TOML: {reason}</translation>
    </message>
    <message>
        <source>lists or tables nested more than {limit} levels deep</source>
        <translation>listas o tablas anidadas a más de {limit} niveles</translation>
    </message>
    <message>
        <source>pack.toml needs only &apos;key = value&apos; lines</source>
        <translation>pack.toml solo necesita líneas &apos;clave = valor&apos;</translation>
    </message>
    <message>
        <source>pack.toml is missing</source>
        <translation>falta pack.toml</translation>
    </message>
    <message>
        <source>add one with name, language and version</source>
        <translation>cree uno con name, language y version</translation>
    </message>
    <message>
        <source>file name &apos;{name}&apos; is not a valid {kind} slug</source>
        <translation>el nombre de archivo &apos;{name}&apos; no es un slug válido de {kind}</translation>
    </message>
    <message>
        <source>use lowercase letters, digits and hyphens, e.g. my-article.md</source>
        <translation>use minúsculas, cifras y guiones, p. ej. mi-articulo.md</translation>
    </message>
    <message>
        <source>front matter sits between two &apos;---&apos; lines</source>
        <translation>la cabecera (front matter) va entre dos líneas &apos;---&apos;</translation>
    </message>
    <message>
        <source>{what} front matter</source>
        <translation>la cabecera de {what}</translation>
    </message>
    <message>
        <source>duplicate {what} slug &apos;{slug}&apos;</source>
        <translation>slug de {what} repetido: &apos;{slug}&apos;</translation>
    </message>
    <message>
        <source>already defined in {file}</source>
        <translation>ya está definido en {file}</translation>
    </message>
    <message>
        <source>article</source>
        <translation>artículo</translation>
    </message>
    <message>
        <source>article &apos;{slug}&apos;</source>
        <translation>el artículo &apos;{slug}&apos;</translation>
    </message>
    <message>
        <source>FAQ</source>
        <translation>pregunta frecuente</translation>
    </message>
    <message>
        <source>the FAQ has no answer</source>
        <translation>la pregunta frecuente no tiene respuesta</translation>
    </message>
    <message>
        <source>write the answer below the &apos;---&apos;</source>
        <translation>escriba la respuesta debajo de &apos;---&apos;</translation>
    </message>
    <message>
        <source>FAQ &apos;{slug}&apos;</source>
        <translation>la pregunta frecuente &apos;{slug}&apos;</translation>
    </message>
    <message>
        <source>page</source>
        <translation>página</translation>
    </message>
    <message>
        <source>page &apos;{name}&apos; replaces the one in {file}</source>
        <translation>la página &apos;{name}&apos; sustituye a la de {file}</translation>
    </message>
    <message>
        <source>check the indentation and the quotes</source>
        <translation>revise la sangría y las comillas</translation>
    </message>
    <message>
        <source>{problem} (entry not loaded)</source>
        <translation>{problem} (no se cargó la entrada)</translation>
    </message>
    <message>
        <source>an entry needs a few levels at most, and no alias repeated at length</source>
        <translation>una entrada necesita unos pocos niveles como mucho, y ningún alias repetido una y otra vez</translation>
    </message>
    <message>
        <source>{file} must be a list of {what}</source>
        <translation>{file} debe ser una lista de {what}</translation>
    </message>
    <message>
        <source>start each entry with &apos;- id: …&apos;</source>
        <translation>empiece cada entrada con &apos;- id: …&apos;</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>términos</translation>
    </message>
    <message>
        <source>glossary entry</source>
        <translation>una entrada del glosario</translation>
    </message>
    <message>
        <source>glossary id &apos;{id}&apos; is not valid</source>
        <translation>el id de glosario &apos;{id}&apos; no es válido</translation>
    </message>
    <message>
        <source>use lowercase letters, digits and hyphens</source>
        <translation>use minúsculas, cifras y guiones</translation>
    </message>
    <message>
        <source>duplicate glossary id &apos;{id}&apos;</source>
        <translation>id de glosario repetido: &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>first defined on line {line}</source>
        <translation>definido antes en la línea {line}</translation>
    </message>
    <message>
        <source>&apos;{id}&apos;</source>
        <comment>a glossary term, as the owner of aliases</comment>
        <translation>el término &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>glossary term &apos;{id}&apos; not loaded: its name has {count:,} characters (the limit is {limit})</source>
        <translation>no se cargó el término del glosario &apos;{id}&apos;: su nombre tiene {count:,} caracteres (el límite es {limit})</translation>
    </message>
    <message>
        <source>glossary term &apos;{id}&apos; not loaded: the glossary has more than {limit:,} names and aliases</source>
        <translation>no se cargó el término del glosario &apos;{id}&apos;: el glosario tiene más de {limit:,} nombres y alias</translation>
    </message>
    <message>
        <source>shorten the glossary</source>
        <translation>acorte el glosario</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; in &apos;{id}&apos; is already a name of &apos;{owner}&apos;</source>
        <translation>&apos;{name}&apos; en &apos;{id}&apos; ya es un nombre de &apos;{owner}&apos;</translation>
    </message>
    <message>
        <source>each name or alias may belong to one term of a language only</source>
        <translation>cada nombre o alias puede pertenecer a un solo término de cada idioma</translation>
    </message>
    <message>
        <source>each name or alias may belong to one term only</source>
        <translation type="vanished">cada nombre o alias puede pertenecer a un solo término</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>una referencia</translation>
    </message>
    <message>
        <source>duplicate reference id &apos;{id}&apos;</source>
        <translation>id de referencia repetido: &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>unknown citation key &apos;@{key}&apos;</source>
        <translation>clave de cita desconocida: &apos;@{key}&apos;</translation>
    </message>
    <message>
        <source>add it to references.yaml or correct the key</source>
        <translation>añádala a references.yaml o corrija la clave</translation>
    </message>
    <message>
        <source>link to unknown {kind} &apos;{target}&apos;</source>
        <translation>el enlace &apos;{kind}:{target}&apos; no lleva a nada que exista</translation>
    </message>
    <message>
        <source>no {kind} has that slug or id in the pack&apos;s language ({language})</source>
        <translation>ningún contenido de tipo {kind} tiene ese slug o id en el idioma del paquete ({language})</translation>
    </message>
    <message>
        <source>no {kind} has that slug or id</source>
        <translation>ningún contenido de tipo {kind} tiene ese slug o id</translation>
    </message>
    <message>
        <source>related &apos;{slug}&apos; is not an article or FAQ slug</source>
        <translation>related &apos;{slug}&apos; no es el slug de un artículo ni de una pregunta frecuente</translation>
    </message>
    <message>
        <source>see_also &apos;{other}&apos; of &apos;{id}&apos; is not a glossary id</source>
        <translation>see_also &apos;{other}&apos; de &apos;{id}&apos; no es un id del glosario</translation>
    </message>
    <message>
        <source>glossary term</source>
        <translation>término del glosario</translation>
    </message>
    <message>
        <source>&apos;translates: {target}&apos; in a pack whose language is that of the pack it translates ({language})</source>
        <translation>&apos;translates: {target}&apos; en un paquete cuyo idioma es el del paquete que traduce ({language})</translation>
    </message>
    <message>
        <source>give the pack its own language in pack.toml, or remove the line</source>
        <translation>dé al paquete su propio idioma en pack.toml, o quite la línea</translation>
    </message>
    <message>
        <source>&apos;translates: {target}&apos; names no {what} of the &apos;{language}&apos; pack</source>
        <translation>&apos;translates: {target}&apos; no nombra nada de tipo {what} en el paquete &apos;{language}&apos;</translation>
    </message>
    <message>
        <source>give the slug or id of the {what} this one translates</source>
        <translation>dé el slug o id del contenido de tipo {what} que este traduce</translation>
    </message>
    <message>
        <source>&apos;{target}&apos; is translated twice</source>
        <translation>&apos;{target}&apos; está traducido dos veces</translation>
    </message>
    <message>
        <source>already translated by {file}</source>
        <translation>ya lo traduce {file}</translation>
    </message>
    <message>
        <source>reference &apos;{id}&apos; is never cited</source>
        <translation>la referencia &apos;{id}&apos; no se cita nunca</translation>
    </message>
    <message>
        <source>cite it with [@{id}] or remove it</source>
        <translation>cítela con [@{id}] o quítela</translation>
    </message>
    <message>
        <source>the {name} page is missing</source>
        <translation>falta la página {name}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>a list of text, like [a, b]</source>
        <translation>una lista de textos, como [a, b]</translation>
    </message>
    <message>
        <source>a date written YYYY-MM-DD</source>
        <translation>una fecha escrita AAAA-MM-DD</translation>
    </message>
    <message>
        <source>a web address starting with https://</source>
        <translation>una dirección web que empiece por https://</translation>
    </message>
    <message>
        <source>put the text after the colon, in quotes if it contains a colon</source>
        <translation>ponga el texto después de los dos puntos, entre comillas si contiene dos puntos</translation>
    </message>
    <message>
        <source>only http and https links are shown; give a DOI instead if there is one</source>
        <translation>solo se muestran enlaces http y https; si hay un DOI, dé el DOI</translation>
    </message>
    <message>
        <source>write a list like [first, second]</source>
        <translation>escriba una lista como [primero, segundo]</translation>
    </message>
    <message>
        <source>for example 2026-11-22</source>
        <translation>por ejemplo 2026-11-22</translation>
    </message>
    <message>
        <source>a year, like 2021</source>
        <translation>un año, como 2021</translation>
    </message>
    <message>
        <source>a list of {family, given} or {literal}</source>
        <translation>una lista de {family, given} o {literal}</translation>
    </message>
    <message>
        <source>a date, like 2026-11-22</source>
        <translation>una fecha, como 2026-11-22</translation>
    </message>
    <message>
        <source>did you mean &apos;reviewed&apos; (the day the facts were last checked)?</source>
        <translation>¿quiso decir &apos;reviewed&apos; (el día en que se revisaron los datos por última vez)?</translation>
    </message>
    <message>
        <source>did you mean &apos;topics&apos;?</source>
        <translation>¿quiso decir &apos;topics&apos;?</translation>
    </message>
    <message>
        <source>did you mean &apos;summary&apos;?</source>
        <translation>¿quiso decir &apos;summary&apos;?</translation>
    </message>
    <message>
        <source>did you mean &apos;aliases&apos; (other names a reader may search for)?</source>
        <translation>¿quiso decir &apos;aliases&apos; (otros nombres que un lector puede buscar)?</translation>
    </message>
    <message>
        <source>Lantern has no drafts: keep the file out of the pack until it is ready</source>
        <translation>Lantern no tiene borradores: deje el archivo fuera del paquete hasta que esté listo</translation>
    </message>
    <message>
        <source>the file name is the slug: rename the file instead</source>
        <translation>el nombre del archivo es el slug: cambie el nombre del archivo</translation>
    </message>
    <message>
        <source>articles name no author; cite the sources with [@key] instead</source>
        <translation>los artículos no nombran autor; cite las fuentes con [@clave]</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte 0x{byte:02x})</source>
        <translation>no es texto UTF-8 (byte 0x{byte:02x})</translation>
    </message>
    <message>
        <source>save the file with UTF-8 encoding</source>
        <translation>guarde el archivo con la codificación UTF-8</translation>
    </message>
    <message>
        <source>file contains NUL bytes</source>
        <translation>el archivo contiene bytes NUL</translation>
    </message>
    <message>
        <source>is this a binary file? content files are plain text</source>
        <translation>¿es un archivo binario? los archivos de contenido son texto plano</translation>
    </message>
    <message>
        <source>split it; the limit is {limit:,} bytes</source>
        <translation>divídalo; el límite es de {limit:,} bytes</translation>
    </message>
    <message>
        <source>cannot read file: {reason}</source>
        <translation>no se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>check its permissions</source>
        <translation>revise sus permisos</translation>
    </message>
    <message>
        <source>not a regular file (a folder, pipe, device or socket)</source>
        <translation>no es un archivo normal (es una carpeta, una tubería, un dispositivo o un socket)</translation>
    </message>
    <message>
        <source>content files are plain text files</source>
        <translation>los archivos de contenido son archivos de texto plano</translation>
    </message>
    <message>
        <source>file is too large ({size:,} bytes)</source>
        <translation>el archivo es demasiado grande ({size:,} bytes)</translation>
    </message>
    <message>
        <source>file is too large (more than {limit:,} bytes)</source>
        <translation>el archivo es demasiado grande (más de {limit:,} bytes)</translation>
    </message>
    <message>
        <source>this file is a link to a file outside the pack</source>
        <translation>este archivo es un enlace a un archivo de fuera del paquete</translation>
    </message>
    <message>
        <source>copy the file into the pack, so the pack shows what it holds</source>
        <translation>copie el archivo dentro del paquete, para que el paquete muestre lo que contiene</translation>
    </message>
    <message>
        <source>line of {count:,} characters; the limit is {limit:,} characters</source>
        <translation>línea de {count:,} caracteres; el límite es de {limit:,} caracteres</translation>
    </message>
    <message>
        <source>break it into paragraphs</source>
        <translation>divídala en párrafos</translation>
    </message>
    <message>
        <source>{count:,} headings; the limit is {limit:,} headings per page</source>
        <translation>{count:,} títulos; el límite es de {limit:,} títulos por página</translation>
    </message>
    <message>
        <source>split it into several pages</source>
        <translation>divídala en varias páginas</translation>
    </message>
    <message>
        <source>{owner} has {count:,} aliases; the limit is {limit} aliases (the first {limit} are used)</source>
        <translation>{owner} tiene {count:,} alias; el límite es de {limit} alias (se usan los {limit} primeros)</translation>
    </message>
    <message>
        <source>keep the names readers really use</source>
        <translation>deje los nombres que los lectores usan de verdad</translation>
    </message>
    <message>
        <source>an alias of {owner} has {count:,} characters; the limit is {limit} characters (not used)</source>
        <translation>un alias de {owner} tiene {count:,} caracteres; el límite es de {limit} caracteres (no se usa)</translation>
    </message>
    <message>
        <source>{file} must be a list of references</source>
        <translation>{file} debe ser una lista de referencias</translation>
    </message>
    <message>
        <source>start each entry with &apos;- id: …&apos;, or put the list under &apos;references:&apos;</source>
        <translation>empiece cada entrada con &apos;- id: …&apos;, o ponga la lista bajo &apos;references:&apos;</translation>
    </message>
    <message>
        <source>JSON error: {reason}</source>
        <translation>error de JSON: {reason}</translation>
    </message>
    <message>
        <source>export the file again, or check the commas and quotes</source>
        <translation>exporte el archivo otra vez, o revise las comas y las comillas</translation>
    </message>
    <message>
        <source>a CSL-JSON file must be a list of references</source>
        <translation>un archivo CSL-JSON debe ser una lista de referencias</translation>
    </message>
    <message>
        <source>export it again as CSL JSON</source>
        <translation>expórtelo otra vez como CSL JSON</translation>
    </message>
    <message>
        <source>BibTeX error: this entry could not be read</source>
        <translation>error de BibTeX: no se pudo leer esta entrada</translation>
    </message>
    <message>
        <source>check its braces, and the commas between its fields</source>
        <translation>revise sus llaves y las comas entre sus campos</translation>
    </message>
    <message>
        <source>reference &apos;{id}&apos; has no author</source>
        <translation>la referencia &apos;{id}&apos; no tiene autor</translation>
    </message>
    <message>
        <source>add author: [{family: …, given: …}] or [{literal: Organisation}]</source>
        <translation>añada author: [{family: …, given: …}] o [{literal: Organización}]</translation>
    </message>
    <message>
        <source>reference &apos;{id}&apos; has neither DOI nor URL</source>
        <translation>la referencia &apos;{id}&apos; no tiene DOI ni URL</translation>
    </message>
    <message>
        <source>readers need a way to find the work</source>
        <translation>los lectores necesitan una forma de encontrar la obra</translation>
    </message>
    <message>
        <source>the link of reference &apos;{id}&apos; is too long for a QR code ({count:,} bytes; a QR code holds {limit:,})</source>
        <translation>el enlace de la referencia &apos;{id}&apos; es demasiado largo para un código QR ({count:,} bytes; un código QR admite {limit:,})</translation>
    </message>
    <message>
        <source>give a shorter address; no QR code is shown</source>
        <translation>dé una dirección más corta; no se muestra código QR</translation>
    </message>
    <message>
        <source>YAML nested more than {limit} levels deep</source>
        <translation>YAML anidado a más de {limit} niveles</translation>
    </message>
    <message>
        <source>YAML aliases (*name) or values expand to more than {limit:,} values</source>
        <translation>los alias (*nombre) o valores de YAML se expanden a más de {limit:,} valores</translation>
    </message>
    <message>
        <source>YAML aliases (*name) expand to more than {limit:,} characters</source>
        <translation>los alias (*nombre) de YAML se expanden a más de {limit:,} caracteres</translation>
    </message>
    <message>
        <source>not valid YAML</source>
        <translation>YAML no válido</translation>
    </message>
    <message>
        <source>YAML error: {reason}</source>
        <translation>error de YAML: {reason}</translation>
    </message>
    <message>
        <source>no front matter: the file must start with a line &apos;---&apos;</source>
        <translation>falta la cabecera (front matter): el archivo debe empezar con una línea &apos;---&apos;</translation>
    </message>
    <message>
        <source>front matter must be a set of &apos;field: value&apos; lines</source>
        <translation>la cabecera (front matter) debe ser una serie de líneas &apos;campo: valor&apos;</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>lantern: content folder not found: {folder}</source>
        <translation>lantern: no se encuentra la carpeta de contenido: {folder}</translation>
    </message>
    <message>
        <source>lantern: {reason}</source>
        <translation>lantern: {reason}</translation>
    </message>
    <message>
        <source>lantern: checking the add-on on its own ({reason})</source>
        <translation>lantern: se revisa el complemento solo ({reason})</translation>
    </message>
    <message>
        <source>{articles}, {faqs}, {terms}, {references}, {pages}: {errors}, {warnings}</source>
        <translation>{articles}, {faqs}, {terms}, {references}, {pages}: {errors}, {warnings}</translation>
    </message>
    <message>
        <source>indexing [{bar}] {done}/{total}</source>
        <translation>indexando [{bar}] {done}/{total}</translation>
    </message>
    <message>
        <source>memory (the cache folder is in use or not writable)</source>
        <translation>memoria (la carpeta de caché está en uso o no se puede escribir en ella)</translation>
    </message>
    <message numerus="yes">
        <source>index ready: {n} document in {where} ({seconds:.2f} s)</source>
        <comment>index ready: {n} documents in {where} ({seconds:.2f} s)</comment>
        <translation>
            <numerusform>índice listo: {n} documento en {where} ({seconds:.2f} s)</numerusform>
            <numerusform>índice listo: {n} documentos en {where} ({seconds:.2f} s)</numerusform>
        </translation>
    </message>
    <message>
        <source>index digest: {digest}</source>
        <translation>huella del índice: {digest}</translation>
    </message>
    <message>
        <source>lantern: the window cannot open here:</source>
        <translation>lantern: la ventana no se puede abrir aquí:</translation>
    </message>
    <message>
        <source>(lantern doctor checks everything else too)</source>
        <translation>(lantern doctor revisa también todo lo demás)</translation>
    </message>
    <message>
        <source>examples:
  lantern                          open the window on the bundled content
  lantern search DMN               search from the terminal
  echo &quot;is ketamine safe&quot; | lantern search --json
  lantern check my-clinic-pack     validate a content pack
  lantern --content my-clinic-pack --watch   preview a pack while editing it
  lantern index                    build the search index ahead of time
  lantern doctor                   check Qt, content, index and folders (for IT)
  lantern kiosk                    full screen for a clinic waiting room (docs/kiosk.md)
  lantern kiosk --set-pin          set the staff PIN that leaves kiosk mode
  lantern desktop install          put Lantern in the desktop&apos;s application menu

environment:
  LANTERN_CONTENT_DIR   content pack to open instead of the bundled one
  LANTERN_CACHE_DIR     where the search index is kept
  LANTERN_CONFIG_DIR    where settings are kept
  LANTERN_LOG_DIR       where the window writes lantern.log
</source>
        <translation>ejemplos:
  lantern                          abre la ventana con el contenido incluido
  lantern search RND               busca desde la terminal
  echo &quot;es segura la ketamina&quot; | lantern search --json
  lantern check paquete-clinica    valida un paquete de contenido
  lantern --content paquete-clinica --watch   vista previa de un paquete mientras se edita
  lantern index                    crea el índice de búsqueda de antemano
  lantern doctor                   revisa Qt, contenido, índice y carpetas (para TI)
  lantern kiosk                    pantalla completa para una sala de espera (docs/kiosk.md)
  lantern kiosk --set-pin          fija el PIN del personal para salir del modo quiosco
  lantern desktop install          pone Lantern en el menú de aplicaciones del escritorio

variables de entorno:
  LANTERN_CONTENT_DIR   paquete de contenido que se abre en lugar del incluido
  LANTERN_CACHE_DIR     dónde se guarda el índice de búsqueda
  LANTERN_CONFIG_DIR    dónde se guarda la configuración
  LANTERN_LOG_DIR       dónde escribe la ventana lantern.log
</translation>
    </message>
    <message>
        <source>content pack folder (repeat to add packs); default: the bundled pack</source>
        <translation>carpeta de un paquete de contenido (repítala para añadir paquetes); si no, el paquete incluido</translation>
    </message>
    <message>
        <source>content pack folder</source>
        <translation>carpeta del paquete de contenido</translation>
    </message>
    <message>
        <source>language of the window and its messages: {codes} (default: the system&apos;s)</source>
        <translation>idioma de la ventana y de los mensajes: {codes} (si no, el del sistema)</translation>
    </message>
    <message>
        <source>not a whole number: {text!r}</source>
        <translation>no es un número entero: {text!r}</translation>
    </message>
    <message>
        <source>must be at least 1, not {value}</source>
        <translation>debe ser 1 como mínimo, no {value}</translation>
    </message>
    <message>
        <source>{text!r} is not a Lantern address (they look like {example})</source>
        <translation>{text!r} no es una dirección de Lantern (son como {example})</translation>
    </message>
    <message>
        <source>Lantern: an offline reader about psychedelic-assisted therapy.</source>
        <translation>Lantern: un lector sin conexión sobre la terapia asistida con psicodélicos.</translation>
    </message>
    <message>
        <source>page to open, e.g. {example} (a Lantern already running opens it in its window)</source>
        <translation>página que abrir, p. ej. {example} (si Lantern ya está abierto, la abre en su ventana)</translation>
    </message>
    <message>
        <source>live preview for authors: check and reload the packs when a file is saved</source>
        <translation>vista previa para autores: revisa y vuelve a cargar los paquetes al guardar un archivo</translation>
    </message>
    <message>
        <source>search and print results</source>
        <translation>busca y muestra los resultados</translation>
    </message>
    <message>
        <source>Search the content. With no QUERY, read one query per line from standard input and print one JSON line each.</source>
        <translation>Busca en el contenido. Sin QUERY, lee una búsqueda por línea de la entrada estándar y escribe una línea JSON por cada una.</translation>
    </message>
    <message>
        <source>what to search for</source>
        <translation>lo que se busca</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>escribe JSON</translation>
    </message>
    <message>
        <source>results to show, at least 1 (default 10)</source>
        <translation>resultados que mostrar, 1 como mínimo (10 si no se indica)</translation>
    </message>
    <message>
        <source>only results of this kind (repeatable)</source>
        <translation>solo resultados de este tipo (se puede repetir)</translation>
    </message>
    <message>
        <source>validate a content pack</source>
        <translation>valida un paquete de contenido</translation>
    </message>
    <message>
        <source>Print every problem as file:line: severity: message. Exit status 1 when any problem is an error.</source>
        <translation>Escribe cada problema como archivo:línea: gravedad: mensaje. Termina con estado 1 si algún problema es un error.</translation>
    </message>
    <message>
        <source>print the problems as one JSON document (for editors and CI)</source>
        <translation>escribe los problemas como un solo documento JSON (para editores e integración continua)</translation>
    </message>
    <message>
        <source>build or update the search index</source>
        <translation>crea o actualiza el índice de búsqueda</translation>
    </message>
    <message>
        <source>check that Lantern can run here</source>
        <translation>comprueba que Lantern puede funcionar aquí</translation>
    </message>
    <message>
        <source>Report Qt, content, index and folders, one line each. Exit status 1 when anything needs fixing.</source>
        <translation>Informa de Qt, el contenido, el índice y las carpetas, una línea cada uno. Termina con estado 1 si hay algo que arreglar.</translation>
    </message>
    <message>
        <source>open locked down for an unattended screen</source>
        <translation>abre bloqueado, para una pantalla sin vigilancia</translation>
    </message>
    <message>
        <source>Full screen, no way out without the staff PIN, and a clean start for each visitor. See docs/kiosk.md.</source>
        <translation>Pantalla completa, sin salida sin el PIN del personal, y un comienzo limpio para cada visitante. Vea docs/kiosk.md.</translation>
    </message>
    <message>
        <source>kiosk settings (default: kiosk.toml in the config folder)</source>
        <translation>configuración del quiosco (si no, kiosk.toml en la carpeta de configuración)</translation>
    </message>
    <message>
        <source>ask for a new staff PIN and save its hash in the config file</source>
        <translation>pide un PIN del personal nuevo y guarda su hash en el archivo de configuración</translation>
    </message>
    <message>
        <source>add Lantern to the application menu or remove it</source>
        <translation>añade Lantern al menú de aplicaciones o lo quita</translation>
    </message>
    <message>
        <source>Write (or remove) Lantern&apos;s launcher, icon and AppStream description in the user&apos;s XDG data folder ($XDG_DATA_HOME, by default ~/.local/share).</source>
        <translation>Escribe (o quita) el lanzador, el icono y la descripción AppStream de Lantern en la carpeta de datos XDG del usuario ($XDG_DATA_HOME, por omisión ~/.local/share).</translation>
    </message>
</context>
<context>
    <name>counts</name>
    <message numerus="yes">
        <source>{n} article</source>
        <comment>{n} articles</comment>
        <translation>
            <numerusform>{n} artículo</numerusform>
            <numerusform>{n} artículos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} FAQ</source>
        <comment>{n} FAQs</comment>
        <translation>
            <numerusform>{n} pregunta frecuente</numerusform>
            <numerusform>{n} preguntas frecuentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} question</source>
        <comment>{n} questions</comment>
        <translation>
            <numerusform>{n} pregunta</numerusform>
            <numerusform>{n} preguntas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} glossary term</source>
        <comment>{n} glossary terms</comment>
        <translation>
            <numerusform>{n} término del glosario</numerusform>
            <numerusform>{n} términos del glosario</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} reference</source>
        <comment>{n} references</comment>
        <translation>
            <numerusform>{n} referencia</numerusform>
            <numerusform>{n} referencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} page</source>
        <comment>{n} pages</comment>
        <translation>
            <numerusform>{n} página</numerusform>
            <numerusform>{n} páginas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} error</source>
        <comment>{n} errors</comment>
        <translation>
            <numerusform>{n} error</numerusform>
            <numerusform>{n} errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} warning</source>
        <comment>{n} warnings</comment>
        <translation>
            <numerusform>{n} aviso</numerusform>
            <numerusform>{n} avisos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} content problem (View › Content problems)</source>
        <comment>{n} content problems (View › Content problems)</comment>
        <translation>
            <numerusform>{n} problema del contenido (Ver › Problemas del contenido)</numerusform>
            <numerusform>{n} problemas del contenido (Ver › Problemas del contenido)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
</context>
<context>
    <name>desktop</name>
    <message>
        <source>wrote {file}</source>
        <translation>se escribió {file}</translation>
    </message>
    <message>
        <source>lantern: cannot install the launcher: {reason}</source>
        <translation>lantern: no se puede instalar el lanzador: {reason}</translation>
    </message>
    <message>
        <source>Lantern is in the application menu; it starts {command}</source>
        <translation>Lantern está en el menú de aplicaciones; inicia {command}</translation>
    </message>
    <message>
        <source>lantern: cannot remove {file}: {reason}</source>
        <translation>lantern: no se puede quitar {file}: {reason}</translation>
    </message>
    <message>
        <source>removed {file}</source>
        <translation>se quitó {file}</translation>
    </message>
    <message>
        <source>Lantern was not in the application menu (nothing in {folder})</source>
        <translation>Lantern no estaba en el menú de aplicaciones (no hay nada en {folder})</translation>
    </message>
</context>
<context>
    <name>doctor</name>
    <message>
        <source>the default</source>
        <translation>el predeterminado</translation>
    </message>
    <message>
        <source>Qt: could not start a test process ({reason})</source>
        <translation>Qt: no se pudo iniciar un proceso de prueba ({reason})</translation>
    </message>
    <message>
        <source>Qt {qt} (PySide6 {pyside}): platform plugin &apos;{platform}&apos; starts</source>
        <translation>Qt {qt} (PySide6 {pyside}): el complemento de plataforma &apos;{platform}&apos; arranca</translation>
    </message>
    <message>
        <source>exit status {code}</source>
        <translation>estado de salida {code}</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}; {second}</translation>
    </message>
    <message>
        <source>Qt: the platform plugin ({wanted}; QT_QPA_PLATFORM) cannot start: {reason}</source>
        <translation>Qt: el complemento de plataforma ({wanted}; QT_QPA_PLATFORM) no puede arrancar: {reason}</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} no es una carpeta</translation>
    </message>
    <message>
        <source>not writable ({reason})</source>
        <translation>no se puede escribir ({reason})</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>se puede escribir</translation>
    </message>
    <message>
        <source>will be created</source>
        <translation>se creará</translation>
    </message>
    <message>
        <source>no Lantern window is running</source>
        <translation>no hay ninguna ventana de Lantern abierta</translation>
    </message>
    <message>
        <source>a stale lock from process {pid} (taken over at the next start)</source>
        <translation>un bloqueo antiguo del proceso {pid} (se retoma en el próximo inicio)</translation>
    </message>
    <message>
        <source>a Lantern window is running (process {pid})</source>
        <translation>hay una ventana de Lantern abierta (proceso {pid})</translation>
    </message>
    <message>
        <source>ok  </source>
        <translation>ok   </translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FALLO</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>empaquetado</translation>
    </message>
    <message>
        <source>Lantern {version}, Python {python_version} ({python}) on {system}</source>
        <translation>Lantern {version}, Python {python_version} ({python}) en {system}</translation>
    </message>
    <message>
        <source>content: {packs}: {articles}, {faqs}, {terms}; {errors}, {warnings}</source>
        <translation>contenido: {packs}: {articles}, {faqs}, {terms}; {errors}, {warnings}</translation>
    </message>
    <message>
        <source>{content} (details: lantern check)</source>
        <translation>{content} (detalles: lantern check)</translation>
    </message>
    <message>
        <source>index: {location}: not built yet (the window builds it at its first start, or run: lantern index)</source>
        <translation>índice: {location}: aún no está creado (la ventana lo crea al abrirse por primera vez, o ejecute: lantern index)</translation>
    </message>
    <message>
        <source>index: {location}: damaged, will be rebuilt at the next start ({reason})</source>
        <translation>índice: {location}: dañado, se volverá a crear en el próximo inicio ({reason})</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>al día</translation>
    </message>
    <message>
        <source>out of date (run: lantern index)</source>
        <translation>desactualizado (ejecute: lantern index)</translation>
    </message>
    <message>
        <source>index: {location}: opens, {documents} documents, {segments} segment(s), {state}</source>
        <translation>índice: {location}: se abre, {documents} documentos, {segments} segmento(s), {state}</translation>
    </message>
    <message>
        <source>cache folder</source>
        <translation>carpeta de caché</translation>
    </message>
    <message>
        <source>config folder</source>
        <translation>carpeta de configuración</translation>
    </message>
    <message>
        <source>log folder</source>
        <translation>carpeta de registros</translation>
    </message>
    <message>
        <source>{name}: {folder} ({state})</source>
        <translation>{name}: {folder} ({state})</translation>
    </message>
    <message>
        <source>Lantern looks healthy.</source>
        <translation>Lantern parece estar bien.</translation>
    </message>
    <message numerus="yes">
        <source>{n} problem found.</source>
        <comment>{n} problems found.</comment>
        <translation>
            <numerusform>Se encontró {n} problema.</numerusform>
            <numerusform>Se encontraron {n} problemas.</numerusform>
        </translation>
    </message>
    <message>
        <source>no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so there is no screen to open the window on (start Lantern from a desktop session; the command-line tools, such as lantern search, need none)</source>
        <translation>no hay pantalla: ni DISPLAY ni WAYLAND_DISPLAY tienen valor, así que no hay dónde abrir la ventana (inicie Lantern desde una sesión de escritorio; las herramientas de línea de órdenes, como lantern search, no la necesitan)</translation>
    </message>
    <message>
        <source>no display: nothing answers on DISPLAY={display} (the X server has stopped, or the variable names one that does not exist here)</source>
        <translation>no hay pantalla: nada responde en DISPLAY={display} (el servidor X se ha detenido, o la variable nombra uno que no existe aquí)</translation>
    </message>
    <message>
        <source>missing system libraries for Qt&apos;s &apos;{platform}&apos; platform: {libraries}; install them with: {command}</source>
        <translation>faltan bibliotecas del sistema para la plataforma &apos;{platform}&apos; de Qt: {libraries}; instálelas con: {command}</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>New staff PIN (digits): </source>
        <translation>PIN del personal nuevo (cifras): </translation>
    </message>
    <message>
        <source>lantern: {problem}; nothing changed</source>
        <translation>lantern: {problem}; no se cambió nada</translation>
    </message>
    <message>
        <source>The same PIN again: </source>
        <translation>El mismo PIN otra vez: </translation>
    </message>
    <message>
        <source>lantern: the two PINs differ; nothing changed</source>
        <translation>lantern: los dos PIN no coinciden; no se cambió nada</translation>
    </message>
    <message>
        <source>lantern: cannot write {file}: {reason}</source>
        <translation>lantern: no se puede escribir {file}: {reason}</translation>
    </message>
    <message>
        <source>staff PIN saved in {file}</source>
        <translation>PIN del personal guardado en {file}</translation>
    </message>
    <message>
        <source>lantern: the kiosk cannot start: {reason} (`lantern doctor` checks the rest)</source>
        <translation>lantern: el quiosco no puede arrancar: {reason} (`lantern doctor` revisa lo demás)</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a number of seconds, not {value!r}</source>
        <translation>&apos;{key}&apos; debe ser un número de segundos, no {value!r}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be more than 0 and at most {limit}, not {value}</source>
        <translation>&apos;{key}&apos; debe ser mayor que 0 y {limit} como máximo, no {value}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be true or false, not {value!r}</source>
        <translation>&apos;{key}&apos; debe ser true o false, no {value!r}</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text in quotes, not {value!r}</source>
        <translation>&apos;{key}&apos; debe ser un texto entre comillas, no {value!r}</translation>
    </message>
    <message>
        <source>&apos;home&apos; must be a Lantern address such as &quot;{home}&quot;, not {value!r}</source>
        <translation>&apos;home&apos; debe ser una dirección de Lantern como &quot;{home}&quot;, no {value!r}</translation>
    </message>
    <message>
        <source>&apos;language&apos; must be one of {codes}, not {value!r}</source>
        <translation>&apos;language&apos; debe ser uno de {codes}, no {value!r}</translation>
    </message>
    <message>
        <source>&apos;admin_pin_hash&apos; is not a hash written by `lantern kiosk --set-pin`; the kiosk cannot be left with a PIN until it is set again</source>
        <translation>&apos;admin_pin_hash&apos; no es un hash escrito por `lantern kiosk --set-pin`; no se podrá salir del quiosco con un PIN hasta que se vuelva a fijar</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a full path (starting at the top folder), not {value!r}</source>
        <translation>&apos;{key}&apos; debe ser una ruta completa (desde la carpeta raíz), no {value!r}</translation>
    </message>
    <message>
        <source>&apos;shared_index.digest&apos; must be the sha256:… digest that `lantern index` printed, not {value!r}</source>
        <translation>&apos;shared_index.digest&apos; debe ser la huella sha256:… que mostró `lantern index`, no {value!r}</translation>
    </message>
    <message>
        <source>{why}; the kiosk starts locked, every setting at its safe default</source>
        <translation>{why}; el quiosco arranca bloqueado, con cada ajuste en su valor seguro</translation>
    </message>
    <message>
        <source>fix the file, or run `lantern kiosk --config FILE` to check it</source>
        <translation>arregle el archivo, o ejecute `lantern kiosk --config ARCHIVO` para revisarlo</translation>
    </message>
    <message>
        <source>the staff PIN on this line is still used</source>
        <translation>el PIN del personal de esta línea se sigue usando</translation>
    </message>
    <message>
        <source>the staff PIN could not be read</source>
        <translation>no se pudo leer el PIN del personal</translation>
    </message>
    <message>
        <source>no staff PIN is set</source>
        <translation>no hay PIN del personal</translation>
    </message>
    <message>
        <source>{said}: the kiosk cannot be left from the screen until the file is fixed</source>
        <translation>{said}: no se podrá salir del quiosco desde la pantalla hasta que se arregle el archivo</translation>
    </message>
    <message>
        <source>no kiosk config file; using safe defaults</source>
        <translation>no hay archivo de configuración del quiosco; se usan los valores seguros</translation>
    </message>
    <message>
        <source>without an admin PIN the kiosk cannot be left from the screen; run `lantern kiosk --set-pin`</source>
        <translation>sin un PIN de administración no se puede salir del quiosco desde la pantalla; ejecute `lantern kiosk --set-pin`</translation>
    </message>
    <message>
        <source>cannot read the kiosk config ({reason})</source>
        <translation>no se puede leer la configuración del quiosco ({reason})</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>not valid TOML ({reason})</source>
        <translation>no es TOML válido ({reason})</translation>
    </message>
    <message>
        <source>unknown table [{key}]; ignored</source>
        <translation>tabla desconocida [{key}]; se ignora</translation>
    </message>
    <message>
        <source>did you mean [{name}]?</source>
        <translation>¿quiso decir [{name}]?</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a table ([{key}]); ignored</source>
        <translation>&apos;{key}&apos; debe ser una tabla ([{key}]); se ignora</translation>
    </message>
    <message>
        <source>unknown key &apos;{key}&apos;; ignored</source>
        <translation>clave desconocida &apos;{key}&apos;; se ignora</translation>
    </message>
    <message>
        <source>did you mean &apos;{name}&apos;?</source>
        <translation>¿quiso decir &apos;{name}&apos;?</translation>
    </message>
    <message>
        <source>{error}; using the default</source>
        <translation>{error}; se usa el valor predeterminado</translation>
    </message>
    <message>
        <source>&apos;warning_seconds&apos; should be shorter than &apos;idle_seconds&apos;</source>
        <translation>&apos;warning_seconds&apos; debería ser menor que &apos;idle_seconds&apos;</translation>
    </message>
    <message>
        <source>no &apos;admin_pin_hash&apos;: the kiosk cannot be left from the screen</source>
        <translation>falta &apos;admin_pin_hash&apos;: no se puede salir del quiosco desde la pantalla</translation>
    </message>
    <message>
        <source>run `lantern kiosk --set-pin`</source>
        <translation>ejecute `lantern kiosk --set-pin`</translation>
    </message>
    <message>
        <source>the staff PIN is stored with a weaker hash than Lantern now uses</source>
        <translation>el PIN del personal está guardado con un hash más débil que el que Lantern usa ahora</translation>
    </message>
    <message>
        <source>run `lantern kiosk --set-pin` again</source>
        <translation>vuelva a ejecutar `lantern kiosk --set-pin`</translation>
    </message>
    <message>
        <source>[shared_index] names a folder but no digest: the shared index is not used</source>
        <translation>[shared_index] nombra una carpeta pero ninguna huella: no se usa el índice compartido</translation>
    </message>
    <message>
        <source>add the digest `lantern index` printed</source>
        <translation>añada la huella que mostró `lantern index`</translation>
    </message>
    <message>
        <source>the PIN must be at least {count} digits (0-9), nothing else</source>
        <translation>el PIN debe tener {count} cifras como mínimo (0-9), y nada más</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>All articles</source>
        <translation>Todos los artículos</translation>
    </message>
    <message>
        <source>All questions</source>
        <translation>Todas las preguntas</translation>
    </message>
    <message>
        <source>All glossary terms</source>
        <translation>Todos los términos del glosario</translation>
    </message>
    <message>
        <source>Content note</source>
        <translation>Aviso de contenido</translation>
    </message>
    <message>
        <source>Continue to the article</source>
        <translation>Seguir al artículo</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Anterior</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Siguiente ›</translation>
    </message>
    <message>
        <source>Read next</source>
        <translation>Lea también</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>Appears in</source>
        <translation>Aparece en</translation>
    </message>
    <message>
        <source>Content note:</source>
        <translation>Aviso de contenido:</translation>
    </message>
    <message>
        <source>How settled is this?</source>
        <translation>¿Qué tan claro está esto?</translation>
    </message>
    <message>
        <source>Also called:</source>
        <translation>Otros nombres:</translation>
    </message>
    <message>
        <source>Not to be confused with:</source>
        <translation>No confundir con:</translation>
    </message>
    <message>
        <source>See also:</source>
        <translation>Vea también:</translation>
    </message>
    <message>
        <source>Continue reading</source>
        <translation>Siga leyendo</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Questions people ask</source>
        <translation>Preguntas frecuentes</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>{pack}: facts checked on {date}.</source>
        <translation>Datos comprobados el {date} ({pack}).</translation>
    </message>
    <message>
        <source>, et al.</source>
        <comment>after the first six authors</comment>
        <translation>, et al.</translation>
    </message>
    <message numerus="yes">
        <source>and {n} more: search for “{term}” to see them all.</source>
        <comment>and {n} more: search for “{term}” to see them all.</comment>
        <translation>
            <numerusform>y {n} página más: busque “{term}” para verla.</numerusform>
            <numerusform>y {n} páginas más: busque “{term}” para verlas todas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reviewed {date}</source>
        <translation>Revisado el {date}</translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <comment>items shown</comment>
        <translation>{first}–{last} de {total}</translation>
    </message>
    <message>
        <source>{list} (page {page} of {pages})</source>
        <translation>{list} (página {page} de {pages})</translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation>[imagen: {alt}]</translation>
    </message>
    <message>
        <source>[image]</source>
        <translation>[imagen]</translation>
    </message>
</context>
<context>
    <name>references</name>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} y {second}</translation>
    </message>
    <message>
        <source>{first} et al.</source>
        <translation>{first} et al.</translation>
    </message>
</context>
<context>
    <name>search</name>
    <message>
        <source>article</source>
        <translation>artículo</translation>
    </message>
    <message>
        <source>faq</source>
        <translation>pregunta</translation>
    </message>
    <message>
        <source>term</source>
        <translation>término</translation>
    </message>
    <message>
        <source>page</source>
        <translation>página</translation>
    </message>
    <message>
        <source>ref</source>
        <translation>referencia</translation>
    </message>
    <message>
        <source>No results.</source>
        <translation>No hay resultados.</translation>
    </message>
    <message>
        <source>Did you mean: {suggestion}</source>
        <translation>Quizá quiso decir: {suggestion}</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>psilocybin</source>
        <translation>psilocibina</translation>
    </message>
    <message>
        <source>mdma</source>
        <translation>mdma</translation>
    </message>
    <message>
        <source>ketamine</source>
        <translation>ketamina</translation>
    </message>
    <message>
        <source>microdosing</source>
        <translation>microdosis</translation>
    </message>
    <message>
        <source>brain</source>
        <translation>cerebro</translation>
    </message>
    <message>
        <source>neuroplasticity</source>
        <translation>neuroplasticidad</translation>
    </message>
    <message>
        <source>depression</source>
        <translation>depresión</translation>
    </message>
    <message>
        <source>ptsd</source>
        <translation>tept</translation>
    </message>
    <message>
        <source>safety</source>
        <translation>seguridad</translation>
    </message>
    <message>
        <source>law</source>
        <translation>leyes</translation>
    </message>
    <message>
        <source>research</source>
        <translation>investigación</translation>
    </message>
    <message>
        <source>therapy</source>
        <translation>terapia</translation>
    </message>
</context>
</TS>
