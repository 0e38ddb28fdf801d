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
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pp_date.h"
#include "pp_sha256.h"
#include "pp_text.h"

/* ---- small string helpers --------------------------------------------- */

static int S_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int S_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int S_alpha(unsigned char c) { return S_upper(c) || S_lower(c) || c >= 0x80; }
static int S_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int S_starts_ci(const char *s, const char *prefix) {
  return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static size_t S_count_words_n(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n && s[i]; i++) {
    if (s[i] == ' ') {
      in = 0;
    } else if (!in) {
      in = 1;
      w++;
    }
  }
  return w;
}

static size_t S_count_words(const char *s) { return S_count_words_n(s, (size_t)-1); }

/* Skips a dash (-, --, en dash, em dash) at s; returns its bytes or 0. */
static size_t S_dash(const char *s) {
  if (s[0] == '-') return s[1] == '-' ? 2 : 1;
  if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
    return 3;
  return 0;
}

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
} S_unit;

typedef struct {
  S_unit *v;
  size_t n, cap;
} S_units;

typedef struct {
  const char *s;
  size_t n;
} S_line;

static void S_units_push(S_units *u, char *text, int blank_before) {
  pp_xgrow((void **)&u->v, &u->cap, u->n + 1, sizeof *u->v);
  u->v[u->n].text = text;
  u->v[u->n].blank_before = blank_before;
  u->v[u->n].kind = U_TEXT;
  u->v[u->n].norm = NULL;
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
static void S_split_units(const char *text, S_units *out) {
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
  size_t block_max = 0, block_lines = 0;
  int block_ends_sentence = 0;
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
    if (have && !S_is_bullet(s, n) && !S_is_field(s, n) && !S_is_chrome(cur.data)) {
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
      if (have) S_units_push(out, pp_text_collapse(cur.data, cur.len), blank_before);
      pp_buf_clear(&cur);
      pp_buf_add(&cur, s, n);
      have = 1;
      blank_before = blanks > 0;
    }
    blanks = 0;
  }
  if (have) S_units_push(out, pp_text_collapse(cur.data, cur.len), blank_before);
  pp_buf_free(&cur);
  free(lines);
}

/* ---- what a header line is -------------------------------------------- */

/* Site furniture that is neither a section nor text. */
static int S_is_chrome(const char *s) {
  static const char *const exact[] = {
      "home", "menu", "search", "search for", "share", "print", "tweet", "email", "author",
      "published", "posted", "posted in", "tags", "related", "follow us", "scroll to top",
      "back to top", "back", "next", "previous", "close", "log in", "login", "sign in",
      "subscribe", "read more", "view original", "report", "download", "pdf", "contact us",
      NULL};
  static const char *const prefix[] = {"skip to ",  "scroll to ", "click here", "jump to ",
                                       "back to ",  "share this", "print this", "view original",
                                       "read more", "cookie",     "accept ",   "toggle ",
                                       NULL};
  for (int i = 0; exact[i]; i++)
    if (strcasecmp(s, exact[i]) == 0) return 1;
  for (int i = 0; prefix[i]; i++)
    if (S_starts_ci(s, prefix[i])) return 1;
  /* "3 min read" */
  const char *p = s;
  while (S_digit((unsigned char)*p)) p++;
  if (p != s && (S_starts_ci(p, " min read") || S_starts_ci(p, " minute read"))) return 1;
  /* punctuation only */
  if (!S_first_alnum(s)) return 1;
  return 0;
}

/* A self-label: "Press Release", "FOR IMMEDIATE RELEASE", "News Release:".
 * Returns the bytes of the label (with its separator) and sets *genre. */
static size_t S_label(const char *s, const char **genre) {
  static const struct {
    const char *text;
    const char *genre;
    int bare; /* may be followed by the title with no separator */
  } labels[] = {{"for immediate release", "Press Release", 1},
                {"for release", "Press Release", 0},
                {"immediate release", "Press Release", 1},
                {"press release", "Press Release", 1},
                {"news release", "News Release", 0},
                {"media release", "Media Release", 0},
                {"joint press release", "Press Release", 0},
                {"press statement", "Press Statement", 0},
                {"joint statement", "Statement", 0},
                {"media advisory", "Media Advisory", 0},
                {"statement", "Statement", 0},
                {"news", "News", 0},
                {NULL, NULL, 0}};
  for (int i = 0; labels[i].text; i++) {
    size_t l = strlen(labels[i].text);
    if (strncasecmp(s, labels[i].text, l) != 0) continue;
    const char *p = s + l;
    if (S_alpha((unsigned char)*p) || S_digit((unsigned char)*p)) continue;
    /* "News" alone is a section, only "News:" labels */
    if (strcmp(labels[i].text, "news") == 0 && *p != ':') continue;
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
     * separator, but for the labels nothing else begins with */
    if (*p && !sep && !labels[i].bare) continue;
    *genre = labels[i].genre;
    return (size_t)(p - s);
  }
  return 0;
}

