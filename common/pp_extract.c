/* placeholder until issue 3 lands: no entities yet */
#include "pp_extract.h"

void pp_extract_entities(pp_record *r, const pp_lexicon *lex) { (void)r, (void)lex; }
