/* pp_dateline.h - reading a dateline and the case of place names
 * (pp_dateline.c). Declared for the parser and the unit tests; the
 * functions are also exported through pp_release.h. */
#ifndef PP_DATELINE_H
#define PP_DATELINE_H

#include <stddef.h>

/* pp_dateline_match() reads a dateline at the start of s: on success
 * returns the bytes it spans (separator included) and sets *place (caller
 * frees; ordinary capitalisation) and *date (y = 0 when no year, m = 0 when
 * no date). */
size_t pp_dateline_match(const char *s, char **place, int *y, int *m, int *d);

/* "VELMORA" -> "Velmora", "PORT VELA SAR" -> "Port Vela SAR" (caller frees). */
char *pp_place_case(const char *s, size_t n);

#endif
