#include "pp_date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const S_months[12][3] = {
    {"january", "jan", NULL},   {"february", "feb", NULL}, {"march", "mar", NULL},
    {"april", "apr", NULL},     {"may", NULL, NULL},       {"june", "jun", NULL},
    {"july", "jul", NULL},      {"august", "aug", NULL},   {"september", "sept", "sep"},
    {"october", "oct", NULL},   {"november", "nov", NULL}, {"december", "dec", NULL}};

static const char *const S_weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday",  NULL};

static int S_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int S_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of the word of letters at s. */
static size_t S_word(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && S_alpha(s[i])) i++;
  return i;
}

/* A month name at s: returns bytes (with an abbreviation's '.') or 0. */
static size_t S_month(const char *s, size_t n, int *m) {
  size_t w = S_word(s, n);
  if (w < 3) return 0;
  for (int i = 0; i < 12; i++)
    for (int k = 0; k < 3 && S_months[i][k]; k++)
      if (strlen(S_months[i][k]) == w && strncasecmp(s, S_months[i][k], w) == 0) {
        *m = i + 1;
        if (k > 0 && w < n && s[w] == '.') return w + 1;
        return w;
      }
  return 0;
}

static size_t S_spaces(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] == ' ') i++;
  return i;
}

/* A day number (1-2 digits, optional ordinal suffix) at s. */
static size_t S_day(const char *s, size_t n, int *d) {
  size_t i = 0;
  int v = 0;
  while (i < n && i < 2 && S_digit(s[i])) v = v * 10 + (s[i++] - '0');
  if (i == 0 || (i < n && S_digit(s[i])) || v < 1 || v > 31) return 0;
  if (i + 1 < n && (strncasecmp(s + i, "st", 2) == 0 || strncasecmp(s + i, "nd", 2) == 0 ||
                    strncasecmp(s + i, "rd", 2) == 0 || strncasecmp(s + i, "th", 2) == 0) &&
      !(i + 2 < n && S_alpha(s[i + 2])))
    i += 2;
  if (i < n && S_alpha(s[i])) return 0;
  *d = v;
  return i;
}

/* A four-digit year at s, not followed by another digit. */
static size_t S_year(const char *s, size_t n, int *y) {
  if (n < 4) return 0;
  int v = 0;
  for (int i = 0; i < 4; i++) {
    if (!S_digit(s[i])) return 0;
    v = v * 10 + (s[i] - '0');
  }
  if (n > 4 && (S_digit(s[4]) || S_alpha(s[4]))) return 0;
  if (v < 1800 || v > 2199) return 0;
  *y = v;
  return 4;
}

/* ", 2015" / " 2015" after a day or month: returns bytes or 0. */
static size_t S_opt_year(const char *s, size_t n, int *y) {
  size_t i = 0;
  if (i < n && s[i] == ',') i++;
  i += S_spaces(s + i, n - i);
  if (i == 0) return 0;
  size_t k = S_year(s + i, n - i, y);
  return k ? i + k : 0;
}

int pp_date_valid(int y, int m, int d) {
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y <= 0 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
  return 1;
}

static size_t S_match_core(const char *s, size_t n, pp_ymd *o) {
  size_t i, k;
  int y = 0, m = 0, d = 0;
  /* ISO 2015-01-27 */
  if (n >= 10 && S_year(s, 4, &y) && s[4] == '-' && S_digit(s[5]) && S_digit(s[6]) &&
      s[7] == '-' && S_digit(s[8]) && S_digit(s[9]) && !(n > 10 && S_digit(s[10]))) {
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (!pp_date_valid(y, m, d)) return 0;
    o->y = y, o->m = m, o->d = d;
    return 10;
  }
  /* D Month [,] [Y]  |  D of Month Y */
  if ((k = S_day(s, n, &d))) {
    i = k;
    size_t sp = S_spaces(s + i, n - i);
    if (sp == 0) return 0;
    i += sp;
    if (n - i > 3 && strncasecmp(s + i, "of ", 3) == 0) i += 3;
    if (!(k = S_month(s + i, n - i, &m))) return 0;
    i += k;
    y = 0;
    if ((k = S_opt_year(s + i, n - i, &y))) i += k;
    o->y = y, o->m = m, o->d = d;
    return i;
  }
  /* Month D[,] [Y] */
  if ((k = S_month(s, n, &m))) {
    i = k;
    size_t sp = S_spaces(s + i, n - i);
    if (sp == 0) return 0;
    i += sp;
    if (!(k = S_day(s + i, n - i, &d))) return 0;
    i += k;
    y = 0;
    if ((k = S_opt_year(s + i, n - i, &y))) i += k;
    o->y = y, o->m = m, o->d = d;
    return i;
  }
  return 0;
}

