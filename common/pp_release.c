/* pp_release.c - reads the structure of a press release.
 *
 * The text is cut into lines, lines into units (a paragraph or a header
 * line: hard-wrapped lines are joined, blank lines separate), and the units
 * are read in order: navigation and labels above the headline, the
 * headline (printed once, twice, split, or as a page title with the site's
 * name), what stands between it and the text (subheadline, date lines,
 * repeats), the dateline, the body, and the end marks after it.
 */
#include "pp_release.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pp_date.h"
#include "pp_dateline.h"
#include "pp_lang_priv.h"
#include "pp_sha256.h"
#include "pp_release_priv.h"
#include "pp_text.h"

/* ---- small string helpers --------------------------------------------- */

/* The last character of s, as a code point (0 when empty). */
static unsigned S_last_cp(const char *s) {
  size_t n = strlen(s);
  if (!n) return 0;
  size_t i = n - 1;
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  unsigned cp = 0;
  if (!pp_utf8_decode((const unsigned char *)s + i, n - i, &cp)) return 0;
  return cp;
}

/* Ends with an initial or an abbreviation that stands before a name:
 * "the Hon. P.K.", "Dr.", "St." */
static int S_ends_abbrev(const char *s) {
  static const char *const abbr[] = {"Hon.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Sen.", "Rep.",
                                     "Gov.", "St.", "Amb.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.",
                                     "H.E.", "Rt.", NULL};
  size_t n = strlen(s);
  if (n < 2 || s[n - 1] != '.') return 0;
  size_t b = n;
  while (b > 0 && s[b - 1] != ' ') b--;
  const char *w = s + b;
  for (int k = 0; abbr[k]; k++)
    if (strcmp(w, abbr[k]) == 0) return 1;
  /* initials: "P.K." "J." */
  for (const char *c = w; *c; c += 2)
    if (!S_upper((unsigned char)c[0]) || c[1] != '.') return 0;
  return 1;
}

/* Ends like a sentence (or a quoted one). */
static int S_ends_terminal(const char *s) {
  if (S_ends_abbrev(s)) return 0;
  unsigned c = S_last_cp(s);
  return c == '.' || c == '!' || c == '?' || c == '"' || c == 0x201D || c == 0x2019 ||
         c == ';' || c == ':' || c == ')';
}

/* Is the code point a letter (roughly: ASCII letters, and the scripts
 * above Latin-1 punctuation, less the general punctuation blocks)? */
static int S_letter_cp(unsigned cp) {
  if (cp < 0x80) return S_upper((unsigned char)cp) || S_lower((unsigned char)cp);
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) return 0;
  if (cp >= 0x3000 && cp <= 0x303F) return 0;
  return 1;
}

/* The first letter or digit of s (its first byte), or 0. */
static unsigned char S_first_alnum(const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    unsigned cp = 0;
    size_t k = pp_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (!k) k = 1;
    if (S_letter_cp(cp) || (cp >= '0' && cp <= '9')) return (unsigned char)s[i];
    i += k;
  }
  return 0;
}

/* Does s start with a letter or digit? */
static int S_first_is_alnum(const char *s) {
  unsigned cp = 0;
  size_t k = pp_utf8_decode((const unsigned char *)s, strlen(s), &cp);
  return k && (S_letter_cp(cp) || (cp >= '0' && cp <= '9'));
}

/* Ends with a word that cannot end a sentence or title ("of", "and", ...). */
static int S_ends_function_word(const char *s, size_t n) {
  static const char *const words[] = {"of", "the", "and", "for", "to", "in", "a", "an", "with",
                                      "by", "on", "at", "from", "or", "as", "that", "its",
                                      "their", "his", "her", NULL};
  size_t e = n;
  while (e > 0 && s[e - 1] == ' ') e--;
  if (e > 0 && s[e - 1] == ',') return 1;
  size_t b = e;
  while (b > 0 && s[b - 1] != ' ') b--;
  for (int i = 0; words[i]; i++)
    if (strlen(words[i]) == e - b && strncmp(s + b, words[i], e - b) == 0) return 1;
  return 0;
}

/* Lowercase ASCII letters and digits of s as space-separated words, for
 * comparing headline prints (caller frees). */
static char *S_norm(const char *s) {
  size_t n = strlen(s);
  char *out = pp_xmalloc(n + 1);
  size_t o = 0;
  int sep = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (S_alpha(*p) || S_digit(*p)) {
      if (sep && o) out[o++] = ' ';
      sep = 0;
      out[o++] = (char)(*p < 0x80 ? tolower(*p) : *p);
    } else if (*p == '\'' || (*p == 0xE2 && p[1] == 0x80 && p[2] == 0x99)) {
      if (*p == 0xE2) p += 2; /* apostrophes do not split words */
    } else {
      sep = 1;
    }
  }
  out[o] = '\0';
  return out;
}

/* Share of the words of a that also occur in b (0..1). */
static double S_word_cover(const char *a, const char *b) {
  char *na = S_norm(a), *nb = S_norm(b);
  size_t total = 0, found = 0;
  char *save = NULL;
  size_t lb = strlen(nb);
  for (char *w = strtok_r(na, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
    total++;
    size_t lw = strlen(w);
    for (const char *p = nb; (p = strstr(p, w)); p++)
      if ((p == nb || p[-1] == ' ') && (p + lw == nb + lb || p[lw] == ' ')) {
        found++;
        break;
      }
  }
  free(na);
  free(nb);
  return total ? (double)found / (double)total : 0.0;
}

/* ---- units ------------------------------------------------------------ */

enum {
  U_TEXT,     /* not yet classified */
  U_DROP,     /* left out: navigation, chrome, repeats, end marks */
  U_BODY
};

typedef struct {
  char *text;
  char *norm;       /* S_norm(text), made when first asked for */
  int blank_before; /* a blank line stands before the unit */
  int kind;
  int cls;          /* where its lines end up (pp_line_class), 0 = not yet */
  size_t line0, line1; /* its first and last line (0-based) */
} S_unit;

/* A header line above the headline that is none of the classes: furniture
 * when the text has a body, else the body itself (a text of short lines). */
#define S_CLS_HEADER (PP_LINE_NCLASSES + 1)

static void S_drop(S_unit *x, int cls) {
  x->kind = U_DROP;
  x->cls = cls;
}

typedef struct {
  S_unit *v;
  size_t n, cap;
} S_units;

typedef struct {
  const char *s;
  size_t n;
} S_line;

static void S_units_push(S_units *u, char *text, int blank_before, size_t line0, size_t line1) {
  pp_xgrow((void **)&u->v, &u->cap, u->n + 1, sizeof *u->v);
  u->v[u->n].text = text;
  u->v[u->n].blank_before = blank_before;
  u->v[u->n].kind = U_TEXT;
  u->v[u->n].cls = PP_LINE_NONE;
  u->v[u->n].norm = NULL;
  u->v[u->n].line0 = line0;
  u->v[u->n].line1 = line1;
  u->n++;
}

static void S_units_free(S_units *u) {
  for (size_t i = 0; i < u->n; i++) {
    free(u->v[i].text);
    free(u->v[i].norm);
  }
  free(u->v);
}

static int S_is_chrome(const char *s);

/* The language pack of the parse running on this thread (set by
 * pp_release_parse_lines for its duration): the layout words. */
static _Thread_local const pp_lang *S_pack;

/* Is the whole of s a pack entry of class cls? */
static int S_lx_line(const char *s, unsigned cls) {
  size_t n = strnlen(s, 49);
  if (n > 48) return 0; /* the lists hold short lines */
  const pp_lexent *e = S_pack ? pp_lang_find(S_pack, s, n) : NULL;
  return e && (e->cls & cls);
}

/* Do the first one to four words of s make a pack entry of class cls
 * (with star, an entry written "words *": a prefix)? */
static int S_lx_prefix(const char *s, unsigned cls, int star) {
  if (!S_pack) return 0;
  char key[128];
  size_t i = 0;
  for (int w = 0; w < 4; w++) {
    while (s[i] && s[i] != ' ' && s[i] != ':') i++; /* "Last update:Wed" */
    if (i + 3 >= sizeof key) return 0;
    size_t n = i;
    while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ',')) n--; /* "Updated:" */
    const pp_lexent *e = pp_lang_find(S_pack, s, n);
    if (!e) return 0; /* no entry starts with these words */
    if (!star && (e->cls & cls)) return 1;
    if (star) {
      memcpy(key, s, n);
      key[n] = ' ';
      key[n + 1] = '*';
      const pp_lexent *x = pp_lang_find(S_pack, key, n + 2);
      if (x && (x->cls & cls)) return 1;
    }
    if (!(e->cls & PP_LX_PREFIX)) return 0; /* no longer entry goes on from here */
    if (!s[i] || s[i] == ':') return 0;
    i++;
  }
  return 0;
}

/* Every word of four letters or more starts with a capital: a title. */
static int S_is_title_case(const char *s, size_t n) {
  int long_words = 0, caps = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && s[i] == ' ') i++;
    size_t b = i;
    while (i < n && s[i] != ' ') i++;
    if (i - b >= 4) {
      long_words++;
      caps += S_upper((unsigned char)s[b]);
    }
  }
  return long_words >= 2 && caps == long_words;
}

/* A list item line ("* x", "• x", "- x") stands alone. */
static int S_is_bullet(const char *s, size_t n) {
  if (n >= 2 && (s[0] == '*' || s[0] == '-') && s[1] == ' ') return 1;
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
      (unsigned char)s[2] == 0xA2)
    return 1;
  return 0;
}

/* "Date: ...", "Email: ...": a field name of one or two words and a colon. */
static int S_is_field(const char *s, size_t n) {
  size_t i = 0;
  int words = 1;
  if (!S_upper((unsigned char)s[0])) return 0;
  while (i < n && i < 24) {
    if (s[i] == ':') return i + 1 == n || s[i + 1] == ' ';
    if (s[i] == ' ' && ++words > 2) return 0;
    if (!S_alpha((unsigned char)s[i]) && s[i] != ' ' && s[i] != '-') return 0;
    i++;
  }
  return 0;
}

