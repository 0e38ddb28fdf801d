/* pp_dateline.c - the dateline at the start of a release's text: the
 * place (and region, agency tag) and the date, in the forms the layout
 * rules of docs/record.md list ("PORTVILLE –", "Velmora, 3 March 2011.-",
 * "3 March 2011, Port Vela:", "Strelna , 4 May 2011", "NORTH VALE, Calif.
 * –", "PORTVILLE (ExampleWire) –"), and place names in ordinary case. */
#include "pp_dateline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "pp_date.h"
#include "pp_release_priv.h"
#include "pp_text.h"
#include "pp_util.h"


static const char *const S_place_acronyms[] = {"SAR", "UAE", "USA", "UK", "US", "DC", "D.C.",
                                                "EU", "UN", "NY", NULL};

/* A word in capitals keeps its first letter and lowers the rest, in any
 * script utf8proc knows ("CHIȘINĂU" -> "Chișinău"); a word with a lower-case
 * letter, and the acronyms of S_place_acronyms, stay as written. A letter
 * after an apostrophe or a dot starts a word ("N'DJAMENA", "ST.LOUIS"). */
char *pp_place_case(const char *s, size_t n) {
  pp_buf b = PP_BUF_INIT;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != '/' && s[j] != '-') j++;
    int keep = 0;
    for (int k = 0; S_place_acronyms[k]; k++)
      if (strlen(S_place_acronyms[k]) == j - i && strncmp(s + i, S_place_acronyms[k], j - i) == 0)
        keep = 1;
    int all_caps = 1;
    for (size_t k = i; k < j;) {
      unsigned cp = 0;
      size_t l = pp_utf8_decode((const unsigned char *)s + k, j - k, &cp);
      if (!l) l = 1;
      if (utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL) all_caps = 0;
      k += l;
    }
    int first = 1;
    for (size_t k = i; k < j;) {
      unsigned cp = 0;
      size_t l = pp_utf8_decode((const unsigned char *)s + k, j - k, &cp);
      if (!l) {
        pp_buf_addc(&b, s[k++]);
        continue;
      }
      if (!keep && all_caps && !first) cp = (unsigned)utf8proc_tolower((utf8proc_int32_t)cp);
      pp_utf8_encode(&b, cp);
      first = cp == '\'' || cp == '.' || cp == 0x2019;
      k += l;
    }
    if (j < n) pp_buf_addc(&b, s[j]);
    i = j + 1;
  }
  return pp_buf_detach(&b);
}

/* A word of a place name at s: capitalised letters, dots, apostrophes,
 * hyphens ("ST. PETERSBURG", "Washington", "D.C."). Returns its bytes;
 * *caps is set when it has no lower-case letter. */
static size_t S_place_word(const char *s, int *caps) {
  size_t i = 0;
  int lower = 0, letters = 0;
  unsigned char c = (unsigned char)s[0];
  if (!(S_upper(c) || (c >= 0xC3 && c <= 0xD4))) return 0;
  while (s[i]) {
    c = (unsigned char)s[i];
    if (S_alpha(c)) {
      if (S_lower(c)) lower = 1;
      letters++;
      i++;
    } else if ((c == '.' || c == '\'') && S_alpha((unsigned char)s[i + 1]) && s[i + 1] != ' ') {
      i++;
    } else if (c == '.' && i <= 2) { /* "D.C." "St." */
      i++;
      break;
    } else if (c == '-' && S_upper((unsigned char)s[i + 1])) {
      i++;
    } else {
      break;
    }
  }
  if (letters == 0) return 0;
  *caps = !lower;
  return i;
}

/* A run of place words: "NORTH VALE", "Velmora/Strelna", "PORT VELA SAR".
 * The first place of a "A/B" pair is kept. */
static size_t S_place(const char *s, int want_caps, size_t *keep_len, int *words) {
  size_t i = 0, keep = 0;
  int w = 0, slash = 0;
  for (;;) {
    int caps = 0;
    size_t k = S_place_word(s + i, &caps);
    if (!k || (want_caps && !caps) || (!want_caps && caps && k > 3)) break;
    i += k;
    w++;
    if (!slash) keep = i;
    if (s[i] == ' ' && s[i + 1] && !S_dash(s + i + 1)) {
      int c2 = 0;
      size_t k2 = S_place_word(s + i + 1, &c2);
      if (k2 && (!want_caps || c2) && w < 4) {
        i++;
        continue;
      }
    }
    if (s[i] == '/') {
      slash = 1;
      i++;
      continue;
    }
    break;
  }
  *keep_len = keep;
  *words = w;
  return w ? i : 0;
}


/* The separator after a dateline: a dash or "--"; with allow_period 1 also
 * a period, with 2 also a colon. Returns bytes with the spaces around it,
 * or 0. */
