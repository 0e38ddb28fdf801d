/* pp_date.h - calendar dates as press releases print them.
 *
 * Recognised: "3 March 2011", "3 MARCH 2011", "3 March, 2011",
 * "March 03, 2011", "Mar. 3, 2011", "3 Mar 2011", "3rd of March 2011",
 * "2011-03-03", each optionally after a weekday ("Thursday, March 3,
 * 2011"), and the same forms without a year ("3 March", "Mar. 3").
 *
 * Numeric dates ("14/06/2015", "30-04-2011", "13.01.2016", "5.7.91") are
 * read only on request (PP_DATE_NUMERIC), because a line of figures is
 * more often a reference or a score than a date. The rule: day first, as
 * most of the world writes them; month first only when the caller says the
 * text is American (PP_DATE_MONTH_FIRST: a US dateline or site); and either
 * way, when one of the first two numbers is over 12 it is the day
 * ("06/14/2015" is 14 June wherever it stands). A two-digit year is 19YY
 * from 50 up, else 20YY.
 */
#ifndef PP_DATE_H
#define PP_DATE_H

#include <stddef.h>

typedef struct {
  int y; /* 0: the text gives no year */
  int m; /* 1..12 */
  int d; /* 1..31 */
} pp_ymd;

/* Matches a date starting exactly at s (n bytes). Returns the bytes it
 * spans, or 0. */
size_t pp_date_match(const char *s, size_t n, pp_ymd *out);

/* Finds the first date in s[0..n) that starts at a word boundary; returns 1
 * and its offset and length, or 0. With need_year, dates without a year
 * are passed over. */
int pp_date_find(const char *s, size_t n, int need_year, pp_ymd *out, size_t *off, size_t *len);

enum { PP_DATE_NEED_YEAR = 1, PP_DATE_NUMERIC = 2, PP_DATE_MONTH_FIRST = 4 };

/* pp_date_find() with flags (PP_DATE_*). */
int pp_date_find_ex(const char *s, size_t n, int flags, pp_ymd *out, size_t *off, size_t *len);

/* A numeric date d/m/y (or m/d/y with month_first) starting at s: "/", "."
 * or "-" between the parts, a year of 2 or 4 digits. Returns bytes or 0. */
size_t pp_date_match_numeric(const char *s, size_t n, int month_first, pp_ymd *out);

/* 1 when y-m-d is a real calendar day (y > 0). */
int pp_date_valid(int y, int m, int d);

/* Writes YYYY-MM-DD; returns 0, or -1 when the date has no year or is not
 * a real day. */
int pp_date_iso(const pp_ymd *d, char out[11]);

#endif
