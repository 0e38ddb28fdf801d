/* pp_lexicon.h - the word lists and gazetteer extraction reads (data/),
 * loaded once per run.
 *
 * pp_lexicon_load(dir) reads the data files of dir (NULL: $PRESSPIPE_DATADIR,
 * else the installed PP_DATADIR, else the source tree's data/) and the
 * country names of Debian's iso-codes. On failure returns NULL with *e set.
 */
#ifndef PP_LEXICON_H
#define PP_LEXICON_H

#include "pp_util.h"

typedef struct pp_lexicon pp_lexicon;

pp_lexicon *pp_lexicon_load(const char *dir, pp_error *e);
void pp_lexicon_free(pp_lexicon *lex);

/* The ISO 3166-1 alpha-2 code of a country name (iso-codes' name,
 * common_name or official_name, or an alias of data/country-aliases.tsv;
 * ASCII case and spacing ignored), or NULL; NULL for a NULL lex or name. */
const char *pp_lexicon_country_code(const pp_lexicon *lex, const char *name);

#endif
