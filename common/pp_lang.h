/* pp_lang.h - the word lists and gazetteer extraction reads (data/),
 * loaded once per run.
 *
 * pp_lang_load(dir) reads the data files of dir (NULL: $PRESSPIPE_DATADIR,
 * else the installed PP_DATADIR, else the source tree's data/) and the
 * country names of Debian's iso-codes. On failure returns NULL with *e set.
 */
#ifndef PP_LANG_H
#define PP_LANG_H

#include "pp_util.h"

typedef struct pp_lang pp_lang;

pp_lang *pp_lang_load(const char *dir, pp_error *e);
void pp_lang_free(pp_lang *lex);

/* The ISO 3166-1 alpha-2 code of a country name (iso-codes' name,
 * common_name or official_name, or an alias of data/en/country-aliases.tsv;
 * ASCII case and spacing ignored), or NULL; NULL for a NULL lex or name. */
const char *pp_lang_country_code(const pp_lang *lex, const char *name);

#endif
