/* pp_header_people.h - the people a release names by its layout.
 *
 * A letterhead names who issues the release ("THE HON JANE ROE MP /
 * Minister for Harbours"), a title line names who speaks ("Statement by
 * the Minister for Harbours, Jane Roe", "Transcript of interview with John
 * Doe"), and a transcript names its speakers by labels ("JOHN DOE: Thank
 * you."). Each is a participant, with the role the letterhead gives.
 * pp_release_add_header_people() runs after the entity extraction and
 * merges with a participant of the same name (filling an empty role)
 * instead of adding a second one.
 */
#ifndef PP_HEADER_PEOPLE_H
#define PP_HEADER_PEOPLE_H

#include "pp_lang.h"
#include "pp_record.h"

/* Reads r->letterhead (the header lines the parser kept), the headline,
 * the first short paragraphs and the transcript's turns; adds or completes
 * participants. A NULL pack reads nothing. */
void pp_release_add_header_people(pp_record *r, const pp_lang *pack);

#endif
