/* pp_extract.h - the people, organisations, places, works, quotes and media
 * contacts of a parsed release.
 *
 * pp_extract_entities() reads r->body (and headline, dateline, sections) and
 * fills r->participants, r->organizations, r->places, r->works, r->quotes and
 * r->contacts (which must be empty on entry). It may add r->warnings. It
 * never invents: unknown fields stay NULL.
 */
#ifndef PP_EXTRACT_H
#define PP_EXTRACT_H

#include "pp_lang.h"
#include "pp_record.h"

void pp_extract_entities(pp_record *r, const pp_lang *lex);

#endif