static size_t S_sep(const char *s, int allow_period) {
  size_t i = S_spaces(s);
  size_t d = S_dash(s + i);
  if (d) {
    i += d;
    return i + S_spaces(s + i);
  }
  if (allow_period > 1 && s[i] == ':' && s[i + 1] == ' ') return i + 1 + S_spaces(s + i + 1);
  if (allow_period && s[i] == '.' && (s[i + 1] == ' ' || !s[i + 1]))
    return i + 1 + S_spaces(s + i + 1);
  return 0;
}

/* "(Example Information Office)" or "/ExampleWire/" after a date. */
static size_t S_source_tag(const char *s) {
  size_t i = S_spaces(s);
  char open = s[i], close = open == '(' ? ')' : open == '/' ? '/' : 0;
  if (!close) return 0;
  size_t lim = strnlen(s + i + 1, 60);
  const char *e = memchr(s + i + 1, close, lim);
  if (!e) return 0;
  return (size_t)(e - s) + 1;
}

/* A date at s (after spaces): the written forms, or a numeric one read
 * day first (pp_date.h: a number over 12 decides the order). */
static size_t S_date_at(const char *s, pp_ymd *d) {
  size_t i = S_spaces(s);
  size_t n = strnlen(s + i, 64); /* dates are short */
  size_t k = pp_date_match(s + i, n, d);
  if (!k) k = pp_date_match_numeric(s + i, n, 0, d);
  return k ? i + k : 0;
}

/* Words that open a sentence, a title or a notice, not a dateline:
 * "Today –", "NOTE TO EDITORS –", "MEDIA CONTACT:", "Mr. Smith –". */
static int S_not_a_place(const char *s) {
  static const char *const words[] = {
      "today", "yesterday", "tonight", "update", "updated", "note", "notes", "editor", "editors",
      "photo", "photos", "video", "breaking", "watch", "press", "news", "media", "statement",
      "contact", "contacts", "advisory", "release", "background", "about", "for", "immediate",
      "embargoed", "embargo", "correction", "mr", "mrs", "ms", "miss", "dr", "prof", "sen", "rep",
      "gov", "hon", "sir", "ambassador", "president", "minister", "senator", "judge", "the",
      "this", "our", "we", "in", "on", "at", "by", "as", "after", "before", "during", "when",
      "while", "meanwhile", "however", "also", "and", "but", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur",
      "thurs", "fri", "sat", "sun", NULL};
  size_t n = 0;
  while (S_alpha((unsigned char)s[n])) n++;
  for (int q = 0; words[q]; q++)
    if (strlen(words[q]) == n && strncasecmp(s, words[q], n) == 0) return 1;
  return 0;
}