size_t pp_date_match(const char *s, size_t n, pp_ymd *out) {
  size_t i = 0;
  size_t w = S_word(s, n);
  for (int k = 0; w && S_weekdays[k]; k++) {
    size_t wl = strlen(S_weekdays[k]);
    if ((w == wl && strncasecmp(s, S_weekdays[k], wl) == 0) ||
        (w == 3 && strncasecmp(s, S_weekdays[k], 3) == 0)) {
      i = w;
      if (i < n && s[i] == '.') i++;
      if (i < n && s[i] == ',') i++;
      i += S_spaces(s + i, n - i);
      break;
    }
  }
  pp_ymd d = {0, 0, 0};
  size_t k = S_match_core(s + i, n - i, &d);
  if (!k) return 0;
  if (d.y && !pp_date_valid(d.y, d.m, d.d)) return 0;
  if (!d.y && !pp_date_valid(2000, d.m, d.d)) return 0;
  *out = d;
  return i + k;
}

/* A number of 1..digits digits at s, not followed by another digit;
 * returns its bytes and sets *v. */
static size_t S_num(const char *s, size_t n, size_t digits, int *v) {
  size_t i = 0;
  *v = 0;
  while (i < n && i < digits && S_digit(s[i])) *v = *v * 10 + (s[i++] - '0');
  if (i == 0 || (i < n && S_digit(s[i]))) return 0;
  return i;
}

size_t pp_date_match_numeric(const char *s, size_t n, int month_first, pp_ymd *out) {
  int a, b, y;
  size_t i = S_num(s, n, 2, &a);
  if (!i || i >= n) return 0;
  char sep = s[i];
  if (sep != '/' && sep != '.' && sep != '-') return 0;
  size_t k = S_num(s + i + 1, n - i - 1, 2, &b);
  if (!k) return 0;
  i += 1 + k;
  if (i >= n || s[i] != sep) return 0;
  i++;
  size_t yk = S_num(s + i, n - i, 4, &y);
  if (yk != 2 && yk != 4) return 0;
  i += yk;
  /* "14/06/2015." ends a sentence; "1.2.3.4" is no date */
  if (i < n && (S_alpha(s[i]) || (s[i] == sep && i + 1 < n && S_digit(s[i + 1])))) return 0;
  if (yk == 2) y += y >= 50 ? 1900 : 2000;
  if (y < 1800 || y > 2199) return 0;
  int d = a, m = b;
  if (month_first) d = b, m = a;
  if (m > 12 && d <= 12) { /* the order the numbers allow */
    int t = d;
    d = m;
    m = t;
  }
  if (!pp_date_valid(y, m, d)) return 0;
  out->y = y, out->m = m, out->d = d;
  return i;
}

int pp_date_find(const char *s, size_t n, int need_year, pp_ymd *out, size_t *off, size_t *len) {
  return pp_date_find_ex(s, n, need_year ? PP_DATE_NEED_YEAR : 0, out, off, len);
}

int pp_date_find_ex(const char *s, size_t n, int flags, pp_ymd *out, size_t *off, size_t *len) {
  int need_year = flags & PP_DATE_NEED_YEAR;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && (S_alpha(s[i - 1]) || S_digit(s[i - 1]))) continue;
    if (!S_alpha(s[i]) && !S_digit(s[i])) continue;
    pp_ymd d;
    size_t k = pp_date_match(s + i, n - i, &d);
    if (!k && (flags & PP_DATE_NUMERIC) && !(i > 0 && (s[i - 1] == '/' || s[i - 1] == '.')))
      k = pp_date_match_numeric(s + i, n - i, (flags & PP_DATE_MONTH_FIRST) != 0, &d);
    if (k && (!need_year || d.y)) {
      *out = d;
      *off = i;
      *len = k;
      return 1;
    }
  }
  return 0;
}

int pp_date_iso(const pp_ymd *d, char out[11]) {
  if (!pp_date_valid(d->y, d->m, d->d)) return -1;
  unsigned y = (unsigned)d->y % 10000u, m = (unsigned)d->m % 100u, dd = (unsigned)d->d % 100u;
  snprintf(out, 11, "%04u-%02u-%02u", y, m, dd);
  return 0;
}