/* Cuts the text into units. Inside a block of non-blank lines, a line joins
 * the previous one when that one was hard-wrapped: it does not end a
 * sentence and is about as long as the block's longest line, or it ends
 * with a word that cannot end a sentence, or the new line starts in lower
 * case. Across one blank line, only the last two rules join (double-spaced
 * typescript). */
static void S_split_units(const char *text, S_units *out, size_t *nlines) {
  S_line *lines = NULL;
  size_t nl = 0, cap = 0;
  const char *p = text;
  while (*p) {
    const char *e = strchr(p, '\n');
    if (!e) e = p + strlen(p);
    const char *b = p;
    while (b < e && *b == ' ') b++;
    const char *t = e;
    while (t > b && t[-1] == ' ') t--;
    pp_xgrow((void **)&lines, &cap, nl + 1, sizeof *lines);
    lines[nl].s = b;
    lines[nl].n = (size_t)(t - b);
    nl++;
    p = *e ? e + 1 : e;
  }

  pp_buf cur = PP_BUF_INIT;
  int have = 0, blank_before = 0, blanks = 0;
  int cur_chrome = 0; /* the unit's first line is site furniture: nothing joins it */
  size_t block_max = 0, block_lines = 0;
  int block_ends_sentence = 0;
  size_t first = 0, last_line = 0;
  *nlines = nl;
  for (size_t i = 0; i < nl; i++) {
    if (lines[i].n == 0) {
      blanks++;
      continue;
    }
    /* the longest line of this block */
    if (i == 0 || lines[i - 1].n == 0) {
      block_max = 0;
      block_lines = 0;
      size_t last = i;
      for (size_t k = i; k < nl && lines[k].n; k++, block_lines++) {
        if (lines[k].n > block_max) block_max = lines[k].n;
        last = k;
      }
      char *tail = pp_xstrndup(lines[last].s, lines[last].n);
      block_ends_sentence = S_ends_terminal(tail);
      free(tail);
    }
    const char *s = lines[i].s;
    size_t n = lines[i].n;
    int join = 0;
    if (have && !S_is_bullet(s, n) && !S_is_field(s, n) && !cur_chrome) {
      char *prev = cur.data;
      size_t pl = cur.len;
      int lower = S_lower((unsigned char)s[0]);
      int fword = S_ends_function_word(prev, pl);
      int terminal = S_ends_terminal(prev);
      if (blanks == 0) {
        size_t last_len = lines[i - 1].n;
        /* by length only inside a paragraph of three lines or more, or of
         * two that end a sentence, and not after a line in Title Case (a
         * headline over its subheadline) */
        join = !S_is_bullet(prev, pl) &&
               (lower || (fword && !terminal) ||
                (!terminal && (block_lines >= 3 || block_ends_sentence) && block_max >= 50 &&
                 last_len * 10 >= block_max * 6 && !S_is_title_case(lines[i - 1].s, last_len)));
      } else if (blanks == 1) {
        int comma = pl > 0 && prev[pl - 1] == ',';
        join = !terminal && (lower || (fword && !comma) || S_ends_abbrev(prev)) &&
               !S_is_bullet(prev, pl);
      }
    }
    if (join) {
      pp_buf_addc(&cur, ' ');
      pp_buf_add(&cur, s, n);
    } else {
      if (have)
        S_units_push(out, pp_text_collapse(cur.data, cur.len), blank_before, first, last_line);
      pp_buf_clear(&cur);
      pp_buf_add(&cur, s, n);
      have = 1;
      blank_before = blanks > 0;
      first = i;
      cur_chrome = S_is_chrome(cur.data);
    }
    last_line = i;
    blanks = 0;
  }
  if (have) S_units_push(out, pp_text_collapse(cur.data, cur.len), blank_before, first, last_line);
  pp_buf_free(&cur);
  free(lines);
}

/* ---- what a header line is -------------------------------------------- */

/* Site furniture that is neither a section nor text. */
static int S_is_chrome(const char *s) {
  if (S_lx_line(s, PP_LX_LAYOUT_FURNITURE) || S_lx_prefix(s, PP_LX_LAYOUT_FURNITURE, 1)) return 1;
  /* "3 min read" */
  const char *p = s;
  while (S_digit((unsigned char)*p)) p++;
  if (p != s && (S_starts_ci(p, " min read") || S_starts_ci(p, " minute read"))) return 1;
  /* punctuation only */
  if (!S_first_alnum(s)) return 1;
  return 0;
}

/* A self-label (data/en/layout-genres.tsv): "Press Release", "FOR
 * IMMEDIATE RELEASE", "News Release:", "MEDIA STATEMENTS:". Returns the
 * bytes of the label (with its separator) and sets *genre. */