/* Lines that carry references, not text: "UNIS/NAR/1085", "SG/SM/19922",
 * "Embargoed until ...", "For information only - not an official document". */
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

/* A menu title glued to its description: "WHO WE AREThe ...", "Our WorkAs ...". */
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
        /* "WorkAs": a lower-case word runs into "As"; "AREThe": capitals into "The" */
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
 * on 28 Dec 2019", "Date: January 27, 2023", "Admin | July 30, 2024").
 * Sets *strength: 2 for a publication date said as such, 1 otherwise. */
static int S_date_line(const char *s, pp_ymd *d, int *strength) {
  size_t off, len;
  if (S_count_words(s) > 12) return 0;
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

/* "Ministers agree": two or more words, a later one in lower case that is
 * not a small word (menus are in Title Case: "Who We Are"). */
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

/* End marks: "###", "-30-", "* *** *", "- END -", "ENDS". */
static int S_is_end_mark(const char *s) {
  if (strcasecmp(s, "ends") == 0 || strcasecmp(s, "-ends-") == 0 || strcasecmp(s, "- ends -") == 0 ||
      strcasecmp(s, "end") == 0 || strcasecmp(s, "- end -") == 0 || strcmp(s, "-30-") == 0 ||
      strcmp(s, "- 30 -") == 0)
    return 1;
  if (!*s) return 0;
  for (const char *p = s; *p; p++)
    if (*p != '#' && *p != '*' && *p != ' ') return 0;
  return 1;
}

/* Navigation strings of many items: "World | Defence | Trade". */
static int S_is_nav_bar(const char *s) {
  int bars = 0;
  for (const char *p = s; *p; p++)
    if (*p == '|') bars++;
  return bars >= 3;
}

/* ---- datelines ---------------------------------------------------------- */

static const char *const S_place_acronyms[] = {"SAR", "UAE", "USA", "UK", "US", "DC", "D.C.",
                                                "EU", "UN", "NY", NULL};

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
    for (size_t k = i; k < j; k++)
      if (S_lower((unsigned char)s[k])) all_caps = 0;
    for (size_t k = i; k < j; k++) {
      unsigned char c = (unsigned char)s[k];
      int first = k == i || s[k - 1] == '\'' || s[k - 1] == '.';
      if (!keep && all_caps && !first) {
        if (S_upper(c)) {
          c = (unsigned char)tolower(c);
        } else if (c == 0xC3 && k + 1 < j && (unsigned char)s[k + 1] >= 0x80 &&
                   (unsigned char)s[k + 1] <= 0x9E && (unsigned char)s[k + 1] != 0x97) {
          /* Latin-1 capitals: U+00C0..U+00DE (less U+00D7) lower by 0x20 */
          pp_buf_addc(&b, (char)c);
          pp_buf_addc(&b, (char)(s[++k] + 0x20));
          continue;
        }
      }
      pp_buf_addc(&b, (char)c);
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

/* A run of place words: "NEW YORK", "Bishkek/Astana", "HONG KONG SAR".
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

static size_t S_spaces(const char *s) {
  size_t i = 0;
  while (s[i] == ' ') i++;
  return i;
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

/* "(UN Information Service)" or "/24-7PressRelease/" after a date. */
static size_t S_source_tag(const char *s) {
  size_t i = S_spaces(s);
  char open = s[i], close = open == '(' ? ')' : open == '/' ? '/' : 0;
  if (!close) return 0;
  size_t lim = strnlen(s + i + 1, 60);
  const char *e = memchr(s + i + 1, close, lim);
  if (!e) return 0;
  return (size_t)(e - s) + 1;
}

static size_t S_date_at(const char *s, pp_ymd *d) {
  size_t i = S_spaces(s);
  size_t k = pp_date_match(s + i, strnlen(s + i, 64), d); /* dates are short */
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
      "while", "meanwhile", "however", "also", "and", "but", NULL};
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

  /* "(Miami – July 30, 2024)" */
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
    /* "(NewMediaWire) - November 17, 2024 - CHICAGO —" */
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

  /* "14 MAY 2021, KHUJAND –" */
  if ((k = S_date_at(s, &date)) && date.m) {
    i = k;
    if (s[i] == ',') i++;
    i += S_spaces(s + i);
    size_t pl = S_place(s + i, 1, &keep, &words);
    if (pl) {
      size_t sp = S_sep(s + i + pl, 0);
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
  /* "GENEVA (4 March 2019) –" */
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
  /* "ALMATY. KAZINFORM –" */
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
  /* "SANTA ANA –", "Washington, D.C. –", "HONG KONG SAR - [Wire](url) - 5 June 2026 -" */
  size_t sp = S_sep(s + i, caps ? 2 : 0);
  /* "Geneva, Switzerland –" is a dateline; a longer run of capitalised
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

/* A header line that is a whole dateline, "Brussels, 5 May 2020": kept
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
static int S_find_dateline(S_parse *p, size_t i, int strict) {
  char *s = p->u.v[i].text;
  char *place = NULL;
  int y, m, d;
  size_t k = pp_dateline_match(s, &place, &y, &m, &d);
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
  /* "...caption.ISTANBUL, 30 June 2013 - text" */
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

static void S_add_body(S_parse *p, const char *s) {
  /* units are collapsed already; what was cut from them (a dateline, a
   * Markdown link) can only leave spaces at the ends */
  while (*s == ' ') s++;
  size_t n = strlen(s);
  while (n > 0 && s[n - 1] == ' ') n--;
  char *t = pp_xstrndup(s, n);
  if (*t && !S_seen_paragraph(p, t))
    pp_strv_take(&p->r->body, t);
  else
    free(t);
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

/* A short title above the full headline ("Appeal Launched For $1 Bn" then
 * "Agency Launches Appeal For $1 Billion To Aid ..."): the next title line
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
  p->u.v[k].kind = U_DROP;
}

/* Site furniture of the header: chrome, references, glued menus, bars of
 * links (and, above the headline, bylines). */
static int S_is_furniture(const char *s, int bylines) {
  return S_is_chrome(s) || S_is_meta(s) || S_is_glued_menu(s) || S_is_nav_bar(s) ||
         (bylines && S_is_byline(s));
}

/* A date line of the header ("Published on ...", "Brussels, 5 May 2020"):
 * its date is noted, a whole dateline kept, and the unit left out. */
static int S_take_date_line(S_parse *p, S_unit *x) {
  pp_ymd d;
  int st;
  if (!S_date_line(x->text, &d, &st)) return 0;
  S_note_date(p, &d, st);
  S_dateline_line(p, x->text);
  x->kind = U_DROP;
  return 1;
}

/* Is unit i the last one the text has (a one-sentence text is no title)? */
static int S_last_unit(const S_parse *p, size_t i) {
  for (size_t k = i + 1; k < p->u.n; k++)
    if (p->u.v[k].kind != U_DROP && !S_is_end_mark(p->u.v[k].text)) return 0;
  return 1;
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
        x->kind = U_DROP;
        continue;
      }
      if (!S_is_title_like(s + lk)) { /* "FOR IMMEDIATE RELEASE: Headline" goes on below */
        x->kind = U_DROP;
        continue;
      }
    }
    if (S_is_furniture(s, 1)) {
      x->kind = U_DROP;
      continue;
    }
    if (S_take_date_line(p, x)) continue;
    if (S_is_bullet(s, strlen(s)) && !S_is_body_like(s)) { /* a menu's items */
      x->kind = U_DROP;
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
      x->kind = U_DROP;
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
        u->v[++i].kind = U_DROP;
      }
      S_prefer_full_title(p, i);
      i++;
      break;
    }
    if (S_is_section_like(s) && !pp_strv_contains(&r->sections, s)) pp_strv_push(&r->sections, s);
    x->kind = U_DROP;
    short_title = (S_is_sentence_case(s) || (S_is_title_case(s, strlen(s)) && !S_is_chrome(s) &&
                                             S_count_words(s) >= 2 && x->blank_before == 0 &&
                                             i + 1 < u->n && u->v[i + 1].blank_before))
                      ? i
                      : (size_t)-1;
  }
  p->after_headline = i;
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
      u->v[k].kind = U_DROP;
    } else if (S_starts_ci(s, "date:")) {
      int st;
      if (S_date_line(s, &d, &st)) S_note_date(p, &d, 3);
      u->v[k].kind = U_DROP;
    } else if ((S_starts_ci(s, "url:") || S_starts_ci(s, "source:")) &&
               (strstr(s, "http://") || strstr(s, "https://"))) {
      const char *h = strstr(s, "http");
      if (!r->url && !strchr(h, ' ')) r->url = pp_xstrdup(h);
      u->v[k].kind = U_DROP;
    } else if (strcasecmp(s, "content:") == 0) {
      u->v[k].kind = U_DROP;
    } else if (s[0] == '#' && s[1] == ' ' && !r->headline) {
      r->headline = pp_xstrdup(s + 2);
      p->headline_unit = k;
      p->headline_strong = 1;
      u->v[k].kind = U_DROP;
    }
  }

  if (p->headline_strong)
    p->after_headline = p->headline_unit + 1;
  else
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
      x->kind = U_DROP;
      reprinted = 1;
      continue;
    }
    if (lk && !body_like) {
      if (!p->genre) p->genre = g;
      if (S_date_line(s, &d, &st)) S_note_date(p, &d, st);
      x->kind = U_DROP;
      continue;
    }
    if (p->from_page_title && !reprinted && !body_like) {
      /* between a page title and the headline's print: the site's menus */
      if (S_date_line(s, &d, &st)) S_note_date(p, &d, st);
      if (S_is_section_like(s) && !S_is_chrome(s) && !pp_strv_contains(&r->sections, s))
        pp_strv_push(&r->sections, s);
      x->kind = U_DROP;
      continue;
    }
    if (S_is_nav_bar(s) && !p->headline_strong) {
      /* the headline stood above the site's navigation: look again below it */
      free(r->headline);
      r->headline = NULL;
      free(r->subheadline);
      r->subheadline = NULL;
      x->kind = U_DROP;
      S_find_headline(p, i + 1);
      i = p->after_headline - 1;
      continue;
    }
    if (S_is_furniture(s, 0)) {
      x->kind = U_DROP;
      continue;
    }
    char *pl = NULL;
    int y, m, dd;
    size_t dk = pp_dateline_match(s, &pl, &y, &m, &dd);
    if (dk) {
      const char *rest = s + dk;
      if (!*rest) { /* "CHICAGO —" on a line of its own */
        S_set_dateline(p, s, dk, pl, y, m, dd);
        x->kind = U_DROP;
        p->strip_dash = 1;
        continue;
      }
      if (r->headline && S_word_cover(rest, r->headline) >= 0.8 &&
          S_count_words(rest) <= S_count_words(r->headline) + 2) {
        S_set_dateline(p, s, dk, pl, y, m, dd); /* "Place- Headline." */
        x->kind = U_DROP;
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
        x->kind = U_DROP;
        continue;
      }
      break;
    }
    if (S_count_words(s) <= 6 && !S_ends_terminal(s)) {
      x->kind = U_DROP; /* a byline, a menu item, "from the Office of ..." */
      continue;
    }
    break;
  }
  p->body_start = (int)i;

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
    if (!*s) continue;
    if (S_is_end_mark(s) || S_is_nav_bar(s) || S_is_glued_menu(s)) continue;
    if (pp_strv_contains(&r->sections, s)) continue;
    if (r->headline && strcmp(s, r->headline) == 0) continue;
    S_unmarkdown(s);
    S_add_body(p, s);
  }
  /* a dateline at the end: "Geneva, 5 June 2018" alone, among the last
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
    } else {
      free(pl);
    }
  }

  /* The date: the dateline's, else the header's, else one the first
   * sentence gives ("On 14 June 2019 ...", "Today, 10 July 2020, ..."). */
  if (!r->dateline.date && p->hdr_strength) {
    char iso[11];
    if (pp_date_iso(&p->hdr_date, iso) == 0) r->dateline.date = pp_xstrdup(iso);
  }
  if (!r->dateline.date && r->body.n > 0) {
    const char *b = r->body.v[0];
    const char *end = b;
    while (*end && !(*end == '.' && end[1] == ' ' && end - b > 3 && !S_upper((unsigned char)end[-1])))
      end++;
    pp_ymd d;
    size_t off, len;
    if (pp_date_find(b, (size_t)(end - b), 1, &d, &off, &len) && off < 40) {
      char iso[11];
      if (pp_date_iso(&d, iso) == 0) r->dateline.date = pp_xstrdup(iso);
    }
  }
}

pp_record *pp_release_parse(const unsigned char *raw, size_t n, const pp_release_opts *o,
                            char **why) {
  pp_decoded dec;
  if (pp_text_decode(raw, n, &dec, why) < 0) return NULL;

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
  S_split_units(dec.text, &p.u);
  free(dec.text);
  S_parse_units(&p);

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
  return r;
}

int pp_release_is_end_mark(const char *line) { return S_is_end_mark(line); }