size_t pp_dateline_match(const char *s, char **place, int *y, int *m, int *d) {
  pp_ymd date = {0, 0, 0};
  size_t i = 0, k, keep = 0;
  int words = 0;
  *place = NULL;
  *y = *m = *d = 0;

  /* "(Portville – March 3, 2011)" */
  if (s[0] == '(') {
    size_t pl = S_place(s + 1, 0, &keep, &words);
    if (pl && words <= 3) {
      size_t sp = S_sep(s + 1 + pl, 0);
      if (sp && (k = S_date_at(s + 1 + pl + sp, &date))) {
        size_t e = 1 + pl + sp + k;
        if (s[e] == ')') {
          e++;
          e += S_sep(s + e, 0);
          *place = pp_place_case(s + 1, keep);
          *y = date.y, *m = date.m, *d = date.d;
          return e;
        }
      }
    }
    /* "(ExampleWire) - March 3, 2011 - PORTVILLE —" */
    size_t t = S_source_tag(s);
    size_t sp = t ? S_sep(s + t, 0) : 0;
    if (sp && (k = S_date_at(s + t + sp, &date))) {
      size_t e = t + sp + k;
      size_t sp2 = S_sep(s + e, 0);
      if (sp2) {
        size_t pl2 = S_place(s + e + sp2, 1, &keep, &words);
        size_t sp3 = pl2 ? S_sep(s + e + sp2 + pl2, 0) : 0;
        if (sp3) {
          *place = pp_place_case(s + e + sp2, keep);
          *y = date.y, *m = date.m, *d = date.d;
          return e + sp2 + pl2 + sp3;
        }
      }
    }
    return 0;
  }

  /* "3 MARCH 2011, PORTVILLE –" */
  if ((k = S_date_at(s, &date)) && date.m) {
    i = k;
    if (s[i] == ',') i++;
    i += S_spaces(s + i);
    size_t pl = S_place(s + i, 1, &keep, &words);
    int caps1 = 1;
    if (!pl) { /* "25 June 2019, Addis Abeba: ..." */
      pl = S_place(s + i, 0, &keep, &words);
      caps1 = 0;
      if (words > 3) pl = 0;
    }
    if (pl) {
      size_t sp = S_sep(s + i + pl, caps1 ? 0 : 2);
      if (sp) {
        *place = pp_place_case(s + i, keep);
        *y = date.y, *m = date.m, *d = date.d;
        return i + pl + sp;
      }
    }
    return 0;
  }

  int caps = 1;
  if (S_not_a_place(s)) return 0;
  size_t pl = S_place(s, 1, &keep, &words);
  if (!pl || (words == 1 && keep < 3)) {
    caps = 0;
    pl = S_place(s, 0, &keep, &words);
    if (!pl || words > 3) return 0;
  }
  size_t place_len = keep;
  int regions = 0;
  i = pl;
  /* ", Region" parts and the date */
  for (int part = 0; part < 3; part++) {
    if (s[i] == ' ' && s[i + S_spaces(s + i)] == ',') i += S_spaces(s + i); /* "Paris , 4 May" */
    if (s[i] == ',' && !s[i + 1 + S_spaces(s + i + 1)] && part == 0 && (caps || words <= 2)) {
      /* "Strelna ," alone on its line: a place without a date */
      *place = pp_place_case(s, place_len);
      return i + 1 + S_spaces(s + i + 1);
    }
    if (s[i] == ',') {
      size_t j = i + 1 + S_spaces(s + i + 1);
      if ((k = S_date_at(s + j, &date)) && date.m) {
        i = j + k;
        size_t t = S_source_tag(s + i);
        if (t) i += t;
        size_t sp = S_sep(s + i, 1);
        int alone = !sp && !s[i + S_spaces(s + i)]; /* the dateline on a line of its own */
        if (alone) sp = S_spaces(s + i);
        if (!sp && !alone && s[i] == ',') sp = 1 + S_spaces(s + i + 1);
        if (!sp && !alone) return 0;
        *place = pp_place_case(s, place_len);
        *y = date.y, *m = date.m, *d = date.d;
        return i + sp;
      }
      size_t rl = 0, rk;
      int rw = 0;
      rl = S_place(s + j, 0, &rk, &rw);
      if (!rl) rl = S_place(s + j, 1, &rk, &rw);
      if (!rl || rw > 3) return 0;
      if (strncmp(s + j, "D.C.", 4) == 0) place_len = j + 4; /* Washington, D.C. is one name */
      i = j + rl;
      if (s[i] == '.' && rl <= 3) i++; /* "Vt." */
      regions++;
      continue;
    }
    break;
  }
  /* "PORTVILLE (3 March 2011) –" */
  size_t sp0 = S_spaces(s + i);
  if (s[i + sp0] == '(' && (k = S_date_at(s + i + sp0 + 1, &date)) && date.m &&
      s[i + sp0 + 1 + k] == ')') {
    size_t e = i + sp0 + 1 + k + 1;
    size_t sp = S_sep(s + e, 0);
    if (!sp) return 0;
    *place = pp_place_case(s, place_len);
    *y = date.y, *m = date.m, *d = date.d;
    return e + sp;
  }
  /* "PORTVILLE. EXAMPLEWIRE –" */
  if (caps && s[i] == '.' && s[i + 1] == ' ') {
    size_t ak, aw;
    int aw_i = 0;
    size_t al = S_place(s + i + 2, 1, &ak, &aw_i);
    (void)aw;
    if (al) {
      size_t sp = S_sep(s + i + 2 + al, 0);
      if (sp) {
        *place = pp_place_case(s, place_len);
        return i + 2 + al + sp;
      }
    }
  }
  /* "NORTH VALE –", "Eastvale, D.C. –", "PORT VELA - [Wire](url) - 3 March 2011 -" */
  size_t sp = S_sep(s + i, caps ? 2 : 0);
  /* "Velmora, Examplia –" is a dateline; a longer run of capitalised
   * clauses in ordinary case is a sentence */
  if (!caps && regions > 1 && !(place_len >= 4 && strncmp(s + place_len - 4, "D.C.", 4) == 0))
    return 0;
  if (!sp && s[i + S_spaces(s + i)] == '(') { /* "LONDON (Reuters) -" */
    size_t t = S_source_tag(s + i);
    if (t && S_count_words_n(s + i, t) <= 4) {
      size_t sp2 = S_sep(s + i + t, 0);
      if (sp2) {
        i += t;
        sp = sp2;
      }
    }
  }
  if (sp) {
    if (!caps) {
      /* a capitalised word and a dash is a dateline only when the text goes on */
      const char *next = s + i + sp;
      if (!*next || (!S_upper((unsigned char)*next) && (unsigned char)*next != 0xE2)) return 0;
    }
    size_t e = i + sp;
    /* a wire's name and the date after the place */
    if (s[e] == '[') {
      const char *rb = strstr(s + e, "](");
      const char *rp = rb ? strchr(rb, ')') : NULL;
      if (rp) {
        size_t e2 = (size_t)(rp - s) + 1;
        size_t sp2 = S_sep(s + e2, 0);
        if (sp2) e = e2 + sp2;
      }
    }
    if ((k = S_date_at(s + e, &date)) && date.m) {
      size_t sp3 = S_sep(s + e + k, 1);
      if (sp3) {
        e += k + sp3;
        *y = date.y, *m = date.m, *d = date.d;
      }
    }
    *place = pp_place_case(s, place_len);
    return e;
  }
  return 0;
}