static size_t S_label(const char *s, const char **genre) {
  if (!S_pack) return 0;
  /* the first words, longest first */
  size_t ends[5];
  int nw = 0;
  size_t i = 0;
  while (nw < 5) {
    size_t b = i;
    while (S_alpha((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) i++;
    if (i == b) break;
    ends[nw++] = i;
    if (s[i] != ' ' || !S_alpha((unsigned char)s[i + 1])) break;
    i++;
  }
  /* the words as far as the pack has entries that start with them */
  const pp_lexent *found[5] = {NULL, NULL, NULL, NULL, NULL};
  int last = 0;
  for (int k = 1; k <= nw; k++) {
    size_t l = ends[k - 1];
    const pp_lexent *e = pp_lang_find(S_pack, s, l);
    if (!(e && (e->cls & PP_LX_LAYOUT_GENRE)) && l > 1 && (s[l - 1] == 's' || s[l - 1] == 'S')) {
      const pp_lexent *e2 = pp_lang_find(S_pack, s, l - 1); /* "MEDIA STATEMENTS:" */
      if (e2 && (e2->cls & PP_LX_LAYOUT_GENRE)) e = e2;
    }
    found[k - 1] = e;
    last = k;
    if (!e || !(e->cls & PP_LX_PREFIX)) break;
  }
  for (int k = last; k > 0; k--) {
    size_t l = ends[k - 1];
    const pp_lexent *e = found[k - 1];
    if (!e || !(e->cls & PP_LX_LAYOUT_GENRE) || !e->role) continue;
    const char *p = s + l;
    /* mode 2: only with a colon ("News:"; "News" alone is a section) */
    if (e->courtesy == 2 && *p != ':') continue;
    while (*p == ' ') p++;
    int sep = 0;
    if (*p == ':') {
      p++;
      sep = 1;
    }
    while (*p == ' ') p++;
    size_t d = S_dash(p);
    if (d) {
      p += d;
      sep = 1;
    }
    while (*p == ' ') p++;
    /* "Statement on the floods" is a title: words after a label need a
     * separator, but for the labels nothing else begins with (mode 1) */
    if (*p && !sep && e->courtesy != 1) continue;
    *genre = e->role;
    return (size_t)(p - s);
  }
  return 0;
}

/* Lines that carry references, not text: "ABC/DEF/1234", "XY/Z/567",
 * "Embargoed until ...", notices for editors ("Not for publication"). */
static int S_is_meta(const char *s) {
  static const char *const fields[] = {"contact:", "contacts:", "media contact:",
                                       "press contact:", "email:", "e-mail:", "phone:", "tel:",
                                       "tel.:", "mobile:", "fax:", "web:", "website:", NULL};
  if (S_starts_ci(s, "embargoed") || S_starts_ci(s, "for information only") ||
      S_starts_ci(s, "not an official document") || S_starts_ci(s, "for use of the media"))
    return 1;
  for (int i = 0; fields[i]; i++)
    if (S_starts_ci(s, fields[i])) return 1;
  /* an e-mail address alone */
  if (!strchr(s, ' ') && strchr(s, '@') && strchr(strchr(s, '@'), '.')) return 1;
  if (!strchr(s, ' ') && strchr(s, '/')) {
    int digits = 0;
    for (const char *p = s; *p; p++) digits += S_digit((unsigned char)*p);
    if (digits) return 1;
  }
  return 0;
}

/* A menu title glued to its description: "ABOUT USThe ...", "Our TeamAs ...". */
static int S_is_glued_menu(const char *s) {
  static const char *const joins[] = {"The", "As", "An", "In", "Our", "We", "This", NULL};
  const char *end = s;
  for (int w = 0; w < 4 && *end; w++) {
    const char *b = end;
    while (*end && *end != ' ') end++;
    for (const char *p = b + 2; p < end; p++) {
      if (!S_upper((unsigned char)*p) || !S_alpha((unsigned char)p[-1])) continue;
      for (int k = 0; joins[k]; k++) {
        size_t l = strlen(joins[k]);
        if (strncmp(p, joins[k], l) != 0 || !(p + l == end || p[l] == ' ')) continue;
        /* "TeamAs": a lower-case word runs into "As"; "USThe": capitals into "The" */
        if (S_lower((unsigned char)p[-1]) ||
            (S_upper((unsigned char)p[-1]) && S_upper((unsigned char)p[-2])))
          return 1;
      }
    }
    while (*end == ' ') end++;
  }
  return 0;
}

/* "From the Minister for ..., the Hon. A.B. Name": who sends the release. */
static int S_is_byline(const char *s) {
  return (S_starts_ci(s, "from the ") || S_starts_ci(s, "from: ") || S_starts_ci(s, "office of the ")) &&
         !S_ends_terminal(s) && S_count_words(s) <= 30;
}

/* A line that is a date, possibly with a few words around it ("Published
 * on 3 Mar 2011", "Date: March 9, 2012", "Editor | May 4, 2013").
 * Sets *strength: 2 for a publication date said as such, 1 otherwise. */
static int S_is_stamp(const char *s);

static int S_date_line(const char *s, pp_ymd *d, int *strength) {
  size_t off, len;
  if (S_count_words(s) > 12) return 0;
  if (S_is_stamp(s)) return 0;
  if (!pp_date_find(s, strlen(s), 1, d, &off, &len)) return 0;
  size_t rest_words = 0;
  char *before = pp_xstrndup(s, off);
  rest_words = S_count_words(before) + S_count_words(s + off + len);
  *strength = 1;
  if (strcasestr(before, "published") || strcasestr(before, "issued") ||
      strcasestr(before, "released") || S_starts_ci(s, "date"))
    *strength = 2;
  free(before);
  return rest_words <= 8;
}

static int S_is_section_like(const char *s) {
  size_t w = S_count_words(s);
  if (w == 0 || w > 4 || strlen(s) > 40) return 0;
  if (S_ends_terminal(s) && S_last_cp(s) != ')') return 0;
  for (const char *p = s; *p; p++)
    if (S_digit((unsigned char)*p)) return 0;
  return S_upper((unsigned char)s[0]);
}

/* "Councils agree": two or more words, a later one in lower case that is
 * not a small word (menus are in Title Case: "Our Ferry Lines"). */
static int S_is_sentence_case(const char *s) {
  static const char *const small[] = {"of", "the", "and", "for", "to", "in", "a", "an", "on",
                                      "at", "by", "with", "us", "our", NULL};
  if (!S_upper((unsigned char)s[0]) || S_count_words(s) < 2) return 0;
  for (const char *w = strchr(s, ' '); w; w = strchr(w + 1, ' ')) {
    const char *b = w + 1;
    size_t n = strcspn(b, " ");
    if (!S_lower((unsigned char)*b)) continue;
    int is_small = 0;
    for (int k = 0; small[k]; k++)
      if (strlen(small[k]) == n && strncmp(b, small[k], n) == 0) is_small = 1;
    if (!is_small) return 1;
  }
  return 0;
}

/* Could be a title: a few words, not a sentence of the text. */
static int S_is_title_like(const char *s) {
  size_t w = S_count_words(s);
  size_t len = strlen(s);
  if (w > 40) return 0;
  if (!(w >= 4 || (w >= 3 && len >= 20))) return 0;
  unsigned last = S_last_cp(s);
  if (last == ':' || last == ',' || last == ';') return 0;
  if ((last == '.' || last == 0x201D || last == '"') && w > 14) return 0;
  unsigned char f = (unsigned char)s[0];
  if (S_lower(f)) return 0;
  return 1;
}

static int S_is_body_like(const char *s) {
  size_t w = S_count_words(s);
  if (w > 40) return 1;
  if (S_ends_terminal(s) && S_last_cp(s) != ')' && w > 12) return 1;
  return 0;
}

/* End marks: "###", "* *** *" (marks only), and the words of
 * data/en/layout-end-marks.txt ("-30-", "- END -", "ENDS"). */
static int S_is_end_mark(const char *s) {
  if (strnlen(s, 13) <= 12 && S_lx_line(s, PP_LX_LAYOUT_END)) return 1;
  if (!*s) return 0;
  for (const char *p = s; *p; p++)
    if (*p != '#' && *p != '*' && *p != ' ') return 0;
  return 1;
}

/* Navigation strings of many items: "Home | Ferries | Ports", a
 * breadcrumb "Home > Press > Archive". */
static int S_is_nav_bar(const char *s) {
  int bars = 0, crumbs = 0;
  for (const char *p = s; *p; p++) {
    if (*p == '|') bars++;
    if (p[0] == ' ' && p[1] == '>' && p[2] == ' ') crumbs++;
  }
  return bars >= 3 || crumbs >= 2;
}

/* ---- the parse ---------------------------------------------------------- */

typedef struct {
  pp_record *r;
  S_units u;
  const char *genre;
  pp_ymd hdr_date; /* the strongest date line of the header */
  int hdr_strength;
  size_t headline_unit; /* index, or (size_t)-1 */
  size_t after_headline;
  int from_page_title; /* the headline came from "Headline - Site" */
  int strip_dash;      /* the dateline stood alone: the text may start "– " */
  int header_dateline;  /* the dateline so far is a header line */
  size_t *seen;        /* hash set of body paragraph indexes */
  size_t seen_cap;
  int headline_strong;
  char *issuer_guess;
  int body_start;
  const pp_lang *pack; /* the language pack, or NULL */
  size_t text_start;  /* the first unit of running text */
  size_t *body_unit; /* the unit of each body paragraph */
  size_t body_unit_cap;
} S_parse;

static void S_note_date(S_parse *p, const pp_ymd *d, int strength) {
  if (strength > p->hdr_strength) {
    p->hdr_date = *d;
    p->hdr_strength = strength;
  }
}

/* Strips a self-label at the start of s; returns the rest. */
static const char *S_strip_label(S_parse *p, const char *s) {
  const char *g;
  size_t k = S_label(s, &g);
  if (k) {
    if (!p->genre) p->genre = g;
    return s + k;
  }
  return s;
}

/* Does the normalised text of needle occur in the header after unit i? */
static int S_reprinted_after(S_parse *p, size_t i, const char *needle, size_t limit) {
  char *nn = S_norm(needle);
  int found = 0;
  if (!*nn) {
    free(nn);
    return 0;
  }
  pp_buf all = PP_BUF_INIT;
  for (size_t k = i + 1; k < p->u.n && k < i + limit; k++) {
    S_unit *x = &p->u.v[k];
    if (!x->norm) x->norm = S_norm(x->text);
    pp_buf_adds(&all, x->norm);
    pp_buf_addc(&all, ' ');
  }
  if (all.data && strstr(all.data, nn)) found = 1;
  pp_buf_free(&all);
  free(nn);
  return found;
}

/* The headline from a page title "Headline - Site" / "Headline | Site". */
static char *S_page_title(S_parse *p, size_t i, const char *s) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
  if (S_reprinted_after(p, i, s, 30)) return NULL; /* the whole line is the title */
  for (int k = 0; seps[k]; k++) {
    const char *last = NULL;
    for (const char *q = s; (q = strstr(q, seps[k])); q++) last = q;
    if (!last) continue;
    char *prefix = pp_xstrndup(s, (size_t)(last - s));
    if (S_count_words(prefix) >= 3 && S_reprinted_after(p, i, prefix, 30)) {
      const char *site = last + strlen(seps[k]);
      if (!p->issuer_guess && S_count_words(site) <= 10) p->issuer_guess = pp_xstrdup(site);
      return prefix;
    }
    free(prefix);
  }
  return NULL;
}

/* Is unit text s a reprint of the headline (whole, split or labelled)? */
static int S_is_reprint(const pp_record *r, const char *s) {
  if (!r->headline) return 0;
  const char *g;
  size_t k = S_label(s, &g);
  s += k;
  if (!*s) return 0; /* a label alone is no reprint */
  return S_word_cover(s, r->headline) >= 0.8;
}

static void S_set_dateline(S_parse *p, const char *text, size_t len, char *place, int y, int m,
                           int d) {
  pp_record *r = p->r;
  if (r->dateline.text && !p->header_dateline) {
    free(place);
    return;
  }
  if (p->header_dateline) { /* the text's own dateline wins over a header line */
    free(r->dateline.text);
    free(r->dateline.place);
    free(r->dateline.date);
    memset(&r->dateline, 0, sizeof r->dateline);
    p->header_dateline = 0;
  }
  char *t = pp_text_collapse(text, len);
  /* trailing separator and spaces stay out of the printed dateline */
  size_t n = strlen(t);
  while (n > 0 && t[n - 1] == ' ') t[--n] = '\0';
  r->dateline.text = t;
  r->dateline.place = place;
  if (m) {
    pp_ymd dd = {y, m, d};
    if (!y && p->hdr_strength && p->hdr_date.y) {
      dd.y = p->hdr_date.y;
      if (p->hdr_date.m < m) dd.y = p->hdr_date.y; /* same year unless it says otherwise */
    }
    char iso[11];
    if (dd.y && pp_date_iso(&dd, iso) == 0) r->dateline.date = pp_xstrdup(iso);
  }
}

/* A header line that is a whole dateline, "Velmora, 3 March 2011": kept
 * as the dateline unless the text has one of its own (read later, it
 * would not replace this one, so only lines with a place count). */
static void S_dateline_line(S_parse *p, const char *s) {
  char *place = NULL;
  int y, m, d;
  size_t k = pp_dateline_match(s, &place, &y, &m, &d);
  if (k && place && m && !s[k + S_spaces(s + k)] && !p->r->dateline.text) {
    S_set_dateline(p, s, k, place, y, m, d);
    p->header_dateline = 1;
    return;
  }
  free(place);
}

/* Looks for a dateline at the start of unit i (or, for a capitalised place
 * with a date, after a caption inside it). Removes it from the unit. With
 * strict, a dateline of a place in ordinary case without a date does not
 * count (deeper in the text such a start is a sentence). */
static unsigned S_cls_of(const S_parse *p, const char *s, size_t n);
static int S_is_running_text(const char *s);

/* A dateline match that is not one: a label with a colon ("SUBJECTS:",
 * "REPORTER:", a transcript speaker), or a name in ordinary case and a
 * dash over a title rather than running text ("Jane Roe - Interview"). */
static int S_false_dateline(const S_parse *p, const char *s, size_t k, int m) {
  size_t e = k;
  while (e > 0 && s[e - 1] == ' ') e--;
  if (e > 0 && s[e - 1] == ':') {
    if (!s[k]) return 1;
    size_t w = e - 1;
    if (S_cls_of(p, s, w) & (PP_LX_LAYOUT_LABEL | PP_LX_ROLE | PP_LX_TITLE)) return 1;
    size_t turns = 0; /* the same label opens other paragraphs: a transcript */
    for (size_t q = 0; q < p->u.n && turns < 2; q++)
      if (strncmp(p->u.v[q].text, s, e) == 0) turns++;
    if (turns >= 2) return 1;
  }
  if (!m) {
    int lower = 0;
    for (size_t c = 0; c < k; c++)
      if (S_lower((unsigned char)s[c])) lower = 1;
    if (lower && !S_is_running_text(s + k)) return 1;
  }
  return 0;
}

static int S_find_dateline(S_parse *p, size_t i, int strict) {
  char *s = p->u.v[i].text;
  char *place = NULL;
  int y, m, d;
  size_t k = pp_dateline_match(s, &place, &y, &m, &d);
  if (k && S_false_dateline(p, s, k, m)) {
    free(place);
    place = NULL;
    k = 0;
  }
  if (k && strict && !m) {
    /* further into the text only a dateline in capitals or with a date */
    for (const char *c = s; c < s + k; c++)
      if (S_lower((unsigned char)*c)) {
        free(place);
        place = NULL;
        k = 0;
        break;
      }
  }
  if (k) {
    S_set_dateline(p, s, k, place, y, m, d);
    memmove(s, s + k, strlen(s + k) + 1);
    return 1;
  }
  /* "...caption.PORTVILLE, 3 March 2011 - text" */
  for (char *q = s + 1; *q && q < s + 400; q++) { /* a caption is short */
    if (!S_upper((unsigned char)*q) || !S_upper((unsigned char)q[1])) continue;
    /* only after the end of a caption's sentence */
    if (!(q[-1] == '.' || (q[-1] == ' ' && q - s >= 2 && q[-2] == '.'))) continue;
    k = pp_dateline_match(q, &place, &y, &m, &d);
    if (k && m && place && q[k] && strlen(place) >= 3) {
      int caps = 1;
      for (const char *c = q; c < q + strlen(place); c++)
        if (S_lower((unsigned char)*c)) caps = 0;
      if (caps) {
        S_set_dateline(p, q, k, place, y, m, d);
        /* the caption becomes a paragraph of its own */
        char *rest = pp_xstrdup(q + k);
        *q = '\0';
        char *caption = pp_text_collapse(s, strlen(s));
        free(p->u.v[i].text);
        p->u.v[i].text = rest;
        pp_strv_take(&p->r->body, caption);
        pp_xgrow((void **)&p->body_unit, &p->body_unit_cap, p->r->body.n, sizeof *p->body_unit);
        p->body_unit[p->r->body.n - 1] = i;
        return 1;
      }
      free(place);
      place = NULL;
    } else {
      free(place);
      place = NULL;
    }
  }
  return 0;
}

/* Is t already a paragraph? An open-addressing set of body indexes keeps
 * this linear however many paragraphs there are. Adds t when it is new. */
static int S_seen_paragraph(S_parse *p, const char *t) {
  pp_strv *b = &p->r->body;
  if (p->seen_cap < 2 * (b->n + 1)) {
    size_t cap = p->seen_cap ? p->seen_cap * 2 : 64;
    while (cap < 2 * (b->n + 1)) cap *= 2;
    free(p->seen);
    p->seen = pp_xmalloc(cap * sizeof *p->seen);
    for (size_t i = 0; i < cap; i++) p->seen[i] = (size_t)-1;
    p->seen_cap = cap;
    for (size_t k = 0; k < b->n; k++) {
      size_t h = (size_t)pp_hash_str(b->v[k]) & (cap - 1);
      while (p->seen[h] != (size_t)-1) h = (h + 1) & (cap - 1);
      p->seen[h] = k;
    }
  }
  size_t h = (size_t)pp_hash_str(t) & (p->seen_cap - 1);
  while (p->seen[h] != (size_t)-1) {
    if (strcmp(b->v[p->seen[h]], t) == 0) return 1;
    h = (h + 1) & (p->seen_cap - 1);
  }
  p->seen[h] = b->n;
  return 0;
}

/* Adds paragraph s of unit k to the body; 0 when it was there already. */
static int S_add_body(S_parse *p, const char *s, size_t k) {
  /* units are collapsed already; what was cut from them (a dateline, a
   * Markdown link) can only leave spaces at the ends */
  while (*s == ' ') s++;
  size_t n = strlen(s);
  while (n > 0 && s[n - 1] == ' ') n--;
  char *t = pp_xstrndup(s, n);
  if (*t && !S_seen_paragraph(p, t)) {
    pp_strv_take(&p->r->body, t);
    pp_xgrow((void **)&p->body_unit, &p->body_unit_cap, p->r->body.n, sizeof *p->body_unit);
    p->body_unit[p->r->body.n - 1] = k;
    return 1;
  }
  free(t);
  return 0;
}

/* Markdown headings and links as plain text. */
static void S_unmarkdown(char *s) {
  char *w = s;
  const char *r = s;
  if (r[0] == '#') {
    const char *q = r;
    while (*q == '#') q++;
    if (*q == ' ' && q[1]) r = q + 1;
  }
  while (*r) {
    if (*r == '[') {
      const char *close = strstr(r, "](");
      const char *nl = strchr(r + 1, '[');
      if (close && (!nl || nl > close)) {
        const char *end = strchr(close + 2, ')');
        if (end && !memchr(close + 2, ' ', (size_t)(end - close - 2))) {
          size_t tl = (size_t)(close - r - 1);
          memmove(w, r + 1, tl);
          w += tl;
          r = end + 1;
          continue;
        }
      }
    }
    *w++ = *r++;
  }
  *w = '\0';
}

/* A short title above the full headline ("Pier Opened For $2 Mn" then
 * "Harbour Opens Second Pier For $2 Million To Serve ..."): the next title line
 * says the same at more length without merely going on from it. */
static void S_prefer_full_title(S_parse *p, size_t i) {
  pp_record *r = p->r;
  if (p->headline_strong) return;
  size_t k = i + 1;
  while (k < p->u.n && p->u.v[k].kind == U_DROP) k++;
  if (k >= p->u.n) return;
  const char *n = p->u.v[k].text;
  if (!S_is_title_like(n) || S_is_body_like(n) || S_ends_terminal(n)) return;
  if (strlen(n) <= strlen(r->headline) || S_count_words(n) > 25) return;
  if (strncasecmp(n, r->headline, strlen(r->headline)) == 0) return;
  if (S_word_cover(n, r->headline) >= 0.8 || S_word_cover(r->headline, n) < 0.5) return;
  free(r->headline);
  r->headline = pp_xstrdup(n);
  for (size_t q = 0; q < k; q++) /* the short print is a repeat of the headline */
    if (p->u.v[q].cls == PP_LINE_HEADLINE) p->u.v[q].cls = PP_LINE_REPEAT;
  S_drop(&p->u.v[k], PP_LINE_HEADLINE);
}

/* Site furniture of the header: chrome, references, glued menus, bars of
 * links (and, above the headline, bylines). */
static int S_is_furniture(const char *s, int bylines) {
  return S_is_chrome(s) || S_is_meta(s) || S_is_glued_menu(s) || S_is_nav_bar(s) ||
         (S_is_stamp(s) && S_count_words(s) <= 12) ||
         (bylines && S_is_byline(s));
}

/* A date line of the header ("Published on ...", "Velmora, 3 March 2011"):
 * its date is noted, a whole dateline kept, and the unit left out. */
static int S_take_date_line(S_parse *p, S_unit *x) {
  pp_ymd d;
  int st;
  if (!S_date_line(x->text, &d, &st)) return 0;
  S_note_date(p, &d, st);
  int had = p->r->dateline.text != NULL;
  S_dateline_line(p, x->text);
  S_drop(x, !had && p->r->dateline.text ? PP_LINE_DATELINE : PP_LINE_DATE);
  return 1;
}

/* Is unit i the last one the text has (a one-sentence text is no title)? */
static int S_last_unit(const S_parse *p, size_t i) {
  for (size_t k = i + 1; k < p->u.n; k++)
    if (p->u.v[k].kind != U_DROP && !S_is_end_mark(p->u.v[k].text)) return 0;
  return 1;
}

/* Is unit i a name the next unit repeats word for word ("Jane Roe" over
 * "Jane Roe will lead ...")? A caption, not a title. Only for two words. */
static int S_named_next(const S_parse *p, size_t i) {
  const char *s = p->u.v[i].text;
  if (S_count_words(s) != 2 || i + 1 >= p->u.n) return 0;
  return strstr(p->u.v[i + 1].text, s) != NULL;
}

/* Reads units from start up to the headline: navigation, labels, dates.
 * Sets r->headline (or leaves it NULL when the text starts first) and
 * p->after_headline. */
static void S_find_headline(S_parse *p, size_t start) {
  pp_record *r = p->r;
  S_units *u = &p->u;
  size_t i;
  size_t short_title = (size_t)-1; /* a short title-like line in sentence case */
  /* Above the headline: navigation, labels, dates. */
  for (i = start; i < u->n && !r->headline; i++) {
    S_unit *x = &u->v[i];
    if (x->kind == U_DROP) continue;
    char *s = x->text;
    pp_ymd d;
    int st;
    const char *g;
    size_t lk = S_label(s, &g);
    if (lk) {
      if (!p->genre) p->genre = g;
      if (S_date_line(s, &d, &st)) {
        S_note_date(p, &d, st);
        S_drop(x, PP_LINE_GENRE);
        continue;
      }
      if (!S_is_title_like(s + lk)) { /* "FOR IMMEDIATE RELEASE: Headline" goes on below */
        S_drop(x, PP_LINE_GENRE);
        continue;
      }
    }
    if (S_is_furniture(s, 1)) {
      S_drop(x, PP_LINE_FURNITURE);
      continue;
    }
    if (S_take_date_line(p, x)) continue;
    if (S_is_bullet(s, strlen(s)) && !S_is_body_like(s)) { /* a menu's items */
      S_drop(x, PP_LINE_FURNITURE);
      continue;
    }
    char *pl = NULL;
    int y, m, dd;
    size_t dk = lk ? 0 : pp_dateline_match(s, &pl, &y, &m, &dd);
    free(pl);
    if (S_is_body_like(s + lk) || (dk && (m || S_count_words(s + dk) > 8)) ||
        (S_ends_terminal(s) && S_count_words(s) >= 4 && S_last_unit(p, i))) {
      /* the text begins; a short sentence-case line just above it was its title */
      if (short_title != (size_t)-1) {
        r->headline = pp_xstrdup(u->v[short_title].text);
        p->headline_unit = short_title;
        u->v[short_title].cls = PP_LINE_HEADLINE;
        for (size_t q = 0; q < r->sections.n; q++)
          if (strcmp(r->sections.v[q], r->headline) == 0) {
            free(r->sections.v[q]);
            memmove(r->sections.v + q, r->sections.v + q + 1,
                    (r->sections.n - q - 1) * sizeof *r->sections.v);
            r->sections.n--;
            break;
          }
      }
      break;
    }
    if (S_is_title_like(s)) {
      char *t = S_page_title(p, i, s);
      if (t) {
        r->headline = pp_xstrdup(S_strip_label(p, t));
        p->headline_strong = 1;
        p->from_page_title = 1;
        free(t);
      } else {
        r->headline = pp_xstrdup(S_strip_label(p, s));
      }
      p->headline_unit = i;
      S_drop(x, PP_LINE_HEADLINE);
      /* a title split over lines: the next line goes on with "By", "of", ... */
      while (i + 1 < u->n && !u->v[i + 1].blank_before) {
        const char *n = u->v[i + 1].text;
        static const char *const cont[] = {"by ", "and ", "of ", "in ", "for ", "to ", "with ",
                                           "at ", "on ", "from ", "as ", "amid ", "after ", NULL};
        int c = S_lower((unsigned char)n[0]);
        for (int q = 0; cont[q] && !c; q++) c = S_starts_ci(n, cont[q]);
        if (!c || S_is_body_like(n) || S_word_cover(n, r->headline) >= 0.8) break;
        char *joined = pp_xasprintf("%s %s", r->headline, n);
        free(r->headline);
        r->headline = joined;
        S_drop(&u->v[++i], PP_LINE_HEADLINE);
      }
      S_prefer_full_title(p, i);
      i++;
      break;
    }
    if (S_is_section_like(s)) {
      if (!pp_strv_contains(&r->sections, s)) pp_strv_push(&r->sections, s);
      S_drop(x, PP_LINE_SECTION);
    } else {
      S_drop(x, S_CLS_HEADER);
    }
    short_title = (S_is_sentence_case(s) || (S_is_title_case(s, strlen(s)) && !S_is_chrome(s) &&
                                             S_count_words(s) >= 2 && !S_named_next(p, i) && x->blank_before == 0 &&
                                             i + 1 < u->n && u->v[i + 1].blank_before))
                      ? i
                      : (size_t)-1;
  }
  p->after_headline = i;
}

/* Running text: a paragraph of sentences, not a header line. */
/* The pack's classes of s[0..n) (0 without a pack). */
static unsigned S_cls_of(const S_parse *p, const char *s, size_t n) {
  const pp_lexent *e = p->pack ? pp_lang_find(p->pack, s, n) : NULL;
  return e ? e->cls : 0;
}

static int S_is_running_text(const char *s) {
  size_t w = S_count_words(s);
  return w > 40 || (w >= 10 && S_ends_terminal(s) && S_last_cp(s) != ':');
}

/* A stamp of the page, not the release: "Last updated 3 May 2011",
 * "Page modified ...", "Printed on ...", "Accessed ...". */
static int S_is_stamp(const char *s) {
  while (*s && !S_alpha((unsigned char)*s)) s++;
  return S_lx_prefix(s, PP_LX_LAYOUT_STAMP, 0);
}

/* A short line that is a date with a few words about it: a place, a time,
 * a reference number or a label ("Capital City 4 May 1990", "MEDIA
 * RELEASE 4 May 1990", "No. 17/90 4 May 1990", "Velmora, 14/06/2015").
 * Numeric dates count here (day first unless month_first). At most
 * max_other words besides the date. */
static int S_short_date_line(const char *s, size_t max_other, int month_first, pp_ymd *d) {
  size_t off, len;
  if (strnlen(s, 400) > (max_other + 6) * 30) return 0; /* cheap: a long paragraph */
  if (S_count_words(s) > max_other + 6) return 0;
  if (S_is_stamp(s)) return 0;
  int fl = PP_DATE_NEED_YEAR | PP_DATE_NUMERIC | (month_first ? PP_DATE_MONTH_FIRST : 0);
  if (!pp_date_find_ex(s, strlen(s), fl, d, &off, &len)) return 0;
  char *before = pp_xstrndup(s, off);
  size_t other = S_count_words(before) + S_count_words(s + off + len);
  free(before);
  return other <= max_other;
}

/* A line of at most max_words that starts with a date, or ends with one
 * (punctuation or a reference number may follow: "... 16 June 1978
 * 52/78"). Numeric dates count. */
static int S_edge_date_line(const char *s, size_t max_words, int month_first, pp_ymd *d) {
  size_t off, len;
  if (S_count_words(s) > max_words || S_is_stamp(s)) return 0;
  int fl = PP_DATE_NEED_YEAR | PP_DATE_NUMERIC | (month_first ? PP_DATE_MONTH_FIRST : 0);
  size_t n = strlen(s);
  size_t from = 0;
  while (from < n && pp_date_find_ex(s + from, n - from, fl, d, &off, &len)) {
    off += from;
    int start = 1;
    for (size_t i = 0; i < off; i++)
      if (S_alpha((unsigned char)s[i]) || S_digit((unsigned char)s[i])) start = 0;
    if (start) return 1;
    /* what follows: nothing, punctuation, or up to two words the last
     * of which holds a figure (a reference) */
    const char *rest = s + off + len;
    size_t words = S_count_words(rest);
    int figure = 0, letters = 0;
    for (const char *c = rest; *c; c++) {
      if (S_digit((unsigned char)*c)) figure = 1;
      if (S_alpha((unsigned char)*c)) letters = 1;
    }
    if (!letters && !figure) return 1;
    if (words <= 2 && figure) return 1;
    from = off + len;
  }
  return 0;
}

/* A footer a printer or an archive added: a web address, "(1 of 2)", or a
 * clock time ("04/05/1990 10:42"): its date is when the page was printed
 * or filed, not the release date. */
static int S_is_print_footer(const char *s) {
  if (strstr(s, "http://") || strstr(s, "https://") || strstr(s, "www.")) return 1;
  for (const char *c = s; *c; c++)
    if (S_digit((unsigned char)c[0]) && S_digit((unsigned char)c[1]) && c[2] == ':' &&
        S_digit((unsigned char)c[3]) && S_digit((unsigned char)c[4]))
      return 1;
  return 0;
}

/* Does the text say it is American (a dateline in the United States)?
 * Then numeric dates are month first. */
static int S_month_first(const S_parse *p) {
  const char *t = p->r->dateline.text;
  if (!t) return 0;
  static const char *const marks[] = {"Calif.", "Texas", "Tex.", "Fla.", "Ill.", "N.Y.",
                                      "Ariz.", ", CA", ", TX", ", FL", ", IL", ", NY", ", AZ",
                                      "D.C.", NULL};
  for (int i = 0; marks[i]; i++)
    if (strstr(t, marks[i])) return 1;
  return 0;
}

/* The release date when neither the dateline nor a labelled header date
 * ("Date:", "Published ...") gives one. Candidates, the first found wins:
 *  1. a date line of the header (above the first paragraph of running
 *     text): a date and at most 8 other words ("Capital City, 4 May 1990",
 *     "REF 12/90 4 May 1990");
 *  2. such a line among the first three paragraphs of the body (a
 *     letterhead the header scan took for text);
 *  3. a date line at the foot: one of the last four paragraphs, the date
 *     with at most 5 other words ("Capital City, 4 May 1990", "4th May, 1990");
 *  3b. the one date of the body that stands alone as a paragraph, with
 *     at most 3 other words ("CAPITAL CITY, 4 May 1990" above the attachments);
 *     two different ones say nothing;
 *  4. a longer header line that starts or ends with a date, a reference
 *     number allowed after it ("Interview with the Minister, Radio 2XY -
 *     4 May 1990", "4 May 1990 17/90"): weaker than a line of its own,
 *     since a title may carry the date of the event it announces;
 *  5. the same at the foot: a paragraph of at most 25 words ("Office of
 *     the Minister, Capital City 4 May 1990", "4 May 1990 For more information
 *     call ...");
 *  6. a date at the start of the first sentence ("On 3 March 2011 ...",
 *     "Today, 4 May 2011, ...").
 * At the foot a printer's or archive's footer (a web address, a clock
 * time) is passed over.
 * Stamps ("Last updated ...") never count; event dates deeper in the text
 * are never read. */
static void S_choose_date(S_parse *p) {
  pp_record *r = p->r;
  int mf = S_month_first(p);
  pp_ymd d;
  int found = 0;
  for (size_t k = 0; !found && k < p->text_start && k < p->u.n; k++)
    found = S_short_date_line(p->u.v[k].text, 8, mf, &d);
  for (size_t k = 0; !found && k < 3 && k < r->body.n; k++)
    found = S_short_date_line(r->body.v[k], 8, mf, &d);
  for (size_t back = 0; !found && back < 4 && back < r->body.n; back++) {
    const char *s = r->body.v[r->body.n - 1 - back];
    found = !S_is_print_footer(s) && S_short_date_line(s, 5, mf, &d);
  }
  if (!found) { /* one date standing alone as a paragraph, anywhere */
    int n = 0;
    pp_ymd one = {0, 0, 0}, x;
    for (size_t k = 0; k < r->body.n && n < 2; k++)
      if (S_short_date_line(r->body.v[k], 3, mf, &x) && !S_is_print_footer(r->body.v[k]) &&
          (n == 0 || x.y != one.y || x.m != one.m || x.d != one.d)) {
        one = x;
        n++;
      }
    if (n == 1) {
      d = one;
      found = 1;
    }
  }
  for (size_t k = 0; !found && k < p->text_start && k < p->u.n; k++)
    found = S_edge_date_line(p->u.v[k].text, 40, mf, &d);
  for (size_t back = 0; !found && back < 4 && back < r->body.n; back++) {
    const char *s = r->body.v[r->body.n - 1 - back];
    found = !S_is_print_footer(s) && S_edge_date_line(s, 25, mf, &d);
  }
  if (!found && r->body.n > 0) {
    const char *b = r->body.v[0];
    const char *end = b;
    while (*end && !(*end == '.' && end[1] == ' ' && end - b > 3 && !S_upper((unsigned char)end[-1])))
      end++;
    size_t off, len;
    if (pp_date_find(b, (size_t)(end - b), 1, &d, &off, &len) && off < 40) found = 1;
  }
  char iso[11];
  if (found && pp_date_iso(&d, iso) == 0) r->dateline.date = pp_xstrdup(iso);
}

/* A telephone number: a run of digits, spaces, dots, dashes and
 * parentheses holding seven digits or more, in two groups or more:
 * "(555) 010-0199", "+1 555 0100 22". */
static int S_has_phone(const char *s) {
  for (const char *c = s; *c; c++) {
    if (!S_digit((unsigned char)*c) && *c != '(' && *c != '+') continue;
    size_t digits = 0, groups = 0;
    const char *e = c;
    int in = 0;
    while (*e && (S_digit((unsigned char)*e) || *e == ' ' || *e == '-' || *e == '.' ||
                  *e == '(' || *e == ')' || *e == '+')) {
      if (S_digit((unsigned char)*e)) {
        digits++;
        if (!in) groups++;
        in = 1;
      } else {
        in = 0;
      }
      e++;
    }
    /* years ("2021-2025", "1990-91 1992") are no phone number */
    int year = 0;
    for (const char *y = c; y + 4 <= e; y++)
      if ((y == c || !S_digit((unsigned char)y[-1])) && S_digit((unsigned char)y[0]) &&
          S_digit((unsigned char)y[1]) && S_digit((unsigned char)y[2]) &&
          S_digit((unsigned char)y[3]) && (y + 4 == e || !S_digit((unsigned char)y[4])) &&
          (y[0] == '1' || y[0] == '2'))
        year = 1;
    int marked = memchr(c, '(', (size_t)(e - c)) || memchr(c, '+', (size_t)(e - c));
    if (digits >= 7 && groups >= 2 && (marked || !year)) return 1;
    c = e > c ? e - 1 : c;
  }
  return 0;
}

/* The pack's classes of the word at s (letters, dots, hyphens). */
static unsigned S_word_cls(const char *s, size_t *len) {
  size_t n = 0;
  while (s[n] && s[n] != ' ' && s[n] != ',' && s[n] != ':' && s[n] != ';') n++;
  *len = n;
  const pp_lexent *e = S_pack && n ? pp_lang_find(S_pack, s, n) : NULL;
  return e ? e->cls : 0;
}

/* A line of a letterhead or issuer block (data/README.md, "Layout"):
 *  - a person with a post-nominal ("THE HON JANE ROE MP", "John Doe, QC");
 *  - a line that starts with forms of address or titles and goes on with
 *    a name only ("Senator Tom Vale", "The Hon. Jane Roe");
 *  - an office: a role word (after role modifiers) followed by "for",
 *    "of", "to" or nothing ("Minister for Harbours", "Senator for the
 *    North", "Shadow Minister", "Member for Eastvale");
 *  - an address: a line of at most eight words ending in a postcode.
 * "Minister opens new pier" is a title: the role word is followed by a
 * verb, not "for"/"of". */
static int S_is_letterhead_line(const char *s) {
  if (!S_pack) return 0;
  size_t w = S_count_words(s);
  if (w == 0 || w > 16) return 0;
  /* a post-nominal as a word of the line, after two words or more */
  size_t i = 0, k = 0, words = 0;
  while (s[i]) {
    while (s[i] == ' ' || s[i] == ',') i++;
    if (!s[i]) break;
    unsigned c = S_word_cls(s + i, &k);
    if (words >= 2 && (c & PP_LX_POSTNOM) && k >= 2 && S_upper((unsigned char)s[i])) return 1;
    words++;
    i += k ? k : 1;
    while (s[i] && s[i] != ' ') i++;
  }
  /* forms of address and titles, then capitalised words only */
  i = 0;
  int address = 0;
  for (;;) {
    while (s[i] == ' ') i++;
    unsigned c = S_word_cls(s + i, &k);
    if (!k) break;
    if ((c & (PP_LX_HONORIFIC | PP_LX_TITLE)) || (k == 3 && !strncasecmp(s + i, "the", 3))) {
      address++;
      i += k;
      continue;
    }
    break;
  }
  if (address && s[i] && w <= 6) {
    int names = 1;
    for (const char *c = s + i; *c; c++)
      if (c[0] == ' ' && c[1] && !S_upper((unsigned char)c[1])) names = 0;
    if (names && S_upper((unsigned char)s[i])) return 1;
  }
  /* an office */
  i = 0;
  for (;;) {
    while (s[i] == ' ') i++;
    unsigned c = S_word_cls(s + i, &k);
    if (!k) break;
    if (c & PP_LX_ROLEMOD) {
      i += k;
      continue;
    }
    if (c & (PP_LX_ROLE | PP_LX_TITLE)) {
      const char *n = s + i + k;
      while (*n == ' ' || *n == ',') n++;
      if (!*n || S_starts_ci(n, "for ") || S_starts_ci(n, "of ") || S_starts_ci(n, "to ") ||
          S_starts_ci(n, "assisting "))
        return 1;
    }
    break;
  }
  /* an address ending in a postcode */
  size_t n = strlen(s), dg = 0;
  while (n > 0 && S_digit((unsigned char)s[n - 1])) n--, dg++;
  if (dg >= 4 && dg <= 5 && n > 0 && s[n - 1] == ' ' && w <= 8) return 1;
  return 0;
}

/* Could s be a headline at all? A title-like line that is no label, date,
 * field, contact or furniture line: "Media Contact:", "Tue, 3 Mar 2011 -
 * 10:42", "Incident Type: Fire", "Tel. 555 0100 ...". */
static int S_title_worthy(const char *s) {
  if (!s || !S_is_title_like(s) || S_is_furniture(s, 1) || S_is_end_mark(s)) return 0;
  const char *g;
  size_t lk = S_label(s, &g);
  if (lk && !s[lk]) return 0;
  if (S_is_field(s, strlen(s))) return 0;
  pp_ymd d;
  if (S_short_date_line(s, 3, 0, &d) || S_is_stamp(s)) return 0;
  size_t digits = 0, all = 0;
  for (const char *c = s; *c; c++, all++) digits += S_digit((unsigned char)*c);
  if (digits >= 7 && digits * 5 >= all) return 0; /* phone numbers, postcodes */
  if (S_has_phone(s)) return 0;                    /* a letterhead or contact line */
  if (S_is_letterhead_line(s)) return 0;
  return 1;
}

/* Removes body paragraph of unit k, if it is one. */
static void S_unbody(S_parse *p, size_t k) {
  pp_record *r = p->r;
  for (size_t j = 0; j < r->body.n; j++)
    if (p->body_unit[j] == k) {
      free(r->body.v[j]);
      memmove(r->body.v + j, r->body.v + j + 1, (r->body.n - j - 1) * sizeof *r->body.v);
      memmove(p->body_unit + j, p->body_unit + j + 1, (r->body.n - j - 1) * sizeof *p->body_unit);
      r->body.n--;
      return;
    }
}

/* Makes unit k the headline: the lines that held the old one were furniture. */
static void S_set_headline_unit(S_parse *p, size_t k) {
  pp_record *r = p->r;
  for (size_t q = 0; q < p->u.n; q++)
    if (p->u.v[q].cls == PP_LINE_HEADLINE) p->u.v[q].cls = PP_LINE_FURNITURE;
  /* the lines between the old top and the new headline that were taken
   * for text: the page's furniture */
  for (size_t q = 0; q < k; q++)
    if (p->u.v[q].kind != U_DROP && p->u.v[q].cls == PP_LINE_BODY) {
      S_unbody(p, q);
      S_drop(&p->u.v[q], S_is_letterhead_line(p->u.v[q].text) ? PP_LINE_LETTERHEAD
                                                               : PP_LINE_FURNITURE);
    }
  for (size_t q = 0; q < k; q++)
    if ((p->u.v[q].cls == PP_LINE_HEADLINE || p->u.v[q].cls == PP_LINE_SUBHEADLINE ||
         p->u.v[q].cls == PP_LINE_FURNITURE || p->u.v[q].cls == PP_LINE_SECTION) &&
        S_is_letterhead_line(p->u.v[q].text))
      p->u.v[q].cls = PP_LINE_LETTERHEAD;
  if (r->subheadline && strcmp(r->subheadline, p->u.v[k].text) == 0) {
    free(r->subheadline);
    r->subheadline = NULL;
  }
  free(r->headline);
  r->headline = pp_xstrdup(S_strip_label(p, p->u.v[k].text));
  if (p->u.v[k].kind != U_DROP) S_unbody(p, k);
  S_drop(&p->u.v[k], PP_LINE_HEADLINE);
  p->headline_unit = k;
}

/* The headline, decided over the whole header block (the units above the
 * first paragraph of running text), after the scan above chose one:
 *  1. a title-like line of four words or more printed twice or more in
 *     the header block is the headline (pages print the title as page
 *     title, heading and caption), unless the chosen one is printed twice
 *     too (then the repeated short line is a channel's name);
 *  2. a chosen headline that cannot be one (a label, a date or time, a
 *     field, a contact or address line: S_title_worthy) gives way to the
 *     first line below it that can;
 *  3. with no headline, a first line directly above a date line ("Posted
 *     on ...", "12 May 2020") that is above the text is the headline,
 *     even when it is a sentence.
 * A headline from an export's "Title:" field or a "# " heading stands. */
static void S_decide_headline(S_parse *p) {
  pp_record *r = p->r;
  S_units *u = &p->u;
  if (p->headline_strong) return;
  size_t end = p->text_start < u->n ? p->text_start : u->n;
  /* 0: no headline, but a line near the top printed again below (a page
   * title over its heading): the heading print is the headline */
  for (size_t k = 0; !r->headline && k < 12 && k < u->n; k++) {
    const char *a = u->v[k].text;
    size_t wa = S_count_words(a);
    if (wa < 4 || wa > 60 || S_is_furniture(a, 0)) continue;
    if (!u->v[k].norm) u->v[k].norm = S_norm(a);
    for (size_t q = k + 1; q < k + 16 && q < u->n; q++) {
      S_unit *b = &u->v[q];
      if (S_count_words(b->text) < 4) continue;
      if (!b->norm) b->norm = S_norm(b->text);
      size_t lb = strlen(b->norm);
      if (strcmp(b->norm, u->v[k].norm) != 0 &&
          !(strncmp(u->v[k].norm, b->norm, lb) == 0 && u->v[k].norm[lb] == ' '))
        continue;
      if (u->v[k].kind != U_DROP) S_unbody(p, k);
      S_drop(&u->v[k], PP_LINE_REPEAT);
      S_set_headline_unit(p, q);
      if (p->text_start <= q) p->text_start = q + 1;
      return;
    }
  }
  /* 1: unless the chosen headline is printed twice itself */
  int hl_twice = p->from_page_title;
  size_t hw = r->headline ? S_count_words(r->headline) : 0;
  for (size_t k = 0; k < end && r->headline && !hl_twice; k++)
    if (k != p->headline_unit && u->v[k].cls != PP_LINE_HEADLINE &&
        S_count_words(u->v[k].text) * 5 >= hw * 4 && S_word_cover(r->headline, u->v[k].text) >= 0.8)
      hl_twice = 1;
  for (size_t k = 0; k < end && !hl_twice; k++) {
    const char *s = u->v[k].text;
    if (S_count_words(s) < 4) continue;
    size_t seen = 0;
    for (size_t q = 0; q < end && !seen; q++)
      if (q != k && strcmp(u->v[q].text, s) == 0) seen++;
    if (!seen || !S_title_worthy(s) ||
        (r->headline && strcmp(S_strip_label(p, s), r->headline) == 0))
      continue;
    {
      for (size_t q = k + 1; q < end; q++)
        if (strcmp(u->v[q].text, s) == 0 && u->v[q].cls != PP_LINE_BODY) u->v[q].cls = PP_LINE_REPEAT;
        else if (strcmp(u->v[q].text, s) == 0) {
          S_unbody(p, q);
          u->v[q].kind = U_DROP;
          u->v[q].cls = PP_LINE_REPEAT;
        }
      S_set_headline_unit(p, k);
      return;
    }
  }
  /* 2 */
  if (r->headline && !S_title_worthy(r->headline) && p->headline_unit != (size_t)-1) {
    for (size_t k = p->headline_unit + 1; k < end; k++) {
      if (u->v[k].cls == PP_LINE_HEADLINE) continue;
      if (S_title_worthy(u->v[k].text) && S_count_words(u->v[k].text) >= 4) {
        S_set_headline_unit(p, k);
        return;
      }
    }
  }
  /* 3 */
  if (!r->headline) {
    size_t f = 0;
    while (f < u->n && u->v[f].kind == U_DROP) f++;
    if (f + 2 < u->n && S_count_words(u->v[f].text) <= 40 && S_first_alnum(u->v[f].text) &&
        !S_lower((unsigned char)u->v[f].text[0])) {
      pp_ymd d;
      int st;
      const char *nx = u->v[f + 1].text;
      if ((S_date_line(nx, &d, &st) || S_short_date_line(nx, 8, 0, &d)) &&
          S_is_running_text(u->v[f + 2].text))
        S_set_headline_unit(p, f);
    }
  }
}

/* The headline without what a page glued to it:
 *  - the site's name after " - ", " | ", " – ": two to twelve words that
 *    name an office (a word the pack knows as an organisation head, a role
 *    or a title: "Title - Example County Prosecutor's Office");
 *  - symbols before the first letter ("¬¬ Title", "» Title").
 * The site's name is kept as the issuer when none is known. */
static void S_trim_headline(S_parse *p) {
  pp_record *r = p->r;
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
  char *h = r->headline;
  for (int k = 0; seps[k]; k++) {
    char *last = NULL;
    for (char *q = h; (q = strstr(q, seps[k])); q++) last = q;
    if (!last) continue;
    const char *site = last + strlen(seps[k]);
    size_t ws = S_count_words(site);
    if (ws < 2 || ws > 12 || S_count_words(h) - ws < 3) continue;
    int office = 0;
    for (const char *w = site; *w;) {
      while (*w == ' ') w++;
      size_t n = strcspn(w, " ");
      size_t m = n;
      while (m > 0 && !S_alpha((unsigned char)w[m - 1])) m--;
      if (m >= 2 && w[m - 1] == 's' && w[m - 2] == '\'') m -= 2; /* "Attorney's" */
      else if (m >= 4 && !strncmp(w + m - 4, "\xE2\x80\x99s", 4)) m -= 4;
      if (m && (S_cls_of(p, w, m) & (PP_LX_ORGHEAD | PP_LX_ROLE | PP_LX_TITLE))) office = 1;
      w += n;
    }
    if (!office) continue;
    if (!p->issuer_guess) p->issuer_guess = pp_xstrdup(site);
    *last = '\0';
    k = -1; /* the site may be glued twice */
  }
  size_t lead = 0;
  while (h[lead] && !S_first_is_alnum(h + lead) && h[lead] != '"' && h[lead] != '\'' &&
         (unsigned char)h[lead] != 0xE2)
    lead++;
  if (lead && h[lead]) memmove(h, h + lead, strlen(h + lead) + 1);
}

/* The header lines no class claimed (S_CLS_HEADER). When the text has a
 * body they were furniture. When it has none the header scan ran through
 * the whole text: a text of short lines (a schedule, a list of names) has
 * no page header, and its lines, with those taken for sections, are its
 * body. */
static void S_settle_header(S_parse *p) {
  pp_record *r = p->r;
  S_units *u = &p->u;
  if (r->body.n > 0) {
    for (size_t k = 0; k < u->n; k++)
      if (u->v[k].cls == S_CLS_HEADER) u->v[k].cls = PP_LINE_FURNITURE;
    return;
  }
  for (size_t k = 0; k < u->n; k++) {
    S_unit *x = &u->v[k];
    if (x->cls != S_CLS_HEADER && x->cls != PP_LINE_SECTION) continue;
    x->kind = U_BODY;
    x->cls = S_add_body(p, x->text, k) ? PP_LINE_BODY : PP_LINE_REPEAT;
  }
  pp_strv_free(&r->sections);
}

static void S_parse_units(S_parse *p) {
  pp_record *r = p->r;
  S_units *u = &p->u;
  size_t i = 0;
  p->headline_unit = (size_t)-1;

  /* Header fields some exports carry: "Title:", "Date:", "URL:", "Content:" */
  for (size_t k = 0; k < u->n && k < 12; k++) {
    char *s = u->v[k].text;
    pp_ymd d;
    if (S_starts_ci(s, "title:") && !r->headline) {
      const char *t = S_strip_label(p, s + 6 + S_spaces(s + 6));
      r->headline = pp_xstrdup(t);
      p->headline_unit = k;
      p->headline_strong = 1;
      S_drop(&u->v[k], PP_LINE_HEADLINE);
    } else if (S_starts_ci(s, "date:")) {
      int st;
      int ok = S_date_line(s, &d, &st);
      if (ok) S_note_date(p, &d, 3);
      S_drop(&u->v[k], ok ? PP_LINE_DATE : PP_LINE_FIELD);
    } else if ((S_starts_ci(s, "url:") || S_starts_ci(s, "source:")) &&
               (strstr(s, "http://") || strstr(s, "https://"))) {
      const char *h = strstr(s, "http");
      if (!r->url && !strchr(h, ' ')) r->url = pp_xstrdup(h);
      S_drop(&u->v[k], PP_LINE_FIELD);
    } else if (strcasecmp(s, "content:") == 0) {
      S_drop(&u->v[k], PP_LINE_FIELD);
    } else if (s[0] == '#' && s[1] == ' ' && !r->headline && S_first_alnum(s) &&
               !S_is_end_mark(s)) {
      r->headline = pp_xstrdup(s + 2);
      p->headline_unit = k;
      p->headline_strong = 1;
      S_drop(&u->v[k], PP_LINE_HEADLINE);
    }
  }

  if (p->headline_strong) {
    /* above a "Title:" field or a "# Heading": the export's other fields */
    for (size_t k = 0; k < p->headline_unit; k++)
      if (u->v[k].cls == PP_LINE_NONE) S_drop(&u->v[k], PP_LINE_FIELD);
    p->after_headline = p->headline_unit + 1;
  } else
    S_find_headline(p, 0);
  i = p->after_headline;

  /* Between the headline and the text. */
  int reprinted = 0;
  for (; i < u->n; i++) {
    S_unit *x = &u->v[i];
    if (x->kind == U_DROP) continue;
    char *s = x->text;
    pp_ymd d;
    int st;
    const char *g;
    size_t lk = S_label(s, &g);
    int body_like = S_is_body_like(s);
    if (!body_like && S_is_reprint(r, s)) {
      if (lk && !p->genre) p->genre = g; /* "Press Release: <headline>" */
      S_drop(x, PP_LINE_REPEAT);
      reprinted = 1;
      continue;
    }
    if (lk && !body_like) {
      if (!p->genre) p->genre = g;
      if (S_date_line(s, &d, &st)) S_note_date(p, &d, st);
      S_drop(x, PP_LINE_GENRE);
      continue;
    }
    if (p->from_page_title && !reprinted && !body_like) {
      /* between a page title and the headline's print: the site's menus */
      int dl = S_date_line(s, &d, &st);
      if (dl) S_note_date(p, &d, st);
      if (S_is_section_like(s) && !S_is_chrome(s)) {
        if (!pp_strv_contains(&r->sections, s)) pp_strv_push(&r->sections, s);
        S_drop(x, PP_LINE_SECTION);
      } else {
        S_drop(x, dl ? PP_LINE_DATE : PP_LINE_FURNITURE);
      }
      continue;
    }
    if (S_is_nav_bar(s) && !p->headline_strong) {
      /* the headline stood above the site's navigation: look again below it */
      free(r->headline);
      r->headline = NULL;
      free(r->subheadline);
      r->subheadline = NULL;
      for (size_t q = 0; q < i; q++) /* a page title above the navigation */
        if (u->v[q].cls == PP_LINE_HEADLINE || u->v[q].cls == PP_LINE_SUBHEADLINE)
          u->v[q].cls = PP_LINE_FURNITURE;
      S_drop(x, PP_LINE_FURNITURE);
      S_find_headline(p, i + 1);
      i = p->after_headline - 1;
      continue;
    }
    if (S_is_furniture(s, 0)) {
      S_drop(x, PP_LINE_FURNITURE);
      continue;
    }
    char *pl = NULL;
    int y, m, dd;
    size_t dk = pp_dateline_match(s, &pl, &y, &m, &dd);
    if (dk) {
      const char *rest = s + dk;
      if (!*rest) { /* "CHICAGO —" on a line of its own */
        S_set_dateline(p, s, dk, pl, y, m, dd);
        S_drop(x, PP_LINE_DATELINE);
        p->strip_dash = 1;
        continue;
      }
      if (r->headline && S_word_cover(rest, r->headline) >= 0.8 &&
          S_count_words(rest) <= S_count_words(r->headline) + 2) {
        S_set_dateline(p, s, dk, pl, y, m, dd); /* "Place- Headline." */
        S_drop(x, PP_LINE_DATELINE);
        continue;
      }
      free(pl);
      break; /* the text begins with its dateline */
    }
    if (S_take_date_line(p, x)) continue;
    if (S_is_body_like(s) || !r->headline) break;
    if (S_is_title_like(s) && S_count_words(s) <= 30) {
      if (!r->subheadline && !S_ends_terminal(s)) {
        r->subheadline = pp_xstrdup(s);
        S_drop(x, PP_LINE_SUBHEADLINE);
        continue;
      }
      break;
    }
    if (S_count_words(s) <= 6 && !S_ends_terminal(s)) {
      S_drop(x, PP_LINE_FURNITURE); /* a byline, a menu item, "from the Office of ..." */
      continue;
    }
    break;
  }
  p->body_start = (int)i;
  /* The header block ends at the first paragraph of running text: the
   * lines above it are the header as a reader sees it (a letterhead the
   * scan above left for the body included), for the date and the people. */
  p->text_start = (size_t)p->body_start;
  while (p->text_start < u->n && p->text_start < (size_t)p->body_start + 16 &&
         !S_is_running_text(u->v[p->text_start].text))
    p->text_start++;
  if (p->text_start >= u->n || p->text_start >= (size_t)p->body_start + 16)
    p->text_start = (size_t)p->body_start;
  for (size_t k = 0; k < p->text_start && k < u->n; k++)
    pp_strv_push(&r->letterhead, u->v[k].text);

  /* The dateline: at the start of the text, else at its end. */
  if ((!r->dateline.text || p->header_dateline) && (size_t)p->body_start < u->n) {
    if (!S_find_dateline(p, (size_t)p->body_start, 0))
      for (size_t k = (size_t)p->body_start + 1; k < u->n && k < (size_t)p->body_start + 8; k++)
        if (S_find_dateline(p, k, 1)) break;
  }
  if (p->strip_dash && (size_t)p->body_start < u->n) {
    char *t = u->v[p->body_start].text;
    size_t dsh = S_dash(t);
    if (dsh && t[dsh] == ' ') memmove(t, t + dsh + 1, strlen(t + dsh + 1) + 1);
  }
  /* The body. */
  for (size_t k = (size_t)p->body_start; k < u->n; k++) {
    S_unit *x = &u->v[k];
    if (x->kind == U_DROP) continue;
    char *s = x->text;
    if (!*s) {
      x->cls = PP_LINE_DATELINE; /* the dateline was all of it */
      continue;
    }
    if (S_is_end_mark(s)) {
      x->cls = PP_LINE_END_MARK;
      continue;
    }
    if (S_is_nav_bar(s) || S_is_glued_menu(s) || S_lx_line(s, PP_LX_LAYOUT_FURNITURE)) {
      x->cls = PP_LINE_FURNITURE;
      continue;
    }
    if (pp_strv_contains(&r->sections, s)) {
      x->cls = PP_LINE_SECTION;
      continue;
    }
    if (r->headline && strcmp(s, r->headline) == 0) {
      x->cls = PP_LINE_REPEAT;
      continue;
    }
    S_unmarkdown(s);
    x->cls = S_add_body(p, s, k) ? PP_LINE_BODY : PP_LINE_REPEAT;
  }
  /* a dateline at the end: "Velmora, 3 March 2011" alone, among the last
   * paragraphs (contacts may follow it) */
  for (size_t back = 0; !r->dateline.text && back < 3 && back < r->body.n; back++) {
    size_t k = r->body.n - 1 - back;
    const char *last = r->body.v[k];
    char *pl = NULL;
    int y, m, dd;
    size_t dk = pp_dateline_match(last, &pl, &y, &m, &dd);
    if (dk && m && dk + 1 >= strlen(last)) {
      char *t = pp_xstrdup(last);
      S_set_dateline(p, t, strlen(t), pl, y, m, dd);
      free(t);
      free(r->body.v[k]);
      memmove(r->body.v + k, r->body.v + k + 1, (r->body.n - k - 1) * sizeof *r->body.v);
      r->body.n--;
      p->u.v[p->body_unit[k]].cls = PP_LINE_DATELINE;
      memmove(p->body_unit + k, p->body_unit + k + 1, (r->body.n - k) * sizeof *p->body_unit);
    } else {
      free(pl);
    }
  }

  /* The date: see S_choose_date. */
  if (!r->dateline.date && p->hdr_strength) {
    char iso[11];
    if (pp_date_iso(&p->hdr_date, iso) == 0) r->dateline.date = pp_xstrdup(iso);
  }
  S_decide_headline(p);
  if (r->headline) S_trim_headline(p);
  if (!r->dateline.date) S_choose_date(p);
  S_settle_header(p);
}

const char *pp_line_class_name(int c) {
  static const char *const names[PP_LINE_NCLASSES] = {
      "none",     "blank",    "section",   "genre",      "headline", "subheadline", "dateline",
      "body",     "date",     "end-mark",  "furniture",  "letterhead", "repeat",    "field"};
  return c >= 0 && c < PP_LINE_NCLASSES ? names[c] : "none";
}

pp_record *pp_release_parse(const unsigned char *raw, size_t n, const pp_release_opts *o,
                            char **why) {
  return pp_release_parse_lines(raw, n, o, why, NULL, NULL);
}

pp_record *pp_release_parse_lines(const unsigned char *raw, size_t n, const pp_release_opts *o,
                                  char **why, unsigned char **cls, size_t *nlines) {
  pp_decoded dec;
  if (pp_text_decode(raw, n, &dec, why) < 0) return NULL;
  const pp_lang *saved_pack = S_pack;
  S_pack = o ? o->pack : NULL;

  pp_record *r = pp_record_new();
  char hex[65];
  pp_sha256_hex(raw, n, hex);
  r->id = pp_xasprintf("pr-%.16s", hex);
  r->source.name = pp_xstrdup(o && o->name ? o->name : "-");
  r->source.sha256 = pp_xstrdup(hex);
  r->source.bytes = (long long)n;
  r->source.encoding = pp_xstrdup(dec.encoding);
  r->language = pp_xstrdup(o && o->lang ? o->lang : "en");
  if (strcmp(dec.encoding, "windows-1252") == 0)
    pp_record_warn(r, "input is not valid UTF-8; read as Windows-1252");
  if (dec.replaced)
    pp_record_warn(r, "%d byte%s could not be decoded and became U+FFFD", dec.replaced,
                   dec.replaced == 1 ? "" : "s");

  S_parse p;
  memset(&p, 0, sizeof p);
  p.r = r;
  p.pack = o ? o->pack : NULL;
  size_t nl = 0;
  S_split_units(dec.text, &p.u, &nl);
  free(dec.text);
  S_parse_units(&p);
  if (cls) {
    unsigned char *c = pp_xmalloc(nl ? nl : 1);
    memset(c, PP_LINE_BLANK, nl);
    for (size_t k = 0; k < p.u.n; k++) {
      const S_unit *x = &p.u.v[k];
      int v = x->cls > PP_LINE_NONE && x->cls < PP_LINE_NCLASSES ? x->cls : PP_LINE_NONE;
      for (size_t l = x->line0; l <= x->line1 && l < nl; l++) c[l] = (unsigned char)v;
    }
    *cls = c;
    *nlines = nl;
  }

  if (o && o->url) {
    free(r->url);
    r->url = pp_xstrdup(o->url);
  }
  if (p.genre) r->genre = pp_xstrdup(p.genre);
  if (o && o->issuer) {
    r->issuer = pp_xcalloc(1, sizeof *r->issuer);
    r->issuer->name = pp_xstrdup(o->issuer);
  } else if (p.issuer_guess) {
    r->issuer = pp_xcalloc(1, sizeof *r->issuer);
    r->issuer->name = pp_xstrdup(p.issuer_guess);
  }
  free(p.issuer_guess);
  if (!r->headline) pp_record_warn(r, "no headline found");
  if (r->body.n == 0) pp_record_warn(r, "no body text found");
  if (r->dateline.text && !r->dateline.date)
    pp_record_warn(r, "the dateline gives no date with a year");
  S_units_free(&p.u);
  free(p.seen);
  free(p.body_unit);
  S_pack = saved_pack;
  return r;
}

/* Without a pack (a caller outside a parse), the end marks of
 * data/en/layout-end-marks.txt that newsrooms use most, and the shapes. */
int pp_release_is_end_mark(const char *line) {
  if (S_pack) return S_is_end_mark(line);
  static const char *const marks[] = {"ends", "end", "-ends-", "- ends -", "- end -", "-30-",
                                      "- 30 -", "[ends]", NULL};
  for (int i = 0; marks[i]; i++)
    if (strcasecmp(line, marks[i]) == 0) return 1;
  return S_is_end_mark(line);
}
